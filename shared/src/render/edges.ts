// Flow arrows (solid, forward from the right side of a box to the left side of the next) and
// rework arrows (dashed, curving under the data boxes back to the step that gets the work again),
// with the share of an either/or route on its arrow and the rate of a rework loop on its label.
import type { Rect } from './layout.ts';
import { exitPoint } from './layout.ts';
import { el, num, text, textWidth } from './svg.ts';
import { COLORS } from './theme.ts';
import { words } from './words.ts';

/** The arrowhead tip lies this far beyond the end of its path (see the markers' refX). */
const HEAD = 6;

const MARKERS = [
  { id: 'fm-arrow', color: COLORS.offPath, size: 11 },
  { id: 'fm-arrow-critical', color: COLORS.critical, size: 13 },
  { id: 'fm-arrow-rework', color: COLORS.rework, size: 11 },
  { id: 'fm-arrow-cycle', color: COLORS.danger, size: 13 },
] as const;

/**
 * Arrowheads in user space, so their size does not follow the stroke width; the tip sits HEAD px
 * past the path's end, which therefore stops short of the box it points at.
 */
export function markerDefs(): string {
  return MARKERS.map(({ id, color, size }) =>
    el(
      'marker',
      {
        id,
        viewBox: `0 0 ${size} ${size}`,
        refX: size - HEAD,
        refY: size / 2,
        markerWidth: size,
        markerHeight: size,
        markerUnits: 'userSpaceOnUse',
        orient: 'auto',
      },
      el('path', { d: `M0,1 L${size},${size / 2} L0,${size - 1} Z`, fill: color }),
    ),
  ).join('');
}

interface Pt {
  x: number;
  y: number;
}

function p(pt: Pt): string {
  return `${num(pt.x)},${num(pt.y)}`;
}

// Math.sqrt is exact in every engine, unlike Math.hypot, so the output cannot differ between them.
function distance(a: Pt, b: Pt): number {
  return Math.sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
}

/** `to` moved back towards `from` by `by` px. */
function pullBack(from: Pt, to: Pt, by: number): Pt {
  const len = distance(from, to);
  if (len <= by) return from;
  return { x: to.x - ((to.x - from.x) / len) * by, y: to.y - ((to.y - from.y) / len) * by };
}

export interface FlowPath {
  d: string;
  /** The point a fraction `t` along the drawn arrow (by parameter, not length). */
  at: (t: number) => Pt;
}

const lerp = (a: Pt, b: Pt, t: number): Pt => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});

/**
 * The path of a flow arrow between two anchor boxes: a bezier when the target lies ahead, 'loop'
 * when it lies behind (drawn like a rework arrow, so it does not run back over the forward one),
 * a straight segment for stacked boxes, or null when the boxes touch.
 */
export function flowPath(from: Rect, to: Rect): FlowPath | 'loop' | null {
  const s = { x: from.x + from.w, y: from.y + from.h / 2 };
  const t = { x: to.x, y: to.y + to.h / 2 };
  if (t.x - s.x >= 24) {
    const end = { x: t.x - HEAD, y: t.y };
    if (Math.abs(s.y - t.y) < 0.5) {
      return { d: `M${p(s)} L${p(end)}`, at: (k) => lerp(s, end, k) };
    }
    // Horizontal tangents at both ends, like the editor's bezier edges.
    const mx = (s.x + t.x) / 2;
    const curve: Pt4 = [s, { x: mx, y: s.y }, { x: mx, y: t.y }, end];
    return {
      d: `M${p(s)} C${num(mx)},${num(s.y)} ${num(mx)},${num(t.y)} ${p(end)}`,
      at: (k) => cubicAt(curve, k),
    };
  }
  const fc = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const tc = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  if (tc.x < fc.x && fc.x - tc.x >= Math.abs(tc.y - fc.y)) return 'loop';
  const a = exitPoint(from, tc.x, tc.y);
  const b = exitPoint(to, fc.x, fc.y);
  if (distance(a, b) < HEAD + 8) return null;
  const end = pullBack(a, b, HEAD);
  return { d: `M${p(a)} L${p(end)}`, at: (k) => lerp(a, end, k) };
}

// From the middle outwards: the first place on the arrow where the label covers no box.
const LABEL_SPOTS = [0.5, 0.62, 0.38, 0.74, 0.26, 0.84, 0.16] as const;

/**
 * Where a label `w` × 20 px sits on an arrow: its middle, unless that covers one of `boxes` (a
 * short arrow between close boxes); then the nearest spot along it that covers none.
 */
export function labelSpot(path: FlowPath, w: number, boxes: readonly Rect[]): Pt {
  const clear = (c: Pt) =>
    boxes.every(
      (r) =>
        c.x + w / 2 <= r.x || c.x - w / 2 >= r.x + r.w || c.y + 10 <= r.y || c.y - 10 >= r.y + r.h,
    );
  for (const t of LABEL_SPOTS) {
    const c = path.at(t);
    if (clear(c)) return c;
  }
  return path.at(0.5);
}

/** Width of a share label (see shareLabel). */
export function shareLabelWidth(label: string): number {
  return textWidth(label, 12, true) + 10;
}

export type FlowStyle = 'critical' | 'normal' | 'cycle';

const FLOW_STYLES = {
  critical: { stroke: COLORS.critical, width: 3, marker: 'fm-arrow-critical' },
  normal: { stroke: COLORS.offPath, width: 1.75, marker: 'fm-arrow' },
  cycle: { stroke: COLORS.danger, width: 3, marker: 'fm-arrow-cycle' },
} as const;

export function flowEdge(id: string, d: string, style: FlowStyle): string {
  const look = FLOW_STYLES[style];
  return el('path', {
    class: style === 'normal' ? 'edge flow' : `edge flow ${style}`,
    'data-edge-id': id,
    d,
    fill: 'none',
    stroke: look.stroke,
    'stroke-width': look.width,
    'marker-end': `url(#${look.marker})`,
  });
}

/** A kaizen burst's dotted link to the stage it improves: centre to the nearest box edge. */
export function linkEdge(id: string, burst: Rect, stage: Rect): string {
  const from = { x: burst.x + burst.w / 2, y: burst.y + burst.h / 2 };
  const below = from.y < stage.y;
  const to = { x: stage.x + stage.w / 2, y: below ? stage.y : stage.y + stage.h };
  return el('path', {
    class: 'edge link',
    'data-edge-id': id,
    d: `M${p(from)} L${p(to)}`,
    fill: 'none',
    stroke: '#d4a017',
    'stroke-width': 2.5,
    'stroke-dasharray': '2 5',
    'stroke-linecap': 'round',
  });
}

export interface LoopGeometry {
  d: string;
  labelX: number;
  labelY: number;
  /** Highest and lowest points drawn (label included), for sizing the map area. */
  top: number;
  bottom: number;
}

type Pt4 = [Pt, Pt, Pt, Pt];

function cubicAt([a, b, c, d]: Pt4, t: number): Pt {
  const u = 1 - t;
  return {
    x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
    y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y,
  };
}

/** A curve leaving `from` and entering `to` both below ('under') or both above ('over'). */
function reworkCurve(from: Rect, to: Rect, side: 'under' | 'over'): Pt4 {
  const under = side === 'under';
  const s = { x: from.x + from.w / 2 + 12, y: under ? from.y + from.h : from.y };
  const t = { x: to.x + to.w / 2 - 12, y: under ? to.y + to.h : to.y };
  const depth = Math.max(48, Math.min(110, Math.abs(t.x - s.x) * 0.18 + 40));
  const turn = under ? Math.max(s.y, t.y) + depth : Math.min(s.y, t.y) - depth;
  // The tangent at the end is vertical, so the arrowhead's room is taken vertically.
  const end = { x: t.x, y: under ? t.y + HEAD : t.y - HEAD };
  return [s, { x: s.x, y: turn }, { x: t.x, y: turn }, end];
}

/** How many boxes other than the two ends the curve runs through. */
function crossings(curve: Pt4, obstacles: readonly Rect[], from: Rect, to: Rect): number {
  const samples = Array.from({ length: 25 }, (_, i) => cubicAt(curve, i / 24));
  let count = 0;
  for (const r of obstacles) {
    if (r === from || r === to) continue;
    if (samples.some((q) => q.x >= r.x && q.x <= r.x + r.w && q.y >= r.y && q.y <= r.y + r.h)) {
      count++;
    }
  }
  return count;
}

/**
 * An arrow from `from` back to `to` (rework, or a flow edge pointing backwards): under the data
 * boxes as in classic VSM drawings, unless arching over the boxes crosses fewer other nodes.
 */
export function loopGeometry(from: Rect, to: Rect, obstacles: readonly Rect[]): LoopGeometry {
  const under = reworkCurve(from, to, 'under');
  const over = reworkCurve(from, to, 'over');
  const curve =
    crossings(over, obstacles, from, to) < crossings(under, obstacles, from, to) ? over : under;
  const [s, c1, c2, end] = curve;
  const mid = cubicAt(curve, 0.5);
  const ys = [s.y, end.y, mid.y - 12, mid.y + 12];
  return {
    d: `M${p(s)} C${p(c1)} ${p(c2)} ${p(end)}`,
    labelX: mid.x,
    labelY: mid.y,
    top: Math.min(...ys),
    bottom: Math.max(...ys),
  };
}

/**
 * The share of an either/or route ("80%") on its arrow, in a white box that interrupts the line
 * so the figure reads at a projector's distance.
 */
export function shareLabel(id: string, at: Pt, label: string, style: FlowStyle): string {
  const w = shareLabelWidth(label);
  const color = style === 'normal' ? COLORS.muted : FLOW_STYLES[style].stroke;
  return el(
    'g',
    { class: 'share-label', 'data-edge-id': id },
    el('rect', {
      x: at.x - w / 2,
      y: at.y - 10,
      width: w,
      height: 20,
      rx: 10,
      fill: COLORS.background,
      stroke: color,
      'stroke-width': 1,
    }) + text(at.x, at.y + 4, label, { size: 12, weight: 'bold', fill: color, anchor: 'middle' }),
  );
}

/** A rework arrow; its label says how much is sent back when the map says ("rework 20%"). */
export function reworkEdge(id: string, g: LoopGeometry, rate: string | null = null): string {
  const t = words();
  const label = rate === null ? t('node.rework') : t('node.reworkRate', { rate });
  const w = textWidth(label, 12, true) + 12;
  return el(
    'g',
    { class: 'edge rework', 'data-edge-id': id },
    el('path', {
      d: g.d,
      fill: 'none',
      stroke: COLORS.rework,
      'stroke-width': 2,
      'stroke-dasharray': '7 5',
      'marker-end': 'url(#fm-arrow-rework)',
    }) +
      el('rect', {
        x: g.labelX - w / 2,
        y: g.labelY - 10,
        width: w,
        height: 20,
        rx: 4,
        fill: COLORS.background,
      }) +
      text(g.labelX, g.labelY + 4, label, {
        size: 12,
        italic: true,
        weight: 'bold',
        fill: COLORS.rework,
        anchor: 'middle',
      }),
  );
}
