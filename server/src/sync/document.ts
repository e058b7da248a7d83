// One map's Y.Doc on the server and the path every write takes into it:
//   validate (apply to a shadow doc) → append to storage (awaited) → apply to the live doc.
// The shadow is an identical second Y.Doc. Untrusted bytes only ever touch the shadow: if Yjs
// throws halfway through an update the shadow may be left half-applied, so it is rebuilt from the
// live doc, which never saw the bad update. What is stored and relayed is the update the shadow
// emitted, i.e. Yjs' own re-encoding of what it integrated (an update that only duplicates known
// content emits nothing and is neither stored nor relayed).
// Updates another instance stored (see fanout.ts) skip validation and storage: they are applied
// to both docs as they are. `seqs` tracks which stored updates the live doc holds, so compaction
// never deletes one it lacks.
import * as Y from 'yjs';
import type { Storage } from '../storage/types.ts';
import type { DocumentTail } from './catchUp.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncMetrics } from './metrics.ts';
import { AppliedSequence } from './sequence.ts';
import { isMissingContent, updateProblem } from './updateGuard.ts';

export class InvalidUpdateError extends Error {
  override readonly name = 'InvalidUpdateError';
  /** The update builds on content the document lacks (see updateGuard's isMissingContent). */
  constructor(
    message: string,
    readonly missingContent = false,
  ) {
    super(message);
  }
}

export interface ValidatedUpdate {
  updates: Uint8Array[];
  mixed: boolean;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

export class RoomDocument {
  /** The live document; what clients sync with. Read-only outside this class. */
  readonly doc: Y.Doc;
  private shadow: Y.Doc;
  /** Collects what the shadow emits during `validate` only. */
  private captured: Uint8Array[] | null = null;
  /** True while this class applies a persisted update to `doc` (anything else is a rogue write). */
  applying = false;
  /** The storage sequence numbers `doc` holds. */
  readonly seqs: AppliedSequence;
  /** The log is known to be compacted up to here (by this instance or another). */
  private compactedSeq: number;
  private logCount: number;
  private logBytes: number;

  private constructor(
    private readonly mapId: string,
    private readonly storage: Storage,
    private readonly metrics: SyncMetrics,
    private readonly limits: SyncLimits,
    doc: Y.Doc,
    stored: { lastSeq: number; logCount: number; logBytes: number },
  ) {
    this.doc = doc;
    this.shadow = this.makeShadow();
    this.seqs = new AppliedSequence(stored.lastSeq);
    this.compactedSeq = stored.lastSeq - stored.logCount;
    this.logCount = stored.logCount;
    this.logBytes = stored.logBytes;
  }

  static async load(
    mapId: string,
    storage: Storage,
    metrics: SyncMetrics,
    limits: SyncLimits,
  ): Promise<RoomDocument> {
    const started = performance.now();
    let stored: Awaited<ReturnType<Storage['loadDocument']>>;
    try {
      stored = await storage.loadDocument(mapId);
    } catch (error) {
      metrics.persistence('load', seconds(started), false);
      throw error;
    }
    metrics.persistence('load', seconds(started), true);
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    const logBytes = stored.updates.reduce((sum, u) => sum + u.length, 0);
    return new RoomDocument(mapId, storage, metrics, limits, doc, {
      lastSeq: stored.lastSeq,
      logCount: stored.updates.length,
      logBytes,
    });
  }

  /**
   * Applies an untrusted update to the shadow and returns what it integrated, re-encoded by Yjs
   * (empty when the update adds nothing). `mixed` is true when the shadow held pending structs
   * from earlier updates, which this one may have unblocked: then the result is not only the
   * sender's content and must be relayed to the sender too. Throws InvalidUpdateError after
   * restoring the shadow to the live state plus `accepted` (validated, not yet applied to `doc`).
   * An update Yjs could not integrate completely (it would leave pending structs or deletes, which
   * Yjs merges with mergeUpdatesV2 on every later update) is refused before it touches the shadow
   * (updateGuard.ts), so only updates stored by another instance can ever be pending here.
   */
  validate(update: Uint8Array, accepted: readonly Uint8Array[]): ValidatedUpdate {
    const store = this.shadow.store;
    const mixed = store.pendingStructs !== null || store.pendingDs !== null;
    const problem = updateProblem(update, (client) => Y.getState(store, client));
    if (problem !== null) throw new InvalidUpdateError(problem, isMissingContent(problem));
    const emitted: Uint8Array[] = [];
    this.captured = emitted;
    try {
      Y.applyUpdate(this.shadow, update);
      // The guard mirrors Yjs; should they ever disagree, nothing untrusted stays pending.
      if (!mixed && (store.pendingStructs !== null || store.pendingDs !== null)) {
        throw new Error('update left pending structs');
      }
    } catch (error) {
      this.resetShadow(accepted);
      throw new InvalidUpdateError(error instanceof Error ? error.message : String(error));
    } finally {
      this.captured = null;
    }
    return { updates: emitted, mixed };
  }

  /** Rebuilds the shadow from the live doc, then re-applies `pending` (already validated). */
  resetShadow(pending: readonly Uint8Array[] = []): void {
    this.shadow.destroy();
    this.shadow = this.makeShadow();
    for (const update of pending) Y.applyUpdate(this.shadow, update);
  }

  /** Keeps the shadow in step with a write that bypassed `validate` (see Room's rogue writes). */
  mirrorToShadow(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
  }

  /**
   * One durable storage write for all `updates`; resolves once they are fsync'd, with the
   * sequence number of the first. They count as applied: the caller applies them next.
   */
  async persist(updates: readonly Uint8Array[]): Promise<number> {
    const started = performance.now();
    let lastSeq: number;
    try {
      lastSeq = await this.storage.appendUpdates(this.mapId, updates);
    } catch (error) {
      this.metrics.persistence('append', seconds(started), false);
      throw error;
    }
    this.metrics.persistence('append', seconds(started), true);
    const firstSeq = lastSeq - updates.length + 1;
    this.seqs.add(firstSeq, lastSeq);
    this.countLog(updates);
    return firstSeq;
  }

  /**
   * Applies an update another writer stored as `seq` to both docs, unless already applied.
   * Throws if Yjs cannot apply it (storage holds something the doc cannot take).
   */
  applyStored(seq: number, update: Uint8Array, origin: unknown): void {
    if (this.seqs.has(seq)) return;
    this.applyToBoth(update, origin);
    this.seqs.add(seq);
    this.countLog([update]);
  }

  /** Applies what storage holds after `seqs.upTo` (see catchUp.ts) to both docs. */
  applyTail(tail: DocumentTail, origin: unknown): void {
    if (tail.snapshot && tail.snapshotSeq > this.seqs.upTo) {
      this.applyToBoth(tail.snapshot, origin);
      this.noteCompacted(tail.snapshotSeq);
      this.seqs.advanceTo(tail.snapshotSeq);
    }
    const firstSeq = tail.lastSeq - tail.updates.length + 1;
    tail.updates.forEach((update, i) => {
      this.applyStored(firstSeq + i, update, origin);
    });
    this.seqs.advanceTo(tail.lastSeq);
  }

  /** Another instance compacted the log up to `seq`: what this one counted is mostly gone. */
  noteCompacted(seq: number): void {
    if (seq <= this.compactedSeq) return;
    this.compactedSeq = seq;
    this.logCount = 0;
    this.logBytes = 0;
  }

  /** Applies a persisted update to the live doc; its 'update' event relays it to clients. */
  apply(update: Uint8Array, origin: unknown): void {
    this.applying = true;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.applying = false;
    }
  }

  get needsCompaction(): boolean {
    return (
      this.logCount >= this.limits.compactAfterUpdates ||
      this.logBytes >= this.limits.compactAfterBytes
    );
  }

  get hasLog(): boolean {
    return this.logCount > 0;
  }

  /**
   * Replaces the log up to `seqs.upTo` with one snapshot of the live doc (gc on, so deleted
   * content is gone); later entries stay, even those the doc holds. Must run when every persisted
   * update has been applied, i.e. from the room's queue. Resolves with the sequence number
   * compacted to, or null when there was nothing to compact.
   */
  async compact(): Promise<number | null> {
    const uptoSeq = this.seqs.upTo;
    if (this.logCount === 0 || uptoSeq <= this.compactedSeq) return null;
    const started = performance.now();
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.storage.compact(this.mapId, snapshot, uptoSeq);
    } catch (error) {
      this.metrics.persistence('compact', seconds(started), false);
      throw error;
    }
    this.metrics.persistence('compact', seconds(started), true);
    this.compactedSeq = uptoSeq;
    this.logCount = 0;
    this.logBytes = 0;
    return uptoSeq;
  }

  destroy(): void {
    this.shadow.destroy();
    this.doc.destroy();
  }

  private applyToBoth(update: Uint8Array, origin: unknown): void {
    this.apply(update, origin);
    try {
      this.mirrorToShadow(update);
    } catch {
      // The live doc took it, so a shadow rebuilt from the live doc holds it too.
      this.resetShadow();
    }
  }

  private countLog(updates: readonly Uint8Array[]): void {
    this.logCount += updates.length;
    for (const update of updates) this.logBytes += update.length;
  }

  private makeShadow(): Y.Doc {
    const shadow = new Y.Doc({ gc: true });
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc));
    shadow.on('update', (update: Uint8Array) => {
      this.captured?.push(update);
    });
    return shadow;
  }
}
