// Every bound the sync server enforces, in one place. The HTTP layer passes `maxPayloadBytes` to
// the `ws` server (which closes oversized frames with 1009 before we see them); the rest are
// enforced here.
import type { Access } from '@flowmap/shared/api';

export interface SyncLimits {
  /**
   * Largest message a connection may send, but see maxDocumentBytes: an edit connection's sync
   * step 2 (its offline work) may be as large as the document cap.
   */
  maxPayloadBytes: number;
  /**
   * Largest encoded document (Yjs state) a map may reach; a write that would go above it is refused
   * (4413). It also bounds the one large message an edit connection may send: the sync step 2 that
   * answers the server's sync step 1 carries everything the client did offline, and must arrive
   * whole, so the edit sockets' frame limit is this plus SYNC_STEP2_OVERHEAD.
   */
  maxDocumentBytes: number;
  /** A slow consumer whose socket buffers more than this is dropped (terminated). */
  maxBufferedBytes: number;
  /** Largest awareness update; above it the connection is closed with 1009. */
  maxAwarenessBytes: number;
  /** Awareness client ids one connection may introduce (a tab is one; reconnects reuse it). */
  maxAwarenessClientsPerConnection: number;
  /**
   * Token bucket for every message a connection sends, taken before it is decoded; above it the
   * connection is closed with 1008. A tab sends a handful per edit and ~30 presence updates a
   * second; a flood of tiny valid updates would otherwise be validated and stored at wire speed.
   */
  messageRatePerSecond: number;
  messageBurst: number;
  /** Token bucket for awareness and query-awareness messages; excess messages are dropped. */
  awarenessRatePerSecond: number;
  awarenessBurst: number;
  /**
   * Bytes of awareness a connection may send per second (and save up): each message is relayed
   * to everyone in the room, so 60 messages of 64 KiB a second from one client would be
   * amplified to every peer. Presence is a few hundred bytes ~30 times a second.
   */
  awarenessBytesPerSecond: number;
  awarenessBytesBurst: number;
  /** Messages a connection may send while its room is still loading; above it: 1013. */
  maxPendingMessages: number;
  /** Connections per room; above it new ones are closed with 1013. */
  maxConnectionsPerRoom: number;
  /**
   * Ping and keepalive interval: every connection gets a ping and an empty awareness message; a
   * socket that has not answered the previous ping is terminated. Clients treat 15 s of silence as
   * a dead socket (client/src/sync/liveness.ts), so keep this well below that.
   */
  heartbeatIntervalMs: number;
  /** A client's presence clock is forgotten this long after it left (see Presence.forget). */
  forgetDepartedPresenceMs: number;
  /**
   * A loaded map's shadow document (the copy untrusted updates are validated against, see
   * document.ts) is released once no write came for this long, and rebuilt by the next write.
   */
  shadowIdleMs: number;
  /** How long an empty room stays loaded, so a quick reconnect does not reload it. */
  roomIdleMs: number;
  /** Compact the update log once it holds this many updates… */
  compactAfterUpdates: number;
  /** …or this many bytes. */
  compactAfterBytes: number;
  /** Updates persisted in one storage write (one fsync) when they queue up. */
  maxBatchUpdates: number;
  /**
   * Updates building on content the server lacks that a connection may send (an edit overtaking
   * its own sync step 2 after offline work, or a client that moved to an instance not yet caught
   * up): each is dropped, and the first of a run is answered with a sync step 1 so the client
   * sends what is missing. The next one closes the connection with 1007.
   */
  maxMissingContentUpdates: number;
  /**
   * With another writer (instance) on the same document: how long a stored update known to
   * exist may stay undelivered before the room reads it from storage.
   */
  catchUpAfterMs: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<SyncLimits> = Object.freeze({
  maxPayloadBytes: 2 * MiB,
  maxDocumentBytes: 16 * MiB,
  maxBufferedBytes: 8 * MiB,
  maxAwarenessBytes: 64 * 1024,
  maxAwarenessClientsPerConnection: 4,
  messageRatePerSecond: 200,
  messageBurst: 1000,
  awarenessRatePerSecond: 60,
  awarenessBurst: 120,
  awarenessBytesPerSecond: 64 * 1024,
  awarenessBytesBurst: 256 * 1024,
  maxPendingMessages: 256,
  maxConnectionsPerRoom: 256,
  heartbeatIntervalMs: 5_000,
  forgetDepartedPresenceMs: 60_000,
  shadowIdleMs: 30_000,
  roomIdleMs: 2_000,
  compactAfterUpdates: 500,
  compactAfterBytes: 1 * MiB,
  maxBatchUpdates: 64,
  maxMissingContentUpdates: 32,
  catchUpAfterMs: 250,
});

/** Message type, sync type and length prefix around a sync step 2's update. */
export const SYNC_STEP2_OVERHEAD = 16;

/** The frame limit for a websocket: view connections never send document content. */
export function frameLimit(limits: SyncLimits, access: Access): number {
  return access === 'edit'
    ? Math.max(limits.maxPayloadBytes, limits.maxDocumentBytes + SYNC_STEP2_OVERHEAD)
    : limits.maxPayloadBytes;
}

export function resolveLimits(partial: Partial<SyncLimits> = {}): SyncLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial) as [keyof SyncLimits, number][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`invalid limit ${key}: ${value}`);
    limits[key] = value;
  }
  return limits;
}

/** Classic token bucket: `rate` tokens per second, at most `burst` saved up. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes `cost` tokens (1 by default: a message; or bytes) if there are that many. */
  take(cost = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
