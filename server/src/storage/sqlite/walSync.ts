// The WAL writer's durability: SqliteStorage commits with synchronous=NORMAL (no fsync at commit),
// and every write waits here for an fdatasync of the WAL file run on libuv's thread pool, shared
// by every commit made before it started (group fsync), so the event loop never blocks on a disk.
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** fdatasync(2) of a file descriptor, node:fs style (tests replace it). */
export type SyncFile = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Group fsync of the WAL file off the event loop. `durable()` resolves once an fdatasync that
 * started after the call has completed, so everything committed before the call is on disk.
 * Up to MAX_IN_FLIGHT run at once; callers arriving while that many run share the next one.
 * Sound because the WAL is append-only between checkpoints and fdatasync flushes the whole file,
 * whatever descriptor it is called on; checkpoints themselves sync (synchronous=NORMAL does).
 */
export class WalSync {
  /**
   * Called when a sync finishes, before the next one starts: commits that waited for it (see
   * GroupCommit) are made now, so they share the next fsync.
   */
  beforeNextSync: () => void = () => {};
  private fd: number | null = null;
  inFlight = 0;
  /**
   * fsyncs that may run at once. A commit made while one runs starts its own at once instead of
   * waiting for it to end (that wait was up to one more fsync of latency); a third waits. Each
   * waiter is resolved by an fsync that started after its commit, which flushes the whole file.
   */
  static readonly MAX_IN_FLIGHT = 2;
  get canStart(): boolean {
    return this.inFlight < WalSync.MAX_IN_FLIGHT;
  }
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private idle: (() => void)[] = [];

  constructor(
    private readonly walFile: string,
    private readonly syncFile: SyncFile,
  ) {}

  durable(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (this.canStart) this.start();
    });
  }

  /** Resolves when no sync is running or waiting. */
  settled(): Promise<void> {
    if (this.inFlight === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private start(): void {
    const batch = this.waiting;
    this.waiting = [];
    let fd: number;
    try {
      fd = this.open();
    } catch (error) {
      for (const w of batch) w.reject(error);
      this.finish();
      return;
    }
    this.inFlight++;
    this.syncFile(fd, (error) => {
      this.inFlight--;
      for (const w of batch) error ? w.reject(error) : w.resolve();
      this.finish();
    });
  }

  private finish(): void {
    this.beforeNextSync();
    if (this.waiting.length > 0) {
      if (this.canStart) this.start();
    } else if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    // The WAL file exists once the first transaction has been committed (always the case here:
    // opening runs the migrations). Its directory entry must be durable too, once.
    this.fd = openSync(this.walFile, 'r+');
    const dir = openSync(dirname(this.walFile), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return this.fd;
  }
}
