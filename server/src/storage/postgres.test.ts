// PostgresStorage against a real PostgreSQL server: the shared contract suite (each test in a
// fresh schema of this file's own database), then what only PostgreSQL has to prove — migrations,
// session durability settings, and appends and compactions from two instances (two pools) on one
// document.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentTailStorage, SeqStorage } from '../sync/catchUp.ts';
import { makeMapRecord, storageContractSuite } from './contract.testkit.ts';
import { createTestDatabase, randomSuffix, type TestDatabase } from './postgres.testkit.ts';
import { PostgresStorage } from './postgres.ts';
import { MIGRATIONS, POSTGRES_SCHEMA_VERSION } from './postgresMigrations.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const freshSchema = () => `s_${randomSuffix()}`;
const u8 = (...values: number[]) => new Uint8Array(values);

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

storageContractSuite('postgres', async () => {
  const schema = freshSchema();
  const storage = await PostgresStorage.open({ connectionString: db.url, schema });
  return {
    storage,
    cleanup: async () => {
      await storage.close();
      await query(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
});

describe('PostgresStorage', () => {
  it('creates the schema with recorded, versioned migrations, and reopening changes nothing', async () => {
    const schema = freshSchema();
    const first = await PostgresStorage.open({ connectionString: db.url, schema });
    const record = makeMapRecord();
    await first.createMap(record);
    await first.appendUpdate(record.id, u8(1));
    await first.close();
    const second = await PostgresStorage.open({ connectionString: db.url, schema });
    expect((await second.loadDocument(record.id)).updates).toEqual([u8(1)]);
    await second.close();
    const rows = await query<{ version: number; name: string }>(
      `SELECT version, name FROM ${schema}.schema_migrations ORDER BY version`,
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(rows).toHaveLength(POSTGRES_SCHEMA_VERSION);
  });

  it('upgrades a database of the previous schema in place: maps, documents and logs kept, no summaries yet', async () => {
    const schema = freshSchema();
    // A schema as version 1 (before map summaries) left it.
    const first = MIGRATIONS[0];
    if (!first) throw new Error('no first migration');
    const record = makeMapRecord();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
      await client.query(first.sql);
      await client.query(
        `CREATE TABLE schema_migrations (
           version integer PRIMARY KEY, name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query('INSERT INTO schema_migrations (version, name) VALUES (1, $1)', [
        first.name,
      ]);
      await client.query(
        `INSERT INTO maps (id, title, edit_token, view_token, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          record.id,
          record.title,
          record.editToken,
          record.viewToken,
          record.createdAt,
          record.updatedAt,
        ],
      );
      await client.query('INSERT INTO documents (map_id, last_seq) VALUES ($1, 2)', [record.id]);
      await client.query(
        `INSERT INTO updates (map_id, seq, data) VALUES ($1, 1, '\\x01'), ($1, 2, '\\x02')`,
        [record.id],
      );
    } finally {
      await client.end();
    }

    const storage = await PostgresStorage.open({ connectionString: db.url, schema });
    expect(await storage.listMaps()).toEqual([{ ...record, summary: null }]);
    expect(await storage.loadDocument(record.id)).toEqual({
      snapshot: null,
      updates: [u8(1), u8(2)],
      lastSeq: 2,
    });
    expect(
      await storage.saveSummary(record.id, { stageCount: 2, leadTimeMinutes: 30, seq: 2 }),
    ).toBe(true);
    expect(await storage.appendUpdate(record.id, u8(3))).toBe(3);
    expect((await storage.listMaps())[0]?.summary).toEqual({
      stageCount: 2,
      leadTimeMinutes: 30,
      seq: 2,
    });
    await storage.close();
    const rows = await query<{ version: number }>(
      `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
    );
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(POSTGRES_SCHEMA_VERSION).toBe(2);
  });

  it('migrates once when several instances start at the same time', async () => {
    const schema = freshSchema();
    const storages = await Promise.all(
      Array.from({ length: 4 }, () => PostgresStorage.open({ connectionString: db.url, schema })),
    );
    const rows = await query(`SELECT version FROM ${schema}.schema_migrations`);
    expect(rows).toHaveLength(POSTGRES_SCHEMA_VERSION);
    await Promise.all(storages.map((s) => s.close()));
  });

  it('refuses a database written by a newer schema', async () => {
    const schema = freshSchema();
    await (await PostgresStorage.open({ connectionString: db.url, schema })).close();
    await query(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, 'future')`, [
      POSTGRES_SCHEMA_VERSION + 1,
    ]);
    await expect(PostgresStorage.open({ connectionString: db.url, schema })).rejects.toThrow(
      /newer/,
    );
  });

  it('fails clearly when the server cannot be reached, and refuses a bad schema name', async () => {
    await expect(
      PostgresStorage.open({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }),
    ).rejects.toThrow(/ECONNREFUSED/);
    await expect(
      PostgresStorage.open({ connectionString: db.url, schema: 'x"; DROP TABLE maps' }),
    ).rejects.toThrow(/invalid schema name/);
  });

  it('commits synchronously in every pooled session', async () => {
    const storage = await PostgresStorage.open({
      connectionString: db.url,
      schema: freshSchema(),
      maxConnections: 3,
    });
    // Ask several sessions at once so more than one pooled connection answers.
    const pool = (storage as unknown as { pool: pg.Pool }).pool;
    const settings = await Promise.all(
      Array.from({ length: 3 }, () =>
        pool.query<{ s: string }>(
          "SELECT current_setting('synchronous_commit') AS s, pg_sleep(0.05)",
        ),
      ),
    );
    expect(settings.map((r) => r.rows[0]?.s)).toEqual(['on', 'on', 'on']);
    expect(pool.totalCount).toBe(3);
    await storage.close();
  });

  describe('two instances on one document', () => {
    const open = (schema: string) => PostgresStorage.open({ connectionString: db.url, schema });

    it('hands out unique, gap-free sequence numbers to concurrent appends', async () => {
      const schema = freshSchema();
      const [a, b] = await Promise.all([open(schema), open(schema)]);
      const record = makeMapRecord();
      await a.createMap(record);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? a : b).appendUpdates(record.id, [u8(i), u8(i, i)]),
        ),
      );
      // Each batch got two consecutive numbers; together they tile 1..80.
      expect([...results].sort((x, y) => x - y)).toEqual(
        Array.from({ length: 40 }, (_, i) => 2 * (i + 1)),
      );
      const doc = await a.loadDocument(record.id);
      expect(doc.lastSeq).toBe(80);
      // Every batch is stored contiguously, in the order its sequence numbers say.
      const bySeq = new Map(results.map((last, i) => [last, i]));
      for (let seq = 2; seq <= 80; seq += 2) {
        const i = bySeq.get(seq) as number;
        expect(doc.updates[seq - 2]).toEqual(u8(i));
        expect(doc.updates[seq - 1]).toEqual(u8(i, i));
      }
      await Promise.all([a.close(), b.close()]);
    });

    it('keeps an update appended after a stale snapshot was encoded (no lost update)', async () => {
      const schema = freshSchema();
      const [a, b] = await Promise.all([open(schema), open(schema)]);
      const record = makeMapRecord();
      await a.createMap(record);
      await a.appendUpdates(record.id, [u8(1), u8(2), u8(3)]);
      // A encodes its snapshot having applied up to 3; B appends 4 meanwhile.
      const snapshotOfA = u8(100);
      expect(await b.appendUpdate(record.id, u8(4))).toBe(4);
      await a.compact(record.id, snapshotOfA, 3);
      expect(await b.loadDocument(record.id)).toEqual({
        snapshot: snapshotOfA,
        updates: [u8(4)],
        lastSeq: 4,
      });
      // B's compaction, encoded before A's but arriving late, covers less: a no-op.
      await b.compact(record.id, u8(50), 2);
      // The same range again (both instances hit the threshold at once): a no-op too.
      await b.compact(record.id, u8(101), 3);
      expect((await a.loadDocument(record.id)).snapshot).toEqual(snapshotOfA);
      await Promise.all([a.close(), b.close()]);
    });

    it('serialises concurrent compactions and appends without losing a log entry', async () => {
      const schema = freshSchema();
      const [a, b] = await Promise.all([open(schema), open(schema)]);
      const record = makeMapRecord();
      await a.createMap(record);
      for (let i = 1; i <= 20; i++) await a.appendUpdate(record.id, u8(i));
      // Snapshot "k" stands for the state after update k.
      await Promise.all([
        a.compact(record.id, u8(200, 10), 10),
        b.compact(record.id, u8(200, 15), 15),
        b.appendUpdates(record.id, [u8(21), u8(22)]),
        a.compact(record.id, u8(200, 12), 12),
      ]);
      const doc = await b.loadDocument(record.id);
      // Whatever the order, the newest snapshot wins and every later update is still logged.
      expect(doc.snapshot).toEqual(u8(200, 15));
      expect(doc.updates).toEqual([16, 17, 18, 19, 20, 21, 22].map((v) => u8(v)));
      expect(doc.lastSeq).toBe(22);
      await Promise.all([a.close(), b.close()]);
    });
  });

  describe('catch-up reads', () => {
    it('reads the log after a sequence number, with the snapshot only when compacted past it', async () => {
      const storage = await PostgresStorage.open({
        connectionString: db.url,
        schema: freshSchema(),
      });
      // Compile-time: the sync layer's catch-up uses these natively.
      const reader: DocumentTailStorage & SeqStorage = storage;
      const record = makeMapRecord();
      const other = makeMapRecord();
      await storage.createMap(record);
      await storage.createMap(other);
      await storage.appendUpdates(record.id, [u8(1), u8(2), u8(3), u8(4), u8(5)]);
      expect(await reader.loadDocumentTail(record.id, 3)).toEqual({
        snapshot: null,
        snapshotSeq: 0,
        updates: [u8(4), u8(5)],
        lastSeq: 5,
      });
      await storage.compact(record.id, u8(40), 4);
      expect(await reader.loadDocumentTail(record.id, 2)).toEqual({
        snapshot: u8(40),
        snapshotSeq: 4,
        updates: [u8(5)],
        lastSeq: 5,
      });
      expect(await reader.loadDocumentTail(record.id, 5)).toEqual({
        snapshot: null,
        snapshotSeq: 4,
        updates: [],
        lastSeq: 5,
      });
      expect(await reader.loadDocumentTail('unknown', 0)).toEqual({
        snapshot: null,
        snapshotSeq: 0,
        updates: [],
        lastSeq: 0,
      });
      expect(await reader.lastSeqs([record.id, other.id, 'unknown'])).toEqual(
        new Map([
          [record.id, 5],
          [other.id, 0],
        ]),
      );
      expect(await reader.lastSeqs([])).toEqual(new Map());
      await storage.close();
    });
  });
});
