// Moving the view: fit, zoom, reveal a node, and fitting once an edit has reached the screen.
// Any of these, started by this person, ends following someone else's view.
import type { NodeType } from '@flowmap/shared';
import type { ReactFlowInstance } from '@xyflow/react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { activeState } from './activeState.ts';
import { boundsOf, fitViewport, measureInsets } from './fitView.ts';
import type { Size, VsmEdge, VsmNode, XY } from './types.ts';

export function stopFollowing(): void {
  if (useEditor.getState().following !== null) setEditor({ following: null });
}

/** Runs `fn` once the session has put the next document change into the store. */
function afterNextSnapshot(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    unsubscribe();
    requestAnimationFrame(fn);
  };
  const unsubscribe = useEditor.subscribe((s, prev) => {
    if (s.map !== prev.map) run();
  });
  setTimeout(run, 500);
}

export function createViewActions(
  flow: ReactFlowInstance<VsmNode, VsmEdge>,
  container: () => HTMLElement | null,
  sizeOf: (id: string, type: NodeType) => Size,
) {
  /** The map in the part of the canvas no overlay covers, never below a readable zoom. */
  const fitTo = (duration: number) => {
    const box = container();
    const state = activeState();
    if (!box || !state) return;
    const bounds = boundsOf(
      Object.entries(state.nodes).map(([id, n]) => ({ x: n.x, y: n.y, ...sizeOf(id, n.type) })),
    );
    if (!bounds) return;
    const size = { width: box.clientWidth, height: box.clientHeight };
    if (size.width === 0 || size.height === 0) return;
    void flow.setViewport(fitViewport(bounds, size, measureInsets(box)), { duration });
  };
  const fitView = () => {
    stopFollowing();
    fitTo(250);
  };
  return {
    fitView,
    /** Fit without animation and without ending a follow: a new state or layout on screen. */
    fitNow: () => fitTo(0),
    fitAfterNextSnapshot: () => afterNextSnapshot(fitView),
    zoomIn: () => {
      stopFollowing();
      void flow.zoomIn({ duration: 150 });
    },
    zoomOut: () => {
      stopFollowing();
      void flow.zoomOut({ duration: 150 });
    },

    /** The centre of the canvas on screen, in flow coordinates. */
    viewportCentre(): XY {
      const rect = container()?.getBoundingClientRect();
      if (!rect) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
      });
    },

    /** Pans (keeping the zoom) so a rectangle in flow coordinates is fully on screen. */
    reveal(rect: { x: number; y: number; width: number; height: number }): void {
      const element = container();
      if (!element) return;
      const box = element.getBoundingClientRect();
      // The overlays (toolbar and key figures, legend, minimap) cover the canvas' edges.
      const insets = measureInsets(element);
      const topLeft = flow.screenToFlowPosition({
        x: box.left + insets.left + 24,
        y: box.top + insets.top + 12,
      });
      const bottomRight = flow.screenToFlowPosition({
        x: box.right - insets.right - 24,
        y: box.bottom - insets.bottom - 12,
      });
      const inside =
        rect.x >= topLeft.x &&
        rect.y >= topLeft.y &&
        rect.x + rect.width <= bottomRight.x &&
        rect.y + rect.height <= bottomRight.y;
      if (inside) return;
      stopFollowing();
      void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, {
        zoom: flow.getZoom(),
        duration: 250,
      });
    },
  };
}
