// A room's presence: the y-protocols Awareness every connection shares, relayed and never
// stored, and the rule that a connection may only set or remove the client ids it introduced.
// With several instances, presence also arrives from peers (see fanout.ts): each peer owns the
// client ids its connections introduced, the same rule applies across instances, and what this
// instance's own connections change is handed to `publish` for the peers.
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate as encodeAwarenessStates,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Connection } from './connection.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import { type AwarenessEntry, encodeAwarenessMessage, encodeAwarenessUpdate } from './protocol.ts';
import type { SyncTelemetry } from './telemetry.ts';

type Broadcast = (message: Uint8Array, origin: unknown) => void;

/** The origin of awareness changes relayed from another instance. */
class PeerOrigin {
  constructor(readonly peer: string) {}
}

export class Presence {
  private readonly awareness: Awareness;
  /** Which connection introduced each awareness client id. */
  private readonly owners = new Map<number, Connection>();
  /** Which peer instance owns each client id that one of its connections introduced. */
  private readonly remoteOwners = new Map<number, string>();
  /** The latest claim by another peer on a client id a peer owns; applied when it is released. */
  private readonly contested = new Map<number, { peer: string; entry: AwarenessEntry }>();
  /**
   * When each removed client id went. y-protocols keeps a removed client's `{ clock,
   * lastUpdated }` in `awareness.meta` for good (so a late, older update cannot revive it), which
   * grows by ~85 bytes for every tab that ever joined a room that stays loaded; `forget` drops it
   * once nothing can still be in flight. After 60 s (the default) every client has dropped the
   * departed state itself (y-protocols times out states not renewed for 30 s), so no echo of it
   * can arrive that the missing clock would let through.
   */
  private readonly departed = new Map<number, number>();

  constructor(
    doc: Y.Doc,
    private readonly ctx: { limits: SyncLimits; telemetry: SyncTelemetry; logger: SyncLogger },
    private readonly broadcast: Broadcast,
    private readonly publish: (awarenessUpdate: Uint8Array) => void = () => {},
  ) {
    this.awareness = new Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** An awareness message with everyone present, or null when nobody is. */
  encodeAll(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return null;
    return encodeAwarenessMessage(encodeAwarenessStates(this.awareness, ids));
  }

  encodeEmpty(): Uint8Array {
    return encodeAwarenessMessage(encodeAwarenessUpdate([]));
  }

  /** An awareness update with what this instance's connections own, or null when nothing. */
  encodeLocal(): Uint8Array | null {
    const ids = [...this.owners.keys()].filter((id) => this.awareness.states.has(id));
    return ids.length > 0 ? encodeAwarenessStates(this.awareness, ids) : null;
  }

  /**
   * Makes this instance's clients re-announce their presence with a newer clock: each is told,
   * alone, that its own state was removed, which a y-protocols client answers by re-sending it
   * with its clock incremented (it never lets anyone else remove its own state).
   */
  renewLocal(): void {
    for (const [clientID, conn] of this.owners) {
      const meta = this.awareness.meta.get(clientID);
      if (!meta || !this.awareness.states.has(clientID)) continue;
      const removal = encodeAwarenessUpdate([{ clientID, clock: meta.clock, state: null }]);
      conn.send(encodeAwarenessMessage(removal), 'awareness');
    }
  }

  /** Removes the presence of everyone the connection introduced, and tells the others. */
  removeConnection(conn: Connection): void {
    const ids = [...conn.awarenessClients].filter((id) => this.owners.get(id) === conn);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, conn);
  }

  // A connection may set and remove only the awareness client ids it introduced. Clients echo
  // everyone's presence back (y-websocket does), so an entry for an id owned by someone else
  // with a clock we have already seen is an echo and ignored quietly; a newer clock is a spoof.
  // `update`: the bytes `entries` were decoded (and checked) from, if the caller has them.
  apply(conn: Connection, entries: readonly AwarenessEntry[], update?: Uint8Array): void {
    const accepted: AwarenessEntry[] = [];
    let refused = 0;
    for (const entry of entries) {
      // Owned by a peer's connection: as good as another connection here.
      const owner =
        this.owners.get(entry.clientID) ?? this.remoteOwners.get(entry.clientID) ?? null;
      if (owner === conn) {
        accepted.push(entry);
        continue;
      }
      const meta = this.awareness.meta.get(entry.clientID);
      if (owner) {
        if (!meta || entry.clock > meta.clock) refused++;
        continue;
      }
      if (entry.state === null) continue;
      // An id seen before belongs to a client that left; only a connection that has not
      // introduced anything yet may take it over (that client reconnecting), not an echo.
      if (meta && conn.awarenessClients.size > 0) continue;
      if (conn.awarenessClients.size >= this.ctx.limits.maxAwarenessClientsPerConnection) {
        refused++;
        continue;
      }
      // A reconnecting client resends the clock it had; forget the old one so it counts.
      if (meta) this.awareness.meta.delete(entry.clientID);
      this.owners.set(entry.clientID, conn);
      conn.awarenessClients.add(entry.clientID);
      accepted.push(entry);
    }
    if (refused > 0) {
      this.ctx.telemetry.awarenessDropped();
      this.ctx.logger.debug(
        { mapId: conn.mapId, connId: conn.id, refused },
        'refused awareness entries for client ids this connection does not own',
      );
    }
    if (accepted.length === 0) return;
    // Every entry accepted (a cursor move, nearly always): y-protocols reads the checked bytes
    // themselves rather than our re-encoding of them, one JSON.stringify per message less. What
    // is relayed is still our own encoding (onUpdate).
    const whole = update !== undefined && accepted.length === entries.length;
    applyAwarenessUpdate(this.awareness, whole ? update : encodeAwarenessUpdate(accepted), conn);
  }

  /**
   * Entries relayed by `peer`, which checked that its own connections own them. A client id one of
   * our connections owns stays ours. One another peer owns is contested: a client is on one
   * instance at a time, so either it moved faster than its old instance told us it left, or the
   * claim is a spoof that peer could not see; the latest claim is applied once the owner releases
   * the id. `complete`: the peer's clients have nothing else, so its other states are gone.
   */
  applyRemote(peer: string, entries: readonly AwarenessEntry[], complete: boolean): void {
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const id = entry.clientID;
      if (this.owners.has(id)) continue;
      const owner = this.remoteOwners.get(id);
      if (owner !== undefined && owner !== peer) {
        if (entry.state !== null) this.contested.set(id, { peer, entry });
        else if (this.contested.get(id)?.peer === peer) this.contested.delete(id);
        continue;
      }
      // Ownership starts with this peer: count its client's clock from here, as for a client
      // reconnecting to this instance.
      if (owner === undefined && entry.state !== null) this.awareness.meta.delete(id);
      accepted.push(entry);
    }
    const origin = new PeerOrigin(peer);
    const before = this.idsOf(peer);
    if (accepted.length > 0) {
      applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), origin);
      for (const { clientID, state } of accepted) {
        if (state !== null && this.awareness.states.has(clientID)) {
          this.remoteOwners.set(clientID, peer);
        }
      }
    }
    if (complete) {
      const listed = new Set(entries.map((e) => e.clientID));
      const gone = this.idsOf(peer).filter((id) => !listed.has(id));
      if (gone.length > 0) removeAwarenessStates(this.awareness, gone, origin);
    }
    this.settleContested(before);
  }

  /** Removes the presence of every client `peer` owns (it left or went silent). */
  dropPeer(peer: string): void {
    const ids = this.idsOf(peer);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, new PeerOrigin(peer));
    for (const id of ids) this.remoteOwners.delete(id);
    for (const [id, claim] of this.contested) if (claim.peer === peer) this.contested.delete(id);
    this.settleContested(ids);
  }

  /** Forgets the clocks of client ids removed at least `afterMs` ago that nobody has taken back. */
  forget(afterMs: number, now = performance.now()): void {
    for (const [id, at] of this.departed) {
      if (now - at < afterMs) continue;
      this.departed.delete(id);
      if (this.awareness.states.has(id) || this.owners.has(id) || this.remoteOwners.has(id))
        continue;
      this.awareness.meta.delete(id);
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  // Ids a peer has released get the claim another peer made meanwhile.
  private settleContested(ids: readonly number[]): void {
    for (const id of ids) {
      const claim = this.contested.get(id);
      if (!claim || this.remoteOwners.has(id) || this.owners.has(id)) continue;
      this.contested.delete(id);
      this.applyRemote(claim.peer, [claim.entry], false);
    }
  }

  private idsOf(peer: string): number[] {
    return [...this.remoteOwners].filter(([, owner]) => owner === peer).map(([id]) => id);
  }

  private readonly onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    const update = encodeAwarenessStates(this.awareness, changed);
    this.broadcast(encodeAwarenessMessage(update), origin);
    // Peers hear about our connections' presence only, from us; a state relayed from a peer
    // (or timed out here while its owner still renews it) is the owner's to publish.
    const local =
      origin instanceof PeerOrigin ? [] : changed.filter((id) => !this.remoteOwners.has(id));
    if (local.length === changed.length) this.publish(update);
    else if (local.length > 0) this.publish(encodeAwarenessStates(this.awareness, local));
    for (const id of change.removed) {
      this.remoteOwners.delete(id);
      this.departed.set(id, performance.now());
    }
  };
}
