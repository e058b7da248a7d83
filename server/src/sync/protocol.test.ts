import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { resolveLimits, TokenBucket } from './limits.ts';
import {
  CloseCode,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  ProtocolError,
  validateStateVector,
} from './protocol.ts';

const options = { maxAwarenessBytes: 64 * 1024 };
const decode = (bytes: Uint8Array | number[]) =>
  decodeMessage(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), options);

function expectProtocolError(fn: () => unknown, code: number = CloseCode.invalidPayload) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).closeCode).toBe(code);
    return;
  }
  throw new Error('expected a ProtocolError');
}

describe('decodeMessage', () => {
  it('round-trips every message the server accepts', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'x');
    const sv = Y.encodeStateVector(doc);
    const update = Y.encodeStateAsUpdate(doc);
    expect(decode(encodeSyncStep1(sv))).toEqual({ type: 'sync-step1', stateVector: sv });
    expect(decode(encodeSyncStep2(update))).toEqual({ type: 'sync-step2', update });
    expect(decode(encodeSyncUpdate(update))).toEqual({ type: 'sync-update', update });
    const entries = [
      { clientID: 1, clock: 3, state: { user: { name: 'Ada' } } },
      { clientID: 2, clock: 9, state: null },
    ];
    const awareness = encodeAwarenessUpdate(entries);
    expect(decode(encodeAwarenessMessage(awareness))).toEqual({
      type: 'awareness',
      entries,
      update: awareness,
    });
    expect(decode(encodeQueryAwareness())).toEqual({ type: 'query-awareness' });
  });

  it('accepts what y-protocols writes (sync step 1 of an empty doc)', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
    expect(decode(encoding.toUint8Array(encoder)).type).toBe('sync-step1');
  });

  it('rejects empty, truncated, oversized and unknown input', () => {
    expectProtocolError(() => decode([]));
    expectProtocolError(() => decode([0x80]));
    expectProtocolError(() => decode([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expectProtocolError(() => decode([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    expectProtocolError(() => decode([0, 2]));
    expectProtocolError(() => decode([0, 2, 5, 1, 2]));
    expectProtocolError(() => decode([0, 3, 0]));
    expectProtocolError(() => decode([2, 0]));
    expectProtocolError(() => decode([4]));
    expectProtocolError(() => decode([3, 0]));
    expectProtocolError(() => decode([0, 2, 1, 0, 0]));
  });

  it('never reads past the end of a Buffer that views a larger ArrayBuffer', () => {
    const backing = new Uint8Array(64).fill(7);
    backing.set([0, 2, 10, 1, 2], 8);
    const view = Buffer.from(backing.buffer, 8, 5);
    expectProtocolError(() => decodeMessage(view, options));
    // A valid message in such a view comes out as a copy, detached from the backing store.
    backing.set([0, 2, 2, 0, 0], 8);
    const message = decodeMessage(view, options);
    expect(message).toEqual({ type: 'sync-update', update: Uint8Array.of(0, 0) });
    backing[11] = 9;
    expect(message.type === 'sync-update' && message.update[0]).toBe(0);
  });

  it('validates the state vector of sync step 1', () => {
    expectProtocolError(() => decode(encodeSyncStep1(Uint8Array.of(2, 1, 1))));
    expectProtocolError(() => decode(encodeSyncStep1(Uint8Array.of(0, 0))));
    expectProtocolError(() => validateStateVector(Uint8Array.of(0x7f)));
    expect(() => validateStateVector(Uint8Array.of(1, 5, 9))).not.toThrow();
  });

  it('caps awareness size before parsing anything, with 1009', () => {
    const big = encodeAwarenessUpdate([
      { clientID: 1, clock: 1, state: { s: 'x'.repeat(70_000) } },
    ]);
    expectProtocolError(() => decode(encodeAwarenessMessage(big)), CloseCode.messageTooBig);
  });

  it('rejects malformed awareness entries', () => {
    const raw = (count: number, state: string | Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, count);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 1);
      if (typeof state === 'string') encoding.writeVarString(encoder, state);
      else encoding.writeVarUint8Array(encoder, state);
      return encoding.toUint8Array(encoder);
    };
    expect(decodeAwarenessUpdate(raw(1, '{"a":1}'))).toEqual([
      { clientID: 1, clock: 1, state: { a: 1 } },
    ]);
    expectProtocolError(() => decodeAwarenessUpdate(raw(1, '{')));
    expectProtocolError(() => decodeAwarenessUpdate(raw(1, '[1,2]')));
    expectProtocolError(() => decodeAwarenessUpdate(raw(1, '42')));
    expectProtocolError(() => decodeAwarenessUpdate(raw(1, Uint8Array.of(0xc3, 0x28))));
    expectProtocolError(() => decodeAwarenessUpdate(raw(2, 'null')));
    expectProtocolError(() => decodeAwarenessUpdate(raw(1_000_000, 'null')));
  });
});

describe('limits', () => {
  it('token bucket allows a burst, then the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    const burst = Array.from({ length: 8 }, () => bucket.take());
    expect(burst).toEqual([true, true, true, true, true, false, false, false]);
    now += 100; // 0.1 s at 10/s = one token
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000;
    expect(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });

  it('resolves partial limits over the defaults and rejects nonsense', () => {
    expect(resolveLimits({ roomIdleMs: 0 }).roomIdleMs).toBe(0);
    expect(resolveLimits().maxPayloadBytes).toBe(2 * 1024 * 1024);
    expect(() => resolveLimits({ maxBufferedBytes: -1 })).toThrow(RangeError);
    expect(() => resolveLimits({ heartbeatIntervalMs: Number.NaN })).toThrow(RangeError);
  });
});
