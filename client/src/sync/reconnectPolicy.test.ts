import { CloseCode } from '@flowmap/shared/api';
import { describe, expect, it } from 'vitest';
import { Backoff, decideOnClose } from './reconnectPolicy.ts';

describe('decideOnClose', () => {
  it('stops with a reason on refusals that resending cannot fix', () => {
    expect(decideOnClose(CloseCode.linkRotated)).toEqual({
      action: 'stop',
      reason: 'link-rotated',
    });
    expect(decideOnClose(CloseCode.mapDeleted)).toEqual({ action: 'stop', reason: 'map-deleted' });
    expect(decideOnClose(CloseCode.documentTooLarge)).toEqual({
      action: 'stop',
      reason: 'too-large',
    });
    expect(decideOnClose(CloseCode.writeRefused)).toEqual({ action: 'stop', reason: 'refused' });
    expect(decideOnClose(4499)).toEqual({ action: 'stop', reason: 'refused' });
  });

  it('backs off after server-side failures and oversize refusals, reconnects after drops', () => {
    for (const code of [1007, 1008, 1009, 1011, 1013]) {
      expect(decideOnClose(code)).toEqual({ action: 'back-off' });
    }
    for (const code of [1000, 1001, 1006, 1012, 4500]) {
      expect(decideOnClose(code)).toEqual({ action: 'reconnect' });
    }
  });
});

describe('Backoff', () => {
  it('doubles from one second up to a minute, with the jitter the random source gives', () => {
    const waits: number[] = [];
    const backoff = new Backoff({ random: () => 0.5 });
    for (let i = 0; i < 9; i++) waits.push(backoff.next(100));
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    const low = new Backoff({ random: () => 0 });
    const high = new Backoff({ random: () => 0.999999 });
    expect(low.next(0)).toBe(750);
    expect(high.next(0)).toBe(1_250);
  });

  it('starts over after a connection that stayed up long enough, or on reset', () => {
    const backoff = new Backoff({ random: () => 0.5, healthyAfterMs: 30_000 });
    backoff.next(0);
    backoff.next(0);
    expect(backoff.next(29_999)).toBe(4_000);
    expect(backoff.next(30_000)).toBe(1_000);
    backoff.next(0);
    backoff.reset();
    expect(backoff.next(0)).toBe(1_000);
  });
});
