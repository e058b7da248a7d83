// A sticky note for anything the workshop wants to keep next to the map.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { VsmNode } from '../types.ts';
import { NodeName } from './NodeName.tsx';
import { PeerTags } from './PeerTags.tsx';

export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<VsmNode>) {
  return (
    <div className={`vsm-note${selected ? ' is-selected' : ''}`}>
      <NodeName
        id={id}
        name={data.name}
        placeholder="Empty note"
        className="vsm-note-text"
        label="Note text"
      />
      {data.team && <div className="vsm-note-team">{data.team}</div>}
      <PeerTags peers={data.peers} />
    </div>
  );
});
