// The SQL of SqliteStorage: its prepared statements, the transactions that combine them, and the
// mapping from rows to the Storage interface's records. better-sqlite3 runs a transaction function
// atomically; one called inside another runs as a savepoint (group commit relies on that).
import type Database from 'better-sqlite3';
import { type ListedMap, MapNotFoundError, type MapRecord, type StoredDocument } from '../types.ts';

// A document's last sequence number, derived rather than stored: rewriting a per-map counter in
// `documents` (the row that also holds the snapshot) on every append cost a page of WAL per map
// per commit, ~2.3 KB of WAL per 60-byte update under load. The log's own primary key gives it.
// `d.last_seq` is only what databases written before this kept; it never goes back.
const LAST_SEQ = `max(d.last_seq, d.snapshot_seq,
  coalesce((SELECT max(seq) FROM updates u WHERE u.map_id = d.map_id), 0))`;

/** How often an append may bump its map's `updated_at` ("last change" in the library). */
const TOUCH_EVERY_MS = 5_000;

interface MapRow {
  id: string;
  title: string;
  edit_token: string;
  view_token: string;
  created_at: number;
  updated_at: number;
  stage_count: number | null;
  lead_time_minutes: number | null;
  summary_seq: number | null;
}

interface SnapshotRow {
  id: string;
  map_id: string;
  name: string;
  created_at: number;
  data: Buffer;
}

export const toRecord = (row: MapRow): MapRecord => ({
  id: row.id,
  title: row.title,
  editToken: row.edit_token,
  viewToken: row.view_token,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toListed = (row: MapRow): ListedMap => ({
  ...toRecord(row),
  summary:
    row.summary_seq === null
      ? null
      : {
          stageCount: row.stage_count ?? 0,
          leadTimeMinutes: row.lead_time_minutes,
          seq: row.summary_seq,
        },
});

// better-sqlite3 returns Buffers with their own backing store; expose plain Uint8Arrays.
export const bytes = (buf: Buffer): Uint8Array =>
  new Uint8Array(buf.buffer, buf.byteOffset, buf.length);

export type SqliteStatements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database.Database) {
  return {
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
    saveSummary: db.prepare(
      `UPDATE maps SET
         title = coalesce(@title, title),
         stage_count = @stageCount,
         lead_time_minutes = @leadTimeMinutes,
         summary_seq = @seq
       WHERE id = @id AND (summary_seq IS NULL OR summary_seq <= @seq)`,
    ),
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
    setSnapshot: db.prepare('UPDATE documents SET snapshot = ?, snapshot_seq = ? WHERE map_id = ?'),
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
}

export interface SqliteTransactions {
  create(record: MapRecord): void;
  /** Appends in order; returns the last sequence number. */
  append(mapId: string, updates: readonly Uint8Array[]): number;
  /** The outer transaction of a group commit; `append` nests inside it as a savepoint. */
  group(fn: () => void): void;
  compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): void;
  load(mapId: string): StoredDocument;
}

export function prepareTransactions(
  db: Database.Database,
  s: SqliteStatements,
): SqliteTransactions {
  /** When each map's updated_at was last bumped by an append. */
  const touched = new Map<string, number>();
  return {
    create: db.transaction((record: MapRecord) => {
      s.insertMap.run(record);
      s.insertDocument.run(record.id);
    }),

    append: db.transaction((mapId: string, updates: readonly Uint8Array[]) => {
      const doc = s.getDocumentSeqs.get(mapId);
      if (!doc) throw new MapNotFoundError(mapId);
      let seq = doc.last_seq;
      for (const update of updates) s.insertUpdate.run(mapId, ++seq, update);
      // The map library's "last change" is the last edit, not just the last rename; to the
      // nearest few seconds, so a map's row is not rewritten by every append.
      const now = Date.now();
      if (now - (touched.get(mapId) ?? 0) >= TOUCH_EVERY_MS) {
        touched.set(mapId, now);
        s.touchMap.run(now, mapId);
      }
      return seq;
    }),

    group: db.transaction((fn: () => void) => fn()),

    compact: db.transaction((mapId: string, snapshot: Uint8Array, uptoSeq: number) => {
      const doc = s.getDocumentSeqs.get(mapId);
      if (!doc) throw new MapNotFoundError(mapId);
      if (uptoSeq < doc.snapshot_seq) return;
      if (uptoSeq > doc.last_seq) throw new Error(`compact beyond the log: ${uptoSeq}`);
      s.setSnapshot.run(snapshot, uptoSeq, mapId);
      s.deleteUpdatesUpTo.run(mapId, uptoSeq);
    }),

    // A read transaction so the snapshot and the log come from one consistent state even with
    // another process writing.
    load: db.transaction((mapId: string): StoredDocument => {
      const doc = s.getDocument.get(mapId);
      if (!doc) return { snapshot: null, updates: [], lastSeq: 0 };
      return {
        snapshot: doc.snapshot ? bytes(doc.snapshot) : null,
        updates: s.listUpdates.all(mapId).map((u) => bytes(u.data)),
        lastSeq: doc.last_seq,
      };
    }),
  };
}
