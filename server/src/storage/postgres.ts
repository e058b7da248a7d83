// PostgreSQL storage for shared deployments (several server instances on one database), selected
// by DATABASE_URL. A pooled `pg` client; the schema is created and migrated at start
// (postgresMigrations.ts). Every session runs with synchronous_commit=on, so an append has reached
// the WAL on disk when its promise resolves, whatever the server's default.
//
// Sequence numbers come from `documents.last_seq`, bumped under that row's lock in the same
// statement that inserts the updates: appends to one map commit in sequence order, so an instance
// that learns of seq N knows every seq below N is already readable. Compaction takes the same
// lock and is a no-op unless it covers more than the stored snapshot, so two instances compacting
// one document can neither lose an update nor compact twice.
import pg from 'pg';
import { migrate } from './postgresMigrations.ts';
import {
  type DocumentTail,
  type ListedMap,
  MapNotFoundError,
  type MapPatch,
  type MapRecord,
  type NamedSnapshot,
  type NamedSnapshotInfo,
  type Storage,
  type StoredDocument,
  type StoredSummary,
} from './types.ts';

export interface PostgresStorageOptions {
  /** e.g. postgres://user:password@host:5432/flowmap */
  connectionString: string;
  /** Schema holding the tables, created if missing; default: the connection's search_path. */
  schema?: string;
  /** Pooled connections (default 10). */
  maxConnections?: number;
  /** Errors of idle pooled connections; the pool replaces them by itself. */
  onError?: (error: Error) => void;
}

interface MapRow {
  id: string;
  title: string;
  edit_token: string;
  view_token: string;
  created_at: string;
  updated_at: string;
  stage_count: number | null;
  lead_time_minutes: number | null;
  summary_seq: string | null;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const FOREIGN_KEY_VIOLATION = '23503';

// bigint columns arrive as strings; every value here (ms timestamps, sequence numbers) is far
// below 2^53.
const num = (value: string | number | null | undefined): number => Number(value ?? 0);

// pg decodes bytea into a Buffer of its own; expose plain Uint8Arrays like the other adapters.
const bytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.length);

function splitOptions(raw: string): { connectionString: string; urlOptions: string } {
  try {
    const url = new URL(raw);
    const urlOptions = url.searchParams.get('options') ?? '';
    url.searchParams.delete('options');
    return { connectionString: url.toString(), urlOptions };
  } catch {
    return { connectionString: raw, urlOptions: '' };
  }
}

const toRecord = (row: MapRow): MapRecord => ({
  id: row.id,
  title: row.title,
  editToken: row.edit_token,
  viewToken: row.view_token,
  createdAt: num(row.created_at),
  updatedAt: num(row.updated_at),
});

const toListed = (row: MapRow): ListedMap => ({
  ...toRecord(row),
  summary:
    row.summary_seq === null
      ? null
      : {
          stageCount: row.stage_count ?? 0,
          leadTimeMinutes: row.lead_time_minutes,
          seq: num(row.summary_seq),
        },
});

export class PostgresStorage implements Storage {
  private closed = false;

  /** Connects, creates the schema if asked to, and migrates it; rejects if the server is down. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
      throw new Error(`invalid schema name: ${JSON.stringify(schema)}`);
    }
    // Session settings travel in the startup packet, so every pooled connection has them from
    // its first query on. Options already in the URL are kept.
    const settings = ['-c synchronous_commit=on'];
    if (schema) settings.push(`-c search_path=${schema}`);
    const { connectionString, urlOptions } = splitOptions(options.connectionString);
    const pool = new pg.Pool({
      connectionString,
      options: [urlOptions, ...settings].filter(Boolean).join(' '),
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
    });
    pool.on('error', options.onError ?? (() => {}));
    try {
      const client = await pool.connect();
      try {
        await migrate(client, schema);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    }
    return new PostgresStorage(pool);
  }

  private readonly appendQueues = new Map<string, Promise<unknown>>();

  private constructor(private readonly pool: pg.Pool) {}

  // Appends to one map run one after the other, so they take sequence numbers in call order as
  // with SQLite (pooled connections would otherwise commit concurrent calls in any order).
  private serially<T>(mapId: string, fn: () => Promise<T>): Promise<T> {
    const before = this.appendQueues.get(mapId) ?? Promise.resolve();
    const result = before.then(fn, fn);
    const settled = result.catch(() => {});
    this.appendQueues.set(mapId, settled);
    void settled.then(() => {
      if (this.appendQueues.get(mapId) === settled) this.appendQueues.delete(mapId);
    });
    return result;
  }

  async createMap(record: MapRecord): Promise<void> {
    // One statement, hence one transaction: the record never exists without its document.
    await this.pool.query(
      `WITH created AS (
         INSERT INTO maps (id, title, edit_token, view_token, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
       )
       INSERT INTO documents (map_id) SELECT id FROM created`,
      [
        record.id,
        record.title,
        record.editToken,
        record.viewToken,
        record.createdAt,
        record.updatedAt,
      ],
    );
  }

  async getMap(id: string): Promise<MapRecord | null> {
    const { rows } = await this.pool.query<MapRow>('SELECT * FROM maps WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listMaps(): Promise<ListedMap[]> {
    const { rows } = await this.pool.query<MapRow>('SELECT * FROM maps ORDER BY created_at, id');
    return rows.map(toListed);
  }

  async updateMap(id: string, patch: MapPatch): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE maps SET
         title = coalesce($2, title),
         edit_token = coalesce($3, edit_token),
         view_token = coalesce($4, view_token),
         updated_at = coalesce($5, updated_at)
       WHERE id = $1`,
      [
        id,
        patch.title ?? null,
        patch.editToken ?? null,
        patch.viewToken ?? null,
        patch.updatedAt ?? null,
      ],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async deleteMap(id: string): Promise<boolean> {
    const result = await this.pool.query('DELETE FROM maps WHERE id = $1', [id]);
    return (result.rowCount ?? 0) > 0;
  }

  async saveSummary(id: string, summary: StoredSummary & { title?: string }): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE maps SET
         title = coalesce($2, title),
         stage_count = $3,
         lead_time_minutes = $4,
         summary_seq = $5
       WHERE id = $1 AND (summary_seq IS NULL OR summary_seq <= $5)`,
      [id, summary.title ?? null, summary.stageCount, summary.leadTimeMinutes, summary.seq],
    );
    return (result.rowCount ?? 0) > 0;
  }

  appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.serially(mapId, () => this.append(mapId, updates));
  }

  private async append(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    if (updates.length === 0) {
      const { rows } = await this.pool.query<{ last_seq: string }>(
        'SELECT last_seq FROM documents WHERE map_id = $1',
        [mapId],
      );
      if (!rows[0]) throw new MapNotFoundError(mapId);
      return num(rows[0].last_seq);
    }
    // One statement: the sequence bump (under the document row's lock), the log rows and the
    // map's "last change" commit together, in one round trip. Each update is its own binary
    // parameter rather than one bytea[] literal, which pg would send hex-encoded.
    const slots = updates.map((_, i) => `$${i + 4}::bytea`).join(', ');
    const { rows } = await this.pool.query<{ last_seq: string }>(
      `WITH bumped AS (
         UPDATE documents SET last_seq = last_seq + $2 WHERE map_id = $1 RETURNING last_seq
       ), inserted AS (
         INSERT INTO updates (map_id, seq, data)
         SELECT $1, bumped.last_seq - $2 + u.ord, u.data
         FROM bumped, unnest(ARRAY[${slots}]) WITH ORDINALITY AS u (data, ord)
       ), touched AS (
         UPDATE maps SET updated_at = greatest(updated_at, $3) WHERE id = $1
       )
       SELECT last_seq FROM bumped`,
      [mapId, updates.length, Date.now(), ...updates],
    );
    if (!rows[0]) throw new MapNotFoundError(mapId);
    return num(rows[0].last_seq);
  }

  appendUpdate(mapId: string, update: Uint8Array): Promise<number> {
    return this.appendUpdates(mapId, [update]);
  }

  async loadDocument(mapId: string): Promise<StoredDocument> {
    const tail = await this.loadDocumentTail(mapId, 0);
    return { snapshot: tail.snapshot, updates: tail.updates, lastSeq: tail.lastSeq };
  }

  /**
   * The document after `afterSeq` in one consistent read (one statement): the snapshot if it
   * covers more than `afterSeq`, and every logged update after both.
   */
  async loadDocumentTail(mapId: string, afterSeq: number): Promise<DocumentTail> {
    const { rows } = await this.pool.query<{
      last_seq: string;
      snapshot_seq: string;
      snapshot: Buffer | null;
      updates: Buffer[];
    }>(
      `SELECT d.last_seq, d.snapshot_seq,
              CASE WHEN d.snapshot_seq > $2 OR $2 = 0 THEN d.snapshot END AS snapshot,
              ARRAY(SELECT u.data FROM updates u
                    WHERE u.map_id = d.map_id AND u.seq > greatest($2, d.snapshot_seq)
                    ORDER BY u.seq) AS updates
       FROM documents d WHERE d.map_id = $1`,
      [mapId, afterSeq],
    );
    const row = rows[0];
    if (!row) return { snapshot: null, snapshotSeq: 0, updates: [], lastSeq: 0 };
    return {
      snapshot: row.snapshot ? bytes(row.snapshot) : null,
      snapshotSeq: num(row.snapshot_seq),
      updates: row.updates.map(bytes),
      lastSeq: num(row.last_seq),
    };
  }

  /** The last sequence number of each existing map among `mapIds` (one query for many rooms). */
  async lastSeqs(mapIds: readonly string[]): Promise<Map<string, number>> {
    if (mapIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ map_id: string; last_seq: string }>(
      'SELECT map_id, last_seq FROM documents WHERE map_id = ANY($1::text[])',
      [mapIds],
    );
    return new Map(rows.map((row) => [row.map_id, num(row.last_seq)]));
  }

  async compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        // The row lock orders this against appends and other instances' compactions.
        const { rows } = await client.query<{ last_seq: string; snapshot_seq: string }>(
          'SELECT last_seq, snapshot_seq FROM documents WHERE map_id = $1 FOR UPDATE',
          [mapId],
        );
        const doc = rows[0];
        if (!doc) throw new MapNotFoundError(mapId);
        if (uptoSeq > num(doc.last_seq)) throw new Error(`compact beyond the log: ${uptoSeq}`);
        // Stale (another instance already compacted as far or further) or a repeat: nothing to do.
        if (uptoSeq > num(doc.snapshot_seq)) {
          await client.query(
            'UPDATE documents SET snapshot = $2, snapshot_seq = $3 WHERE map_id = $1',
            [mapId, snapshot, uptoSeq],
          );
          await client.query('DELETE FROM updates WHERE map_id = $1 AND seq <= $2', [
            mapId,
            uptoSeq,
          ]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    } finally {
      client.release();
    }
  }

  async saveNamedSnapshot(snapshot: NamedSnapshot): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO named_snapshots (map_id, id, name, created_at, data)
         VALUES ($1, $2, $3, $4, $5)`,
        [snapshot.mapId, snapshot.id, snapshot.name, snapshot.createdAt, snapshot.update],
      );
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        throw new MapNotFoundError(snapshot.mapId);
      }
      throw error;
    }
  }

  async listNamedSnapshots(mapId: string): Promise<NamedSnapshotInfo[]> {
    const { rows } = await this.pool.query<{
      id: string;
      map_id: string;
      name: string;
      created_at: string;
    }>(
      `SELECT id, map_id, name, created_at FROM named_snapshots
       WHERE map_id = $1 ORDER BY created_at, id`,
      [mapId],
    );
    return rows.map((row) => ({
      id: row.id,
      mapId: row.map_id,
      name: row.name,
      createdAt: num(row.created_at),
    }));
  }

  async getNamedSnapshot(mapId: string, snapshotId: string): Promise<NamedSnapshot | null> {
    const { rows } = await this.pool.query<{
      id: string;
      map_id: string;
      name: string;
      created_at: string;
      data: Buffer;
    }>(
      `SELECT id, map_id, name, created_at, data FROM named_snapshots
       WHERE map_id = $1 AND id = $2`,
      [mapId, snapshotId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      mapId: row.map_id,
      name: row.name,
      createdAt: num(row.created_at),
      update: bytes(row.data),
    };
  }

  async deleteNamedSnapshot(mapId: string, snapshotId: string): Promise<boolean> {
    const result = await this.pool.query(
      'DELETE FROM named_snapshots WHERE map_id = $1 AND id = $2',
      [mapId, snapshotId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
