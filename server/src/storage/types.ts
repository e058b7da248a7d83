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

export interface Storage {
  // Map records and tokens
  createMap(record: MapRecord): Promise<void>;
  getMap(id: string): Promise<MapRecord | null>;
  listMaps(): Promise<MapRecord[]>;
  updateMap(
    id: string,
    patch: Partial<Pick<MapRecord, 'title' | 'editToken' | 'viewToken' | 'updatedAt'>>,
  ): Promise<boolean>;
  /** Deletes the record, its document, update log and snapshots. */
  deleteMap(id: string): Promise<boolean>;

  // Document: snapshot + append-only update log
  /** Appends one update; durable (fsync'd by the adapter's guarantees) when the promise resolves. Returns its sequence number. */
  appendUpdate(mapId: string, update: Uint8Array): Promise<number>;
  loadDocument(mapId: string): Promise<StoredDocument>;
  /** Replaces the snapshot with `snapshot` covering every update up to and including `uptoSeq`, and deletes those log entries atomically. */
  compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  // Named snapshots (quarterly reviews)
  saveNamedSnapshot(snapshot: NamedSnapshot): Promise<void>;
  listNamedSnapshots(mapId: string): Promise<Omit<NamedSnapshot, 'update'>[]>;
  getNamedSnapshot(mapId: string, snapshotId: string): Promise<NamedSnapshot | null>;
  deleteNamedSnapshot(mapId: string, snapshotId: string): Promise<boolean>;

  close(): Promise<void>;
}
