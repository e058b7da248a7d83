// The seam between the sync core and a fan-out to other server instances (cluster/redisFanout.ts
// implements it over Redis). The sync core publishes what its rooms stored and what their clients'
// presence did; it receives the same from the others, applied in order with its own writes.
// Without a fan-out (one instance) rooms use LOCAL_ONLY.
import type { Access } from './telemetry.ts';

export interface RoomFanout {
  /** A room was loaded: deliver other instances' traffic for its map to it until `leave()`. */
  join(room: FanoutRoom): FanoutMembership;
  /**
   * Asks other instances to close the map's connections: all of them (the map was deleted), or
   * only those holding `access` (those links were rotated).
   */
  publishEvict(mapId: string, code: number, reason: string, access?: readonly Access[]): void;
}

export interface FanoutMembership {
  /** Updates stored (committed) with sequence numbers firstSeq, firstSeq + 1, … */
  publishUpdates(firstSeq: number, updates: readonly Uint8Array[]): void;
  /** An awareness update (y-protocols encoding) for presence this instance's clients own. */
  publishAwareness(update: Uint8Array): void;
  /** The log was compacted up to `uptoSeq`, so others need not compact the same range. */
  publishCompacted(uptoSeq: number): void;
  leave(): void;
}

/** What a room offers the fan-out. Every call is safe after the room has been unloaded. */
export interface FanoutRoom {
  readonly mapId: string;
  /** Updates another instance stored as firstSeq, firstSeq + 1, … */
  receiveUpdates(firstSeq: number, updates: readonly Uint8Array[]): void;
  /** Storage holds `seq`: if it does not arrive soon, read it from storage. */
  storedUpTo(seq: number): void;
  /** Reads whatever this room lacks from storage now (after a resubscribe, for instance). */
  catchUp(): Promise<void>;
  receiveCompacted(uptoSeq: number): void;
  /**
   * Presence owned by instance `peer`. `complete` means the update lists everything the peer's
   * clients have, so any state of that peer missing from it is gone.
   */
  receiveAwareness(peer: string, update: Uint8Array, complete: boolean): void;
  /** The peer left or went silent: remove the presence its clients had. */
  dropPeer(peer: string): void;
  /** Everything this instance's clients have (an awareness update), or null when nothing. */
  encodeLocalPresence(): Uint8Array | null;
  /**
   * Peers may have dropped this instance's clients' presence (and told their clients, who then
   * ignore the same clock again): make this instance's clients re-announce with newer clocks.
   */
  renewLocalPresence(): void;
  /** Another instance closed the map's connections (see publishEvict): close this one's too. */
  evict(code: number, reason: string, access?: readonly Access[]): void;
}

const noop = () => {};

export const LOCAL_ONLY: RoomFanout = Object.freeze({
  join: () =>
    Object.freeze({
      publishUpdates: noop,
      publishAwareness: noop,
      publishCompacted: noop,
      leave: noop,
    }),
  publishEvict: noop,
});
