import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMapRecord, storageContractSuite } from '../contract.testkit.ts';
import { MIGRATIONS, SQLITE_FILE_NAME, SQLITE_SCHEMA_VERSION, SqliteStorage } from './index.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'flowmap-sqlite-'));
}

storageContractSuite('sqlite', async () => {
  const dir = await tempDir();
  const storage = SqliteStorage.open({ dataDir: dir });
  return {
    storage,
    cleanup: async () => {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteStorage', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('creates the data dir and opens in WAL mode with synchronous=NORMAL (fsync by WalSync) and a schema version', async () => {
    const root = await tempDir();
    dirs.push(root);
    const dataDir = join(root, 'nested', 'data');
    const storage = SqliteStorage.open({ dataDir });
    await storage.close();
    expect(storage.file).toBe(join(dataDir, SQLITE_FILE_NAME));
    const db = new Database(storage.file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    } finally {
      db.close();
    }
    // synchronous is per connection: check the adapter's own by reopening through it.
    const reopened = SqliteStorage.open({ dataDir });
    const internal = (reopened as unknown as { db: Database.Database }).db;
    expect(internal.pragma('synchronous', { simple: true })).toBe(1);
    expect(internal.pragma('foreign_keys', { simple: true })).toBe(1);
    await reopened.close();
  });

  it('commits appends to many maps requested together in one group, each failing alone', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const storage = SqliteStorage.open({ dataDir });
    const records = Array.from({ length: 20 }, () => makeMapRecord());
    for (const r of records) await storage.createMap(r);
    const appends = records.map((r, i) => storage.appendUpdate(r.id, new Uint8Array([i])));
    const unknown = storage.appendUpdate('no-such-map', new Uint8Array([9]));
    const more = storage.appendUpdates(records[0]?.id ?? '', [new Uint8Array([42])]);
    await expect(unknown).rejects.toThrow();
    expect(await Promise.all(appends)).toEqual(records.map(() => 1));
    expect(await more).toBe(2);
    // Requested and not awaited before close: still committed.
    const late = storage.appendUpdate(records[1]?.id ?? '', new Uint8Array([7]));
    await storage.close();
    expect(await late).toBe(2);
    const reopened = SqliteStorage.open({ dataDir });
    expect((await reopened.loadDocument(records[0]?.id ?? '')).updates).toEqual([
      new Uint8Array([0]),
      new Uint8Array([42]),
    ]);
    expect((await reopened.loadDocument(records[1]?.id ?? '')).lastSeq).toBe(2);
    await reopened.close();
  });

  it('resolves writes only after the WAL is fsynced; two fsyncs may run, later commits share the next', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const syncs: { fd: number; done: (error: Error | null) => void }[] = [];
    const storage = SqliteStorage.open({
      dataDir,
      syncFile: (fd, done) => syncs.push({ fd, done }),
    });
    const record = makeMapRecord();
    const created = storage.createMap(record);
    await vi.waitFor(() => expect(syncs).toHaveLength(1));
    let createdYet = false;
    void created.then(() => {
      createdYet = true;
    });
    await new Promise((r) => setImmediate(r));
    expect(createdYet).toBe(false);
    syncs[0]?.done(null);
    await created;

    const first = storage.appendUpdate(record.id, new Uint8Array([1]));
    await vi.waitFor(() => expect(syncs).toHaveLength(2));
    // A commit made while that fsync runs starts a second one at once (two may run)…
    const second = storage.appendUpdate(record.id, new Uint8Array([2]));
    await vi.waitFor(() => expect(syncs).toHaveLength(3));
    // …and with two running, the next commits wait for one of them and share the next fsync.
    const third = storage.appendUpdate(record.id, new Uint8Array([3]));
    const fourth = storage.appendUpdate(record.id, new Uint8Array([4]));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(syncs).toHaveLength(3);
    const settled: number[] = [];
    for (const p of [first, second, third, fourth]) void p.then((seq) => settled.push(seq));
    syncs[1]?.done(null);
    await first;
    expect(settled).toEqual([1]);
    await vi.waitFor(() => expect(syncs).toHaveLength(4));
    expect(syncs[3]?.fd).toBe(syncs[1]?.fd);
    syncs[2]?.done(null);
    await second;
    expect(settled).toEqual([1, 2]);
    syncs[3]?.done(null);
    expect(await Promise.all([third, fourth])).toEqual([3, 4]);

    // A failed fsync fails the write it covers (the caller must not acknowledge it).
    const failing = storage.appendUpdate(record.id, new Uint8Array([5]));
    await vi.waitFor(() => expect(syncs).toHaveLength(5));
    syncs[4]?.done(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
    const closing = storage.close();
    await closing;
  });

  it('checkpoints the WAL in a worker thread, never inside a commit, and loses nothing', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const storage = SqliteStorage.open({ dataDir, checkpointIntervalMs: 20 });
    const internal = (storage as unknown as { db: Database.Database }).db;
    expect(internal.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const record = makeMapRecord();
    await storage.createMap(record);
    const big = new Uint8Array(4096).fill(7);
    for (let i = 0; i < 50; i++) {
      await storage.appendUpdates(
        record.id,
        Array.from({ length: 20 }, () => big),
      );
    }
    // ~4 MB were committed; the checkpointer thread copied WAL frames into the database.
    await vi.waitFor(() => expect(storage.checkpoints.some((c) => c.checkpointed > 0)).toBe(true), {
      timeout: 5_000,
    });
    await storage.appendUpdate(record.id, new Uint8Array([1]));
    await storage.close();
    const reopened = SqliteStorage.open({ dataDir });
    const stored = await reopened.loadDocument(record.id);
    expect(stored.lastSeq).toBe(1001);
    expect(stored.updates).toHaveLength(1001);
    expect(stored.updates[1000]).toEqual(new Uint8Array([1]));
    await reopened.close();
  });

  it('with fsync off, resolves writes without syncing and still keeps them', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    let syncs = 0;
    const storage = SqliteStorage.open({
      dataDir,
      fsync: false,
      syncFile: (_fd, done) => {
        syncs++;
        done(null);
      },
    });
    const record = makeMapRecord();
    await storage.createMap(record);
    expect(await storage.appendUpdate(record.id, new Uint8Array([5]))).toBe(1);
    await storage.close();
    expect(syncs).toBe(0);
    const reopened = SqliteStorage.open({ dataDir });
    expect((await reopened.loadDocument(record.id)).updates).toEqual([new Uint8Array([5])]);
    await reopened.close();
  });

  it('keeps everything across close and reopen', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const record = makeMapRecord();
    const first = SqliteStorage.open({ dataDir });
    await first.createMap(record);
    await first.appendUpdates(record.id, [new Uint8Array([1]), new Uint8Array([2])]);
    await first.compact(record.id, new Uint8Array([12]), 2);
    await first.appendUpdate(record.id, new Uint8Array([3]));
    await first.close();

    const second = SqliteStorage.open({ dataDir });
    // updatedAt moved on with the appends; everything else is as created.
    expect(await second.getMap(record.id)).toEqual({
      ...record,
      updatedAt: expect.any(Number) as number,
    });
    expect((await second.getMap(record.id))?.updatedAt).toBeGreaterThan(record.updatedAt);
    expect(await second.loadDocument(record.id)).toEqual({
      snapshot: new Uint8Array([12]),
      updates: [new Uint8Array([3])],
      lastSeq: 3,
    });
    expect(await second.appendUpdate(record.id, new Uint8Array([4]))).toBe(4);
    await second.close();
  });

  it('keeps named snapshots across close and reopen', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const record = makeMapRecord();
    const snapshot = {
      id: 'q3',
      mapId: record.id,
      name: '2026-Q3 review',
      createdAt: 1_790_000_000_000,
      update: new Uint8Array([1, 2, 3, 250]),
    };
    const first = SqliteStorage.open({ dataDir });
    await first.createMap(record);
    await first.saveNamedSnapshot(snapshot);
    await first.close();

    const second = SqliteStorage.open({ dataDir });
    expect(await second.getNamedSnapshot(record.id, 'q3')).toEqual(snapshot);
    expect(await second.listNamedSnapshots(record.id)).toEqual([
      { id: 'q3', mapId: record.id, name: '2026-Q3 review', createdAt: 1_790_000_000_000 },
    ]);
    await second.close();
  });

  it('upgrades a database of the previous schema in place: maps, documents and logs kept, no summaries yet', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    // A database as version 1 (before map summaries) left it.
    const old = new Database(join(dataDir, SQLITE_FILE_NAME));
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    const record = makeMapRecord();
    old
      .prepare(
        `INSERT INTO maps (id, title, edit_token, view_token, created_at, updated_at)
         VALUES (@id, @title, @editToken, @viewToken, @createdAt, @updatedAt)`,
      )
      .run(record);
    old.prepare('INSERT INTO documents (map_id, last_seq) VALUES (?, 2)').run(record.id);
    const insert = old.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)');
    insert.run(record.id, 1, new Uint8Array([1]));
    insert.run(record.id, 2, new Uint8Array([2]));
    old.close();

    const storage = SqliteStorage.open({ dataDir });
    expect(await storage.listMaps()).toEqual([{ ...record, summary: null }]);
    expect(await storage.loadDocument(record.id)).toEqual({
      snapshot: null,
      updates: [new Uint8Array([1]), new Uint8Array([2])],
      lastSeq: 2,
    });
    expect(
      await storage.saveSummary(record.id, { stageCount: 2, leadTimeMinutes: 30, seq: 2 }),
    ).toBe(true);
    expect(await storage.appendUpdate(record.id, new Uint8Array([3]))).toBe(3);
    await storage.close();
    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
      expect(SQLITE_SCHEMA_VERSION).toBe(2);
    } finally {
      db.close();
    }
    const reopened = SqliteStorage.open({ dataDir });
    expect((await reopened.listMaps())[0]?.summary).toEqual({
      stageCount: 2,
      leadTimeMinutes: 30,
      seq: 2,
    });
    await reopened.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    await SqliteStorage.open({ dataDir }).close();
    const db = new Database(join(dataDir, SQLITE_FILE_NAME));
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => SqliteStorage.open({ dataDir })).toThrow(/newer/);
  });
});
