// The canvas actions on arrows: connect two nodes (a flow, or rework when drawn from or to a rework
// handle), switch an arrow between flow and rework, delete one. Each write is one undo step.
import type { EdgeKind } from '@flowmap/shared';
import { connect, ORIGINS, removeEdges, setEdgeKind } from '@flowmap/shared/doc';
import type { Connection } from '@xyflow/react';
import type * as Y from 'yjs';
import { useEditor } from '../store/editorStore.ts';
import { activeState, select } from './activeState.ts';
import type { EditSteps } from './editSteps.ts';
import { HANDLES } from './types.ts';

export function createEdgeActions(doc: Y.Doc, steps: EditSteps) {
  return {
    connect(connection: Connection): void {
      const rework =
        connection.sourceHandle === HANDLES.reworkOut ||
        connection.targetHandle === HANDLES.reworkIn;
      const id = steps.edit((stateId) =>
        connect(doc, stateId, {
          source: connection.source,
          target: connection.target,
          kind: rework ? 'rework' : 'flow',
        }),
      );
      if (id) select([], [id]);
    },

    setEdgeKind(id: string, kind: EdgeKind): void {
      steps.edit((stateId) => setEdgeKind(doc, stateId, id, kind));
    },

    toggleEdgeKind(): void {
      const state = activeState();
      const ids = useEditor.getState().selectedEdges.filter((id) => state?.edges[id]);
      if (!state || ids.length === 0) return;
      steps.edit((stateId) =>
        doc.transact(() => {
          for (const id of ids) {
            const kind = state.edges[id]?.kind === 'rework' ? 'flow' : 'rework';
            setEdgeKind(doc, stateId, id, kind);
          }
        }, ORIGINS.local),
      );
    },

    removeEdge(id: string): void {
      steps.edit((stateId) => removeEdges(doc, stateId, [id]));
    },
  };
}
