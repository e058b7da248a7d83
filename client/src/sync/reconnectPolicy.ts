// What the editor does when the server closes its socket. y-websocket alone reconnects after every
// close but 4400–4499, and resets its backoff as soon as a connection syncs: a server that
// accepts the connection, answers the sync and then refuses the client's offline work (too big,
// storage down) was hit again every 200 ms, and every reconnect spent the network's per-IP
// connection budget — the whole office behind one NAT was refused with 429 within half a minute.
// So: a refusal that resending cannot fix stops and says why; a failure on the server's side
// waits longer each time (with jitter, so a room does not return in lockstep); a plain drop or a
// restart reconnects as before.
import { CloseCode } from '@flowmap/shared/api';

/** Why the editor stopped syncing; each has its own message and remedy in the UI. */
export type StopReason = 'link-rotated' | 'map-deleted' | 'too-large' | 'refused';

export type CloseDecision =
  | { action: 'stop'; reason: StopReason }
  /** Something failed on the server's side or the message was refused as too big: back off. */
  | { action: 'back-off' }
  /** A dropped network or a server restart: y-websocket's own quick reconnect. */
  | { action: 'reconnect' };

const BACK_OFF: ReadonlySet<number> = new Set([
  CloseCode.invalidPayload,
  CloseCode.policyViolation,
  CloseCode.messageTooBig,
  CloseCode.internalError,
  CloseCode.tryAgainLater,
]);

export function decideOnClose(code: number): CloseDecision {
  switch (code) {
    case CloseCode.linkRotated:
      return { action: 'stop', reason: 'link-rotated' };
    case CloseCode.mapDeleted:
      return { action: 'stop', reason: 'map-deleted' };
    case CloseCode.documentTooLarge:
      return { action: 'stop', reason: 'too-large' };
    case CloseCode.writeRefused:
      return { action: 'stop', reason: 'refused' };
  }
  // Any other permanent code from a newer server: stopping beats looping.
  if (code >= 4400 && code < 4500) return { action: 'stop', reason: 'refused' };
  return BACK_OFF.has(code) ? { action: 'back-off' } : { action: 'reconnect' };
}

export interface BackoffOptions {
  firstMs: number;
  maxMs: number;
  /** A connection that stayed up this long was healthy: the next failure starts over. */
  healthyAfterMs: number;
  random: () => number;
}

/** Exponential backoff with ±25 % jitter: 1 s, 2 s, 4 s … capped at a minute by default. */
export class Backoff {
  private failures = 0;
  private readonly options: BackoffOptions;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.options = {
      firstMs: 1_000,
      maxMs: 60_000,
      healthyAfterMs: 30_000,
      random: Math.random,
      ...options,
    };
  }

  /** The wait before the next attempt, after a failed connection that had been up `upMs`. */
  next(upMs: number): number {
    const { firstMs, maxMs, healthyAfterMs, random } = this.options;
    if (upMs >= healthyAfterMs) this.failures = 0;
    const base = Math.min(maxMs, firstMs * 2 ** this.failures);
    this.failures++;
    return Math.round(base * (0.75 + random() * 0.5));
  }

  reset(): void {
    this.failures = 0;
  }
}
