// The two ends of the value stream: the trigger that starts a change (a rounded pill with a play
// mark) and the customer/production that receives it (the VSM factory icon, sawtooth roof).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { StartIcon } from '../../ui/icons.tsx';
import type { VsmNode } from '../types.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';
import { PipelineHandles } from './PipelineHandles.tsx';

function Roof() {
  return (
    <svg className="vsm-roof" viewBox="0 0 180 20" preserveAspectRatio="none" aria-hidden="true">
      <polygon points="1,20 1,4 30,14 30,4 60,14 60,4 90,14 90,20" />
      <rect x="128" y="1" width="16" height="19" />
    </svg>
  );
}

export const StartNode = memo(function StartNode({ id, data, selected }: NodeProps<VsmNode>) {
  const { t } = useTranslation('canvas');
  return (
    <div className={`vsm-terminal vsm-start${selected ? ' is-selected' : ''}`}>
      <PipelineHandles editable={data.editable} rework />
      <span className="vsm-start-mark" aria-hidden="true">
        <StartIcon />
      </span>
      <div className="vsm-terminal-text">
        <div className="vsm-terminal-kind">{t('node.start')}</div>
        <NodeName
          id={id}
          name={data.name}
          placeholder={t('node.startPlaceholder')}
          className="vsm-terminal-name"
          label={t('node.startName')}
        />
      </div>
      <PeerTags peers={data.peers} />
    </div>
  );
});

export const EndNode = memo(function EndNode({ id, data, selected }: NodeProps<VsmNode>) {
  const { t } = useTranslation('canvas');
  return (
    <div className={`vsm-terminal vsm-end${selected ? ' is-selected' : ''}`}>
      <Roof />
      <PipelineHandles editable={data.editable} rework />
      <div className="vsm-end-body">
        <div className="vsm-terminal-kind">{t('node.customer')}</div>
        <NodeName
          id={id}
          name={data.name}
          placeholder={t('node.customer')}
          className="vsm-terminal-name"
          label={t('node.endName')}
        />
      </div>
      <PeerTags peers={data.peers} />
    </div>
  );
});
