// The one storage interface every adapter (SQLite today, PostgreSQL for shared deployments)
// implements and proves with the contract suite in contract.testkit.ts. It deals in bytes and
// records, never in Yjs objects, so adapters stay dumb and the sync layer owns the CRDT logic.

export interface MapRecord {
  id: string;
  title: string;
  /** Unguessable secrets; compare with timingSafeEqual, never log. */
  editToken: string;
  viewToken: string;
  createdAt: number;
  updatedAt: number;
}

export type MapPatch = Partial<Pick<MapRecord, 'title' | 'editToken' | 'viewToken' | 'updatedAt'>>;

/**
 * The map library's figures for one map, computed from its document (maps/summary.ts) when it is
 * created and when its room compacts or unloads, and kept with the record so that listing the
 * library reads rows only, never documents.
 */
export interface StoredSummary {
  stageCount: number;
  /** Total lead time of the first current state, minutes; null when it cannot be computed. */
  leadTimeMinutes: number | null;
  /** The document's sequence number the figures were computed at (see `saveSummary`). */
  seq: number;
}

export interface ListedMap extends MapRecord {
  /** Null until a summary was first saved (maps from databases older than summaries). */
  summary: StoredSummary | null;
}

export interface StoredDocument {
  /** The compacted state (a full Yjs update), or null when the map has never been compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in append order. */
  updates: Uint8Array[];
  /** Sequence number of the last update included (snapshot or log); 0 for an empty document. */
  lastSeq: number;
}

/**
 * A document's stored state after a sequence number: what an instance that holds the document up
 * to `afterSeq` lacks to catch up (sync/catchUp.ts reads it; PostgresStorage natively).
 */
export interface DocumentTail {
  /** Present only when the log was compacted past `afterSeq`: the updates in between are gone. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** The log after max(afterSeq, snapshotSeq), in order, ending with `lastSeq`. */
  updates: Uint8Array[];
  lastSeq: number;
}

export interface NamedSnapshot {
  id: string;
  mapId: string;
  name: string;
  createdAt: number;
  /** Full Yjs update of the document at the time the snapshot was taken. */
  update: Uint8Array;
}

export type NamedSnapshotInfo = Omit<NamedSnapshot, 'update'>;

/** Thrown (as a rejection) when a document or snapshot operation names a map that does not exist. */
export class MapNotFoundError extends Error {
  override readonly name = 'MapNotFoundError';
  constructor(readonly mapId: string) {
    super(`map not found: ${mapId}`);
  }
}

export interface Storage {
  // Map records and tokens
  /** Creates the record and its empty document; rejects if the id exists. */
  createMap(record: MapRecord): Promise<void>;
  getMap(id: string): Promise<MapRecord | null>;
  /** Every map with its summary, oldest first (createdAt, then id). */
  listMaps(): Promise<ListedMap[]>;
  /** Returns false when the map does not exist. */
  updateMap(id: string, patch: MapPatch): Promise<boolean>;
  /** Deletes the record, its document, update log and snapshots. Returns false when absent. */
  deleteMap(id: string): Promise<boolean>;
  /**
   * Replaces the map's summary, and its title when `title` is given (the document's title is the
   * truth; the record keeps a copy). Ignored when the stored summary was computed at a later
   * sequence number: instances and rooms write summaries without coordinating, and an old one
   * arriving late must not replace a newer one. Neither counts as a change (`updatedAt` stays).
   * Returns false when the map does not exist or the summary was ignored.
   */
  saveSummary(id: string, summary: StoredSummary & { title?: string }): Promise<boolean>;

  // Document: snapshot + append-only update log. Sequence numbers are per map, start at 1 and
  // never repeat, compaction included.
  /**
   * Appends updates in order as one durable write (fsync'd when the promise resolves) and
   * returns the sequence number of the last one. Rejects with MapNotFoundError for an unknown map.
   */
  appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<number>;
  /** `appendUpdates` for one update; returns its sequence number. */
  appendUpdate(mapId: string, update: Uint8Array): Promise<number>;
  /** An unknown map loads as an empty document (`{ snapshot: null, updates: [], lastSeq: 0 }`). */
  loadDocument(mapId: string): Promise<StoredDocument>;
  /**
   * Atomically replaces the snapshot with `snapshot`, which covers every update up to and
   * including `uptoSeq`, and deletes those log entries; later entries stay. A compaction older
   * than the stored snapshot is ignored. Rejects with MapNotFoundError for an unknown map.
   */
  compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  // Named snapshots (quarterly reviews)
  /** Rejects with MapNotFoundError for an unknown map, and if the snapshot id exists. */
  saveNamedSnapshot(snapshot: NamedSnapshot): Promise<void>;
  /** Oldest first (createdAt, then id). */
  listNamedSnapshots(mapId: string): Promise<NamedSnapshotInfo[]>;
  getNamedSnapshot(mapId: string, snapshotId: string): Promise<NamedSnapshot | null>;
  deleteNamedSnapshot(mapId: string, snapshotId: string): Promise<boolean>;

  close(): Promise<void>;
}
