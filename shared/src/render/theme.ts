// Colours, fonts and the bottleneck heat scale of exported diagrams. The heat palette and the
// quality colour are the editor's (client/src/styles/app.css), so an export looks like the canvas.

// Fonts with Arial's metrics first (Arial on Windows and macOS, Liberation Sans on Linux), so a
// browser and resvg on the same machine pick the same face; then the wider DejaVu Sans that
// svg.ts's width estimates are calibrated for; then whatever the system has.
export const FONT_STACK =
  "Arial, 'Liberation Sans', 'Helvetica Neue', Helvetica, 'DejaVu Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const COLORS = {
  background: '#ffffff',
  text: '#1d2330',
  muted: '#5b6474',
  border: '#d8dce3',
  surface2: '#f0f2f5',
  accent: '#2456d6',
  accentSoft: '#e6edfd',
  danger: '#c62828',
  dangerSoft: '#fdecea',
  ok: '#1e7d3c',
  okSoft: '#e6f4ea',
  warn: '#b26a00',
  quality: '#8e24aa',
  critical: '#1d2330',
  offPath: '#8a93a3',
  badge: '#b3261e',
  rework: '#c62828',
  kaizenFill: '#fff0b3',
  kaizenStroke: '#d84315',
  noteFill: '#fff59d',
  noteFold: '#f1df5f',
  noteStroke: '#d9c43f',
  // The sticky's text and team, as on the editor's canvas (client/src/canvas/nodes/shapes.css).
  noteText: '#3a3000',
  noteTeam: '#6b5d00',
  // The queue's inventory triangle, as on the editor's canvas (client/src/canvas/nodes/queue.css).
  queueFill: '#fff8e1',
  queueStroke: '#b26a00',
  // A step busier than the capacity threshold: distinct from the quality purple and the rank red.
  capacity: '#00695c',
  // A step on no counted path: drawn faded, tagged in the grey of the off-path arrows.
  notCounted: '#6b7280',
} as const;

/** How strongly a step on no counted path is faded: still legible, clearly not part of the flow. */
export const NOT_COUNTED_OPACITY = 0.45;

export const HEAT_COLORS = ['#ffffff', '#fff1d6', '#ffd9a0', '#ffb36b', '#f47c48'] as const;

// The heat scale itself is a metrics concept, shared with the editor.
export { HEAT_BOUNDS, type HeatLevel, heatLevel } from '../metrics/heat.ts';

export const DORA_LEVEL_COLORS = {
  elite: '#1e7d3c',
  high: '#2456d6',
  medium: '#b26a00',
  low: '#c62828',
} as const;
