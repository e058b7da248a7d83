// How "fit" frames the map. Two rules from projecting it in a workshop room:
// - overlays (the toolbar with the key figures, the legend, the minimap) never sit on top of the
//   pipeline: fit keeps the map inside the part of the canvas they leave free;
// - fit never zooms out below a readable zoom: a long pipeline is shown from its start at that
//   zoom, and the rest is a pan (scroll) away, instead of a row of unreadable boxes.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The lowest zoom fit goes to: stage names (15 px, 28 px when drawn simplified, see zoomLevel.ts)
 * stay at least 14 px tall on screen.
 */
export const READABLE_ZOOM = 0.5;
export const FIT_MAX_ZOOM = 1.1;

/** Space kept between the map and the free area's edge. */
const MARGIN = 24;

/**
 * The viewport that shows `bounds` (flow coordinates) in a `size` canvas minus `insets`. When the
 * whole map fits only below `minZoom`, it is shown at `minZoom`, its start (left edge) in view and
 * vertically centred when it fits that way, else its top in view.
 */
export function fitViewport(
  bounds: Rect,
  size: { width: number; height: number },
  insets: Insets,
  { minZoom = READABLE_ZOOM, maxZoom = FIT_MAX_ZOOM } = {},
): Viewport {
  const freeW = Math.max(1, size.width - insets.left - insets.right - 2 * MARGIN);
  const freeH = Math.max(1, size.height - insets.top - insets.bottom - 2 * MARGIN);
  const w = Math.max(1, bounds.width);
  const h = Math.max(1, bounds.height);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min(freeW / w, freeH / h)));
  const left = insets.left + MARGIN;
  const top = insets.top + MARGIN;
  const x = w * zoom <= freeW ? left + (freeW - w * zoom) / 2 : left;
  const y = h * zoom <= freeH ? top + (freeH - h * zoom) / 2 : top;
  return { x: x - bounds.x * zoom, y: y - bounds.y * zoom, zoom };
}

/** The box around every node, from their positions and sizes. */
export function boundsOf(boxes: Iterable<Rect>): Rect | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return Number.isFinite(minX)
    ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
    : null;
}

/**
 * How much each overlay takes from the canvas edge it sits on. An overlay is counted on the edge
 * it is nearest to, and only by how far it reaches in: a toolbar along the top takes its height
 * from the top, the minimap in the bottom-right corner its height from the bottom.
 */
export function overlayInsets(canvas: Rect, overlays: Iterable<Rect>): Insets {
  const insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const o of overlays) {
    if (o.width <= 0 || o.height <= 0) continue;
    const fromTop = o.y + o.height - canvas.y;
    const fromBottom = canvas.y + canvas.height - o.y;
    const fromLeft = o.x + o.width - canvas.x;
    const fromRight = canvas.x + canvas.width - o.x;
    // Wide overlays (bars) take from the top or bottom; tall ones (side bars) from a side.
    if (o.width >= o.height || o.height < canvas.height / 2) {
      if (fromTop <= fromBottom) insets.top = Math.max(insets.top, fromTop);
      else insets.bottom = Math.max(insets.bottom, fromBottom);
    } else if (fromLeft <= fromRight) insets.left = Math.max(insets.left, fromLeft);
    else insets.right = Math.max(insets.right, fromRight);
  }
  return insets;
}

/** The overlays drawn over the canvas, by their class names (see Canvas.tsx). */
export const OVERLAY_SELECTOR = '.fm-topbar-panel, .fm-legend-panel, .react-flow__minimap';

export function measureInsets(container: HTMLElement): Insets {
  const box = container.getBoundingClientRect();
  const rects = [...container.querySelectorAll(OVERLAY_SELECTOR)].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  return overlayInsets({ x: box.left, y: box.top, width: box.width, height: box.height }, rects);
}
