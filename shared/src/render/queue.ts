// A queue on the flow in VSM notation: the inventory triangle with its "I", and under it the
// queue's name, its wait as the metrics count it and how many items it holds. Takes its body
// rectangle (from layout.ts) and display-ready strings, like the shapes in shapes.ts.
import type { Rect } from './layout.ts';
import { PROC_H, QUEUE_W, TRIANGLE_W } from './layout.ts';
import { notCountedTag, rankBadge, tagPill } from './shapes.ts';
import { el, ellipsize, num, text, textLines, wrapText } from './svg.ts';
import type { HeatLevel } from './theme.ts';
import { COLORS, HEAT_COLORS, NOT_COUNTED_OPACITY } from './theme.ts';

export interface QueueView {
  id: string;
  name: string;
  /** The wait as the metrics count it, formatted; "wait?" when it cannot be known. */
  wait: string;
  waitMissing: boolean;
  /** "12 changes" when the queue says how many items wait, else "". */
  items: string;
  heat: HeatLevel;
  rank: number | null;
  critical: boolean;
  inCycle: boolean;
  counted: boolean;
}

/**
 * The box a flow arrow attaches to: the triangle's width at half its height, so that a level
 * arrow meets the slanted side instead of stopping short of it.
 */
export function queueAnchor(r: Rect): Rect {
  const cx = r.x + QUEUE_W / 2;
  return { x: cx - TRIANGLE_W / 4, y: r.y, w: TRIANGLE_W / 2, h: PROC_H };
}

/** The VSM inventory triangle with its "I", and under it the queue's name, wait and items. */
export function queueShape(r: Rect, v: QueueView): string {
  const { x, y } = r;
  const cx = x + QUEUE_W / 2;
  const half = TRIANGLE_W / 2;
  const stroke = v.inCycle ? COLORS.danger : COLORS.queueStroke;
  const parts: string[] = [
    el('polygon', {
      points: `${num(cx)},${num(y + 1)} ${num(cx + half)},${num(y + PROC_H - 1)} ${num(cx - half)},${num(y + PROC_H - 1)}`,
      fill: v.heat > 0 ? HEAT_COLORS[v.heat] : COLORS.queueFill,
      stroke,
      'stroke-width': v.critical ? 3 : 2,
      'stroke-dasharray': v.inCycle ? '6 4' : undefined,
      'stroke-linejoin': 'round',
    }),
    text(cx, y + PROC_H - 10, 'I', { size: 22, weight: 'bold', fill: stroke, anchor: 'middle' }),
  ];
  const nameLines = wrapText(v.name, QUEUE_W - 8, 13, 2, true);
  parts.push(
    textLines(cx, y + PROC_H + 16, nameLines, 16, {
      size: 13,
      weight: 'bold',
      fill: COLORS.text,
      anchor: 'middle',
    }),
  );
  let base = y + PROC_H + 16 + Math.max(1, nameLines.length) * 16 + 2;
  parts.push(
    text(
      cx,
      base,
      ellipsize(v.wait, QUEUE_W - 8, 13, true),
      {
        size: 13,
        weight: 'bold',
        fill: v.waitMissing ? COLORS.warn : COLORS.text,
        anchor: 'middle',
      },
      { class: 'value wait' },
    ),
  );
  if (v.items) {
    base += 16;
    parts.push(
      text(cx, base, ellipsize(v.items, QUEUE_W - 8, 12), {
        size: 12,
        fill: COLORS.muted,
        anchor: 'middle',
      }),
    );
  }
  const marks: string[] = [];
  if (!v.counted) marks.push(tagPill(x + 6, y - 3, notCountedTag()).svg);
  // Beside the triangle's narrow top, where it covers nothing.
  if (v.rank !== null) marks.push(rankBadge(cx + 34, y + 14, v.rank));
  const body = v.counted
    ? parts.join('')
    : el('g', { class: 'faded', opacity: NOT_COUNTED_OPACITY }, parts.join(''));
  return el(
    'g',
    {
      class: 'queue',
      'data-node-id': v.id,
      'data-heat': v.heat,
      'data-critical': v.critical,
      'data-rank': v.rank ?? undefined,
      'data-counted': v.counted ? undefined : 'false',
    },
    body + marks.join(''),
  );
}
