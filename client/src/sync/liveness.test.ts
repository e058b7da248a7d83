import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type WatchedProvider, watchLiveness } from './liveness.ts';

const OPEN = 1;
const CONNECTING = 0;

function fakeSocket(readyState: number) {
  return {
    readyState,
    closed: 0,
    close() {
      this.closed++;
    },
  };
}

describe('watchLiveness', () => {
  // Fake timers move Date.now() (the watcher's clock) together with the intervals.
  const options = { silentMs: 15_000, connectTimeoutMs: 10_000, checkMs: 1_000 };
  const advance = (ms: number) => vi.advanceTimersByTime(ms);
  let start = 0;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    start = Date.now();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands a silent open socket to y-websocket’s watchdog after silentMs, not before', () => {
    const ws = fakeSocket(OPEN);
    const provider: WatchedProvider = { ws, wsconnected: true, wsLastMessageReceived: Date.now() };
    const stop = watchLiveness(provider, options);
    advance(14_000);
    expect(provider.wsLastMessageReceived).toBe(start);
    // A keepalive arrives: the silence starts again.
    provider.wsLastMessageReceived = Date.now();
    advance(14_000);
    expect(provider.wsLastMessageReceived).toBe(start + 14_000);
    advance(2_000);
    expect(provider.wsLastMessageReceived).toBe(0);
    expect(ws.closed).toBe(0);
    stop();
  });

  it('closes a handshake that hangs longer than connectTimeoutMs; a new socket gets its own time', () => {
    const hanging = fakeSocket(CONNECTING);
    const provider: WatchedProvider = { ws: hanging, wsconnected: false, wsLastMessageReceived: 0 };
    const stop = watchLiveness(provider, options);
    advance(10_000);
    expect(hanging.closed).toBe(0);
    advance(2_000);
    expect(hanging.closed).toBe(1);
    const next = fakeSocket(CONNECTING);
    provider.ws = next;
    advance(9_000);
    expect(next.closed).toBe(0);
    next.readyState = OPEN;
    provider.wsconnected = true;
    provider.wsLastMessageReceived = Date.now();
    advance(5_000);
    expect(next.closed).toBe(0);
    expect(provider.wsLastMessageReceived).toBe(Date.now() - 5_000);
    stop();
  });

  it('does nothing once stopped', () => {
    const ws = fakeSocket(CONNECTING);
    const provider: WatchedProvider = { ws, wsconnected: false, wsLastMessageReceived: 0 };
    watchLiveness(provider, options)();
    advance(60_000);
    expect(ws.closed).toBe(0);
  });
});
