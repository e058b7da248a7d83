// Connection points of pipeline nodes: flow enters on the left and leaves on the right, level with
// the process box; rework leaves and enters at the bottom. On a view-only link the handles stay
// (edges are drawn between them) but are invisible and inert.
import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDLES } from '../types.ts';
import { HANDLE_Y } from './sizes.ts';

// Every pipeline node has a 2px border and handles are placed from inside it.
const SIDE = { top: HANDLE_Y - 2 } as const;

export const PipelineHandles = memo(function PipelineHandles({
  editable,
  rework,
}: {
  editable: boolean;
  rework: boolean;
}) {
  const { t } = useTranslation('canvas');
  const cls = editable ? 'vsm-handle' : 'vsm-handle is-hidden';
  return (
    <>
      <Handle
        type="target"
        id={HANDLES.in}
        position={Position.Left}
        style={SIDE}
        className={cls}
        isConnectable={editable}
        title={editable ? t('handles.in') : undefined}
      />
      <Handle
        type="source"
        id={HANDLES.out}
        position={Position.Right}
        style={SIDE}
        className={cls}
        isConnectable={editable}
        title={editable ? t('handles.out') : undefined}
      />
      {rework && (
        <Handle
          type="target"
          id={HANDLES.linkIn}
          position={Position.Top}
          className={editable ? 'vsm-handle vsm-handle-link' : 'vsm-handle is-hidden'}
          isConnectable={editable}
          title={editable ? t('handles.linkIn') : undefined}
        />
      )}
      {rework && (
        <>
          <Handle
            type="source"
            id={HANDLES.reworkOut}
            position={Position.Bottom}
            style={REWORK_OUT}
            className={`${cls} vsm-handle-rework`}
            isConnectable={editable}
            title={editable ? t('handles.reworkOut') : undefined}
          />
          <Handle
            type="target"
            id={HANDLES.reworkIn}
            position={Position.Bottom}
            style={REWORK_IN}
            className={`${cls} vsm-handle-rework`}
            isConnectable={editable}
            title={editable ? t('handles.reworkIn') : undefined}
          />
        </>
      )}
    </>
  );
});

const REWORK_OUT = { left: '62%' } as const;
const REWORK_IN = { left: '38%' } as const;
