import { describe, expect, it } from 'vitest';
import type { Peer } from '../sync/presence.ts';
import { peerOverlay, peerOverlayKey } from './peers.ts';

function peer(clientId: number, name: string, extra: Partial<Peer> = {}): Peer {
  return {
    clientId,
    user: { name, colour: '#4363d8' },
    stateId: 's1',
    cursor: null,
    selection: [],
    viewport: null,
    dragging: null,
    ...extra,
  };
}

describe('peerOverlay', () => {
  it('collects drags and selections of peers on the same state only', () => {
    const overlay = peerOverlay(
      [
        peer(1, 'Ana', { selection: ['a', 'e1'], dragging: [{ id: 'b', x: 5, y: 6 }] }),
        peer(2, 'Ben', { selection: ['a'], user: { name: 'Ben', colour: '#e6194b' } }),
        peer(3, 'Cy', { stateId: 'other', selection: ['a'], dragging: [{ id: 'a', x: 0, y: 0 }] }),
      ],
      's1',
    );
    expect(overlay.dragging).toEqual({ b: { x: 5, y: 6 } });
    expect(overlay.tags.a).toEqual([
      { name: 'Ana', colour: '#4363d8' },
      { name: 'Ben', colour: '#e6194b' },
    ]);
    expect(overlay.tags.b).toEqual([{ name: 'Ana', colour: '#4363d8' }]);
  });

  it('changes its key for selections and drags, not for cursors or viewports', () => {
    const base = [peer(1, 'Ana', { selection: ['a'] })];
    const key = peerOverlayKey(base, 's1');
    const moved = [
      { ...base[0], cursor: { x: 9, y: 9 }, viewport: { x: 1, y: 1, zoom: 2 } } as Peer,
    ];
    expect(peerOverlayKey(moved, 's1')).toBe(key);
    expect(peerOverlayKey([peer(1, 'Ana', { selection: ['b'] })], 's1')).not.toBe(key);
    expect(
      peerOverlayKey(
        [peer(1, 'Ana', { selection: ['a'], dragging: [{ id: 'a', x: 1, y: 2 }] })],
        's1',
      ),
    ).not.toBe(key);
    expect(peerOverlayKey(base, null)).toBe('');
  });
});
