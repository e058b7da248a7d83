// The server's clock as seen from this browser, so the workshop timer shows the same figure on
// every screen even when a laptop's clock is minutes off. NTP-style: for each of a few round trips
// to GET /api/time, offset = serverNow − (sent + received) / 2, trusting the sample with the
// shortest round trip (its uncertainty, rtt / 2, is the smallest).

export interface ClockSample {
  /** Local clock when the request left and when the answer arrived. */
  sentAt: number;
  receivedAt: number;
  /** The server's clock in the answer. */
  serverNow: number;
}

export interface OffsetEstimate {
  /** Add to the local clock to get the server's. */
  offsetMs: number;
  /** The chosen sample's round trip: the offset is right within ± rtt / 2. */
  rttMs: number;
}

/** The offset from the sample with the shortest round trip; null without a usable sample. */
export function estimateOffset(samples: readonly ClockSample[]): OffsetEstimate | null {
  let best: OffsetEstimate | null = null;
  for (const s of samples) {
    const rtt = s.receivedAt - s.sentAt;
    if (!Number.isFinite(rtt) || rtt < 0 || !Number.isFinite(s.serverNow)) continue;
    if (best === null || rtt < best.rttMs) {
      best = { offsetMs: s.serverNow - (s.sentAt + s.receivedAt) / 2, rttMs: rtt };
    }
  }
  return best;
}

export async function fetchServerTime(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store' });
  if (!res.ok) throw new Error(`GET /api/time answered ${res.status}`);
  const body = (await res.json()) as { now?: unknown };
  if (typeof body.now !== 'number') throw new Error('GET /api/time sent no time');
  return body.now;
}

export class ServerClock {
  private estimate: OffsetEstimate | null = null;

  constructor(
    private readonly fetchTime: () => Promise<number> = fetchServerTime,
    private readonly localNow: () => number = Date.now,
  ) {}

  /** Measures `rounds` round trips one after another and keeps the best; failures are skipped. */
  async sync(rounds = 4): Promise<OffsetEstimate | null> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < rounds; i++) {
      const sentAt = this.localNow();
      try {
        const serverNow = await this.fetchTime();
        samples.push({ sentAt, serverNow, receivedAt: this.localNow() });
      } catch {
        // One lost round trip only means one sample fewer; the next sync tries again.
      }
    }
    const fresh = estimateOffset(samples);
    if (fresh) this.estimate = fresh;
    return this.estimate;
  }

  get synced(): boolean {
    return this.estimate !== null;
  }

  get offsetMs(): number {
    return this.estimate?.offsetMs ?? 0;
  }

  /** The server's time now (the local clock until the first sync succeeds). */
  now(): number {
    return Math.round(this.localNow() + this.offsetMs);
  }
}

/** The page's one clock, synced on first use and every five minutes after. */
let shared: ServerClock | null = null;
export function serverClock(): ServerClock {
  if (!shared) {
    const clock = new ServerClock();
    shared = clock;
    void clock.sync();
    setInterval(() => void clock.sync(), 5 * 60_000);
  }
  return shared;
}
