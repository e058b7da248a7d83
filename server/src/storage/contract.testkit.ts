// The contract every Storage adapter must pass. An adapter's test file calls
// `storageContractSuite('sqlite', async () => ({ storage, cleanup }))`; each test gets a fresh,
// empty storage and cleans it up afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MapNotFoundError, type MapRecord, type NamedSnapshot, type Storage } from './types.ts';

export interface StorageFixture {
  storage: Storage;
  cleanup: () => Promise<void>;
}

let counter = 0;

export function makeMapRecord(overrides: Partial<MapRecord> = {}): MapRecord {
  counter += 1;
  return {
    id: `map-${counter}`,
    title: `Map ${counter}`,
    editToken: `edit-${counter}-secret`,
    viewToken: `view-${counter}-secret`,
    createdAt: 1_700_000_000_000 + counter,
    updatedAt: 1_700_000_000_000 + counter,
    ...overrides,
  };
}

const u8 = (...values: number[]) => new Uint8Array(values);

function bigUpdate(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    // xorshift32: every byte value, deterministic.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function storageContractSuite(
  name: string,
  makeStorage: () => Promise<StorageFixture>,
): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ storage, cleanup } = await makeStorage());
    });
    afterEach(async () => {
      await cleanup();
    });

    describe('map records', () => {
      it('creates, reads and lists maps oldest first', async () => {
        const b = makeMapRecord({ id: 'b', createdAt: 2000 });
        const a = makeMapRecord({ id: 'a', createdAt: 1000 });
        const c = makeMapRecord({ id: 'c', createdAt: 2000 });
        await storage.createMap(c);
        await storage.createMap(a);
        await storage.createMap(b);
        expect(await storage.getMap('a')).toEqual(a);
        expect(await storage.getMap('missing')).toBeNull();
        expect((await storage.listMaps()).map((m) => m.id)).toEqual(['a', 'b', 'c']);
      });

      it('refuses a duplicate id', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await expect(storage.createMap({ ...record, title: 'other' })).rejects.toThrow();
        expect((await storage.getMap(record.id))?.title).toBe(record.title);
      });

      it('updates the title and rotates tokens', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        expect(await storage.updateMap(record.id, { title: 'Renamed', updatedAt: 42 })).toBe(true);
        expect(await storage.getMap(record.id)).toEqual({
          ...record,
          title: 'Renamed',
          updatedAt: 42,
        });
        expect(await storage.updateMap(record.id, { editToken: 'e2', viewToken: 'v2' })).toBe(true);
        expect(await storage.getMap(record.id)).toEqual({
          ...record,
          title: 'Renamed',
          updatedAt: 42,
          editToken: 'e2',
          viewToken: 'v2',
        });
        expect(await storage.updateMap('missing', { title: 'x' })).toBe(false);
      });

      it('deletes a map with its document, log and named snapshots', async () => {
        const keep = makeMapRecord();
        const gone = makeMapRecord();
        await storage.createMap(keep);
        await storage.createMap(gone);
        await storage.appendUpdates(gone.id, [u8(1), u8(2)]);
        await storage.compact(gone.id, u8(9), 1);
        await storage.appendUpdate(keep.id, u8(7));
        await storage.saveNamedSnapshot({
          id: 's1',
          mapId: gone.id,
          name: 'Q1',
          createdAt: 1,
          update: u8(3),
        });
        expect(await storage.deleteMap(gone.id)).toBe(true);
        expect(await storage.deleteMap(gone.id)).toBe(false);
        expect(await storage.getMap(gone.id)).toBeNull();
        expect(await storage.loadDocument(gone.id)).toEqual({
          snapshot: null,
          updates: [],
          lastSeq: 0,
        });
        expect(await storage.listNamedSnapshots(gone.id)).toEqual([]);
        expect(await storage.getNamedSnapshot(gone.id, 's1')).toBeNull();
        // The other map is untouched, and a new map reusing the id starts empty.
        expect((await storage.loadDocument(keep.id)).updates).toEqual([u8(7)]);
        await storage.createMap({ ...gone });
        expect(await storage.loadDocument(gone.id)).toEqual({
          snapshot: null,
          updates: [],
          lastSeq: 0,
        });
        expect(await storage.appendUpdate(gone.id, u8(5))).toBe(1);
      });
    });

    describe('map summaries', () => {
      it('lists a new map without a summary, then with the one saved', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        expect(await storage.listMaps()).toEqual([{ ...record, summary: null }]);
        expect(
          await storage.saveSummary(record.id, { stageCount: 6, leadTimeMinutes: 10680, seq: 1 }),
        ).toBe(true);
        expect(await storage.listMaps()).toEqual([
          { ...record, summary: { stageCount: 6, leadTimeMinutes: 10680, seq: 1 } },
        ]);
        // Not a change of the map: its record, "last change" included, is as it was.
        expect(await storage.getMap(record.id)).toEqual(record);
      });

      it('keeps fractional and unknown lead times, and takes the document title when given', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.saveSummary(record.id, { stageCount: 3, leadTimeMinutes: 90.25, seq: 2 });
        expect((await storage.listMaps())[0]?.summary?.leadTimeMinutes).toBe(90.25);
        expect(
          await storage.saveSummary(record.id, {
            title: 'Renamed in the editor',
            stageCount: 4,
            leadTimeMinutes: null,
            seq: 3,
          }),
        ).toBe(true);
        const [listed] = await storage.listMaps();
        expect(listed).toEqual({
          ...record,
          title: 'Renamed in the editor',
          summary: { stageCount: 4, leadTimeMinutes: null, seq: 3 },
        });
        expect((await storage.getMap(record.id))?.title).toBe('Renamed in the editor');
      });

      it('never replaces a summary with one computed at an earlier sequence number', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.saveSummary(record.id, { stageCount: 5, leadTimeMinutes: 50, seq: 10 });
        expect(
          await storage.saveSummary(record.id, {
            title: 'Stale',
            stageCount: 4,
            leadTimeMinutes: 40,
            seq: 9,
          }),
        ).toBe(false);
        expect(
          await storage.saveSummary(record.id, { stageCount: 7, leadTimeMinutes: 70, seq: 10 }),
        ).toBe(true);
        const [listed] = await storage.listMaps();
        expect(listed?.title).toBe(record.title);
        expect(listed?.summary).toEqual({ stageCount: 7, leadTimeMinutes: 70, seq: 10 });
      });

      it('refuses an unknown map, forgets a deleted one and leaves other maps alone', async () => {
        const keep = makeMapRecord();
        const gone = makeMapRecord();
        await storage.createMap(keep);
        await storage.createMap(gone);
        await storage.saveSummary(keep.id, { stageCount: 1, leadTimeMinutes: 1, seq: 1 });
        await storage.saveSummary(gone.id, { stageCount: 2, leadTimeMinutes: 2, seq: 1 });
        expect(
          await storage.saveSummary('unknown', { stageCount: 1, leadTimeMinutes: 1, seq: 1 }),
        ).toBe(false);
        await storage.deleteMap(gone.id);
        await storage.createMap({ ...gone });
        expect(await storage.listMaps()).toEqual([
          { ...keep, summary: { stageCount: 1, leadTimeMinutes: 1, seq: 1 } },
          { ...gone, summary: null },
        ]);
      });
    });

    describe('document log', () => {
      it('loads an empty document for a new or unknown map', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        const empty = { snapshot: null, updates: [], lastSeq: 0 };
        expect(await storage.loadDocument(record.id)).toEqual(empty);
        expect(await storage.loadDocument('unknown')).toEqual(empty);
      });

      it('counts an appended update as the map’s last change', async () => {
        const record = makeMapRecord({ updatedAt: 1000 });
        await storage.createMap(record);
        const before = Date.now();
        await storage.appendUpdate(record.id, u8(1));
        expect((await storage.getMap(record.id))?.updatedAt).toBeGreaterThanOrEqual(before);
      });

      it('appends in order with increasing sequence numbers', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        expect(await storage.appendUpdate(record.id, u8(1))).toBe(1);
        expect(await storage.appendUpdate(record.id, u8(2, 2))).toBe(2);
        expect(await storage.appendUpdates(record.id, [u8(3), u8(4), u8(5)])).toBe(5);
        expect(await storage.appendUpdates(record.id, [])).toBe(5);
        expect(await storage.loadDocument(record.id)).toEqual({
          snapshot: null,
          updates: [u8(1), u8(2, 2), u8(3), u8(4), u8(5)],
          lastSeq: 5,
        });
      });

      it('rejects appends and compaction for an unknown map', async () => {
        await expect(storage.appendUpdate('unknown', u8(1))).rejects.toBeInstanceOf(
          MapNotFoundError,
        );
        await expect(storage.appendUpdates('unknown', [u8(1)])).rejects.toBeInstanceOf(
          MapNotFoundError,
        );
        await expect(storage.compact('unknown', u8(1), 0)).rejects.toBeInstanceOf(MapNotFoundError);
      });

      it('compacts atomically: snapshot plus the later updates, sequence numbers continue', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.appendUpdates(record.id, [u8(1), u8(2), u8(3), u8(4)]);
        await storage.compact(record.id, u8(100, 101), 2);
        expect(await storage.loadDocument(record.id)).toEqual({
          snapshot: u8(100, 101),
          updates: [u8(3), u8(4)],
          lastSeq: 4,
        });
        expect(await storage.appendUpdate(record.id, u8(5))).toBe(5);
        await storage.compact(record.id, u8(200), 5);
        expect(await storage.loadDocument(record.id)).toEqual({
          snapshot: u8(200),
          updates: [],
          lastSeq: 5,
        });
        expect(await storage.appendUpdate(record.id, u8(6))).toBe(6);
        expect(await storage.loadDocument(record.id)).toEqual({
          snapshot: u8(200),
          updates: [u8(6)],
          lastSeq: 6,
        });
      });

      it('ignores a compaction older than the stored snapshot and refuses one beyond the log', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.appendUpdates(record.id, [u8(1), u8(2), u8(3)]);
        await storage.compact(record.id, u8(30), 3);
        await storage.compact(record.id, u8(10), 1);
        await expect(storage.compact(record.id, u8(40), 4)).rejects.toThrow();
        expect(await storage.loadDocument(record.id)).toEqual({
          snapshot: u8(30),
          updates: [],
          lastSeq: 3,
        });
      });

      it('round-trips a 1 MB update byte-exact', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        const big = bigUpdate(1024 * 1024, 12345);
        const snapshot = bigUpdate(1024 * 1024 + 7, 999);
        await storage.appendUpdate(record.id, big);
        const loaded = await storage.loadDocument(record.id);
        expect(loaded.updates).toHaveLength(1);
        expect(Buffer.compare(Buffer.from(loaded.updates[0] ?? []), Buffer.from(big))).toBe(0);
        await storage.compact(record.id, snapshot, 1);
        const compacted = await storage.loadDocument(record.id);
        expect(compacted.snapshot).toBeInstanceOf(Uint8Array);
        expect(Buffer.compare(Buffer.from(compacted.snapshot ?? []), Buffer.from(snapshot))).toBe(
          0,
        );
      });

      it('never lets a caller mutate stored bytes', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        const update = u8(1, 2, 3);
        await storage.appendUpdate(record.id, update);
        update[0] = 99;
        // A Buffer whose slice() is a view, not a copy, must be copied too.
        const buffer = Buffer.from([4, 5, 6]);
        await storage.appendUpdate(record.id, buffer);
        buffer[0] = 99;
        const first = await storage.loadDocument(record.id);
        (first.updates[0] as Uint8Array)[1] = 99;
        expect((await storage.loadDocument(record.id)).updates).toEqual([u8(1, 2, 3), u8(4, 5, 6)]);
      });

      it('keeps concurrent appends to different maps apart', async () => {
        const maps = [makeMapRecord(), makeMapRecord(), makeMapRecord()];
        for (const m of maps) await storage.createMap(m);
        const perMap = 20;
        await Promise.all(
          maps.flatMap((m, mi) =>
            Array.from({ length: perMap }, (_, i) => storage.appendUpdate(m.id, u8(mi, i))),
          ),
        );
        for (const [mi, m] of maps.entries()) {
          const doc = await storage.loadDocument(m.id);
          expect(doc.lastSeq).toBe(perMap);
          expect(doc.updates).toEqual(Array.from({ length: perMap }, (_, i) => u8(mi, i)));
        }
      });
    });

    describe('named snapshots', () => {
      const snap = (mapId: string, id: string, createdAt: number): NamedSnapshot => ({
        id,
        mapId,
        name: `Review ${id}`,
        createdAt,
        update: u8(createdAt % 256, 1, 2),
      });

      it('saves, lists oldest first, reads and deletes', async () => {
        const record = makeMapRecord();
        const other = makeMapRecord();
        await storage.createMap(record);
        await storage.createMap(other);
        const q2 = snap(record.id, 'q2', 20);
        const q1 = snap(record.id, 'q1', 10);
        await storage.saveNamedSnapshot(q2);
        await storage.saveNamedSnapshot(q1);
        await storage.saveNamedSnapshot(snap(other.id, 'x', 5));
        expect(await storage.listNamedSnapshots(record.id)).toEqual([
          { id: 'q1', mapId: record.id, name: 'Review q1', createdAt: 10 },
          { id: 'q2', mapId: record.id, name: 'Review q2', createdAt: 20 },
        ]);
        expect(await storage.getNamedSnapshot(record.id, 'q2')).toEqual(q2);
        expect(await storage.getNamedSnapshot(other.id, 'q2')).toBeNull();
        expect(await storage.deleteNamedSnapshot(record.id, 'q2')).toBe(true);
        expect(await storage.deleteNamedSnapshot(record.id, 'q2')).toBe(false);
        expect((await storage.listNamedSnapshots(record.id)).map((s) => s.id)).toEqual(['q1']);
        expect((await storage.listNamedSnapshots(other.id)).map((s) => s.id)).toEqual(['x']);
      });

      it('refuses a duplicate id and an unknown map', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.saveNamedSnapshot(snap(record.id, 's', 1));
        await expect(storage.saveNamedSnapshot(snap(record.id, 's', 2))).rejects.toThrow();
        await expect(storage.saveNamedSnapshot(snap('unknown', 's', 1))).rejects.toBeInstanceOf(
          MapNotFoundError,
        );
        expect(await storage.getNamedSnapshot(record.id, 's')).toEqual(snap(record.id, 's', 1));
      });

      it('round-trips a 1 MB snapshot byte-exact and never shares its bytes', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        const expected = bigUpdate(1024 * 1024, 11);
        const update = expected.slice();
        await storage.saveNamedSnapshot({
          id: 'big',
          mapId: record.id,
          name: 'Big',
          createdAt: 1,
          update,
        });
        update[0] = (update[0] ?? 0) ^ 0xff;
        const same = (bytes: Uint8Array | undefined) =>
          Buffer.compare(Buffer.from(bytes ?? []), Buffer.from(expected)) === 0;
        const read = await storage.getNamedSnapshot(record.id, 'big');
        expect(read?.update).toBeInstanceOf(Uint8Array);
        expect(same(read?.update)).toBe(true);
        if (read) read.update[1] = (read.update[1] ?? 0) ^ 0xff;
        expect(same((await storage.getNamedSnapshot(record.id, 'big'))?.update)).toBe(true);
      });

      it('keeps a map’s document when one of its snapshots is deleted', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.appendUpdate(record.id, u8(7));
        await storage.saveNamedSnapshot(snap(record.id, 's', 3));
        expect(await storage.deleteNamedSnapshot(record.id, 's')).toBe(true);
        expect(await storage.getMap(record.id)).not.toBeNull();
        expect((await storage.loadDocument(record.id)).updates).toEqual([u8(7)]);
        expect(await storage.deleteNamedSnapshot('unknown', 's')).toBe(false);
        expect(await storage.listNamedSnapshots('unknown')).toEqual([]);
      });

      it('is independent of the document log and compaction', async () => {
        const record = makeMapRecord();
        await storage.createMap(record);
        await storage.appendUpdate(record.id, u8(1));
        await storage.saveNamedSnapshot(snap(record.id, 's', 3));
        await storage.compact(record.id, u8(50), 1);
        expect((await storage.getNamedSnapshot(record.id, 's'))?.update).toEqual(u8(3, 1, 2));
        expect((await storage.loadDocument(record.id)).snapshot).toEqual(u8(50));
      });
    });
  });
}
