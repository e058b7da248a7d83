// Bottleneck heat: how much of the critical path's waiting a stage holds, in five levels. One
// scale for every picture of a map — canvas, minimap, timeline ladder and the exported SVG — so
// the same stage is never "hot" in one and "mild" in another.

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

/** Upper bounds (exclusive) of heat levels 1–3 as a share of the critical path's waiting. */
export const HEAT_BOUNDS = [0.1, 0.2, 0.35] as const;

export function heatLevel(waitingShare: number): HeatLevel {
  if (!Number.isFinite(waitingShare) || waitingShare <= 0) return 0;
  if (waitingShare < HEAT_BOUNDS[0]) return 1;
  if (waitingShare < HEAT_BOUNDS[1]) return 2;
  if (waitingShare < HEAT_BOUNDS[2]) return 3;
  return 4;
}
