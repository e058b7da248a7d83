import { describe, expect, it } from 'vitest';
import { estimateOffset, ServerClock } from './serverClock.ts';

describe('estimateOffset', () => {
  it('trusts the sample with the shortest round trip', () => {
    expect(
      estimateOffset([
        { sentAt: 1000, receivedAt: 1400, serverNow: 61_300 }, // slow: rtt 400
        { sentAt: 2000, receivedAt: 2020, serverNow: 62_010 }, // fast: offset exactly 60,000
        { sentAt: 3000, receivedAt: 3100, serverNow: 63_090 },
      ]),
    ).toEqual({ offsetMs: 60_000, rttMs: 20 });
    expect(estimateOffset([{ sentAt: 5, receivedAt: 1, serverNow: 9 }])).toBeNull();
    expect(estimateOffset([])).toBeNull();
  });
});

describe('ServerClock', () => {
  it('reads the server time through a laptop clock that is 90 s behind, over an uneven network', async () => {
    let local = 1_000_000;
    const serverTime = () => local + 90_000;
    // Each round trip: out and back delays differ per call; the answer is stamped on arrival.
    const legs = [
      [200, 10],
      [8, 8],
      [50, 300],
    ];
    let call = 0;
    const clock = new ServerClock(
      async () => {
        const [out, back] = legs[call++ % legs.length] as [number, number];
        local += out;
        const stamp = serverTime();
        local += back;
        return stamp;
      },
      () => local,
    );
    expect(clock.synced).toBe(false);
    const estimate = await clock.sync(3);
    expect(estimate).toEqual({ offsetMs: 90_000, rttMs: 16 });
    expect(clock.now()).toBe(local + 90_000);
  });

  it('keeps the last good estimate when a sync fails entirely', async () => {
    let fail = false;
    let local = 0;
    const clock = new ServerClock(
      async () => {
        if (fail) throw new Error('offline');
        return local + 5_000;
      },
      () => local,
    );
    await clock.sync(1);
    fail = true;
    local = 100;
    expect(await clock.sync(2)).toEqual({ offsetMs: 5_000, rttMs: 0 });
    expect(clock.now()).toBe(5_100);
  });
});
