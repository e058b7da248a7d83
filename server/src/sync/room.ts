// One loaded map: its RoomDocument, its Presence, its connections, and the queue that
// keeps every document operation of the room in order. Writes are persisted before they are
// applied and relayed (see document.ts), and sync replies are computed in the same queue, so
// nobody ever sees state that is not yet on disk.
// With several instances (fanout.ts) a room also publishes what it stored and its clients'
// presence, and applies what other instances stored, in the same queue; what it misses is read
// from storage (catchUp.ts).
import { ORIGINS } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import type { Storage } from '../storage/types.ts';
import { CatchUp, STORED_ELSEWHERE } from './catchUp.ts';
import { Connection, type MessageSink } from './connection.ts';
import { InvalidUpdateError, RoomDocument } from './document.ts';
import type { FanoutMembership, FanoutRoom, RoomFanout } from './fanout.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import type { SyncMetrics } from './metrics.ts';
import { Presence } from './presence.ts';
import {
  type ClientMessage,
  CloseCode,
  decodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol.ts';

/** Writes made by the server itself (API rename, import); shared's typed origin. */
export const SERVER_ORIGIN = ORIGINS.server;

export interface RoomContext {
  storage: Storage;
  logger: SyncLogger;
  metrics: SyncMetrics;
  limits: SyncLimits;
  fanout: RoomFanout;
}

interface Deferred<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

interface UpdateTask {
  kind: 'update';
  conn: Connection | null;
  /** A sync step 2: the client's answer to a sync step 1 (ends a resync, see writeBatch). */
  step2?: boolean;
  update: Uint8Array;
  origin: unknown;
  done: Deferred<boolean> | null;
}

interface RunTask {
  kind: 'run';
  run: () => unknown;
  done: Deferred<unknown> | null;
}

type Task = UpdateTask | RunTask;

export class Room implements MessageSink, FanoutRoom {
  /** Called when the last connection leaves. */
  onEmpty: () => void = () => {};
  private readonly connections = new Set<Connection>();
  private readonly presence: Presence;
  private readonly membership: FanoutMembership;
  private queue: Task[] = [];
  private running = false;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  private broken = false;
  private destroyed = false;
  /** Another instance closed the map's connections (deleted, links rotated): do not compact. */
  private evicted = false;
  private readonly gaps: CatchUp;

  static async load(mapId: string, ctx: RoomContext): Promise<Room> {
    const document = await RoomDocument.load(mapId, ctx.storage, ctx.metrics, ctx.limits);
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
    this.gaps = new CatchUp(ctx, {
      mapId,
      document,
      run: (fn) => this.run(fn),
      isLive: () => !this.broken && !this.destroyed,
      fail: (error) => this.breakRoom(error),
    });
    this.membership = ctx.fanout.join(this);
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
    if (conn.access === 'edit') {
      conn.send(encodeSyncStep1(Y.encodeStateVector(this.document.doc)), 'sync-step1');
    }
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

  closeConnections(code: number, reason: string): void {
    for (const conn of [...this.connections]) conn.close(code, reason);
  }

  handleMessage(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1':
        this.enqueue({
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
        this.enqueue({
          kind: 'update',
          conn,
          update: message.update,
          origin: conn,
          done: null,
          step2: message.type === 'sync-step2',
        });
        return;
      case 'awareness':
        this.presence.apply(conn, message.entries);
        return;
      case 'query-awareness':
        conn.send(this.presence.encodeAll() ?? this.presence.encodeEmpty(), 'awareness');
        return;
    }
  }

  /** Runs `fn` in the room's queue: it sees every acknowledged write and nothing unpersisted. */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue({
        kind: 'run',
        run: fn,
        done: { resolve: resolve as (value: unknown) => void, reject },
      });
    });
  }

  /** A trusted update from the server; resolves true if it changed the document. */
  submitUpdate(update: Uint8Array, origin: unknown = SERVER_ORIGIN): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.enqueue({ kind: 'update', conn: null, update, origin, done: { resolve, reject } });
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
      await this.writeBatch(tasks);
      return (await Promise.all(results)).some(Boolean);
    });
  }

  /** Resolves once every queued operation has finished. */
  drain(): Promise<void> {
    if (!this.running && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drains, optionally compacts the log into a snapshot, and frees the documents. */
  async shutdown(options: { compact: boolean }): Promise<void> {
    await this.drain();
    if (options.compact && !this.broken && !this.evicted && this.document.hasLog) {
      await this.run(() => this.compactSafely());
    }
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
    this.enqueue({ kind: 'run', done: null, run: () => this.applyStored(firstSeq, updates) });
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

  renewLocalPresence(): void {
    if (!this.destroyed) this.presence.renewLocal();
  }

  evict(code: number, reason: string): void {
    this.evicted = true;
    this.closeConnections(code, reason);
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
    this.gaps.check();
    if (this.document.needsCompaction) await this.compactSafely();
  }

  private enqueue(task: Task): void {
    this.queue.push(task);
    if (this.running || this.scheduled) return;
    // Start on a microtask so frames that arrived in one socket read batch into one fsync.
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      void this.runQueue();
    });
  }

  private async runQueue(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let task = this.queue.shift(); task; task = this.queue.shift()) {
        if (task.kind === 'update') {
          const batch = [task];
          while (
            batch.length < this.ctx.limits.maxBatchUpdates &&
            this.queue[0]?.kind === 'update'
          ) {
            batch.push(this.queue.shift() as UpdateTask);
          }
          await this.writeBatch(batch);
          continue;
        }
        try {
          const result = await task.run();
          task.done?.resolve(result);
        } catch (error) {
          if (task.done) task.done.reject(error);
          else this.ctx.logger.error({ mapId: this.mapId, err: String(error) }, 'room task failed');
        }
      }
    } finally {
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  // validate each → persist all in one write → apply each (which relays it).
  private async writeBatch(batch: UpdateTask[]): Promise<void> {
    const { logger } = this.ctx;
    const accepted: { task: UpdateTask; updates: Uint8Array[]; mixed: boolean }[] = [];
    const validated: Uint8Array[] = [];
    for (const task of batch) {
      if (task.step2 && task.conn) task.conn.awaitingResync = false;
      if (this.broken || this.destroyed || task.conn?.failed) {
        task.done?.resolve(false);
        continue;
      }
      try {
        const { updates, mixed } = this.document.validate(task.update, validated);
        if (updates.length === 0) {
          task.done?.resolve(false);
          continue;
        }
        accepted.push({ task, updates, mixed });
        validated.push(...updates);
      } catch (error) {
        const conn = task.conn;
        if (
          error instanceof InvalidUpdateError &&
          error.missingContent &&
          conn?.isOpen &&
          conn.missingContentLeft > 0
        ) {
          // Not stored. The client's answer to a sync step 1 brings the content it built on
          // together with this edit (see updateGuard's isMissingContent); edits it sends before
          // that answer are dropped the same way without asking again.
          conn.missingContentLeft--;
          if (!conn.awaitingResync) {
            conn.awaitingResync = true;
            logger.info(
              { mapId: this.mapId, connId: conn.id, err: error.message },
              'update builds on content this server lacks; asking the client to resync',
            );
            conn.send(encodeSyncStep1(Y.encodeStateVector(this.document.doc)), 'sync-step1');
          }
          task.done?.resolve(false);
          continue;
        }
        logger.warn(
          { mapId: this.mapId, connId: task.conn?.id, err: String(error) },
          'refused an update that cannot be applied',
        );
        task.conn?.fail(CloseCode.invalidPayload, 'invalid document update');
        task.done?.reject(error);
      }
    }
    if (validated.length === 0) return;

    let firstSeq: number;
    try {
      firstSeq = await this.document.persist(validated);
    } catch (error) {
      logger.error({ mapId: this.mapId, err: String(error) }, 'could not persist updates');
      this.document.resetShadow();
      for (const { task } of accepted) {
        task.conn?.fail(CloseCode.internalError, 'storage failure');
        task.done?.reject(error);
      }
      return;
    }
    this.membership.publishUpdates(firstSeq, validated);

    for (const { task, updates, mixed } of accepted) {
      try {
        // The sender already has its own update, unless it unblocked someone else's content.
        for (const update of updates) this.document.apply(update, mixed ? null : task.origin);
        task.done?.resolve(true);
      } catch (error) {
        task.done?.reject(error);
        this.breakRoom(error);
      }
    }
    this.gaps.check();
    if (this.document.needsCompaction) await this.compactSafely();
  }

  private async compactSafely(): Promise<void> {
    try {
      const uptoSeq = await this.document.compact();
      if (uptoSeq !== null) this.membership.publishCompacted(uptoSeq);
    } catch (error) {
      // The log stays authoritative; the next write or the unload tries again.
      this.ctx.logger.warn({ mapId: this.mapId, err: String(error) }, 'compaction failed');
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
      this.enqueue({
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
