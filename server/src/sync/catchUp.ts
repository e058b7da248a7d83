// Reading what a room lacks from storage, the source of truth, when another writer (another
// instance) stored updates this room has not received. Storage that can read the log after a
// sequence number (PostgresStorage) does so natively; any other adapter is read whole, which the
// Storage contract makes exact: the log holds precisely the updates (lastSeq - n, lastSeq] after
// the snapshot.
import { ORIGINS } from '@flowmap/shared/doc';
import type { DocumentTail, Storage } from '../storage/types.ts';
import type { RoomDocument } from './document.ts';
import type { SyncLimits } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import type { SyncTelemetry } from './telemetry.ts';

export interface DocumentTailStorage {
  loadDocumentTail(mapId: string, afterSeq: number): Promise<DocumentTail>;
}

export interface SeqStorage {
  /** The last sequence number of each existing map among `mapIds`. */
  lastSeqs(mapIds: readonly string[]): Promise<Map<string, number>>;
}

const hasTail = (storage: object): storage is DocumentTailStorage =>
  typeof (storage as Partial<DocumentTailStorage>).loadDocumentTail === 'function';

const hasSeqs = (storage: object): storage is SeqStorage =>
  typeof (storage as Partial<SeqStorage>).lastSeqs === 'function';

export async function loadDocumentTail(
  storage: Storage,
  mapId: string,
  afterSeq: number,
): Promise<DocumentTail> {
  if (hasTail(storage)) return storage.loadDocumentTail(mapId, afterSeq);
  const stored = await storage.loadDocument(mapId);
  const snapshotSeq = stored.lastSeq - stored.updates.length;
  const skip = Math.max(0, afterSeq - snapshotSeq);
  return {
    snapshot: snapshotSeq > afterSeq || afterSeq === 0 ? stored.snapshot : null,
    snapshotSeq,
    updates: stored.updates.slice(skip),
    lastSeq: stored.lastSeq,
  };
}

export async function loadLastSeqs(
  storage: Storage,
  mapIds: readonly string[],
): Promise<Map<string, number>> {
  if (hasSeqs(storage)) return storage.lastSeqs(mapIds);
  const out = new Map<string, number>();
  for (const mapId of mapIds) {
    // An unknown map loads as empty; only existing maps are reported, as natively.
    if (!(await storage.getMap(mapId))) continue;
    out.set(mapId, (await storage.loadDocument(mapId)).lastSeq);
  }
  return out;
}

/** What a room lends its catch-up. */
export interface CatchUpHost {
  mapId: string;
  document: RoomDocument;
  /** Runs `fn` in the room's queue, in order with its writes. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** False once the room is broken or unloaded. */
  isLive(): boolean;
  /** Storage holds an update the document cannot take: the room's state is unknown. */
  fail(error: unknown): void;
}

/** The origin of updates another instance stored: relayed to every client of the room. */
export const STORED_ELSEWHERE = ORIGINS.remote;

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * A room's gap watch: when a stored update is missing (a later one arrived first, or storage says
 * it exists), give the fan-out `catchUpAfterMs` to deliver it, then read it from storage.
 */
export class CatchUp {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: {
      storage: Storage;
      limits: SyncLimits;
      telemetry: SyncTelemetry;
      logger: SyncLogger;
    },
    private readonly host: CatchUpHost,
  ) {}

  /** Call after the room's sequence numbers changed. */
  check(): void {
    const { seqs } = this.host.document;
    if (this.timer || !this.host.isLive() || !seqs.missing) return;
    const target = seqs.highest;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.host.document.seqs.upTo < target) void this.now();
      else this.check();
    }, this.ctx.limits.catchUpAfterMs);
    this.timer.unref();
  }

  /** Reads and applies, in the room's queue, whatever storage holds after the room. Never rejects. */
  now(): Promise<void> {
    if (!this.host.isLive()) return Promise.resolve();
    return this.host
      .run(() => this.read())
      .catch((error: unknown) => {
        this.ctx.logger.warn({ mapId: this.host.mapId, err: String(error) }, 'catch-up failed');
      });
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async read(): Promise<void> {
    const { host, ctx } = this;
    if (!host.isLive()) return;
    const started = performance.now();
    const after = host.document.seqs.upTo;
    let tail: DocumentTail;
    try {
      tail = await loadDocumentTail(ctx.storage, host.mapId, after);
    } catch (error) {
      ctx.telemetry.persistence('load', seconds(started), false);
      throw error;
    }
    ctx.telemetry.persistence('load', seconds(started), true);
    if (!host.isLive()) return;
    try {
      host.document.applyTail(tail, STORED_ELSEWHERE);
    } catch (error) {
      host.fail(error);
      return;
    }
    if (tail.lastSeq > after) {
      ctx.logger.debug({ mapId: host.mapId, from: after, to: tail.lastSeq }, 'caught up');
    }
    this.check();
  }
}
