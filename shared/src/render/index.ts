// The deterministic SVG renderer: one state of a map as a standalone VSM diagram, string in,
// string out. Pure (no DOM, no Node, no Yjs), so the client, the server and the CLI share it.

export {
  bottleneckReason,
  capacityReason,
  cycleLoop,
  cycleMessage,
  displayReasons,
  type PanelsT,
  qualityReason,
  unitWord,
  type WordedReasons,
  wordReasons,
} from './reasons.ts';
export type { RenderOptions } from './renderState.ts';
export { renderStateSvg } from './renderState.ts';
export { escapeXml } from './svg.ts';
export type { HeatLevel } from './theme.ts';
export {
  COLORS,
  DORA_LEVEL_COLORS,
  FONT_STACK,
  HEAT_BOUNDS,
  HEAT_COLORS,
  heatLevel,
} from './theme.ts';
