// A room's queue: every document operation of one room runs here, in order (client updates,
// server writes, sync replies, updates other instances stored), so nobody ever sees state that is
// not yet on disk. Consecutive updates are written as one batch through the write pipeline:
// validate each (against the shadow, see document.ts) → persist all in one storage write → apply
// each to the live doc (which relays it). Room keeps the connections and presence; this keeps the
// order and the writes (as Hocuspocus separates its document from its persistence).
import * as Y from 'yjs';
import type { Connection } from './connection.ts';
import { InvalidUpdateError, type RoomDocument } from './document.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import { CloseCode } from './protocol.ts';

interface Deferred<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface UpdateTask {
  kind: 'update';
  conn: Connection | null;
  /** A sync step 2: the client's answer to a sync step 1 (ends a resync, see writeBatch). */
  step2?: boolean;
  update: Uint8Array;
  origin: unknown;
  done: Deferred<boolean> | null;
}

export interface RunTask {
  kind: 'run';
  run: () => unknown;
  done: Deferred<unknown> | null;
}

export type Task = UpdateTask | RunTask;

/** What a room lends its queue. */
export interface WriteQueueHost {
  mapId: string;
  document: RoomDocument;
  /** False once the room is broken or unloaded: updates still queued are dropped. */
  isLive(): boolean;
  /** A batch was persisted, its first update as `firstSeq` (other instances are told). */
  stored(firstSeq: number, updates: readonly Uint8Array[]): void;
  /** After a batch was applied: catch up on gaps, compact when due. */
  afterApply(): Promise<void>;
  /** A persisted update the live doc could not take: the room's state is unknown. */
  fail(error: unknown): void;
}

export class WriteQueue {
  private queue: Task[] = [];
  private running = false;
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly ctx: { logger: SyncLogger; limits: SyncLimits },
    private readonly host: WriteQueueHost,
  ) {}

  /** Resolves once every queued operation has finished. */
  drain(): Promise<void> {
    if (!this.running && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  enqueue(task: Task): void {
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
          else
            this.ctx.logger.error(
              { mapId: this.host.mapId, err: String(error) },
              'room task failed',
            );
        }
      }
    } finally {
      this.running = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }

  /**
   * validate each → persist all in one write → apply each (which relays it). Called from inside
   * the queue only (runQueue, or a task that writes directly, such as Room.transact).
   */
  async writeBatch(batch: UpdateTask[]): Promise<void> {
    const { logger } = this.ctx;
    const { document, mapId } = this.host;
    const accepted: { task: UpdateTask; updates: Uint8Array[]; mixed: boolean }[] = [];
    const validated: Uint8Array[] = [];
    for (const task of batch) {
      if (task.step2 && task.conn) task.conn.awaitingResync = false;
      if (!this.host.isLive() || task.conn?.failed) {
        task.done?.resolve(false);
        continue;
      }
      try {
        const { updates, mixed } = document.validate(task.update, validated);
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
              { mapId, connId: conn.id, err: error.message },
              'update builds on content this server lacks; asking the client to resync',
            );
            conn.sendSyncStep1(Y.encodeStateVector(document.doc));
          }
          task.done?.resolve(false);
          continue;
        }
        logger.warn(
          { mapId, connId: task.conn?.id, err: String(error) },
          'refused an update that cannot be applied',
        );
        if (error instanceof InvalidUpdateError && error.closeCode !== CloseCode.invalidPayload) {
          // A rule refused it (size, field): the reason is for the person, whose client shows it.
          task.conn?.fail(error.closeCode, error.message);
        } else {
          task.conn?.fail(CloseCode.invalidPayload, 'invalid document update');
        }
        task.done?.reject(error);
      }
    }
    if (validated.length === 0) return;

    let firstSeq: number;
    try {
      firstSeq = await document.persist(validated);
    } catch (error) {
      logger.error({ mapId, err: String(error) }, 'could not persist updates');
      document.resetShadow();
      for (const { task } of accepted) {
        task.conn?.fail(CloseCode.internalError, 'storage failure');
        task.done?.reject(error);
      }
      return;
    }
    this.host.stored(firstSeq, validated);

    for (const { task, updates, mixed } of accepted) {
      try {
        // The sender already has its own update, unless it unblocked someone else's content.
        for (const update of updates) document.apply(update, mixed ? null : task.origin);
        task.done?.resolve(true);
      } catch (error) {
        task.done?.reject(error);
        this.host.fail(error);
      }
    }
    await this.host.afterApply();
  }
}
