// One map's Y.Doc on the server and the path every write takes into it:
//   validate (apply to a shadow doc) → append to storage (awaited) → apply to the live doc.
// The shadow is an identical second Y.Doc. Untrusted bytes only ever touch the shadow: if Yjs
// throws halfway through an update the shadow may be left half-applied, so it is rebuilt from the
// live doc, which never saw the bad update. The shadow exists only while the map is being edited:
// it is built from the live doc by the first write that needs it and released once no write came
// for `shadowIdleMs` (a second copy doubled a loaded map's heap, and most loaded maps are read,
// not written). Rebuilding costs one encode and apply of the document, like a sync step 2. What is stored and relayed is the update the shadow
// emitted, i.e. Yjs' own re-encoding of what it integrated (an update that only duplicates known
// content emits nothing and is neither stored nor relayed).
// Updates another instance stored (see fanout.ts) skip validation and storage: they are applied
// to both docs as they are. `seqs` tracks which stored updates the live doc holds, so compaction
// never deletes one it lacks.
import { checkTransactionWrites, ROOT, WriteRefusedError } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import type { DocumentTail, Storage } from '../storage/types.ts';
import type { SyncLimits } from './limits.ts';
import { CloseCode } from './protocol.ts';
import { AppliedSequence } from './sequence.ts';
import type { SyncTelemetry } from './telemetry.ts';
import { isMissingContent, updateProblem } from './updateGuard.ts';

export class InvalidUpdateError extends Error {
  override readonly name = 'InvalidUpdateError';
  constructor(
    message: string,
    /** The update builds on content the document lacks (see updateGuard's isMissingContent). */
    readonly missingContent = false,
    /** How the sender's connection is closed: malformed (1007), or refused by a rule (44xx). */
    readonly closeCode: number = CloseCode.invalidPayload,
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
  /** Built on demand (see shadowDoc), released when writes stop (releaseIdleShadow). */
  private shadow: Y.Doc | null = null;
  /** When `validate` last used the shadow (performance.now()). */
  private lastValidated = 0;
  /** Collects what the shadow emits during `validate` only. */
  private captured: Uint8Array[] | null = null;
  /** …and the transactions in which it did, whose changes the write guard checks. */
  private transactions: Y.Transaction[] | null = null;
  /**
   * The shadow's encoded size, from above: exact when the shadow is built, then plus every update
   * it takes (merging never makes an encoding larger than its parts, save a few header bytes that
   * the parts carry too). Re-measured exactly only when it passes the cap.
   */
  private shadowBytes = 0;
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
    private readonly telemetry: SyncTelemetry,
    private readonly limits: SyncLimits,
    doc: Y.Doc,
    stored: { lastSeq: number; logCount: number; logBytes: number },
  ) {
    this.doc = doc;
    this.seqs = new AppliedSequence(stored.lastSeq);
    this.compactedSeq = stored.lastSeq - stored.logCount;
    this.logCount = stored.logCount;
    this.logBytes = stored.logBytes;
  }

  static async load(
    mapId: string,
    storage: Storage,
    telemetry: SyncTelemetry,
    limits: SyncLimits,
  ): Promise<RoomDocument> {
    const started = performance.now();
    let stored: Awaited<ReturnType<Storage['loadDocument']>>;
    try {
      stored = await storage.loadDocument(mapId);
    } catch (error) {
      telemetry.persistence('load', seconds(started), false);
      throw error;
    }
    telemetry.persistence('load', seconds(started), true);
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    const logBytes = stored.updates.reduce((sum, u) => sum + u.length, 0);
    return new RoomDocument(mapId, storage, telemetry, limits, doc, {
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
    // No structs and no deletes (what a client with nothing new answers a sync step 1 with): Yjs
    // would integrate nothing and emit nothing, so neither is the shadow needed for it.
    if (update.length === 2 && update[0] === 0 && update[1] === 0) {
      return { updates: [], mixed: false };
    }
    this.lastValidated = performance.now();
    const shadow = this.shadowDoc();
    const store = shadow.store;
    const mixed = store.pendingStructs !== null || store.pendingDs !== null;
    const problem = updateProblem(update, (client) => Y.getState(store, client));
    if (problem !== null) throw new InvalidUpdateError(problem, isMissingContent(problem));
    const emitted: Uint8Array[] = [];
    const transactions: Y.Transaction[] = [];
    this.captured = emitted;
    this.transactions = transactions;
    try {
      Y.applyUpdate(shadow, update);
      // The guard mirrors Yjs; should they ever disagree, nothing untrusted stays pending.
      if (!mixed && (store.pendingStructs !== null || store.pendingDs !== null)) {
        throw new Error('update left pending structs');
      }
      // The same field rules as an import; after applying, since what an update changes is
      // only known once Yjs has integrated it (the shadow is rebuilt if it is refused).
      for (const tr of transactions) checkTransactionWrites(shadow, tr);
      this.checkSize(emitted);
    } catch (error) {
      this.resetShadow(accepted);
      if (error instanceof InvalidUpdateError) throw error;
      if (error instanceof WriteRefusedError) {
        throw new InvalidUpdateError(error.message, false, CloseCode.writeRefused);
      }
      throw new InvalidUpdateError(error instanceof Error ? error.message : String(error));
    } finally {
      this.captured = null;
      this.transactions = null;
    }
    return { updates: emitted, mixed };
  }

  /**
   * Drops the shadow, then re-applies `pending` (validated, not yet applied to the live doc) to
   * one rebuilt from the live doc. Without `pending` the next write rebuilds it.
   */
  resetShadow(pending: readonly Uint8Array[] = []): void {
    this.shadow?.destroy();
    this.shadow = null;
    if (pending.length === 0) return;
    const shadow = this.shadowDoc();
    for (const update of pending) {
      Y.applyUpdate(shadow, update);
      this.shadowBytes += update.length;
    }
  }

  /**
   * Keeps the shadow in step with a write that bypassed `validate` (see Room's rogue writes).
   * Without a shadow there is nothing to keep in step: one built later copies the live doc.
   */
  mirrorToShadow(update: Uint8Array): void {
    if (this.shadow) Y.applyUpdate(this.shadow, update);
    this.shadowBytes += update.length;
  }

  /**
   * Releases the shadow when no write used it for `idleMs`; resolves whether it did. Only from
   * the room's queue, where nothing validated is waiting to be applied (the shadow then holds
   * exactly what the live doc holds).
   */
  releaseIdleShadow(idleMs: number): boolean {
    if (!this.shadow || performance.now() - this.lastValidated < idleMs) return false;
    this.shadow.destroy();
    this.shadow = null;
    return true;
  }

  /** Whether a shadow is held now (for tests and the memory benchmark). */
  get hasShadow(): boolean {
    return this.shadow !== null;
  }

  /** When the shadow has been idle for `idleMs` (a release would free it). */
  shadowIdle(idleMs: number): boolean {
    return this.shadow !== null && performance.now() - this.lastValidated >= idleMs;
  }

  /** The encoded size of the document as validated so far, measured exactly. */
  measure(): number {
    this.shadowBytes = Y.encodeStateAsUpdate(this.shadow ?? this.doc).length;
    return this.shadowBytes;
  }

  private checkSize(emitted: readonly Uint8Array[]): void {
    for (const update of emitted) this.shadowBytes += update.length;
    const cap = this.limits.maxDocumentBytes;
    if (this.shadowBytes <= cap) return;
    const size = this.measure();
    if (size > cap) {
      throw new InvalidUpdateError(
        `the map would grow to ${size} bytes, above its cap of ${cap}`,
        false,
        CloseCode.documentTooLarge,
      );
    }
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
      this.telemetry.persistence('append', seconds(started), false);
      throw error;
    }
    this.telemetry.persistence('append', seconds(started), true);
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
      this.telemetry.persistence('compact', seconds(started), false);
      throw error;
    }
    this.telemetry.persistence('compact', seconds(started), true);
    this.compactedSeq = uptoSeq;
    this.logCount = 0;
    this.logBytes = 0;
    // From the queue, with nothing validated and unapplied: the shadow holds what `doc` holds.
    this.shadowBytes = snapshot.length;
    return uptoSeq;
  }

  destroy(): void {
    this.shadow?.destroy();
    this.shadow = null;
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

  private shadowDoc(): Y.Doc {
    if (!this.shadow) this.shadow = this.makeShadow();
    return this.shadow;
  }

  private makeShadow(): Y.Doc {
    const shadow = new Y.Doc({ gc: true });
    // Typed roots before any update arrives: the write guard locates changes from them.
    shadow.getMap(ROOT.meta);
    shadow.getMap(ROOT.states);
    const state = Y.encodeStateAsUpdate(this.doc);
    Y.applyUpdate(shadow, state);
    this.shadowBytes = state.length;
    shadow.on('update', (update: Uint8Array) => {
      this.captured?.push(update);
    });
    shadow.on('afterTransaction', (tr: Y.Transaction) => {
      this.transactions?.push(tr);
    });
    return shadow;
  }
}
