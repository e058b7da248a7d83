// The one storage interface every adapter (SQLite today, PostgreSQL for shared deployments)
// implements and proves with the contract suite in contract.ts. It deals in bytes and records,
// never in Yjs objects, so adapters stay dumb and the sync layer owns the CRDT logic.

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

export interface StoredDocument {
  /** The compacted state (a full Yjs update), or null when the map has never been compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in append order. */
  updates: Uint8Array[];
  /** Sequence number of the last update included (snapshot or log); 0 for an empty document. */
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
  /** Every map, oldest first (createdAt, then id). */
  listMaps(): Promise<MapRecord[]>;
  /** Returns false when the map does not exist. */
  updateMap(id: string, patch: MapPatch): Promise<boolean>;
  /** Deletes the record, its document, update log and snapshots. Returns false when absent. */
  deleteMap(id: string): Promise<boolean>;

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
