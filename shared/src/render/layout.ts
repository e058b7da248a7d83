// Geometry of an exported diagram: node shapes keep a fixed, legible size while the canvas
// positions are scaled to fit the drawing width, and the timeline ladder gets equal-width steps.
// A map too large to fit legibly makes the drawing wider rather than the text smaller.
import { keepClear } from './clearance.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MARGIN = 32;
export const DEFAULT_WIDTH = 1600;
export const MIN_WIDTH = 640;
export const MAX_WIDTH = 20_000;

/** A stage is a process box (name, team) over its VSM data box (LT, PT, %C/A, efficiency). */
export const STAGE_W = 160;
export const PROC_H = 64;
export const DATA_ROW_H = 19;
export const DATA_ROWS = 4;
export const DATA_H = 10 + DATA_ROWS * DATA_ROW_H;
export const STAGE_H = PROC_H + DATA_H;

/** Start and end nodes share the process box's height so flow arrows between them run level. */
export const TERMINAL_W = 136;
export const TERMINAL_H = PROC_H;
export const ROOF_H = 18;

export const KAIZEN_W = 200;
export const KAIZEN_H = 118;

/**
 * A queue is the VSM inventory triangle, as tall as a process box so that flow arrows run level
 * with its neighbours, over its name (up to two lines), its wait and how many items it holds.
 */
export const QUEUE_W = 128;
export const TRIANGLE_W = 72;
export const QUEUE_H = PROC_H + 72;

/** Room above a stage for its rank badge and its tags ("Low C/A", "Busy 92%", "Not counted"). */
export const BADGE_ROOM = 24;

// Canvas units → px. Above 1 a small map would just get airy; below 0.7 boxes placed ~260 units
// apart in the editor (the template's spacing) start to touch.
const SCALE_MIN = 0.7;
const SCALE_MAX = 1;
/** Canvas coordinates beyond this are junk from a broken document, not a real layout. */
const COORD_LIMIT = 1_000_000;
/** Largest span in px a map may take before legibility gives way to a bounded picture. */
const MAX_SPAN = 200_000;

export interface LayoutItem {
  id: string;
  /** Canvas position of the node's top-left corner (any value; junk is treated as 0). */
  x: unknown;
  y: unknown;
  /** Size of the node's body in px, and how far its decorations reach above and below it. */
  w: number;
  h: number;
  above: number;
  below: number;
  /** The node's footprint in the editor, in canvas units (editorGeometry.ts). */
  editor?: { w: number; h: number };
  /**
   * Moved, if it must be, so that it sits clear of every other node it is clear of in the editor
   * (sticky notes: they take no part in the flow, so moving one changes nothing it says).
   */
  keepClear?: boolean;
}

export interface MapLayout {
  /** Body rectangles by node id, in px relative to the map area's top-left corner. */
  rects: Map<string, Rect>;
  width: number;
  height: number;
  scale: number;
}

function coord(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  return Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, value));
}

/** Places the nodes at their scaled canvas positions, shifted so the drawing starts at (0, 0). */
export function fitNodes(items: readonly LayoutItem[], availW: number): MapLayout {
  const rects = new Map<string, Rect>();
  if (items.length === 0) return { rects, width: 0, height: 0, scale: 1 };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const item of items) {
    const x = coord(item.x);
    const y = coord(item.y);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  // The largest scale at which every node's right edge stays inside the available width.
  let scale = SCALE_MAX;
  for (const item of items) {
    const dx = coord(item.x) - minX;
    if (dx > 0) scale = Math.min(scale, (availW - item.w) / dx);
  }
  scale = Math.max(SCALE_MIN, Math.min(SCALE_MAX, scale));
  const span = Math.max(spanX, spanY);
  if (span * scale > MAX_SPAN) scale = MAX_SPAN / span;

  for (const item of items) {
    const x = (coord(item.x) - minX) * scale;
    const y = (coord(item.y) - minY) * scale;
    rects.set(item.id, { x, y, w: item.w, h: item.h });
  }
  keepClear(items, rects, coord);

  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const item of items) {
    const { x, y } = rects.get(item.id) as Rect;
    left = Math.min(left, x);
    right = Math.max(right, x + item.w);
    top = Math.min(top, y - item.above);
    bottom = Math.max(bottom, y + item.h + item.below);
  }
  for (const rect of rects.values()) {
    rect.x -= left;
    rect.y -= top;
  }
  return { rects, width: right - left, height: bottom - top, scale };
}

/** Where the segment from the centre of `r` towards (tx, ty) leaves the rectangle. */
export function exitPoint(r: Rect, tx: number, ty: number): { x: number; y: number } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const t = Math.min(sx, sy, 1);
  return { x: cx + dx * t, y: cy + dy * t };
}

/** The timeline ladder: a label column, one equal step per critical-path stage, a totals box. */
export const LADDER = {
  titleY: 14,
  nameY: 42,
  ltY: 66,
  upperY: 78,
  lowerY: 116,
  ptY: 136,
  height: 152,
  labelW: 112,
  minStep: 104,
  maxStep: 220,
  totalsGap: 28,
  totalsW: 300,
  totalsTop: 28,
  totalsH: 124,
  /** Share of a step drawn on the upper (waiting) rung before it drops to the lower one. */
  upperShare: 0.58,
  emptyW: 320,
} as const;

export interface LadderGeometry {
  steps: number;
  stepW: number;
  /** Left edge of the first step, relative to the ladder's left edge. */
  stepsX: number;
  totalsX: number;
  width: number;
  height: number;
}

export function ladderGeometry(steps: number, availW: number): LadderGeometry {
  const room = availW - LADDER.labelW - LADDER.totalsGap - LADDER.totalsW;
  const stepW =
    steps > 0 ? Math.max(LADDER.minStep, Math.min(LADDER.maxStep, room / steps)) : LADDER.minStep;
  // Without steps the room holds a one-line hint instead.
  const stepsWidth = steps > 0 ? steps * stepW : LADDER.emptyW;
  const totalsX = LADDER.labelW + stepsWidth + LADDER.totalsGap;
  return {
    steps,
    stepW,
    stepsX: LADDER.labelW,
    totalsX,
    width: totalsX + LADDER.totalsW,
    height: LADDER.height,
  };
}
