// A kaizen burst: an improvement idea drawn as the classic VSM starburst, with its text inside,
// and who owns it and how far along it is on a small tag at its foot (the action plan at a glance).
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDLES, type VsmNode } from '../types.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';
import './kaizen.css';

/** Points of a 14-spike burst in a 100×100 box, irregular like a hand-drawn one. */
const BURST = (() => {
  const spikes = 14;
  const points: string[] = [];
  for (let i = 0; i < spikes * 2; i++) {
    const angle = (Math.PI * i) / spikes - Math.PI / 2;
    const radius = i % 2 === 0 ? (i % 4 === 0 ? 50 : 46) : 37;
    const x = 50 + radius * Math.cos(angle);
    const y = 50 + radius * Math.sin(angle);
    points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  }
  return points.join(' ');
})();

export const KaizenNode = memo(function KaizenNode({ id, data, selected }: NodeProps<VsmNode>) {
  const { t } = useTranslation('canvas');
  return (
    <div className={`vsm-kaizen${selected ? ' is-selected' : ''}`}>
      <svg
        className="vsm-burst"
        viewBox="0 0 100 100"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <polygon points={BURST} />
      </svg>
      <div className="vsm-kaizen-text">
        <div className="vsm-kaizen-kind">{t('node.kaizen')}</div>
        <NodeName
          id={id}
          name={data.name}
          placeholder={t('node.improvementIdea')}
          className="vsm-kaizen-name"
          label={t('node.improvementIdea')}
        />
      </div>
      {(data.owner || data.status) && (
        <div className="vsm-kaizen-meta">
          {data.status && (
            <span className={`vsm-kaizen-status status-${data.status}`}>
              {t(`node.kaizenStatuses.${data.status}`)}
            </span>
          )}
          {data.owner && <span className="vsm-kaizen-owner">{data.owner}</span>}
        </div>
      )}
      <Handle
        type="source"
        id={HANDLES.linkOut}
        position={Position.Bottom}
        className={data.editable ? 'vsm-handle vsm-handle-link' : 'vsm-handle is-hidden'}
        isConnectable={data.editable}
        title={data.editable ? t('node.kaizenLinkTip') : undefined}
      />
      <PeerTags peers={data.peers} />
    </div>
  );
});
