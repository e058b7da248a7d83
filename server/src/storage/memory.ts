// In-memory Storage for tests and throwaway instances. Same contract as SQLite (see
// contract.testkit.ts), including copies on the way in and out so callers can never mutate stored
// bytes.
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
} from './types.ts';

interface MapEntry {
  record: MapRecord;
  summary: StoredSummary | null;
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  lastSeq: number;
  log: { seq: number; update: Uint8Array }[];
  named: Map<string, NamedSnapshot>;
}

// A real copy as a plain Uint8Array (Buffer#slice would return a view).
const copy = (bytes: Uint8Array) => new Uint8Array(bytes);

const byCreated = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class MemoryStorage implements Storage {
  private readonly maps = new Map<string, MapEntry>();
  private closed = false;

  async createMap(record: MapRecord): Promise<void> {
    this.assertOpen();
    if (this.maps.has(record.id)) throw new Error(`map already exists: ${record.id}`);
    this.maps.set(record.id, {
      record: { ...record },
      summary: null,
      snapshot: null,
      snapshotSeq: 0,
      lastSeq: 0,
      log: [],
      named: new Map(),
    });
  }

  async getMap(id: string): Promise<MapRecord | null> {
    this.assertOpen();
    const entry = this.maps.get(id);
    return entry ? { ...entry.record } : null;
  }

  async listMaps(): Promise<ListedMap[]> {
    this.assertOpen();
    return [...this.maps.values()]
      .map((e) => ({ ...e.record, summary: e.summary ? { ...e.summary } : null }))
      .sort(byCreated);
  }

  async updateMap(id: string, patch: MapPatch): Promise<boolean> {
    this.assertOpen();
    const entry = this.maps.get(id);
    if (!entry) return false;
    const next = { ...entry.record };
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.editToken !== undefined) next.editToken = patch.editToken;
    if (patch.viewToken !== undefined) next.viewToken = patch.viewToken;
    if (patch.updatedAt !== undefined) next.updatedAt = patch.updatedAt;
    entry.record = next;
    return true;
  }

  async deleteMap(id: string): Promise<boolean> {
    this.assertOpen();
    return this.maps.delete(id);
  }

  async saveSummary(id: string, summary: StoredSummary & { title?: string }): Promise<boolean> {
    this.assertOpen();
    const entry = this.maps.get(id);
    if (!entry || (entry.summary && entry.summary.seq > summary.seq)) return false;
    const { title, stageCount, leadTimeMinutes, seq } = summary;
    entry.summary = { stageCount, leadTimeMinutes, seq };
    if (title !== undefined) entry.record = { ...entry.record, title };
    return true;
  }

  async appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    this.assertOpen();
    const entry = this.entry(mapId);
    for (const update of updates) {
      entry.lastSeq += 1;
      entry.log.push({ seq: entry.lastSeq, update: copy(update) });
    }
    entry.record.updatedAt = Math.max(entry.record.updatedAt, Date.now());
    return entry.lastSeq;
  }

  appendUpdate(mapId: string, update: Uint8Array): Promise<number> {
    return this.appendUpdates(mapId, [update]);
  }

  async loadDocument(mapId: string): Promise<StoredDocument> {
    this.assertOpen();
    const entry = this.maps.get(mapId);
    if (!entry) return { snapshot: null, updates: [], lastSeq: 0 };
    return {
      snapshot: entry.snapshot ? copy(entry.snapshot) : null,
      updates: entry.log.map((u) => copy(u.update)),
      lastSeq: entry.lastSeq,
    };
  }

  async compact(mapId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.assertOpen();
    const entry = this.entry(mapId);
    if (uptoSeq < entry.snapshotSeq) return;
    if (uptoSeq > entry.lastSeq) throw new Error(`compact beyond the log: ${uptoSeq}`);
    entry.snapshot = copy(snapshot);
    entry.snapshotSeq = uptoSeq;
    entry.log = entry.log.filter((u) => u.seq > uptoSeq);
  }

  async saveNamedSnapshot(snapshot: NamedSnapshot): Promise<void> {
    this.assertOpen();
    const entry = this.entry(snapshot.mapId);
    if (entry.named.has(snapshot.id)) throw new Error(`snapshot already exists: ${snapshot.id}`);
    entry.named.set(snapshot.id, { ...snapshot, update: copy(snapshot.update) });
  }

  async listNamedSnapshots(mapId: string): Promise<NamedSnapshotInfo[]> {
    this.assertOpen();
    const entry = this.maps.get(mapId);
    if (!entry) return [];
    return [...entry.named.values()].map(({ update: _update, ...info }) => info).sort(byCreated);
  }

  async getNamedSnapshot(mapId: string, snapshotId: string): Promise<NamedSnapshot | null> {
    this.assertOpen();
    const found = this.maps.get(mapId)?.named.get(snapshotId);
    return found ? { ...found, update: copy(found.update) } : null;
  }

  async deleteNamedSnapshot(mapId: string, snapshotId: string): Promise<boolean> {
    this.assertOpen();
    return this.maps.get(mapId)?.named.delete(snapshotId) ?? false;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private entry(mapId: string): MapEntry {
    const entry = this.maps.get(mapId);
    if (!entry) throw new MapNotFoundError(mapId);
    return entry;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('storage is closed');
  }
}
