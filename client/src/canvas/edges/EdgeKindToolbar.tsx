// Shown next to a selected edge when editing: switch it between flow and rework, or delete it.

import type { EdgeKind } from '@flowmap/shared';
import { EdgeToolbar } from '@xyflow/react';
import { useCanvasActions } from '../ActionsContext.ts';
import { shortcutHint } from '../shortcuts.ts';

export function EdgeKindToolbar({
  edgeId,
  kind,
  x,
  y,
}: {
  edgeId: string;
  kind: EdgeKind;
  x: number;
  y: number;
}) {
  const actions = useCanvasActions();
  const hint = shortcutHint('toggleEdgeKind');
  return (
    <EdgeToolbar edgeId={edgeId} x={x} y={y} alignY="top" isVisible>
      <div className="vsm-edge-toolbar nodrag nopan" role="toolbar" aria-label="Arrow">
        <button
          type="button"
          aria-pressed={kind === 'flow'}
          title={`Flow: work moves on (${hint} switches)`}
          onClick={() => actions.setEdgeKind(edgeId, 'flow')}
        >
          Flow
        </button>
        <button
          type="button"
          aria-pressed={kind === 'rework'}
          title={`Rework: work is sent back (${hint} switches)`}
          onClick={() => actions.setEdgeKind(edgeId, 'rework')}
        >
          Rework
        </button>
        <button
          type="button"
          className="danger"
          aria-label="Delete arrow"
          title={`Delete arrow (${shortcutHint('delete')})`}
          onClick={() => actions.removeEdge(edgeId)}
        >
          ✕
        </button>
      </div>
    </EdgeToolbar>
  );
}
