// A room's presence: the y-protocols Awareness every connection shares, relayed and never
// stored, and the rule that a connection may only set or remove the client ids it introduced.
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
import type { SyncMetrics } from './metrics.ts';
import { type AwarenessEntry, encodeAwarenessMessage, encodeAwarenessUpdate } from './protocol.ts';

type Broadcast = (message: Uint8Array, origin: unknown) => void;

export class Presence {
  private readonly awareness: Awareness;
  /** Which connection introduced each awareness client id. */
  private readonly owners = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    private readonly ctx: { limits: SyncLimits; metrics: SyncMetrics; logger: SyncLogger },
    private readonly broadcast: Broadcast,
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

  /** Removes the presence of everyone the connection introduced, and tells the others. */
  removeConnection(conn: Connection): void {
    const ids = [...conn.awarenessClients].filter((id) => this.owners.get(id) === conn);
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, conn);
  }

  // A connection may set and remove only the awareness client ids it introduced. Clients echo
  // everyone's presence back (y-websocket does), so an entry for an id owned by someone else
  // with a clock we have already seen is an echo and ignored quietly; a newer clock is a spoof.
  apply(conn: Connection, entries: readonly AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = [];
    let refused = 0;
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientID);
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
      this.ctx.metrics.awarenessDropped();
      this.ctx.logger.debug(
        { mapId: conn.mapId, connId: conn.id, refused },
        'refused awareness entries for client ids this connection does not own',
      );
    }
    if (accepted.length > 0) {
      applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), conn);
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (changed.length === 0) return;
    this.broadcast(encodeAwarenessMessage(encodeAwarenessStates(this.awareness, changed)), origin);
  };
}
