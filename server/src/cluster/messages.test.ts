import { describe, expect, it } from 'vitest';
import { type ClusterMessage, decodeMessage, encodeMessage } from './messages.ts';

const samples: ClusterMessage[] = [
  { type: 'heartbeat', from: 'host-1-abc' },
  { type: 'bye', from: 'host-1-abc' },
  {
    type: 'updates',
    from: 'i2',
    firstSeq: 41,
    updates: [new Uint8Array([1, 2, 3]), new Uint8Array(5000).fill(7)],
  },
  { type: 'awareness', from: 'i3', update: new Uint8Array([1, 5, 1, 2, 123, 125]), complete: true },
  { type: 'awareness', from: 'i3', update: new Uint8Array([0]), complete: false },
  { type: 'query', from: 'ü-instance', renew: false },
  { type: 'query', from: 'i6', renew: true },
  { type: 'compacted', from: 'i4', uptoSeq: 2 ** 40 },
  { type: 'evict', from: 'i5', code: 4404, reason: 'map deleted', access: null },
  { type: 'evict', from: 'i5', code: 4401, reason: 'access link rotated', access: ['view'] },
  { type: 'evict', from: 'i5', code: 4401, reason: 'access link rotated', access: ['edit'] },
  {
    type: 'evict',
    from: 'i5',
    code: 4401,
    reason: 'access link rotated',
    access: ['edit', 'view'],
  },
];

describe('cluster messages', () => {
  it('round-trip every kind exactly', () => {
    for (const message of samples) expect(decodeMessage(encodeMessage(message))).toEqual(message);
  });

  it('read an evict message without an access filter (an older instance) as closing everything', () => {
    const current = encodeMessage({
      type: 'evict',
      from: 'i5',
      code: 4404,
      reason: 'map deleted',
      access: ['view'],
    });
    const older = current.subarray(0, current.length - 1);
    expect(decodeMessage(older)).toEqual({
      type: 'evict',
      from: 'i5',
      code: 4404,
      reason: 'map deleted',
      access: null,
    });
    // A filter naming anything but edit and view is refused, not widened or narrowed.
    expect(() => decodeMessage(new Uint8Array([...older, 4]))).toThrow(/bad evict access/);
    expect(() => decodeMessage(new Uint8Array([...current, 0]))).toThrow(/trailing/);
  });

  it('refuse truncated, padded, unknown and absurd messages', () => {
    const updates = encodeMessage(samples[2] as ClusterMessage);
    expect(() => decodeMessage(updates.subarray(0, updates.length - 1))).toThrow();
    expect(() => decodeMessage(new Uint8Array([...updates, 0]))).toThrow(/trailing/);
    expect(() => decodeMessage(new Uint8Array([]))).toThrow();
    expect(() => decodeMessage(new Uint8Array([0x1f, 0]))).toThrow(/unknown cluster message type/);
    expect(() => decodeMessage(new Uint8Array([0x20, 0]))).toThrow(/version/);
    // A count of a million updates in a message a few bytes long.
    expect(() => decodeMessage(new Uint8Array([0x12, 1, 0x61, 1, 0xc0, 0x84, 0x3d]))).toThrow(
      /bad updates/,
    );
  });
});
