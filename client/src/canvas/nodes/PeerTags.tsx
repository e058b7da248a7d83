// Collaborators who selected (or are dragging) a node: a ring in the first one's colour and a
// name tag per person, so a facilitator can see who is working where.
import { memo } from 'react';
import type { PeerTag } from '../types.ts';

export const PeerTags = memo(function PeerTags({ peers }: { peers: readonly PeerTag[] }) {
  const first = peers[0];
  if (!first) return null;
  return (
    <>
      <div className="vsm-peer-ring" style={{ borderColor: first.colour }} aria-hidden="true" />
      <div className="vsm-peer-tags">
        {peers.map((p) => (
          <span
            key={`${p.colour}${p.name}`}
            className="vsm-peer-tag"
            style={{ background: p.colour }}
          >
            {p.name}
          </span>
        ))}
      </div>
    </>
  );
});
