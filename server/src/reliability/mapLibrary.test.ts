// The map library at scale: `GET /api/maps` answers from stored rows and loads no document, with
// each map's figures (title, stage count, lead time of the current state) as they were when its
// room last compacted or unloaded. Before, every listing loaded every map's room (122 maps: 18 s
// and 2.3 GB). Edits come from stock y-websocket clients running the domain commands, and a
// database from before summaries (schema version 1) lists correctly too, still without a room.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addNode,
  connect,
  createMapDoc,
  readMap,
  updateMeta,
  updateNode,
} from '@flowmap/shared/doc';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectMap, type Harness, type MapClient, startHarness } from '../http/harness.testkit.ts';
import { MIGRATIONS, SQLITE_FILE_NAME } from '../storage/sqlite/index.ts';
import { waitFor } from '../sync/clients.testkit.ts';
import { report } from './loadHarness.testkit.ts';

const STATE = 'current';
const MAPS = 60;
/** Compact the log after this many updates (production: 500), so a live room compacts soon. */
const COMPACT_AFTER = 20;
/** The software-delivery template: 6 stages, 10,680 minutes of lead time. */
const TEMPLATE = { stageCount: 6, leadTimeMinutes: 10_680 };

interface Listed {
  id: string;
  title: string;
  stageCount: number;
  leadTimeMinutes: number | null;
}

let h: Harness | null = null;
const clients: MapClient[] = [];
let dataDir = '';

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await h?.stop();
  h = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = '';
});

/** Room loads so far, from the server's Prometheus metrics (one storage load per room load). */
async function roomLoads(harness: Harness): Promise<number> {
  const text = await (await harness.api('/metrics')).text();
  const line = /^flowmap_persistence_latency_seconds_count\{operation="load"\} (\d+)$/m.exec(text);
  return Number(line?.[1] ?? 0);
}

async function compactions(harness: Harness): Promise<number> {
  const text = await (await harness.api('/metrics')).text();
  const line = /^flowmap_persistence_latency_seconds_count\{operation="compact"\} (\d+)$/m.exec(
    text,
  );
  return Number(line?.[1] ?? 0);
}

/** Lists the library and checks it loaded no room. */
async function list(harness: Harness): Promise<Map<string, Listed>> {
  const loadsBefore = await roomLoads(harness);
  const roomsBefore = harness.server.rooms.stats().rooms;
  const res = await harness.api('/api/maps');
  expect(res.status).toBe(200);
  const { maps } = (await res.json()) as { maps: Listed[] };
  expect(await roomLoads(harness), 'rooms loaded by the listing').toBe(loadsBefore);
  expect(harness.server.rooms.stats().rooms).toBe(roomsBefore);
  return new Map(maps.map((m) => [m.id, m]));
}

function connectTo(harness: Harness, id: string, token: string): MapClient {
  const client = connectMap(harness.url, id, token);
  clients.push(client);
  return client;
}

const hasTemplate = (client: MapClient) =>
  client.provider.synced &&
  client.doc.getMap('states').size > 0 &&
  client.doc.getMap('meta').get('title') !== undefined;

it(`lists ${MAPS} maps without loading a room, with figures current once a room compacted or unloaded`, async () => {
  h = await startHarness({ limits: { roomIdleMs: 50, compactAfterUpdates: COMPACT_AFTER } });
  const harness = h;
  const created: { id: string; editToken: string; template: boolean }[] = [];
  for (let i = 0; i < MAPS; i++) {
    const template = i % 2 === 0;
    const res = await harness.api('/api/maps', {
      method: 'POST',
      json: { title: `Map ${i}`, template: template ? 'software-delivery' : 'blank' },
    });
    expect(res.status).toBe(201);
    created.push({ ...((await res.json()) as { id: string; editToken: string }), template });
  }
  // Two maps made from the template (even indexes).
  const [first, , second] = created as [(typeof created)[0], unknown, (typeof created)[0]];

  const started = performance.now();
  const fresh = await list(harness);
  const listMs = performance.now() - started;
  expect(fresh.size).toBe(MAPS);
  expect(harness.server.rooms.stats().rooms).toBe(0);
  for (const [i, map] of created.entries()) {
    expect(fresh.get(map.id)).toEqual({
      id: map.id,
      title: `Map ${i}`,
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
      ...(map.template ? TEMPLATE : { stageCount: 0, leadTimeMinutes: 0 }),
    });
  }

  // Ada edits the first map live, then leaves: its room unloads and records the new figures.
  const ada = connectTo(harness, first.id, first.editToken);
  await waitFor(() => hasTemplate(ada), 'Ada has the template');
  updateNode(ada.doc, STATE, 'security-review', { elapsedMinutes: 4900 });
  const deploy = addNode(ada.doc, STATE, {
    type: 'stage',
    name: 'Deploy',
    x: 1600,
    y: 200,
    elapsedMinutes: 60,
  });
  connect(ada.doc, STATE, { source: 'release', target: deploy, kind: 'flow' });
  connect(ada.doc, STATE, { source: deploy, target: 'end', kind: 'flow' });
  updateMeta(ada.doc, { title: 'Payments, edited live' });
  await waitFor(
    () =>
      harness.server.rooms.withDocument(
        first.id,
        (doc) => doc.getMap('meta').get('title') === 'Payments, edited live',
      ),
    'Ada’s edits stored',
  );
  ada.destroy();
  await waitFor(() => harness.server.rooms.stats().rooms === 0, 'room unloaded');
  // 7 stages; the critical path runs through the new stage: 10,680 + 100 + 60.
  expect((await list(harness)).get(first.id)).toMatchObject({
    title: 'Payments, edited live',
    stageCount: 7,
    leadTimeMinutes: 10_840,
  });

  // Grace edits the second map and stays: the room compacts, which records the figures too.
  const grace = connectTo(harness, second.id, second.editToken);
  const watcher = connectTo(harness, second.id, second.editToken);
  await waitFor(() => hasTemplate(grace) && hasTemplate(watcher), 'Grace has the template');
  const compactedBefore = await compactions(harness);
  for (let k = 1; (await compactions(harness)) === compactedBefore; k++) {
    expect(k, 'edits before a compaction').toBeLessThanOrEqual(COMPACT_AFTER);
    updateNode(grace.doc, STATE, 'release', { elapsedMinutes: 480 + k });
    // Stored and relayed (the server stores before it relays) before the next edit.
    await waitFor(
      () => readElapsed(watcher.doc, 'release') === 480 + k,
      `edit ${k} relayed to the watcher`,
    );
  }
  // The figures are the compacted snapshot's (an edit made while it was written is in the log).
  const compacted = new Y.Doc();
  Y.applyUpdate(
    compacted,
    (await harness.storage.loadDocument(second.id)).snapshot ?? new Uint8Array(),
  );
  const release = readElapsed(compacted, 'release') ?? 0;
  compacted.destroy();
  expect(release).toBeGreaterThan(480);
  await waitFor(async () => {
    const listed = (await list(harness)).get(second.id);
    return listed?.leadTimeMinutes === TEMPLATE.leadTimeMinutes - 480 + release;
  }, 'figures recorded at the compaction');
  expect(harness.server.rooms.stats().rooms).toBe(1);
  // The others are as created.
  const last = await list(harness);
  for (const map of created.filter((m) => m !== first && m !== second)) {
    expect(last.get(map.id)).toMatchObject(
      map.template ? TEMPLATE : { stageCount: 0, leadTimeMinutes: 0 },
    );
  }
  report('map library', { maps: MAPS, listMs: Math.round(listMs), compactedAtEdit: release - 480 });
}, 30_000);

it('lists the maps of a database older than summaries from storage, once, without a room', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowmap-library-'));
  // Schema version 1, as the previous server left it: maps and their documents, no summaries.
  const old = new Database(join(dataDir, SQLITE_FILE_NAME));
  old.exec(MIGRATIONS[0] ?? '');
  old.pragma('user_version = 1');
  const ids = ['old-template', 'old-blank', 'old-renamed'];
  for (const [i, id] of ids.entries()) {
    const doc = createMapDoc({
      title: id === 'old-renamed' ? 'Renamed in the editor' : `Old ${i}`,
      template: id === 'old-blank' ? 'blank' : 'software-delivery',
    });
    old
      .prepare(
        `INSERT INTO maps (id, title, edit_token, view_token, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        `Old ${i}`,
        `edit-${id}`,
        `view-${id}`,
        1_700_000_000_000 + i,
        1_700_000_000_000 + i,
      );
    old.prepare('INSERT INTO documents (map_id) VALUES (?)').run(id);
    old
      .prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, 1, ?)')
      .run(id, Y.encodeStateAsUpdate(doc));
    doc.destroy();
  }
  old.close();

  h = await startHarness({ dataDir });
  const harness = h;
  expect((await harness.storage.listMaps()).map((m) => m.summary)).toEqual([null, null, null]);
  const listed = await list(harness);
  expect(harness.server.rooms.stats().rooms).toBe(0);
  expect(listed.get('old-template')).toMatchObject({ title: 'Old 0', ...TEMPLATE });
  expect(listed.get('old-blank')).toMatchObject({ title: 'Old 1', stageCount: 0 });
  // The document's title is the truth; the record's copy follows it.
  expect(listed.get('old-renamed')).toMatchObject({ title: 'Renamed in the editor', ...TEMPLATE });
  // Computed once: stored now, so the next listing reads rows only.
  expect((await harness.storage.listMaps()).map((m) => m.summary?.stageCount)).toEqual([6, 0, 6]);
  expect((await list(harness)).get('old-renamed')?.title).toBe('Renamed in the editor');
});

function readElapsed(doc: Y.Doc, nodeId: string): number | undefined {
  const node = readMap(doc).map.states[STATE]?.nodes[nodeId];
  return node?.type === 'stage' ? node.elapsedMinutes : undefined;
}
