import { describe, expect, it } from 'vitest';
import { extendTimer, formatClock, pauseTimer, remainingMs, startTimer } from './timer.ts';

const T0 = 1_800_000_000_000;

describe('the shared timer', () => {
  it('counts down from the server instant it started, and pausing keeps what is left', () => {
    const paused = { runningSince: null, remainingMs: 10 * 60_000 };
    expect(remainingMs(paused, T0 + 999_999)).toBe(600_000);
    const running = startTimer(paused, T0);
    expect(running).toEqual({ runningSince: T0, remainingMs: 600_000 });
    expect(remainingMs(running, T0 + 90_000)).toBe(510_000);
    const again = pauseTimer(running, T0 + 90_000);
    expect(again).toEqual({ runningSince: null, remainingMs: 510_000 });
    expect(remainingMs(again, T0 + 500_000)).toBe(510_000);
  });

  it('+5 min shifts a running or paused timer by five minutes', () => {
    const running = startTimer({ runningSince: null, remainingMs: 60_000 }, T0);
    expect(remainingMs(extendTimer(running, 300_000), T0 + 30_000)).toBe(330_000);
    expect(extendTimer({ runningSince: null, remainingMs: 0 }, 300_000).remainingMs).toBe(300_000);
  });

  it('two clients reading the same document at the same server time agree; overrun reads negative', () => {
    const t = { runningSince: T0, remainingMs: 60_000 };
    expect(formatClock(remainingMs(t, T0 + 1_500))).toBe('0:59');
    expect(formatClock(remainingMs(t, T0 + 102_000))).toBe('−0:42');
    expect(formatClock(12 * 60_000 + 5_000)).toBe('12:05');
  });
});
