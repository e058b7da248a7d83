// SqliteStorage's group commit: appends requested in the same turn of the event loop (many rooms
// under load) are written in one transaction, and transactions committed while an fsync runs
// share the next one (WalSync). Every promise still resolves only after its update is committed
// and on disk.
import type { SqliteTransactions } from './queries.ts';
import type { WalSync } from './walSync.ts';

interface PendingAppend {
  mapId: string;
  updates: readonly Uint8Array[];
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private pending: PendingAppend[] = [];

  constructor(
    private readonly tx: Pick<SqliteTransactions, 'group' | 'append'>,
    private readonly wal: WalSync,
    /** Resolves once everything committed so far is on disk. */
    private readonly synced: () => Promise<void>,
  ) {}

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Resolves with the last sequence number once the updates are committed and on disk. */
  append(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ mapId, updates, resolve, reject });
      // While as many fsyncs run as may (WalSync.MAX_IN_FLIGHT), appends wait for one to finish
      // and are committed then, all in one transaction (WalSync.beforeNextSync): they could not
      // be durable any sooner, and fewer, larger commits write fewer WAL pages.
      if (this.pending.length === 1 && this.wal.canStart) setImmediate(this.flush);
    });
  }

  /** Commits every pending append in one transaction; each resolves once that is on disk. */
  readonly flush = (): void => {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return; // already flushed by close()
    const results: ({ ok: true; seq: number } | { ok: false; error: unknown })[] = [];
    try {
      this.tx.group(() => {
        for (const { mapId, updates } of batch) {
          // One failing append (an unknown map) must not fail the others: a savepoint each.
          try {
            results.push({ ok: true, seq: this.tx.append(mapId, updates) });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const settle = (syncError: unknown) =>
      batch.forEach((item, i) => {
        const result = results[i];
        if (result?.ok && syncError === null) item.resolve(result.seq);
        else item.reject(result?.ok ? syncError : result?.error);
      });
    this.synced().then(
      () => settle(null),
      (error: unknown) => settle(error ?? new Error('fsync failed')),
    );
  };
}
