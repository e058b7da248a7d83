// Embedded SQLite storage (better-sqlite3). One file under `dataDir`, WAL journal. Every write
// promise resolves only once the write is on disk: an acknowledged edit survives `kill -9` and
// power loss. better-sqlite3 is synchronous, so the commit itself runs on the event loop, but the
// fsync does not (see WalSync): commits use synchronous=NORMAL (no fsync of the WAL at commit) and
// the WAL file is then fdatasync'd on libuv's thread pool before any promise resolves. Under load
// that took the fsyncs (~15% of the server's main thread at 500 connections) off the event loop.
import { fdatasync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type ListedMap,
  MapNotFoundError,
  type MapPatch,
  type MapRecord,
  type NamedSnapshot,
  type NamedSnapshotInfo,
  type Storage,
  type StoredDocument,
  type StoredSummary,
} from '../types.ts';
import { type CheckpointResult, WalCheckpointer } from './checkpointer.ts';
import { GroupCommit } from './groupCommit.ts';
import { migrate } from './migrations.ts';
import {
  bytes,
  prepareStatements,
  prepareTransactions,
  type SqliteStatements,
  type SqliteTransactions,
  toListed,
  toRecord,
} from './queries.ts';
import { type SyncFile, WalSync } from './walSync.ts';

export const SQLITE_FILE_NAME = 'flowmap.sqlite';

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
  syncFile?: SyncFile;
  /** How often the WAL is checkpointed when something was written (default 1 s). */
  checkpointIntervalMs?: number;
}

export class SqliteStorage implements Storage {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmt: SqliteStatements;
  private readonly tx: SqliteTransactions;
  private readonly wal: WalSync;
  private readonly checkpointer: WalCheckpointer;
  private readonly appends: GroupCommit;

  static open(options: SqliteStorageOptions): SqliteStorage {
    mkdirSync(options.dataDir, { recursive: true });
    return new SqliteStorage(join(options.dataDir, SQLITE_FILE_NAME), options);
  }

  private constructor(file: string, options: SqliteStorageOptions) {
    this.file = file;
    const skipSync: SyncFile = (_fd, done) => done(null);
    this.wal = new WalSync(
      `${file}-wal`,
      options.fsync === false ? skipSync : (options.syncFile ?? fdatasync),
    );
    this.wal.beforeNextSync = () => {
      if (this.appends.hasPending && this.db.open) this.appends.flush();
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
    this.stmt = prepareStatements(db);
    this.tx = prepareTransactions(db, this.stmt);
    this.appends = new GroupCommit(this.tx, this.wal, () => this.synced());
  }

  async createMap(record: MapRecord): Promise<void> {
    this.tx.create(record);
    await this.synced();
  }

  async getMap(id: string): Promise<MapRecord | null> {
    const row = this.stmt.getMap.get(id);
    return row ? toRecord(row) : null;
  }

  async listMaps(): Promise<ListedMap[]> {
    return this.stmt.listMaps.all().map(toListed);
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

  async saveSummary(id: string, summary: StoredSummary & { title?: string }): Promise<boolean> {
    const result = this.stmt.saveSummary.run({
      id,
      title: summary.title ?? null,
      stageCount: summary.stageCount,
      leadTimeMinutes: summary.leadTimeMinutes,
      seq: summary.seq,
    });
    if (result.changes === 0) return false;
    await this.synced();
    return true;
  }

  /**
   * Group commit (GroupCommit): appends requested in the same turn of the event loop are written
   * in one transaction, and transactions committed while an fsync runs share the next one. Every
   * promise still resolves only after its update is committed and on disk.
   */
  appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.appends.append(mapId, updates);
  }

  appendUpdate(mapId: string, update: Uint8Array): Promise<number> {
    return this.appendUpdates(mapId, [update]);
  }

  async loadDocument(mapId: string): Promise<StoredDocument> {
    return this.tx.load(mapId);
  }

  async compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.tx.compact(mapId, snapshot, uptoSeq);
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
    if (this.db.open && this.appends.hasPending) this.appends.flush();
    await this.wal.settled();
    this.wal.close();
    await this.checkpointer.close();
    // Closing the last connection checkpoints the WAL into the database file (with fsyncs).
    if (this.db.open) this.db.close();
  }
}
