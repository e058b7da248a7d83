// A queue on the flow: the VSM inventory triangle (work waiting in front of the next step), its
// name, and its wait as the metrics count it. A queue is put on an arrow with Q, the toolbar or the
// "+" on the arrow (flowActions.ts); its wait or items are edited in the inspector.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VsmNode } from '../types.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';
import { PipelineHandles } from './PipelineHandles.tsx';
import './queue.css';

export const QueueNode = memo(function QueueNode({ id, data, selected }: NodeProps<VsmNode>) {
  const { t } = useTranslation('canvas');
  return (
    <div
      className={`vsm-queue${selected ? ' is-selected' : ''}${data.counted ? '' : ' is-not-counted'}`}
    >
      <PipelineHandles editable={data.editable} rework />
      <svg className="vsm-queue-triangle" viewBox="0 0 60 52" aria-hidden="true">
        <polygon points="30,2 58,50 2,50" />
        <text x="30" y="42" textAnchor="middle">
          I
        </text>
      </svg>
      <NodeName
        id={id}
        name={data.name}
        placeholder={t('node.queue')}
        className="vsm-queue-name"
        label={t('node.queueName')}
      />
      <div className="vsm-queue-wait">{data.lt ?? t('node.waitUnknown')}</div>
      {!data.counted && <span className="vsm-not-counted">{t('node.notCounted')}</span>}
      <PeerTags peers={data.peers} />
    </div>
  );
});
