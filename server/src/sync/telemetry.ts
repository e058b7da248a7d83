// The sync core's telemetry hooks, which the HTTP layer wires to prom-client
// (observability/telemetry.ts). Counters and a latency histogram only; the gauges (rooms loaded,
// open connections) come from `RoomManager.stats()` in a collect callback.
import type { Access } from '@flowmap/shared/api';
import type { MessageKind } from './protocol.ts';

// A wire type (shared/api); the sync core's files take it from here with the hooks that count it.
export type { Access };
export type PersistenceOp = 'load' | 'append' | 'compact';

export interface SyncTelemetry {
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

export const NOOP_TELEMETRY: Readonly<SyncTelemetry> = Object.freeze({
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
 * so a failing telemetry backend can never break message handling.
 */
export function resolveTelemetry(partial: Partial<SyncTelemetry> = {}): SyncTelemetry {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(NOOP_TELEMETRY) as (keyof SyncTelemetry)[]) {
    const hook = partial[key] as ((...args: unknown[]) => void) | undefined;
    out[key] =
      typeof hook === 'function'
        ? (...args: unknown[]) => {
            try {
              hook.apply(partial, args);
            } catch {
              // Telemetry is best effort.
            }
          }
        : noop;
  }
  return out as unknown as SyncTelemetry;
}
