// An editor goes offline for a while and keeps working on the same stages as the people still
// online, through the domain commands of @flowmap/shared/doc (what the client runs). On return,
// everything merges: edits to different fields of one stage all survive, a field both sides set
// ends with the same value everywhere, stages and edges added on either side are there, and what
// the server stored (reloaded after a graceful stop) is the same map and passes validation.
// While she is away the server compacts the map's log several times (a snapshot of a garbage-
// collected document), so her offline edits refer to content the server no longer holds as such.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNode, connect, moveNodes, readMap, updateNode } from '@flowmap/shared/doc';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectMap, type Harness, type MapClient, startHarness } from '../http/harness.testkit.ts';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import { loadStoredDoc, waitFor } from '../sync/clients.testkit.ts';
import { report } from './loadHarness.testkit.ts';

const STATE = 'current';
const ROUNDS = 30;
/** Every this many rounds, each side adds a stage. */
const ADD_EVERY = 5;
/** Compact the log after this many updates (production: 500), so it happens while offline. */
const COMPACT_AFTER = 40;

let harness: Harness | null = null;
const clients: MapClient[] = [];
let dataDir = '';

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await harness?.stop();
  harness = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = '';
});

const nodesOf = (doc: Y.Doc) => readMap(doc).map.states[STATE]?.nodes ?? {};
const edgesOf = (doc: Y.Doc) => readMap(doc).map.states[STATE]?.edges ?? {};
const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex');

/** Compactions so far, from the server's Prometheus metrics. */
async function compactions(h: Harness): Promise<number> {
  const text = await (await h.api('/metrics')).text();
  const line = /^flowmap_persistence_latency_seconds_count\{operation="compact"\} (\d+)$/m.exec(
    text,
  );
  return Number(line?.[1] ?? 0);
}

it('merges many offline edits to the stages others are editing, field by field, and stores the result', async () => {
  const started = performance.now();
  dataDir = await mkdtemp(join(tmpdir(), 'flowmap-offline-'));
  harness = await startHarness({ dataDir, limits: { compactAfterUpdates: COMPACT_AFTER } });
  const h = harness;
  const res = await h.api('/api/maps', {
    method: 'POST',
    json: { title: 'Offline merge', template: 'software-delivery' },
  });
  expect(res.status).toBe(201);
  const { id, editToken } = (await res.json()) as { id: string; editToken: string };

  const [ada, grace, linus] = [0, 1, 2].map(() => connectMap(h.url, id, editToken)) as [
    MapClient,
    MapClient,
    MapClient,
  ];
  clients.push(ada, grace, linus);
  await waitFor(
    () => clients.every((c) => c.provider.synced && nodesOf(c.doc)['security-review']),
    'clients have the template',
  );
  const template = readMap(ada.doc).map.states[STATE];
  if (!template) throw new Error('no current state');
  const templateNodes = Object.keys(template.nodes).length;
  const templateEdges = Object.keys(template.edges).length;

  // Ada goes offline.
  const compactedBefore = await compactions(h);
  ada.provider.disconnect();
  await waitFor(() => !ada.provider.wsconnected, 'ada offline');

  const adaStages: string[] = [];
  const linusStages: string[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    // Ada, offline: the same stages as Grace, some fields the same, some different.
    updateNode(ada.doc, STATE, 'auto-tests', { notes: `Ada's notes, take ${k}` });
    updateNode(ada.doc, STATE, 'manual-tests', { team: `QA guild ${k}` });
    updateNode(ada.doc, STATE, 'security-review', { elapsedMinutes: 5000 + k, pctCA: 60 + k });
    moveNodes(ada.doc, STATE, [{ id: 'vcs', x: 1000 + k, y: 500 + k }]);
    // Grace, online.
    updateNode(grace.doc, STATE, 'auto-tests', { name: `Automated tests v${k}` });
    updateNode(grace.doc, STATE, 'manual-tests', { pctCA: 40 + k });
    updateNode(grace.doc, STATE, 'security-review', {
      elapsedMinutes: 6000 + k,
      team: `SecOps ${k}`,
    });
    moveNodes(grace.doc, STATE, [{ id: 'vcs', x: 2000 + k, y: -500 - k }]);
    // Linus, online: the release stage's notes.
    updateNode(linus.doc, STATE, 'release', { notes: `Runbook v${k}` });
    if (k % ADD_EVERY === 0) {
      // Both sides extend the pipeline after the release, each with a chain of their own.
      const adaStage = addNode(ada.doc, STATE, {
        id: `ada-${k}`,
        type: 'stage',
        name: `Ada's step ${k}`,
        x: 100 * k,
        y: 300,
        elapsedMinutes: 60 + k,
        valueAddMinutes: 30,
        pctCA: 90,
      });
      connect(ada.doc, STATE, { source: adaStages.at(-1) ?? 'release', target: adaStage });
      adaStages.push(adaStage);
      const linusStage = addNode(linus.doc, STATE, {
        id: `linus-${k}`,
        type: 'stage',
        name: `Linus's step ${k}`,
        x: 100 * k,
        y: -300,
        team: 'Ops',
      });
      connect(linus.doc, STATE, { source: linusStages.at(-1) ?? 'release', target: linusStage });
      linusStages.push(linusStage);
    }
    // The online side stays live: each round reaches the others through the server.
    await waitFor(
      () =>
        nodesOf(linus.doc)['security-review']?.team === `SecOps ${k}` &&
        nodesOf(grace.doc).release?.notes === `Runbook v${k}`,
      `round ${k} relayed between the online clients`,
    );
  }
  // Nothing of Ada's work leaked while she was offline.
  expect(nodesOf(grace.doc)['ada-0']).toBeUndefined();
  expect(nodesOf(grace.doc)['auto-tests']?.notes).not.toMatch(/^Ada/);
  expect(nodesOf(ada.doc)['linus-0']).toBeUndefined();

  // The server compacted the log while she was away.
  const compactedOffline = (await compactions(h)) - compactedBefore;
  expect(compactedOffline).toBeGreaterThanOrEqual(2);

  // Ada comes back.
  const reconnectAt = performance.now();
  ada.provider.connect();
  await waitFor(
    () => ada.provider.synced && new Set(clients.map((c) => stateVector(c.doc))).size === 1,
    'the three clients converged',
  );
  const convergedMs = performance.now() - reconnectAt;

  const results = clients.map((c) => readMap(c.doc));
  for (const result of results) expect(result.problems).toEqual([]);
  expect(results[1]?.map).toEqual(results[0]?.map);
  expect(results[2]?.map).toEqual(results[0]?.map);
  const nodes = nodesOf(ada.doc);
  const edges = edgesOf(ada.doc);
  const last = ROUNDS - 1;

  // Different fields of one stage: both sides survive.
  expect(nodes['auto-tests']).toMatchObject({
    notes: `Ada's notes, take ${last}`,
    name: `Automated tests v${last}`,
  });
  expect(nodes['manual-tests']).toMatchObject({ team: `QA guild ${last}`, pctCA: 40 + last });
  expect(nodes['security-review']).toMatchObject({ pctCA: 60 + last, team: `SecOps ${last}` });
  expect(nodes.release?.notes).toBe(`Runbook v${last}`);
  // The same field: one side's last value, the same on every client (checked above).
  const lt = nodes['security-review']?.elapsedMinutes;
  expect([5000 + last, 6000 + last]).toContain(lt);
  // A move is x and y together: the stage lands where one of them put it, not in between.
  const vcs = { x: nodes.vcs?.x, y: nodes.vcs?.y };
  expect([
    { x: 1000 + last, y: 500 + last },
    { x: 2000 + last, y: -500 - last },
  ]).toContainEqual(vcs);
  // Stages and edges added on both sides are all there, with their fields.
  const added = ROUNDS / ADD_EVERY;
  expect(adaStages).toHaveLength(added);
  expect(Object.keys(nodes)).toHaveLength(templateNodes + 2 * added);
  expect(Object.keys(edges)).toHaveLength(templateEdges + 2 * added);
  for (const [i, stage] of adaStages.entries()) {
    expect(nodes[stage]).toMatchObject({ type: 'stage', elapsedMinutes: 60 + i * ADD_EVERY });
    const source = i === 0 ? 'release' : adaStages[i - 1];
    expect(Object.values(edges)).toContainEqual(
      expect.objectContaining({ source, target: stage, kind: 'flow' }),
    );
  }
  for (const stage of linusStages) expect(nodes[stage]).toMatchObject({ team: 'Ops' });

  // What the server stored, reloaded after a graceful stop, is the same map and is valid.
  for (const c of clients.splice(0)) c.destroy();
  await h.stop();
  harness = null;
  const storage = SqliteStorage.open({ dataDir });
  const stored = await loadStoredDoc(storage, id).finally(() => storage.close());
  const storedResult = readMap(stored);
  expect(storedResult.problems).toEqual([]);
  expect(storedResult.map).toEqual(results[0]?.map);

  report('offline merge', {
    rounds: ROUNDS,
    offlineUpdates: ROUNDS * 4 + 2 * added,
    stagesAddedOffline: added,
    compactionsWhileOffline: compactedOffline,
    sameFieldWinner: lt === 5000 + last ? 'offline client' : 'online client',
    moveWinner: vcs.x === 1000 + last ? 'offline client' : 'online client',
    reconnectToConvergedMs: Math.round(convergedMs),
    ms: Math.round(performance.now() - started),
  });
}, 30_000);
