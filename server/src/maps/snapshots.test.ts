import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../storage/memory.ts';
import type { DocumentAccess } from './documents.ts';
import { MapService } from './service.ts';
import {
  checkSnapshotName,
  restoredTitle,
  SNAPSHOT_LIMITS,
  SnapshotLimitError,
  SnapshotService,
} from './snapshots.ts';

/** Documents straight from storage, as the room would load them. */
function storedDocuments(storage: MemoryStorage): DocumentAccess {
  return {
    async read(mapId, fn) {
      const stored = await storage.loadDocument(mapId);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return fn(doc);
    },
    async write() {},
    async evict() {},
  };
}

function setup(now: () => number = () => 1_000) {
  const storage = new MemoryStorage();
  const documents = storedDocuments(storage);
  const maps = new MapService(storage, documents, now);
  return { storage, maps, snapshots: new SnapshotService(storage, documents, maps, now) };
}

describe('snapshot names', () => {
  it('trims and accepts one line of 1–200 characters', () => {
    expect(checkSnapshotName('  2026-Q4 review ')).toBe('2026-Q4 review');
    expect(checkSnapshotName('é'.repeat(200))).toHaveLength(200);
    for (const bad of [undefined, null, 7, '', ' \t ', 'x'.repeat(201), 'a\u0000b', 'a\rb']) {
      expect(() => checkSnapshotName(bad), JSON.stringify(bad)).toThrow('Invalid snapshot name');
    }
  });

  it('titles a restored map after its snapshot, shortening the title rather than the name', () => {
    expect(restoredTitle('Payments', '2026-Q3 review')).toBe('Payments (2026-Q3 review)');
    expect(restoredTitle('  ', 'Q3')).toBe('Untitled map (Q3)');
    const long = restoredTitle('t'.repeat(200), '2026-Q3 review');
    expect(long).toHaveLength(200);
    expect(long.endsWith('t… (2026-Q3 review)')).toBe(true);
    expect(restoredTitle('Payments', 'n'.repeat(199))).toBe('n'.repeat(199));
  });
});

describe('SnapshotService', () => {
  it('bounds the snapshots of one map', async () => {
    const { maps, snapshots } = setup();
    const { id } = await maps.create({ title: 'Busy', template: 'blank' });
    for (let i = 0; i < SNAPSHOT_LIMITS.perMap; i++) {
      expect(await snapshots.take(id, `review ${i}`)).not.toBeNull();
    }
    const refused = snapshots.take(id, 'one too many');
    await expect(refused).rejects.toBeInstanceOf(SnapshotLimitError);
    await expect(refused).rejects.toMatchObject({ statusCode: 409 });
    const list = await snapshots.list(id);
    expect(list).toHaveLength(SNAPSHOT_LIMITS.perMap);
    // With a clock that stands still, each snapshot still comes after the one before.
    expect(list?.map((s) => s.createdAt).slice(0, 3)).toEqual([1_000, 1_001, 1_002]);
  });

  it('answers null for an unknown map or snapshot', async () => {
    const { maps, snapshots } = setup();
    const { id } = await maps.create({ template: 'software-delivery' });
    expect(await snapshots.take('unknown', 'Q1')).toBeNull();
    expect(await snapshots.list('unknown')).toBeNull();
    expect(await snapshots.get(id, 'nope')).toBeNull();
    expect(await snapshots.restore(id, 'nope')).toBeNull();
    expect(await snapshots.delete(id, 'nope')).toBe(false);
  });

  it('computes a stored snapshot’s headline once, from its own bytes', async () => {
    const { storage, maps, snapshots } = setup();
    const { id } = await maps.create({ title: 'Cached', template: 'software-delivery' });
    const taken = await snapshots.take(id, 'Q3');
    if (!taken) throw new Error('not taken');
    // A fresh service (as after a restart) decodes the stored document.
    const documents = storedDocuments(storage);
    const fresh = new SnapshotService(storage, documents, maps);
    let reads = 0;
    const getNamed = storage.getNamedSnapshot.bind(storage);
    storage.getNamedSnapshot = async (mapId, sid) => {
      reads++;
      return getNamed(mapId, sid);
    };
    expect(await fresh.list(id)).toEqual([taken]);
    expect(await fresh.list(id)).toEqual([taken]);
    expect(reads).toBe(1);
  });
});
