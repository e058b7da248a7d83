// The canvas actions that edit the flow as a chain: insert a queue on an arrow (toolbar, Q, or the
// "+" on the arrow) and delete steps keeping the chain whole. Each is one undo step through
// EditSteps, running shared's splice commands.
import type { MapState, NodeType } from '@flowmap/shared';
import {
  insertQueueOnEdge,
  ORIGINS,
  removeEdges,
  removeNodesReconnecting,
} from '@flowmap/shared/doc';
import { displayT } from '@flowmap/shared/i18n';
import type * as Y from 'yjs';
import { useEditor } from '../store/editorStore.ts';
import { activeState, select } from './activeState.ts';
import { notify } from './canvasUi.ts';
import type { EditSteps } from './editSteps.ts';
import { defaultSize } from './nodes/sizes.ts';
import { placeQueue, queueTarget } from './queuePlacement.ts';
import { describeReconnected } from './reconnected.ts';
import type { Size } from './types.ts';
import type { createViewActions } from './viewActions.ts';

/**
 * The selected arrows to delete on their own: an arrow touching a deleted node goes with the node,
 * and deleting it first would hide the flow through the node, so its neighbours would not be
 * joined (a box selection takes the arrows between the boxes it holds).
 */
export function arrowsToDelete(
  state: MapState,
  selectedNodes: readonly string[],
  selectedEdges: readonly string[],
): string[] {
  const doomed = new Set(selectedNodes);
  return selectedEdges.filter((id) => {
    const edge = Object.hasOwn(state.edges, id) ? state.edges[id] : undefined;
    return !edge || !(doomed.has(edge.source) || doomed.has(edge.target));
  });
}

interface FlowDeps {
  doc: Y.Doc;
  steps: EditSteps;
  view: ReturnType<typeof createViewActions>;
  sizeOf: (id: string, type: NodeType) => Size;
}

export function createFlowActions({ doc, steps, view, sizeOf }: FlowDeps) {
  return {
    /**
     * Splits a flow arrow (the given one, else the one selected) with a queue, and selects the
     * queue so its inspector asks for the wait or the items waiting.
     */
    insertQueue(edgeId?: string): void {
      const state = activeState();
      const id = edgeId ?? queueTarget(state, useEditor.getState().selectedEdges);
      if (!state || !id) {
        notify(displayT('canvas')('notices.queueNeedsArrow'));
        return;
      }
      const place = placeQueue(state, id, sizeOf);
      const done = steps.edit((stateId) => insertQueueOnEdge(doc, stateId, id, place ?? {}));
      if (!done) return;
      select([done.queueId]);
      if (place) view.reveal({ x: place.x, y: place.y, ...defaultSize('queue') });
    },

    /**
     * Deletes the selected nodes (with their arrows) and the selected arrows in one undo step. A
     * stage or queue taken out of the middle of a chain leaves its neighbours joined, and the
     * canvas says which.
     */
    deleteSelection(): void {
      const { selectedNodes, selectedEdges } = useEditor.getState();
      const state = activeState();
      if (!state || (selectedNodes.length === 0 && selectedEdges.length === 0)) return;
      const arrows = arrowsToDelete(state, selectedNodes, selectedEdges);
      const done = steps.edit((stateId) => {
        let reconnected: ReturnType<typeof removeNodesReconnecting>['reconnected'] = [];
        doc.transact(() => {
          if (arrows.length > 0) removeEdges(doc, stateId, arrows);
          if (selectedNodes.length > 0) {
            reconnected = removeNodesReconnecting(doc, stateId, selectedNodes).reconnected;
          }
        }, ORIGINS.local);
        return reconnected;
      });
      select([]);
      const text = done ? describeReconnected(state, done) : null;
      if (text) notify(text);
    },
  };
}
