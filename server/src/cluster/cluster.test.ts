// Three instances sharing one real PostgreSQL database and one real Redis, clients spread over
// them (in-process instances; failover.test.ts kills child processes and restarts Redis).
import { isDeepStrictEqual } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectMap, type MapClient } from '../http/harness.testkit.ts';
import { createTestDatabase, type TestDatabase } from '../storage/postgres.testkit.ts';
import {
  loadStoredDoc,
  mulberry32,
  RawClient,
  waitFor,
  waitSynced,
} from '../sync/clients.testkit.ts';
import { encodeAwarenessMessage, encodeAwarenessUpdate } from '../sync/protocol.ts';
import {
  assertRedisReachable,
  createMap,
  type Instance,
  type InstanceOptions,
  startInstance,
  TEST_REDIS_URL,
  testPrefix,
} from './cluster.testkit.ts';
import { RedisFanout } from './redisFanout.ts';

let db: TestDatabase;
const prefix = testPrefix();
const instances: Instance[] = [];
const clients: MapClient[] = [];

beforeAll(async () => {
  await assertRedisReachable();
  db = await createTestDatabase();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(instances.splice(0).map((i) => i.stop()));
});
afterAll(async () => {
  await db?.drop();
});

async function cluster(
  n: number,
  options: Pick<InstanceOptions, 'limits' | 'fanout'> = {},
): Promise<Instance[]> {
  const started = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      startInstance({ ...options, databaseUrl: db.url, prefix, id: `i${instances.length + i}` }),
    ),
  );
  instances.push(...started);
  // Every instance hears every other before the test starts.
  await waitFor(
    () => instances.every((i) => i.fanout.stats().peers.length >= instances.length - 1),
    'instances see each other',
  );
  return started;
}

function connect(instance: Instance, mapId: string, token: string): MapClient {
  const client = connectMap(instance.url, mapId, token);
  clients.push(client);
  return client;
}

function view(doc: Y.Doc) {
  return {
    meta: doc.getMap('meta').toJSON(),
    notes: doc.getText('notes').toString(),
    nodes: doc.getMap('nodes').toJSON(),
  };
}

function randomEdit(doc: Y.Doc, rand: () => number): void {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
  const r = rand();
  const notes = doc.getText('notes');
  const nodes = doc.getMap<Y.Map<unknown>>('nodes');
  if (r < 0.2) {
    // Valid values: the server refuses what breaks a field rule of the schema (writeGuard).
    const n = 1 + Math.floor(rand() * 24);
    if (rand() < 0.5) doc.getMap('meta').set('description', `d${n}`);
    else doc.getMap('meta').set('hoursPerDay', n);
  } else if (r < 0.45) {
    notes.insert(Math.floor(rand() * (notes.length + 1)), pick(['a', 'bc', 'def ', 'ü']));
  } else if (r < 0.55) {
    if (notes.length > 0) notes.delete(Math.floor(rand() * notes.length), 1);
  } else if (r < 0.75) {
    const node = new Y.Map<unknown>();
    doc.transact(() => {
      nodes.set(`n${Math.floor(rand() * 15)}`, node);
      node.set('x', Math.floor(rand() * 1000));
    });
  } else if (r < 0.95) {
    const ids = [...nodes.keys()];
    if (ids.length > 0) nodes.get(pick(ids))?.set(pick(['x', 'y', 'pctCA']), rand());
  } else {
    const ids = [...nodes.keys()];
    if (ids.length > 0) nodes.delete(pick(ids));
  }
}

const presentNames = (client: MapClient) =>
  [...client.provider.awareness.getStates().values()]
    .map((state) => (state as { user?: { name?: string } }).user?.name)
    .filter((name): name is string => typeof name === 'string')
    .sort();

describe('three instances on one PostgreSQL and Redis', () => {
  const seed = Number(process.env.FLOWMAP_CLUSTER_SEED ?? Date.now() % 100_000);

  it(`converge on random edits from clients spread over them (seed ${seed}); a fresh instance loads the same`, async () => {
    const rand = mulberry32(seed);
    // No periodic comparison with storage: updates travel through Redis, and a gap in the
    // sequence numbers is the only other way to storage.
    const [a, b, c] = await cluster(3, {
      limits: { compactAfterUpdates: 25 },
      fanout: { checkIntervalMs: 60_000 },
    });
    const map = await createMap((a as Instance).url);
    const spread = [a, b, c, a, b, c] as Instance[];
    const editors = spread.map((instance) => connect(instance, map.id, map.editToken));
    await waitFor(() => editors.every((e) => e.provider.synced), 'editors synced');

    for (let step = 0; step < 500; step++) {
      const editor = editors[Math.floor(rand() * editors.length)] as MapClient;
      if (rand() < 0.03) {
        if (editor.provider.shouldConnect) editor.provider.disconnect();
        else editor.provider.connect();
      } else {
        randomEdit(editor.doc, rand);
      }
      if (rand() < 0.3) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const e of editors) if (!e.provider.shouldConnect) e.provider.connect();
    await waitSynced(...editors);
    const first = editors[0] as MapClient;
    await waitFor(
      () => editors.every((e) => isDeepStrictEqual(view(e.doc), view(first.doc))),
      () =>
        `editors converge (seed ${seed}): ${editors.map((e) => JSON.stringify(view(e.doc)).slice(0, 200)).join(' | ')}`,
      20_000,
    );
    // Every instance relayed updates from the others, and the log was compacted on the way.
    for (const instance of [a, b, c] as Instance[]) {
      expect(instance.fanout.stats().received, instance.id).toBeGreaterThan(0);
    }
    await Promise.all([a, b, c].map((i) => i?.server.rooms.flushAll()));
    const stored = await a?.storage.loadDocument(map.id);
    expect(stored?.snapshot, 'compacted at least once').not.toBeNull();
    expect(view(await loadStoredDoc(a?.storage as Instance['storage'], map.id))).toEqual(
      view(first.doc),
    );

    const [fresh] = await cluster(1);
    const late = connect(fresh as Instance, map.id, map.editToken);
    await waitFor(() => late.provider.synced, 'late client synced');
    expect(view(late.doc), `fresh instance (seed ${seed})`).toEqual(view(first.doc));
  }, 60_000);

  it('shows presence across instances and removes it everywhere when a client leaves', async () => {
    const [a, b, c] = (await cluster(3)) as [Instance, Instance, Instance];
    const map = await createMap(a.url);
    const ann = connect(a, map.id, map.editToken);
    const bob = connect(b, map.id, map.editToken);
    const cy = connect(c, map.id, map.editToken);
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann' });
    bob.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    cy.provider.awareness.setLocalStateField('user', { name: 'Cy' });
    for (const client of [ann, bob, cy]) {
      await waitFor(
        () => isDeepStrictEqual(presentNames(client), ['Ann', 'Bob', 'Cy']),
        () => `everyone present: ${presentNames(client)}`,
      );
    }
    // A cursor move on one instance reaches the others.
    ann.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 });
    await waitFor(
      () =>
        isDeepStrictEqual(
          (cy.provider.awareness.getStates().get(ann.doc.clientID) as { cursor?: unknown })?.cursor,
          { x: 10, y: 20 },
        ),
      'cursor relayed',
    );
    ann.destroy();
    for (const client of [bob, cy]) {
      await waitFor(
        () => isDeepStrictEqual(presentNames(client), ['Bob', 'Cy']),
        () => `Ann gone: ${presentNames(client)}`,
      );
    }
    // A client whose instance loads the room later gets everyone's presence at once.
    const dan = connect(a, map.id, map.editToken);
    await waitFor(
      () => isDeepStrictEqual(presentNames(dan), ['Bob', 'Cy']),
      () => `late joiner sees the others: ${presentNames(dan)}`,
    );
  });

  it('keeps the no-spoofing rule for presence across instances', async () => {
    const [a, b, c] = (await cluster(3)) as [Instance, Instance, Instance];
    const map = await createMap(a.url);
    const ann = connect(a, map.id, map.editToken);
    const cy = connect(c, map.id, map.editToken);
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann' });
    await waitFor(() => presentNames(cy).includes('Ann'), 'Ann present on c');
    // A raw client on b claims Ann's client id with a newer clock, then introduces itself.
    const mallory = await RawClient.connect(
      `${b.url.replace('http', 'ws')}/sync/${map.id}?token=${map.editToken}`,
    );
    try {
      const entry = (clientID: number, clock: number, name: string) => ({
        clientID,
        clock,
        state: { user: { name } },
      });
      mallory.send(
        encodeAwarenessMessage(encodeAwarenessUpdate([entry(ann.doc.clientID, 1000, 'Evil')])),
      );
      mallory.send(encodeAwarenessMessage(encodeAwarenessUpdate([entry(424242, 1, 'Mallory')])));
      await waitFor(() => presentNames(cy).includes('Mallory'), 'Mallory’s own presence relayed');
      expect(presentNames(cy)).toEqual(['Ann', 'Mallory']);
      expect(presentNames(ann)).toEqual(['Ann', 'Mallory']);
    } finally {
      mallory.close();
    }
  });

  it('catches up from storage when the subscription is lost, silently or by a disconnect', async () => {
    const [a, b] = (await cluster(2)) as [Instance, Instance];
    const map = await createMap(a.url);
    const writer = connect(a, map.id, map.editToken);
    const reader = connect(b, map.id, map.editToken);
    await waitSynced(writer, reader);
    const edits = (client: MapClient) => client.doc.getMap<number>('edits');

    // Silently: b stops listening to the map's channel without noticing. Only the periodic
    // comparison with storage can bring the update over.
    const sub = (b.fanout as unknown as { sub: Redis }).sub;
    await sub.unsubscribe(`${prefix}map:${map.id}`);
    edits(writer).set('while-deaf', 1);
    await waitFor(() => edits(reader).get('while-deaf') === 1, 'reader caught up from storage');
    expect(b.fanout.stats().resyncs).toBe(0);

    // By a disconnect: Redis drops b's subscriber connection while a keeps writing.
    const admin = new Redis(TEST_REDIS_URL);
    try {
      const list = (await admin.client('LIST')) as string;
      const line = list
        .split('\n')
        .find((l) => l.includes(`name=${prefix}${b.fanout.instanceId}:sub`));
      const id = /\bid=(\d+)/.exec(line ?? '')?.[1];
      expect(id, 'found the subscriber connection').toBeDefined();
      await admin.client('KILL', 'ID', id as string);
    } finally {
      admin.disconnect();
    }
    for (let i = 0; i < 50; i++) edits(writer).set(`k${i}`, i);
    await waitFor(() => b.fanout.stats().resyncs >= 1, 'b resubscribed and resynchronised');
    await waitFor(
      () => edits(reader).size === 51,
      () => `reader has ${edits(reader).size}/51`,
    );
    // And the live path works again afterwards.
    edits(writer).set('after', 1);
    await waitFor(() => edits(reader).get('after') === 1, 'live again');
  });

  it('refuses to start when Redis cannot be reached, saying where (password masked)', async () => {
    const storage = (await cluster(1))[0]?.storage as Instance['storage'];
    const started = performance.now();
    await expect(
      RedisFanout.start({
        url: 'redis://user:s3cret@127.0.0.1:1',
        instanceId: 'nowhere',
        storage,
        connectTimeoutMs: 300,
      }),
    ).rejects.toThrow(/could not connect to Redis at redis:\/\/user:\*\*\*@127\.0\.0\.1:1/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('closes a deleted map’s connections on every instance', async () => {
    const [a, b, c] = (await cluster(3)) as [Instance, Instance, Instance];
    const map = await createMap(a.url);
    const onB = connect(b, map.id, map.editToken);
    const onC = connect(c, map.id, map.editToken);
    await waitSynced(onB, onC);
    const closeCode = (client: MapClient) =>
      new Promise<number>((resolve) =>
        client.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
      );
    const codes = Promise.all([closeCode(onB), closeCode(onC)]);
    const res = await fetch(`${a.url}/api/maps/${map.id}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer cluster-test-owner-key-0123456789' },
    });
    expect(res.status).toBe(204);
    expect(await codes).toEqual([4404, 4404]);
  });

  it('closes only the sockets holding a rotated link, on every instance', async () => {
    const [a, b] = (await cluster(2)) as [Instance, Instance];
    const map = await createMap(a.url);
    const editorOnA = connect(a, map.id, map.editToken);
    const editorOnB = connect(b, map.id, map.editToken);
    const viewerOnB = connect(b, map.id, map.viewToken);
    await waitSynced(editorOnA, editorOnB, viewerOnB);
    const closes = new Map<MapClient, number[]>();
    for (const client of [editorOnA, editorOnB, viewerOnB]) {
      closes.set(client, []);
      client.provider.on('connection-close', (event) => closes.get(client)?.push(event?.code ?? 0));
    }
    const res = await fetch(`${a.url}/api/maps/${map.id}/tokens`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer cluster-test-owner-key-0123456789',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ which: 'view' }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => closes.get(viewerOnB)?.length === 1, 'the viewer on b closed', 3_000);
    expect(closes.get(viewerOnB)).toEqual([4401]);
    expect(viewerOnB.provider.shouldConnect).toBe(false);
    // The editor on b still edits through its socket, and the edit reaches a's editor.
    editorOnB.doc.getMap('meta').set('description', 'after the rotation');
    await waitFor(
      () => editorOnA.doc.getMap('meta').get('description') === 'after the rotation',
      'the edit from b reached a',
      3_000,
    );
    expect([closes.get(editorOnA), closes.get(editorOnB)]).toEqual([[], []]);
  });
});
