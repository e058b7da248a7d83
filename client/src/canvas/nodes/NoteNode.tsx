// A sticky note for anything the workshop wants to keep next to the map.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VsmNode } from '../types.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';

export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<VsmNode>) {
  const { t } = useTranslation('canvas');
  return (
    <div className={`vsm-note${selected ? ' is-selected' : ''}`}>
      <NodeName
        id={id}
        name={data.name}
        placeholder={t('node.emptyNote')}
        className="vsm-note-text"
        label={t('node.noteText')}
      />
      {data.team && <div className="vsm-note-team">{data.team}</div>}
      <PeerTags peers={data.peers} />
    </div>
  );
});
