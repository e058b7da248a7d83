// One loaded map: its RoomDocument, its Presence, its connections, and the queue that
// keeps every document operation of the room in order (writeQueue.ts). Writes are persisted
// before they are applied and relayed (see document.ts), and sync replies are computed in the same
// queue, so nobody ever sees state that is not yet on disk.
// With several instances (fanout.ts) a room also publishes what it stored and its clients'
// presence, and applies what other instances stored, in the same queue; what it misses is read
// from storage (catchUp.ts).
import { ORIGINS } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import type { Storage } from '../storage/types.ts';
import { CatchUp, STORED_ELSEWHERE } from './catchUp.ts';
import { Connection, type MessageSink } from './connection.ts';
import { RoomDocument } from './document.ts';
import type { FanoutMembership, FanoutRoom, RoomFanout } from './fanout.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import { Presence } from './presence.ts';
import {
  type ClientMessage,
  CloseCode,
  decodeAwarenessUpdate,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol.ts';
import type { Access, SyncTelemetry } from './telemetry.ts';
import { type UpdateTask, WriteQueue } from './writeQueue.ts';

/** Writes made by the server itself (API rename, import); shared's typed origin. */
export const SERVER_ORIGIN = ORIGINS.server;

/**
 * Called with the live document, in the room's queue, after the room compacted its log and when it
 * unloads (if the document changed since the last call): moments worth recording what the map
 * looks like (maps/summary.ts keeps the library's figures). It must read `doc` before it returns;
 * what it returns is awaited only at unload. Failures are logged and never affect the room.
 */
export type SettledHook = (mapId: string, doc: Y.Doc, seq: number) => Promise<void> | void;

export interface RoomContext {
  storage: Storage;
  logger: SyncLogger;
  telemetry: SyncTelemetry;
  limits: SyncLimits;
  fanout: RoomFanout;
  onSettled: SettledHook;
}

export class Room implements MessageSink, FanoutRoom {
  /** Called when the last connection leaves. */
  onEmpty: () => void = () => {};
  private readonly connections = new Set<Connection>();
  private readonly presence: Presence;
  private readonly membership: FanoutMembership;
  private readonly writes: WriteQueue;
  private broken = false;
  private destroyed = false;
  /** The map was deleted (another instance closed all its connections): do not compact. */
  private evicted = false;
  private readonly gaps: CatchUp;
  /** The sequence number the settled hook last saw the document at (see settle). */
  private settledSeq: number;
  /** Settled hooks still writing; awaited at unload. */
  private settling: Promise<unknown> = Promise.resolve();

  static async load(mapId: string, ctx: RoomContext): Promise<Room> {
    const document = await RoomDocument.load(mapId, ctx.storage, ctx.telemetry, ctx.limits);
    return new Room(mapId, ctx, document);
  }

  private constructor(
    readonly mapId: string,
    private readonly ctx: RoomContext,
    readonly document: RoomDocument,
  ) {
    this.presence = new Presence(
      document.doc,
      ctx,
      (message, origin) => {
        for (const conn of [...this.connections]) {
          if (conn !== origin) conn.send(message, 'awareness');
        }
      },
      (update) => this.membership.publishAwareness(update),
    );
    document.doc.on('update', this.onDocUpdate);
    this.writes = new WriteQueue(ctx, {
      mapId,
      document,
      isLive: () => !this.broken && !this.destroyed,
      stored: (firstSeq, updates) => this.membership.publishUpdates(firstSeq, updates),
      afterApply: () => this.afterApply(),
      fail: (error) => this.breakRoom(error),
    });
    this.gaps = new CatchUp(ctx, {
      mapId,
      document,
      run: (fn) => this.run(fn),
      isLive: () => !this.broken && !this.destroyed,
      fail: (error) => this.breakRoom(error),
    });
    this.membership = ctx.fanout.join(this);
    this.settledSeq = document.seqs.upTo;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  addConnection(conn: Connection): boolean {
    if (!conn.isOpen || this.destroyed) return false;
    if (this.connections.size >= this.ctx.limits.maxConnectionsPerRoom) {
      conn.close(CloseCode.tryAgainLater, 'room is full');
      return false;
    }
    this.connections.add(conn);
    // Ask an editor for what it has that we lack (offline edits). A viewer's answer would be
    // dropped anyway, so it is not asked.
    if (conn.access === 'edit') conn.sendSyncStep1(Y.encodeStateVector(this.document.doc));
    const present = this.presence.encodeAll();
    if (present) conn.send(present, 'awareness');
    conn.attach(this);
    return true;
  }

  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (!this.destroyed) this.presence.removeConnection(conn);
    if (this.connections.size === 0) this.onEmpty();
  }

  /** Closes every connection, or those holding one of `access` (a rotated link). */
  closeConnections(code: number, reason: string, access?: readonly Access[]): void {
    for (const conn of [...this.connections]) {
      if (!access || access.includes(conn.access)) conn.close(code, reason);
    }
  }

  handleMessage(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1':
        this.writes.enqueue({
          kind: 'run',
          done: null,
          run: () => {
            if (!conn.isOpen) return;
            const diff = Y.encodeStateAsUpdate(this.document.doc, message.stateVector);
            conn.send(encodeSyncStep2(diff), 'sync-step2');
          },
        });
        return;
      case 'sync-step2':
      case 'sync-update':
        this.writes.enqueue({
          kind: 'update',
          conn,
          update: message.update,
          origin: conn,
          done: null,
          step2: message.type === 'sync-step2',
        });
        return;
      case 'awareness':
        this.presence.apply(conn, message.entries, message.update);
        return;
      case 'query-awareness':
        conn.send(this.presence.encodeAll() ?? this.presence.encodeEmpty(), 'awareness');
        return;
    }
  }

  /** Runs `fn` in the room's queue: it sees every acknowledged write and nothing unpersisted. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.writes.enqueue({
        kind: 'run',
        run: fn,
        done: { resolve: resolve as (value: unknown) => void, reject },
      });
    });
  }

  /** A trusted update from the server; resolves true if it changed the document. */
  submitUpdate(update: Uint8Array, origin: unknown = SERVER_ORIGIN): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.writes.enqueue({
        kind: 'update',
        conn: null,
        update,
        origin,
        done: { resolve, reject },
      });
    });
  }

  /**
   * Runs `fn` against a copy of the document and writes what it changed like any other update
   * (persisted, then applied and relayed). Resolves true if the document changed.
   */
  transact(fn: (doc: Y.Doc) => void, origin: unknown = SERVER_ORIGIN): Promise<boolean> {
    return this.run(async () => {
      const scratch = new Y.Doc({ gc: true });
      const updates: Uint8Array[] = [];
      try {
        Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.document.doc));
        scratch.on('update', (update: Uint8Array) => updates.push(update));
        scratch.transact(() => fn(scratch), origin);
      } finally {
        scratch.destroy();
      }
      const tasks: UpdateTask[] = [];
      const results = updates.map(
        (update) =>
          new Promise<boolean>((resolve, reject) => {
            tasks.push({ kind: 'update', conn: null, update, origin, done: { resolve, reject } });
          }),
      );
      // Written directly: we are inside the queue, enqueueing would wait for ourselves.
      await this.writes.writeBatch(tasks);
      return (await Promise.all(results)).some(Boolean);
    });
  }

  /** Resolves once every queued operation has finished. */
  drain(): Promise<void> {
    return this.writes.drain();
  }

  /** Drains, optionally compacts the log into a snapshot, and frees the documents. */
  async shutdown(options: { compact: boolean }): Promise<void> {
    await this.drain();
    if (options.compact && !this.broken && !this.evicted && this.document.hasLog) {
      await this.run(() => this.compactSafely());
    }
    // A forced close (the map deleted) records nothing.
    if (options.compact && !this.broken && !this.evicted) await this.run(() => this.settle());
    await this.settling;
    this.membership.leave();
    this.destroyed = true;
    this.gaps.stop();
    this.document.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.document.destroy();
  }

  // FanoutRoom: other instances' traffic for this map.

  receiveUpdates(firstSeq: number, updates: readonly Uint8Array[]): void {
    if (this.destroyed) return;
    this.writes.enqueue({
      kind: 'run',
      done: null,
      run: () => this.applyStored(firstSeq, updates),
    });
  }

  storedUpTo(seq: number): void {
    if (this.destroyed) return;
    this.document.seqs.saw(seq);
    this.gaps.check();
  }

  catchUp(): Promise<void> {
    return this.gaps.now();
  }

  receiveCompacted(uptoSeq: number): void {
    if (!this.destroyed) this.document.noteCompacted(uptoSeq);
  }

  receiveAwareness(peer: string, update: Uint8Array, complete: boolean): void {
    if (this.destroyed) return;
    try {
      this.presence.applyRemote(peer, decodeAwarenessUpdate(update), complete);
    } catch (error) {
      this.ctx.logger.warn({ mapId: this.mapId, peer, err: String(error) }, 'bad peer presence');
    }
  }

  dropPeer(peer: string): void {
    if (!this.destroyed) this.presence.dropPeer(peer);
  }

  encodeLocalPresence(): Uint8Array | null {
    return this.destroyed ? null : this.presence.encodeLocal();
  }

  /** Forgets the awareness clocks of clients that left long ago (see Presence.forget). */
  forgetDepartedPresence(afterMs: number): void {
    if (!this.destroyed) this.presence.forget(afterMs);
  }

  /** Frees the shadow document of a map nobody wrote to for `idleMs` (see RoomDocument). */
  releaseIdleShadow(idleMs: number): void {
    if (this.destroyed || !this.document.shadowIdle(idleMs)) return;
    // In the queue: there, nothing validated is still waiting to be applied to the live doc.
    this.writes.enqueue({
      kind: 'run',
      done: null,
      run: () => {
        if (!this.destroyed) this.document.releaseIdleShadow(idleMs);
      },
    });
  }

  renewLocalPresence(): void {
    if (!this.destroyed) this.presence.renewLocal();
  }

  evict(code: number, reason: string, access?: readonly Access[]): void {
    // Only a deletion stops compaction; a rotated link just loses its sockets.
    if (!access) this.evicted = true;
    this.closeConnections(code, reason, access);
  }

  private async applyStored(firstSeq: number, updates: readonly Uint8Array[]): Promise<void> {
    if (this.broken || this.destroyed) return;
    try {
      updates.forEach((update, i) => {
        this.document.applyStored(firstSeq + i, update, STORED_ELSEWHERE);
      });
    } catch (error) {
      this.breakRoom(error);
      return;
    }
    await this.afterApply();
  }

  // After updates were applied (written here or stored elsewhere): what storage holds beyond them
  // is caught up on, and the log compacted when due.
  private async afterApply(): Promise<void> {
    this.gaps.check();
    if (this.document.needsCompaction) await this.compactSafely();
  }

  private async compactSafely(): Promise<void> {
    try {
      const uptoSeq = await this.document.compact();
      if (uptoSeq === null) return;
      this.membership.publishCompacted(uptoSeq);
    } catch (error) {
      // The log stays authoritative; the next write or the unload tries again.
      this.ctx.logger.warn({ mapId: this.mapId, err: String(error) }, 'compaction failed');
      return;
    }
    this.settle();
  }

  // Runs the settled hook if the document changed since it last ran. The hook reads the document
  // now; its write is not awaited here (the queue goes on), only at unload.
  private settle(): void {
    const seq = this.document.seqs.upTo;
    const before = this.settledSeq;
    if (seq <= before) return;
    this.settledSeq = seq;
    const failed = (error: unknown) => {
      // The unload tries again.
      if (this.settledSeq === seq) this.settledSeq = before;
      this.ctx.logger.warn({ mapId: this.mapId, err: String(error) }, 'settled hook failed');
    };
    try {
      const pending = this.ctx.onSettled(this.mapId, this.document.doc, seq);
      if (pending) this.settling = Promise.all([this.settling, pending.catch(failed)]);
    } catch (error) {
      failed(error);
    }
  }

  // A persisted update the live doc cannot take means the room's state is unknown: stop serving
  // it; clients reconnect and the room reloads from storage.
  private breakRoom(error: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.ctx.logger.error({ mapId: this.mapId, err: String(error) }, 'room document failed');
    this.closeConnections(CloseCode.internalError, 'room failed');
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.document.applying) {
      // Someone wrote the live doc directly (withDocument is read-only). Keep storage and the
      // shadow in step rather than lose the write.
      this.ctx.logger.error(
        { mapId: this.mapId },
        'live document written outside RoomManager.transact; persisting it',
      );
      this.document.mirrorToShadow(update);
      this.writes.enqueue({
        kind: 'run',
        done: null,
        run: async () => {
          this.membership.publishUpdates(await this.document.persist([update]), [update]);
        },
      });
    }
    const message = encodeSyncUpdate(update);
    const exclude = origin instanceof Connection ? origin : null;
    for (const conn of [...this.connections]) {
      if (conn !== exclude) conn.send(message, 'sync-update');
    }
  };
}
