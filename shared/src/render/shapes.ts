// Pipeline node shapes in classic VSM notation: process boxes over data boxes with their
// bottleneck marks, the trigger that starts the flow and the customer's factory that ends it.
// Each takes its body rectangle (from layout.ts) and display-ready strings, and returns one <g>
// carrying the node's id.
import type { Rect } from './layout.ts';
import { DATA_H, DATA_ROW_H, PROC_H, ROOF_H, STAGE_W } from './layout.ts';
import { el, ellipsize, num, text, textLines, textWidth, wrapText } from './svg.ts';
import type { HeatLevel } from './theme.ts';
import { COLORS, HEAT_COLORS } from './theme.ts';

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
  critical: boolean;
  inCycle: boolean;
}

function outline(v: { critical: boolean; inCycle: boolean; quality?: boolean }, base: string) {
  if (v.inCycle) return { stroke: COLORS.danger, width: 2.5, dash: '6 4' };
  if (v.quality) return { stroke: COLORS.quality, width: 3, dash: undefined };
  if (v.critical) return { stroke: COLORS.critical, width: 2.5, dash: undefined };
  return { stroke: base, width: 1.25, dash: undefined };
}

const DATA_LABELS = ['LT', 'PT', '%C/A', 'Eff.'] as const;

export function stageShape(r: Rect, v: StageView): string {
  const { x, y } = r;
  const w = STAGE_W;
  const line = outline(v, COLORS.offPath);
  const parts: string[] = [
    el('rect', { x, y, width: w, height: PROC_H, fill: HEAT_COLORS[v.heat] }),
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
  DATA_LABELS.forEach((label, i) => {
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

  if (v.quality) {
    const label = 'Low C/A';
    const tagW = textWidth(label, 11, true) + 14;
    parts.push(
      el(
        'g',
        { class: 'quality-tag' },
        el('rect', { x: x + 6, y: y - 23, width: tagW, height: 20, rx: 10, fill: COLORS.quality }) +
          text(x + 6 + tagW / 2, y - 9, label, {
            size: 11,
            weight: 'bold',
            fill: '#ffffff',
            anchor: 'middle',
          }),
      ),
    );
  }
  // Above the top edge, clear of the name, which starts ~9 px below it.
  if (v.rank !== null) parts.push(rankBadge(x + w - 16, y - 7, v.rank));

  return el(
    'g',
    {
      class: 'stage',
      'data-node-id': v.id,
      'data-heat': v.heat,
      'data-critical': v.critical,
      'data-rank': v.rank ?? undefined,
      'data-quality': v.quality,
    },
    parts.join(''),
  );
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
      text(cx, top + 10, isStart ? 'START' : 'CUSTOMER', {
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
