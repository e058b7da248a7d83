// Embedded SQLite storage (better-sqlite3). One file under `dataDir`, WAL journal. Every write
// promise resolves only once the write is on disk: an acknowledged edit survives `kill -9` and
// power loss. better-sqlite3 is synchronous, so the commit itself runs on the event loop, but the
// fsync does not (see WalSync): commits use synchronous=NORMAL (no fsync of the WAL at commit) and
// the WAL file is then fdatasync'd on libuv's thread pool before any promise resolves. Under load
// that took the fsyncs (~15% of the server's main thread at 500 connections) off the event loop.
import { closeSync, fdatasync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import {
  MapNotFoundError,
  type MapPatch,
  type MapRecord,
  type NamedSnapshot,
  type NamedSnapshotInfo,
  type Storage,
  type StoredDocument,
} from './types.ts';

export const SQLITE_FILE_NAME = 'flowmap.sqlite';

// Each entry upgrades the schema by one version (PRAGMA user_version). Append, never edit.
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE maps (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    edit_token TEXT NOT NULL,
    view_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE documents (
    map_id TEXT PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
    last_seq INTEGER NOT NULL DEFAULT 0,
    snapshot_seq INTEGER NOT NULL DEFAULT 0,
    snapshot BLOB
  ) STRICT;
  CREATE TABLE updates (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (map_id, seq)
  ) STRICT;
  CREATE TABLE named_snapshots (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (map_id, id)
  ) STRICT;
  `,
];

export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

// A document's last sequence number, derived rather than stored: rewriting a per-map counter in
// `documents` (the row that also holds the snapshot) on every append cost a page of WAL per map
// per commit, ~2.3 KB of WAL per 60-byte update under load. The log's own primary key gives it.
// `d.last_seq` is only what databases written before this kept; it never goes back.
const LAST_SEQ = `max(d.last_seq, d.snapshot_seq,
  coalesce((SELECT max(seq) FROM updates u WHERE u.map_id = d.map_id), 0))`;

/** How often an append may bump its map's `updated_at` ("last change" in the library). */
const TOUCH_EVERY_MS = 5_000;

export interface SqliteStorageOptions {
  /** Directory holding `flowmap.sqlite`; created if missing. */
  dataDir: string;
  /**
   * fsync the WAL before a write resolves (default true). false: a write resolves once SQLite
   * has handed it to the OS, which survives the process being killed but not a power loss or
   * kernel crash (SQLite's WAL with synchronous=NORMAL); it saves the fsync's latency.
   */
  fsync?: boolean;
  /** Tests only: replaces `fs.fdatasync` of the WAL file. */
  syncFile?: (fd: number, done: (error: Error | null) => void) => void;
  /** How often the WAL is checkpointed when something was written (default 1 s). */
  checkpointIntervalMs?: number;
}

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Checkpoints the WAL off the event loop. A checkpoint copies the WAL into the database file and
 * fsyncs both; SQLite's automatic checkpoint does that inside whichever commit crosses 1,000
 * pages, on the event loop: at 500 connections those stalls were the server's worst event-loop
 * delays (p99 51 ms against 26 ms without them). So the main connection runs with
 * wal_autocheckpoint=0, and every `intervalMs`, when something was committed since the last one,
 * a worker thread with its own connection (sqliteCheckpointer.mjs) runs a PASSIVE checkpoint,
 * which never blocks the writer. If the worker cannot run, checkpoints fall back to the main
 * connection, as SQLite would have done.
 */
class WalCheckpointer {
  /** Completed checkpoints and the last result (for tests and diagnostics). */
  readonly done: CheckpointResult[] = [];
  private worker: Worker | null = null;
  private unavailable = false;
  private dirty = false;
  private running = false;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly file: string,
    private readonly onMainThread: () => void,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  committed(): void {
    this.dirty = true;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, 2_000);
      const finish = () => {
        clearTimeout(timeout);
        resolve();
      };
      worker.on('message', (m: { type: string }) => {
        if (m.type === 'closed') finish();
      });
      worker.once('exit', finish);
      worker.postMessage('close');
    });
    await worker.terminate();
  }

  private tick(): void {
    if (!this.dirty || this.running) return;
    this.dirty = false;
    const worker = this.start();
    if (!worker) {
      this.onMainThread();
      return;
    }
    this.running = true;
    worker.postMessage('checkpoint');
  }

  private start(): Worker | null {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const worker = new Worker(new URL('./sqliteCheckpointer.mjs', import.meta.url), {
        workerData: { file: this.file },
      });
      worker.unref();
      worker.on('message', (m: { type: string; result?: CheckpointResult }) => {
        if (m.type === 'checkpointed' && m.result) this.done.push(m.result);
        if (m.type === 'failed') this.dirty = true; // busy: try again next time
        if (m.type === 'checkpointed' || m.type === 'failed') this.running = false;
      });
      worker.on('error', () => this.lose(worker));
      worker.on('exit', () => this.lose(worker));
      this.worker = worker;
      return worker;
    } catch {
      this.unavailable = true;
      return null;
    }
  }

  private lose(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.unavailable = true;
    this.running = false;
    this.dirty = true;
  }
}

/**
 * Group fsync of the WAL file off the event loop. `durable()` resolves once an fdatasync that
 * started after the call has completed, so everything committed before the call is on disk.
 * Up to MAX_IN_FLIGHT run at once; callers arriving while that many run share the next one.
 * Sound because the WAL is append-only between checkpoints and fdatasync flushes the whole file,
 * whatever descriptor it is called on; checkpoints themselves sync (synchronous=NORMAL does).
 */
class WalSync {
  /**
   * Called when a sync finishes, before the next one starts: commits that waited for it (see
   * appendUpdates) are made now, so they share the next fsync.
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
    private readonly syncFile: NonNullable<SqliteStorageOptions['syncFile']>,
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

interface MapRow {
  id: string;
  title: string;
  edit_token: string;
  view_token: string;
  created_at: number;
  updated_at: number;
}

interface SnapshotRow {
  id: string;
  map_id: string;
  name: string;
  created_at: number;
  data: Buffer;
}

const toRecord = (row: MapRow): MapRecord => ({
  id: row.id,
  title: row.title,
  editToken: row.edit_token,
  viewToken: row.view_token,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

// better-sqlite3 returns Buffers with their own backing store; expose plain Uint8Arrays.
const bytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.length);

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this server supports (${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export class SqliteStorage implements Storage {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly txAppend: (mapId: string, updates: readonly Uint8Array[]) => number;
  private readonly txCompact: (mapId: string, snapshot: Uint8Array, uptoSeq: number) => void;
  private readonly txGroup: (fn: () => void) => void;
  private readonly txLoad: (mapId: string) => StoredDocument;
  private readonly txCreate: (record: MapRecord) => void;

  private readonly wal: WalSync;
  private readonly checkpointer: WalCheckpointer;
  /** When each map's updated_at was last bumped by an append. */
  private readonly touched = new Map<string, number>();

  static open(options: SqliteStorageOptions): SqliteStorage {
    mkdirSync(options.dataDir, { recursive: true });
    return new SqliteStorage(join(options.dataDir, SQLITE_FILE_NAME), options);
  }

  private constructor(file: string, options: SqliteStorageOptions) {
    this.file = file;
    const skipSync = (_fd: number, done: (error: Error | null) => void) => done(null);
    this.wal = new WalSync(
      `${file}-wal`,
      options.fsync === false ? skipSync : (options.syncFile ?? fdatasync),
    );
    this.wal.beforeNextSync = () => {
      if (this.pendingAppends.length > 0 && this.db.open) this.flushAppends();
    };
    const db = new Database(file);
    this.db = db;
    this.checkpointer = new WalCheckpointer(
      file,
      () => {
        if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
      },
      options.checkpointIntervalMs ?? 1_000,
    );
    try {
      db.pragma('journal_mode = WAL');
      // No fsync at commit; WalSync makes each write durable before its promise resolves.
      db.pragma('synchronous = NORMAL');
      // Checkpoints run in a worker thread (WalCheckpointer), not inside a commit.
      db.pragma('wal_autocheckpoint = 0');
      db.pragma('foreign_keys = ON');
      // Another process (the CLI) may hold the write lock briefly.
      db.pragma('busy_timeout = 5000');
      migrate(db);
    } catch (error) {
      void this.checkpointer.close();
      db.close();
      throw error;
    }

    this.stmt = {
      insertMap: db.prepare(
        `INSERT INTO maps (id, title, edit_token, view_token, created_at, updated_at)
         VALUES (@id, @title, @editToken, @viewToken, @createdAt, @updatedAt)`,
      ),
      insertDocument: db.prepare('INSERT INTO documents (map_id) VALUES (?)'),
      getMap: db.prepare<[string], MapRow>('SELECT * FROM maps WHERE id = ?'),
      listMaps: db.prepare<[], MapRow>('SELECT * FROM maps ORDER BY created_at, id'),
      updateMap: db.prepare(
        `UPDATE maps SET
           title = coalesce(@title, title),
           edit_token = coalesce(@editToken, edit_token),
           view_token = coalesce(@viewToken, view_token),
           updated_at = coalesce(@updatedAt, updated_at)
         WHERE id = @id`,
      ),
      deleteMap: db.prepare('DELETE FROM maps WHERE id = ?'),
      touchMap: db.prepare('UPDATE maps SET updated_at = max(updated_at, ?) WHERE id = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)'),
      getDocument: db.prepare<
        [string],
        { last_seq: number; snapshot_seq: number; snapshot: Buffer | null }
      >(`SELECT ${LAST_SEQ} AS last_seq, snapshot_seq, snapshot FROM documents d WHERE map_id = ?`),
      getDocumentSeqs: db.prepare<[string], { last_seq: number; snapshot_seq: number }>(
        `SELECT ${LAST_SEQ} AS last_seq, snapshot_seq FROM documents d WHERE map_id = ?`,
      ),
      listUpdates: db.prepare<[string], { data: Buffer }>(
        'SELECT data FROM updates WHERE map_id = ? ORDER BY seq',
      ),
      setSnapshot: db.prepare(
        'UPDATE documents SET snapshot = ?, snapshot_seq = ? WHERE map_id = ?',
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
      mapExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM maps WHERE id = ?'),
      insertNamed: db.prepare(
        `INSERT INTO named_snapshots (map_id, id, name, created_at, data)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      listNamed: db.prepare<[string], Omit<SnapshotRow, 'data'>>(
        `SELECT id, map_id, name, created_at FROM named_snapshots
         WHERE map_id = ? ORDER BY created_at, id`,
      ),
      getNamed: db.prepare<[string, string], SnapshotRow>(
        'SELECT id, map_id, name, created_at, data FROM named_snapshots WHERE map_id = ? AND id = ?',
      ),
      deleteNamed: db.prepare('DELETE FROM named_snapshots WHERE map_id = ? AND id = ?'),
    };
    const s = this.stmt;

    this.txCreate = db.transaction((record: MapRecord) => {
      s.insertMap.run(record);
      s.insertDocument.run(record.id);
    });

    this.txAppend = db.transaction((mapId: string, updates: readonly Uint8Array[]) => {
      const doc = s.getDocumentSeqs.get(mapId);
      if (!doc) throw new MapNotFoundError(mapId);
      let seq = doc.last_seq;
      for (const update of updates) s.insertUpdate.run(mapId, ++seq, update);
      // The map library's "last change" is the last edit, not just the last rename; to the
      // nearest few seconds, so a map's row is not rewritten by every append.
      const now = Date.now();
      if (now - (this.touched.get(mapId) ?? 0) >= TOUCH_EVERY_MS) {
        this.touched.set(mapId, now);
        s.touchMap.run(now, mapId);
      }
      return seq;
    });

    // The outer transaction of a group commit; txAppend nests inside it as a savepoint.
    this.txGroup = db.transaction((fn: () => void) => fn());

    this.txCompact = db.transaction((mapId: string, snapshot: Uint8Array, uptoSeq: number) => {
      const doc = s.getDocumentSeqs.get(mapId);
      if (!doc) throw new MapNotFoundError(mapId);
      if (uptoSeq < doc.snapshot_seq) return;
      if (uptoSeq > doc.last_seq) throw new Error(`compact beyond the log: ${uptoSeq}`);
      s.setSnapshot.run(snapshot, uptoSeq, mapId);
      s.deleteUpdatesUpTo.run(mapId, uptoSeq);
    });

    // A read transaction so the snapshot and the log come from one consistent state even with
    // another process writing.
    this.txLoad = db.transaction((mapId: string): StoredDocument => {
      const doc = s.getDocument.get(mapId);
      if (!doc) return { snapshot: null, updates: [], lastSeq: 0 };
      return {
        snapshot: doc.snapshot ? bytes(doc.snapshot) : null,
        updates: s.listUpdates.all(mapId).map((u) => bytes(u.data)),
        lastSeq: doc.last_seq,
      };
    });
  }

  async createMap(record: MapRecord): Promise<void> {
    this.txCreate(record);
    await this.synced();
  }

  async getMap(id: string): Promise<MapRecord | null> {
    const row = this.stmt.getMap.get(id);
    return row ? toRecord(row) : null;
  }

  async listMaps(): Promise<MapRecord[]> {
    return this.stmt.listMaps.all().map(toRecord);
  }

  async updateMap(id: string, patch: MapPatch): Promise<boolean> {
    const result = this.stmt.updateMap.run({
      id,
      title: patch.title ?? null,
      editToken: patch.editToken ?? null,
      viewToken: patch.viewToken ?? null,
      updatedAt: patch.updatedAt ?? null,
    });
    if (result.changes === 0) return false;
    await this.synced();
    return true;
  }

  async deleteMap(id: string): Promise<boolean> {
    if (this.stmt.deleteMap.run(id).changes === 0) return false;
    await this.synced();
    return true;
  }

  /**
   * Group commit: appends requested in the same turn of the event loop (many rooms under load)
   * are written in one transaction, and transactions committed while an fsync runs share the
   * next one. Every promise still resolves only after its update is committed and on disk.
   */
  appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pendingAppends.push({ mapId, updates, resolve, reject });
      // While as many fsyncs run as may (WalSync.MAX_IN_FLIGHT), appends wait for one to finish
      // and are committed then, all in one transaction (WalSync.beforeNextSync): they could not
      // be durable any sooner, and fewer, larger commits write fewer WAL pages.
      if (this.pendingAppends.length === 1 && this.wal.canStart) setImmediate(this.flushAppends);
    });
  }

  private pendingAppends: {
    mapId: string;
    updates: readonly Uint8Array[];
    resolve: (seq: number) => void;
    reject: (error: unknown) => void;
  }[] = [];

  private readonly flushAppends = (): void => {
    const batch = this.pendingAppends;
    this.pendingAppends = [];
    if (batch.length === 0) return; // already flushed by close()
    const results: ({ ok: true; seq: number } | { ok: false; error: unknown })[] = [];
    try {
      this.txGroup(() => {
        for (const { mapId, updates } of batch) {
          // One failing append (an unknown map) must not fail the others: a savepoint each.
          try {
            results.push({ ok: true, seq: this.txAppend(mapId, updates) });
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

  appendUpdate(mapId: string, update: Uint8Array): Promise<number> {
    return this.appendUpdates(mapId, [update]);
  }

  async loadDocument(mapId: string): Promise<StoredDocument> {
    return this.txLoad(mapId);
  }

  async compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.txCompact(mapId, snapshot, uptoSeq);
    await this.synced();
  }

  async saveNamedSnapshot(snapshot: NamedSnapshot): Promise<void> {
    if (!this.stmt.mapExists.get(snapshot.mapId)) throw new MapNotFoundError(snapshot.mapId);
    this.stmt.insertNamed.run(
      snapshot.mapId,
      snapshot.id,
      snapshot.name,
      snapshot.createdAt,
      snapshot.update,
    );
    await this.synced();
  }

  async listNamedSnapshots(mapId: string): Promise<NamedSnapshotInfo[]> {
    return this.stmt.listNamed.all(mapId).map((row) => ({
      id: row.id,
      mapId: row.map_id,
      name: row.name,
      createdAt: row.created_at,
    }));
  }

  async getNamedSnapshot(mapId: string, snapshotId: string): Promise<NamedSnapshot | null> {
    const row = this.stmt.getNamed.get(mapId, snapshotId);
    if (!row) return null;
    return {
      id: row.id,
      mapId: row.map_id,
      name: row.name,
      createdAt: row.created_at,
      update: bytes(row.data),
    };
  }

  async deleteNamedSnapshot(mapId: string, snapshotId: string): Promise<boolean> {
    if (this.stmt.deleteNamed.run(mapId, snapshotId).changes === 0) return false;
    await this.synced();
    return true;
  }

  /** Checkpoints completed by the checkpointer thread so far (tests and diagnostics). */
  get checkpoints(): readonly CheckpointResult[] {
    return this.checkpointer.done;
  }

  /** Resolves once everything committed so far is on disk (see WalSync). */
  private synced(): Promise<void> {
    this.checkpointer.committed();
    return this.wal.durable();
  }

  async close(): Promise<void> {
    // Appends already requested are committed and synced, not dropped, when the storage closes.
    if (this.db.open && this.pendingAppends.length > 0) this.flushAppends();
    await this.wal.settled();
    this.wal.close();
    await this.checkpointer.close();
    // Closing the last connection checkpoints the WAL into the database file (with fsyncs).
    if (this.db.open) this.db.close();
  }
}
