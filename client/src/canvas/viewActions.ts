// Moving the view: fit, zoom, reveal a node, and fitting once an edit has reached the screen.
// Any of these, started by this person, ends following someone else's view.
import type { ReactFlowInstance } from '@xyflow/react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { VsmEdge, VsmNode, XY } from './elements.ts';
import { FIT_VIEW_OPTIONS } from './fitView.ts';

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
) {
  const fitView = () => {
    stopFollowing();
    void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 250 });
  };
  return {
    fitView,
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
      const box = container()?.getBoundingClientRect();
      if (!box) return;
      // The toolbar covers the top of the canvas.
      const topLeft = flow.screenToFlowPosition({ x: box.left + 24, y: box.top + 72 });
      const bottomRight = flow.screenToFlowPosition({ x: box.right - 24, y: box.bottom - 24 });
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
