// Shown next to a selected edge when editing: switch it between flow and rework, or delete it.

import type { EdgeKind } from '@flowmap/shared';
import { EdgeToolbar } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('canvas');
  const actions = useCanvasActions();
  const hint = shortcutHint('toggleEdgeKind');
  return (
    <EdgeToolbar edgeId={edgeId} x={x} y={y} alignY="top" isVisible>
      <div className="vsm-edge-toolbar nodrag nopan" role="toolbar" aria-label={t('edge.toolbar')}>
        <button
          type="button"
          aria-pressed={kind === 'flow'}
          title={t('edge.flowTip', { hint })}
          onClick={() => actions.setEdgeKind(edgeId, 'flow')}
        >
          {t('edge.flow')}
        </button>
        <button
          type="button"
          aria-pressed={kind === 'rework'}
          title={t('edge.reworkTip', { hint })}
          onClick={() => actions.setEdgeKind(edgeId, 'rework')}
        >
          {t('edge.rework')}
        </button>
        <button
          type="button"
          className="danger"
          aria-label={t('edge.delete')}
          title={t('edge.deleteTip', { hint: shortcutHint('delete') })}
          onClick={() => actions.removeEdge(edgeId)}
        >
          ✕
        </button>
      </div>
    </EdgeToolbar>
  );
}
