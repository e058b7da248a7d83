// Semantic zoom: below a zoom where the boxes' 14–15 px text turns to specks, stages are drawn
// simplified (name only, in large type, no data box). Two levels, so the canvas re-renders when
// the level changes, never on every zoom frame (300-stage maps stay smooth).

export type ZoomLevel = 'near' | 'far';

/** Below this zoom the data box's 14 px figures are under ~10 px on screen. */
export const FAR_BELOW = 0.7;

export function zoomLevel(zoom: number): ZoomLevel {
  return zoom < FAR_BELOW ? 'far' : 'near';
}

/**
 * The stage name's font size (flow px) at each level; nodes/semanticZoom.css agrees. At fit's
 * lowest zoom (READABLE_ZOOM, 0.5) a simplified name is 14 px on screen.
 */
export const NAME_PX: Record<ZoomLevel, number> = { near: 15, far: 28 };
