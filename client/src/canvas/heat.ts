// Bottleneck heat on the canvas uses the one scale from shared/, like the ladder and the export;
// levels map to the --heat-0..4 design tokens.
export { HEAT_BOUNDS, type HeatLevel, heatLevel } from '@flowmap/shared';
