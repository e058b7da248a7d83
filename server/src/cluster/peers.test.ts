import { describe, expect, it } from 'vitest';
import { PeerTracker } from './peers.ts';

describe('PeerTracker', () => {
  it('gives up a silent peer once, notices its return, and forgets one that said goodbye', () => {
    let now = 0;
    const peers = new PeerTracker(1000, () => now);
    expect(peers.heard('a')).toBe(false);
    expect(peers.heard('b')).toBe(false);
    now = 900;
    peers.heard('b');
    now = 1500;
    expect(peers.sweep()).toEqual(['a']);
    expect(peers.sweep()).toEqual([]);
    expect(peers.alive()).toEqual(['b']);
    expect(peers.heard('a')).toBe(true);
    expect(peers.heard('a')).toBe(false);
    peers.left('b');
    expect(peers.alive()).toEqual(['a']);
    // Long silent peers are eventually forgotten: their return is then a first contact.
    now = 1500 + 1001;
    expect(peers.sweep()).toEqual(['a']);
    now += 100_001;
    expect(peers.sweep()).toEqual([]);
    expect(peers.heard('a')).toBe(false);
  });
});
