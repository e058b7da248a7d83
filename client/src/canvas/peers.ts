// What collaborators contribute to the canvas of one state: where they are dragging nodes right
// now, and which nodes they have selected. Pure, so the canvas can re-derive only when this
// changes (its key) rather than on every cursor move a peer makes.
import type { Peer } from '../sync/presence.ts';
import type { PeerTag, XY } from './types.ts';

export interface PeerOverlay {
  dragging: Record<string, XY>;
  tags: Record<string, PeerTag[]>;
}

/** The peers looking at `stateId`, in a stable order. */
export function peersOnState(peers: readonly Peer[], stateId: string | null): Peer[] {
  return stateId === null ? [] : peers.filter((p) => p.stateId === stateId);
}

/**
 * A string that changes exactly when the overlay would: names, colours, selections and drags of
 * the peers on the state, but not their cursors or viewports.
 */
export function peerOverlayKey(peers: readonly Peer[], stateId: string | null): string {
  let key = '';
  for (const p of peersOnState(peers, stateId)) {
    key += `${p.clientId}|${p.user.name}|${p.user.colour}|${p.selection.join(',')}|`;
    if (p.dragging) for (const d of p.dragging) key += `${d.id}@${d.x},${d.y};`;
    key += '\n';
  }
  return key;
}

export function peerOverlay(peers: readonly Peer[], stateId: string | null): PeerOverlay {
  const dragging: Record<string, XY> = {};
  const tags: Record<string, PeerTag[]> = {};
  const tag = (id: string, peer: Peer) => {
    const list = tags[id] ?? [];
    if (!list.some((t) => t.name === peer.user.name && t.colour === peer.user.colour)) {
      list.push({ name: peer.user.name, colour: peer.user.colour });
    }
    tags[id] = list;
  };
  for (const peer of peersOnState(peers, stateId)) {
    for (const id of peer.selection) tag(id, peer);
    for (const d of peer.dragging ?? []) {
      dragging[d.id] = { x: d.x, y: d.y };
      tag(d.id, peer);
    }
  }
  return { dragging, tags };
}
