// Pipeline node shapes in classic VSM notation: process boxes over data boxes with their
// bottleneck marks (a queue's triangle is in queue.ts), the trigger that starts the flow and the
// customer's factory that ends it. Each takes its body rectangle (from layout.ts) and
// display-ready strings, and returns one <g> carrying the node's id.
import type { Rect } from './layout.ts';
import { DATA_H, DATA_ROW_H, PROC_H, ROOF_H, STAGE_W } from './layout.ts';
import { el, ellipsize, num, text, textLines, textWidth, wrapText } from './svg.ts';
import type { HeatLevel } from './theme.ts';
import { COLORS, HEAT_COLORS, NOT_COUNTED_OPACITY } from './theme.ts';
import { words } from './words.ts';

export interface StageView {
  id: string;
  name: string;
  team: string;
  /** Formatted values, "—" when missing. */
  lt: string;
  pt: string;
  pctCA: string;
  efficiency: string;
  heat: HeatLevel;
  rank: number | null;
  quality: boolean;
  /** Utilisation of a capacity bottleneck ("92%"), null when the step is not one. */
  busy: string | null;
  critical: boolean;
  inCycle: boolean;
  /** On a counted path; a step on none is drawn faded and tagged "Not counted". */
  counted: boolean;
  /** Done by another organisation: drawn under the VSM factory roof of an outside source. */
  outside: boolean;
}

function outline(v: { critical: boolean; inCycle: boolean; quality?: boolean }, base: string) {
  if (v.inCycle) return { stroke: COLORS.danger, width: 2.5, dash: '6 4' };
  if (v.quality) return { stroke: COLORS.quality, width: 3, dash: undefined };
  if (v.critical) return { stroke: COLORS.critical, width: 2.5, dash: undefined };
  return { stroke: base, width: 1.25, dash: undefined };
}

const DATA_LABELS = ['lt', 'pt', 'pctCA', 'eff'] as const;

export function stageShape(r: Rect, v: StageView): string {
  const { x, y } = r;
  const w = STAGE_W;
  const t = words();
  const line = outline(v, COLORS.offPath);
  const fill = HEAT_COLORS[v.heat];
  const parts: string[] = [
    el('rect', { x, y, width: w, height: PROC_H, fill }),
    el('rect', { x, y: y + PROC_H, width: w, height: DATA_H, fill: COLORS.background }),
  ];

  // Process box: the name (bold, up to two lines with a team, three without) and the team.
  const nameLines = wrapText(v.name, w - 16, 15, v.team ? 2 : 3, true);
  const teamLine = v.team ? ellipsize(v.team, w - 10, 12) : '';
  const block = nameLines.length * 18 + (teamLine ? 16 : 0);
  const top = y + (PROC_H - block) / 2;
  parts.push(
    textLines(x + w / 2, top + 14, nameLines, 18, {
      size: 15,
      weight: 'bold',
      fill: COLORS.text,
      anchor: 'middle',
    }),
  );
  if (teamLine) {
    parts.push(
      text(x + w / 2, top + nameLines.length * 18 + 12, teamLine, {
        size: 12,
        // Grey on the two hottest fills is too faint to read on a projector.
        fill: v.heat >= 3 ? COLORS.text : COLORS.muted,
        anchor: 'middle',
      }),
    );
  }

  // Data box: one row per measure, label left, value right.
  const values = [v.lt, v.pt, v.pctCA, v.efficiency];
  DATA_LABELS.forEach((key, i) => {
    const label = t(`node.${key}`);
    const base = y + PROC_H + (i + 1) * DATA_ROW_H + 1;
    if (i > 0) {
      const sep = y + PROC_H + 5 + i * DATA_ROW_H;
      parts.push(
        el('line', {
          x1: x + 8,
          y1: sep,
          x2: x + w - 8,
          y2: sep,
          stroke: '#eceef2',
          'stroke-width': 1,
        }),
      );
    }
    const isPct = i === 2;
    parts.push(text(x + 10, base, label, { size: 12, fill: COLORS.muted }));
    parts.push(
      text(
        x + w - 10,
        base,
        ellipsize(values[i] ?? '—', w - 64, 13, true),
        {
          size: 13,
          weight: 'bold',
          fill: isPct && v.quality ? COLORS.quality : COLORS.text,
          anchor: 'end',
        },
        { class: `value ${['lt', 'pt', 'pctca', 'eff'][i]}` },
      ),
    );
  });

  parts.push(
    el('line', {
      x1: x,
      y1: y + PROC_H,
      x2: x + w,
      y2: y + PROC_H,
      stroke: line.stroke,
      'stroke-width': 1,
    }),
    el('rect', {
      x,
      y,
      width: w,
      height: PROC_H + DATA_H,
      fill: 'none',
      stroke: line.stroke,
      'stroke-width': line.width,
      'stroke-dasharray': line.dash,
    }),
  );
  // Another organisation's step sits under the saw-tooth roof of the VSM outside source, the
  // same factory the customer's end node is drawn as.
  if (v.outside) {
    parts.push(
      el('polygon', {
        class: 'outside-roof',
        points: roofPoints(x, y, w),
        fill,
        stroke: line.stroke,
        'stroke-width': line.width,
        'stroke-dasharray': line.dash,
        'stroke-linejoin': 'round',
      }),
    );
  }

  // Marks above the box (above the roof of an outside step): tags from the left, the rank badge
  // at the right, clear of the name, which starts ~9 px below the top edge.
  const markY = v.outside ? y - ROOF_H : y;
  const tags: Tag[] = [];
  if (v.quality) tags.push({ label: t('tag.lowCA'), color: COLORS.quality, cls: 'quality-tag' });
  if (v.busy !== null) {
    // With a quality tag and a rank badge there is no room for the figure; the summary has it.
    const crowded = v.quality && v.rank !== null;
    tags.push({
      label: crowded ? t('tag.busy') : t('tag.busyShare', { share: v.busy }),
      color: COLORS.capacity,
      cls: 'capacity-tag',
    });
  }
  if (!v.counted) tags.push(notCountedTag());
  const marks = tagRow(x + 6, markY - 3, tags);
  if (v.rank !== null) marks.push(rankBadge(x + w - 16, markY - 7, v.rank));

  const body = v.counted
    ? parts.join('')
    : el('g', { class: 'faded', opacity: NOT_COUNTED_OPACITY }, parts.join(''));
  return el(
    'g',
    {
      class: 'stage',
      'data-node-id': v.id,
      'data-heat': v.heat,
      'data-critical': v.critical,
      'data-rank': v.rank ?? undefined,
      'data-quality': v.quality,
      'data-capacity': v.busy !== null,
      'data-counted': v.counted ? undefined : 'false',
      'data-outside': v.outside,
    },
    body + marks.join(''),
  );
}

export interface Tag {
  label: string;
  color: string;
  cls: string;
}

export function notCountedTag(): Tag {
  return { label: words()('tag.notCounted'), color: COLORS.notCounted, cls: 'not-counted-tag' };
}

/** A pill with white bold text whose bottom edge is at `bottom`; returns its width too. */
export function tagPill(x: number, bottom: number, tag: Tag): { svg: string; w: number } {
  const w = textWidth(tag.label, 11, true) + 14;
  return {
    w,
    svg: el(
      'g',
      { class: tag.cls },
      el('rect', { x, y: bottom - 20, width: w, height: 20, rx: 10, fill: tag.color }) +
        text(x + w / 2, bottom - 6, tag.label, {
          size: 11,
          weight: 'bold',
          fill: '#ffffff',
          anchor: 'middle',
        }),
    ),
  };
}

function tagRow(x: number, bottom: number, tags: readonly Tag[]): string[] {
  let cx = x;
  return tags.map((tag) => {
    const pill = tagPill(cx, bottom, tag);
    cx += pill.w + 4;
    return pill.svg;
  });
}

/** The saw-tooth roof of three teeth standing on the top edge of a box `w` wide. */
function roofPoints(x: number, y: number, w: number): string {
  const third = w / 3;
  return [
    [x, y],
    [x, y - ROOF_H],
    [x + third, y],
    [x + third, y - ROOF_H],
    [x + 2 * third, y],
    [x + 2 * third, y - ROOF_H],
    [x + w, y],
  ]
    .map(([px = 0, py = 0]) => `${num(px)},${num(py)}`)
    .join(' ');
}

/** The "#1" badge of a ranked bottleneck, centred at (cx, cy). */
export function rankBadge(cx: number, cy: number, rank: number): string {
  return el(
    'g',
    { class: 'badge', 'data-rank': rank },
    // A fully rounded rect rather than <circle>: the export sticks to a small set of elements.
    el('rect', {
      x: cx - 15,
      y: cy - 15,
      width: 30,
      height: 30,
      rx: 15,
      fill: COLORS.badge,
      stroke: '#ffffff',
      'stroke-width': 2,
    }) +
      text(cx, cy + 4.5, `#${rank}`, {
        size: 12,
        weight: 'bold',
        fill: '#ffffff',
        anchor: 'middle',
      }),
  );
}

export interface TerminalView {
  id: string;
  type: 'start' | 'end';
  name: string;
  critical: boolean;
  inCycle: boolean;
}

/**
 * Start: a pill with a play mark (the trigger that sends a change in). End: the VSM factory of
 * the customer the change reaches. Both as on the editor's canvas.
 */
export function terminalShape(r: Rect, v: TerminalView): string {
  const { x, y, w, h } = r;
  const isStart = v.type === 'start';
  const line = outline(v, isStart ? COLORS.ok : COLORS.text);
  const strokeWidth = line.width === 1.25 ? 1.5 : line.width;
  const body = isStart
    ? el('rect', {
        x,
        y,
        width: w,
        height: h,
        rx: h / 2,
        fill: COLORS.okSoft,
        stroke: line.stroke,
        'stroke-width': strokeWidth,
        'stroke-dasharray': line.dash,
      }) +
      el('rect', { x: x + 12, y: y + h / 2 - 12, width: 24, height: 24, rx: 12, fill: COLORS.ok }) +
      el('polygon', {
        points: `${num(x + 21)},${num(y + h / 2 - 6)} ${num(x + 29)},${num(y + h / 2)} ${num(x + 21)},${num(y + h / 2 + 6)}`,
        fill: '#ffffff',
      })
    : el('polygon', {
        points: factoryPoints(x, y, w, h),
        fill: COLORS.background,
        stroke: line.stroke,
        'stroke-width': strokeWidth,
        'stroke-dasharray': line.dash,
        'stroke-linejoin': 'round',
      });
  const textX = isStart ? x + 42 : x + 10;
  const textW = w - (isStart ? 52 : 20);
  const cx = textX + textW / 2;
  const nameLines = wrapText(v.name, textW, 13, 2, true);
  const block = 14 + nameLines.length * 16;
  const top = y + (h - block) / 2;
  return el(
    'g',
    { class: v.type, 'data-node-id': v.id, 'data-critical': v.critical },
    body +
      text(cx, top + 10, words()(isStart ? 'node.start' : 'node.customer'), {
        size: 11,
        weight: 'bold',
        fill: isStart ? COLORS.ok : COLORS.muted,
        anchor: 'middle',
      }) +
      textLines(cx, top + 27, nameLines, 16, {
        size: 13,
        weight: 'bold',
        fill: COLORS.text,
        anchor: 'middle',
      }),
  );
}

/** The classic VSM factory: a box under a saw-tooth roof of three teeth. */
function factoryPoints(x: number, y: number, w: number, h: number): string {
  const third = w / 3;
  return [
    [x, y + h],
    [x, y - ROOF_H],
    [x + third, y],
    [x + third, y - ROOF_H],
    [x + 2 * third, y],
    [x + 2 * third, y - ROOF_H],
    [x + w, y],
    [x + w, y + h],
  ]
    .map(([px = 0, py = 0]) => `${num(px)},${num(py)}`)
    .join(' ');
}
