// Two sync cores writing one document through one real PostgreSQL database, with no fan-out
// between them: the sequence numbers storage hands out are enough for each to notice what it
// lacks, read it from storage, and never compact away an update it has not applied.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeMapRecord } from '../storage/contract.testkit.ts';
import { MemoryStorage } from '../storage/memory.ts';
import {
  createTestDatabase,
  randomSuffix,
  type TestDatabase,
} from '../storage/postgres.testkit.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import type { Storage } from '../storage/types.ts';
import { loadDocumentTail, loadLastSeqs } from './catchUp.ts';
import {
  connectClient,
  loadStoredDoc,
  type TestClient,
  waitFor,
  waitSynced,
} from './clients.testkit.ts';
import type { SyncLimits } from './limits.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function postgres(schema: string): Promise<PostgresStorage> {
  const storage = await PostgresStorage.open({ connectionString: db.url, schema });
  cleanups.push(() => storage.close());
  return storage;
}

const u8 = (...values: number[]) => new Uint8Array(values);

describe('reading the stored tail of a document', () => {
  // The same operations on every adapter: the fallback (whole document) and PostgreSQL's native
  // read must agree exactly.
  async function tails(storage: Storage) {
    const record = makeMapRecord();
    await storage.createMap(record);
    await storage.appendUpdates(record.id, [u8(1), u8(2), u8(3), u8(4)]);
    const before = await Promise.all([0, 2, 4].map((s) => loadDocumentTail(storage, record.id, s)));
    await storage.compact(record.id, u8(30), 3);
    await storage.appendUpdate(record.id, u8(5));
    const after = await Promise.all(
      [0, 1, 3, 4, 5].map((s) => loadDocumentTail(storage, record.id, s)),
    );
    const seqs = await loadLastSeqs(storage, [record.id, 'missing']);
    return { before, after, seqs: [...seqs.values()] };
  }

  it('agrees between the native PostgreSQL read and the fallback on memory and SQLite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowmap-tail-'));
    const sqlite = SqliteStorage.open({ dataDir: dir });
    cleanups.push(async () => {
      await sqlite.close();
      await rm(dir, { recursive: true, force: true });
    });
    const native = await tails(await postgres(`s_${randomSuffix()}`));
    expect(native.after[1]).toEqual({
      snapshot: u8(30),
      snapshotSeq: 3,
      updates: [u8(4), u8(5)],
      lastSeq: 5,
    });
    expect(native.after[3]).toEqual({
      snapshot: null,
      snapshotSeq: 3,
      updates: [u8(5)],
      lastSeq: 5,
    });
    expect(native.seqs).toEqual([5]);
    expect(await tails(new MemoryStorage())).toEqual(native);
    expect(await tails(sqlite)).toEqual(native);
  });
});

describe('two sync cores on one PostgreSQL document, no fan-out', () => {
  async function twoServers(limits: Partial<SyncLimits> = {}) {
    const schema = `s_${randomSuffix()}`;
    const servers: TestServer[] = [];
    for (let i = 0; i < 2; i++) {
      const server = await startTestServer({ storage: await postgres(schema), limits });
      cleanups.push(() => server.close());
      servers.push(server);
    }
    return servers as [TestServer, TestServer];
  }

  function client(server: TestServer, mapId: string): TestClient {
    const c = connectClient(server, mapId);
    cleanups.push(async () => c.destroy());
    return c;
  }

  it('notices a sequence gap from its own append and reads the missing update', async () => {
    const [a, b] = await twoServers({ catchUpAfterMs: 20 });
    const onA = client(a, 'gap');
    await waitSynced(onA);
    const onB = client(b, 'gap');
    await waitSynced(onB);
    onA.doc.getMap('m').set('from-a', 1);
    await waitFor(async () => (await a.storage.loadDocument('gap')).lastSeq === 1, 'A stored');
    // B never hears of A's write, until its own append comes back as seq 2.
    onB.doc.getMap('m').set('from-b', 2);
    await waitFor(
      () => onB.doc.getMap('m').get('from-a') === 1,
      'B caught up with the update A stored',
    );
    expect(onB.doc.getMap('m').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 });
  });

  it('never compacts away an update stored by the other instance after its snapshot', async () => {
    // No catch-up: A must compact while still missing B's update.
    const [a, b] = await twoServers({ compactAfterUpdates: 1, catchUpAfterMs: 60_000 });
    const onA = client(a, 'compaction');
    const onB = client(b, 'compaction');
    await waitSynced(onA, onB);
    onB.doc.getMap('m').set('from-b', 1); // seq 1, which A never receives
    await waitFor(async () => (await b.storage.loadDocument('compaction')).lastSeq >= 1, 'B');
    onA.doc.getMap('m').set('from-a', 2); // seq 2; A then compacts, having applied seq 2 only
    await waitFor(
      async () => (await a.storage.loadDocument('compaction')).lastSeq >= 2,
      'A stored',
    );
    await a.rooms.flushAll();
    await b.rooms.flushAll();
    const stored = await loadStoredDoc(a.storage, 'compaction');
    expect(stored.getMap('m').toJSON()).toEqual({ 'from-a': 2, 'from-b': 1 });
    // Unloading compacts again on both; still nothing lost, whatever order they finish in.
    onA.destroy();
    onB.destroy();
    await waitFor(() => a.rooms.stats().rooms === 0 && b.rooms.stats().rooms === 0, 'unloaded');
    const final = await a.storage.loadDocument('compaction');
    const doc = new Y.Doc();
    if (final.snapshot) Y.applyUpdate(doc, final.snapshot);
    for (const update of final.updates) Y.applyUpdate(doc, update);
    expect(doc.getMap('m').toJSON()).toEqual({ 'from-a': 2, 'from-b': 1 });
  });
});
