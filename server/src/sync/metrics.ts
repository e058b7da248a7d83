// Hooks the HTTP layer wires to prom-client. Counters and a latency histogram only; the gauges
// (rooms loaded, open connections) come from `RoomManager.stats()` in a collect callback.
import type { MessageKind } from './protocol.ts';

export type Access = 'edit' | 'view';
export type PersistenceOp = 'load' | 'append' | 'compact';

export interface SyncMetrics {
  connectionOpened(access: Access): void;
  /** `code` is the close code we sent, or the client's (1006 when the socket just dropped). */
  connectionClosed(access: Access, code: number): void;
  roomLoaded(): void;
  roomUnloaded(): void;
  messageReceived(kind: MessageKind, bytes: number): void;
  messageSent(kind: MessageKind, bytes: number): void;
  /** A document write from a view-only connection, dropped. */
  writeDropped(): void;
  /** An awareness message over the rate limit, or entries for client ids it may not set. */
  awarenessDropped(): void;
  persistence(op: PersistenceOp, seconds: number, ok: boolean): void;
}

const noop = () => {};

export const NOOP_METRICS: Readonly<SyncMetrics> = Object.freeze({
  connectionOpened: noop,
  connectionClosed: noop,
  roomLoaded: noop,
  roomUnloaded: noop,
  messageReceived: noop,
  messageSent: noop,
  writeDropped: noop,
  awarenessDropped: noop,
  persistence: noop,
});

/**
 * Fills missing hooks with no-ops and binds the given ones (a class instance works), each guarded
 * so a failing metrics backend can never break message handling.
 */
export function resolveMetrics(partial: Partial<SyncMetrics> = {}): SyncMetrics {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(NOOP_METRICS) as (keyof SyncMetrics)[]) {
    const hook = partial[key] as ((...args: unknown[]) => void) | undefined;
    out[key] =
      typeof hook === 'function'
        ? (...args: unknown[]) => {
            try {
              hook.apply(partial, args);
            } catch {
              // Metrics are best effort.
            }
          }
        : noop;
  }
  return out as unknown as SyncMetrics;
}
