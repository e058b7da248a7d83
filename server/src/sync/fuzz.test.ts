// Seeded randomised convergence through the real server: several WebsocketProvider clients make
// random edits while randomly dropping off, coming back and while the sync core restarts; at the
// end every client must hold the same document, and storage must reload into exactly that. A
// failure prints its seed; pin it below as a named test to replay it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../storage/memory.ts';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import type { Storage } from '../storage/types.ts';
import {
  connectClient,
  loadStoredDoc,
  mulberry32,
  type TestClient,
  waitFor,
  waitSynced,
} from './clients.testkit.ts';
import { startTestServer } from './server.testkit.ts';

const CLIENTS = 4;
const STEPS = 400;
const MAP = 'fuzz';

// Nodes live in a root of their own ('board'), outside the schema, so that random field values do
// not meet the server's write guard (sync/document.ts); meta edits keep to valid values.
function view(doc: Y.Doc) {
  const board = doc.getMap<Y.Map<unknown>>('board');
  return {
    meta: doc.getMap('meta').toJSON(),
    notes: doc.getText('notes').toString(),
    board: Object.fromEntries([...board.entries()].map(([id, node]) => [id, node.toJSON()])),
  };
}

const yieldToIo = () => new Promise((resolve) => setImmediate(resolve));

function randomEdit(doc: Y.Doc, rand: () => number): void {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
  const r = rand();
  const meta = doc.getMap('meta');
  const notes = doc.getText('notes');
  const states = doc.getMap<Y.Map<unknown>>('board');
  if (r < 0.25) {
    const key = pick(['title', 'description', 'hoursPerDay', 'daysPerWeek']);
    const n = 1 + Math.floor(rand() * 7);
    meta.set(key, key === 'title' || key === 'description' ? `v${n}` : n);
  } else if (r < 0.5) {
    const at = Math.floor(rand() * (notes.length + 1));
    notes.insert(at, pick(['a', 'bc', 'def ', '\n', 'ü', '🙂']));
  } else if (r < 0.65) {
    if (notes.length === 0) return;
    const at = Math.floor(rand() * notes.length);
    notes.delete(at, 1 + Math.floor(rand() * Math.min(5, notes.length - at)));
  } else if (r < 0.8) {
    const node = new Y.Map<unknown>();
    const id = `n${Math.floor(rand() * 20)}`;
    doc.transact(() => {
      states.set(id, node);
      node.set('name', `Stage ${id}`);
      node.set('x', Math.floor(rand() * 1000));
    });
  } else if (r < 0.95) {
    const ids = [...states.keys()];
    if (ids.length === 0) return;
    const node = states.get(pick(ids));
    node?.set(pick(['x', 'y', 'elapsedMinutes', 'pctCA']), Math.floor(rand() * 500));
  } else {
    const ids = [...states.keys()];
    if (ids.length > 0) states.delete(pick(ids));
  }
}

async function runConvergence(seed: number, storage: Storage): Promise<void> {
  const rand = mulberry32(seed);
  const s = await startTestServer({ storage, limits: { compactAfterUpdates: 40 } });
  const clients: TestClient[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(s, MAP));
    await waitSynced(...clients);
    for (let step = 0; step < STEPS; step++) {
      const c = clients[Math.floor(rand() * clients.length)] as TestClient;
      const r = rand();
      if (r < 0.08) {
        if (c.provider.shouldConnect) c.provider.disconnect();
        else c.provider.connect();
      } else if (r < 0.09) {
        await s.restartRooms();
      } else {
        randomEdit(c.doc, rand);
      }
      if (rand() < 0.4) await yieldToIo();
    }
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    await waitSynced(...clients);
    const first = clients[0] as TestClient;
    await waitFor(
      () => clients.every((c) => isDeepStrictEqual(view(c.doc), view(first.doc))),
      () =>
        `clients converge (seed ${seed}); ${clients
          .map((c, i) => `client ${i}: ${JSON.stringify(view(c.doc)).slice(0, 400)}`)
          .join('; ')}`,
      20_000,
    );
    const vectors = clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex'));
    expect(new Set(vectors).size, `state vectors differ (seed ${seed})`).toBe(1);
    await s.rooms.flushAll();
    // The run did exercise compaction; restarts and disconnects are frequent enough by design.
    expect(s.telemetry.persistenceOps.some((p) => p.op === 'compact' && p.ok)).toBe(true);
    const stored = await loadStoredDoc(storage, MAP);
    expect(view(stored), `storage reload differs from the clients (seed ${seed})`).toEqual(
      view(first.doc),
    );
  } finally {
    for (const c of clients) c.destroy();
    await s.close();
  }
}

describe('randomised convergence through the server', () => {
  const seed = Number(process.env.FLOWMAP_FUZZ_SEED ?? Date.now() % 100_000);

  it(`random seed ${seed} (memory storage)`, async () => {
    await runConvergence(seed, new MemoryStorage());
  }, 30_000);

  it('pinned seed 1 (memory storage)', async () => {
    await runConvergence(1, new MemoryStorage());
  }, 30_000);

  it('pinned seed 42 (SQLite storage)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowmap-fuzz-'));
    const storage = SqliteStorage.open({ dataDir: dir });
    try {
      await runConvergence(42, storage);
    } finally {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
