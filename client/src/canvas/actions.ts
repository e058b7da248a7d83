// What the canvas can do, in one place for the toolbar, the keyboard and the nodes and edges:
// the actions on nodes, arrows and the clipboard (each in its own module), undo, layout and the
// view. Every change goes through a shared/doc command with the local origin, one undo step each
// (editSteps.ts); the store's selection is local UI state.
import type { NodeType } from '@flowmap/shared';
import { moveNodes } from '@flowmap/shared/doc';
import type { ReactFlowInstance } from '@xyflow/react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { MapSession } from '../sync/session.ts';
import { activeState, select } from './activeState.ts';
import { startRename, useCanvasUi } from './canvasUi.ts';
import { createClipboardActions } from './clipboardActions.ts';
import { createEdgeActions } from './edgeActions.ts';
import { createEditSteps } from './editSteps.ts';
import { createFlowActions } from './flowActions.ts';
import { createKeyboardActions } from './keyboardActions.ts';
import { autoLayout } from './layout.ts';
import { createNodeActions } from './nodeActions.ts';
import { defaultSize } from './nodes/sizes.ts';
import type { Size, VsmEdge, VsmNode } from './types.ts';
import { createViewActions, stopFollowing } from './viewActions.ts';

export interface CanvasDeps {
  session: MapSession;
  flow: ReactFlowInstance<VsmNode, VsmEdge>;
  container: () => HTMLElement | null;
  sizeOf: (id: string, type: NodeType) => Size;
}

export type CanvasActions = ReturnType<typeof createCanvasActions>;

export function createCanvasActions({ session, flow, container, sizeOf }: CanvasDeps) {
  const doc = session.doc;
  const steps = createEditSteps(session);
  const view = createViewActions(flow, container, sizeOf);

  return {
    ...createNodeActions({ doc, steps, view, sizeOf }),
    ...createEdgeActions(doc, steps),
    ...createClipboardActions(doc, steps),
    ...createFlowActions({ doc, steps, view, sizeOf }),
    ...createKeyboardActions({ doc, steps, sizeOf, reveal: view.reveal }),

    undo(): void {
      steps.endNaming();
      if (steps.canEdit()) session.undo.undo();
    },

    redo(): void {
      steps.endNaming();
      if (steps.canEdit()) session.undo.redo();
    },

    async layout(): Promise<void> {
      const state = activeState();
      if (!state || !steps.canEdit()) return;
      const positions = await autoLayout(state, sizeOf);
      stopFollowing();
      if (positions.length > 0) {
        steps.edit((stateId) => moveNodes(doc, stateId, positions));
        view.fitAfterNextSnapshot();
      } else {
        view.fitView();
      }
    },

    fitView: view.fitView,
    fitNow: view.fitNow,
    zoomIn: view.zoomIn,
    zoomOut: view.zoomOut,

    toggleHelp(): void {
      setEditor({ helpOpen: !useEditor.getState().helpOpen });
    },

    escape(): void {
      const { helpOpen, following, selectedNodes, selectedEdges } = useEditor.getState();
      if (helpOpen) setEditor({ helpOpen: false });
      else if (useCanvasUi.getState().renamingId) startRename(null);
      else if (following !== null) setEditor({ following: null });
      else if (selectedNodes.length > 0 || selectedEdges.length > 0) select([]);
    },
  };
}

/** A size for layout: what React Flow measured, else the type's usual size. */
export function measuredOr(measured: ReadonlyMap<string, Size>) {
  return (id: string, type: NodeType): Size => measured.get(id) ?? defaultSize(type);
}
