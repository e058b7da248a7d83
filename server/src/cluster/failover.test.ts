// Failures with several instances on real PostgreSQL and Redis: an instance killed with -9 mid-edit
// (a child process running the real main.ts), and Redis itself restarted mid-edit (a private
// redis-server, so the shared one and other test files are undisturbed).
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MapClient } from '../http/harness.testkit.ts';
import { createTestDatabase, type TestDatabase } from '../storage/postgres.testkit.ts';
import { loadStoredDoc, waitFor, waitSynced } from '../sync/clients.testkit.ts';
import {
  assertRedisReachable,
  type ChildInstance,
  connectVia,
  createMap,
  type Instance,
  RedisProcess,
  type RoutedClient,
  startChildInstance,
  startInstance,
  testPrefix,
} from './cluster.testkit.ts';

let db: TestDatabase;
const instances: Instance[] = [];
const children: ChildInstance[] = [];
const clients: MapClient[] = [];
const redises: RedisProcess[] = [];

beforeAll(async () => {
  await assertRedisReachable();
  db = await createTestDatabase();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(children.splice(0).map((c) => c.kill()));
  await Promise.all(instances.splice(0).map((i) => i.stop()));
  await Promise.all(redises.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await db?.drop();
});

async function via(target: { url: string }, mapId: string, token: string): Promise<RoutedClient> {
  const client = await connectVia(target.url, mapId, token);
  clients.push(client);
  return client;
}

const edits = (client: MapClient) => client.doc.getMap<number>('edits');
const names = (client: MapClient) =>
  [...client.provider.awareness.getStates().values()]
    .map((state) => (state as { user?: { name?: string } }).user?.name)
    .filter((name): name is string => typeof name === 'string')
    .sort();

/** Each client sets a few keys of its own every few milliseconds until stopped. */
function typeOn(writers: MapClient[], label: (i: number) => string) {
  let n = 0;
  const timer = setInterval(() => {
    writers.forEach((w, i) => {
      if (w.provider.shouldConnect) edits(w).set(`${label(i)}-${n}`, n);
    });
    n++;
  }, 3);
  return { stop: () => clearInterval(timer), count: () => n };
}

describe('failover', () => {
  it('kill -9 of an instance mid-edit: clients move to another, nothing any client saw is lost, its presence goes', async () => {
    const prefix = testPrefix();
    const [a, b] = await Promise.all([
      startInstance({ databaseUrl: db.url, prefix, id: 'a' }),
      startInstance({ databaseUrl: db.url, prefix, id: 'b' }),
    ]);
    instances.push(a, b);
    const doomed = await startChildInstance({ databaseUrl: db.url, prefix, id: 'doomed' });
    children.push(doomed);
    await waitFor(
      () => a.fanout.stats().peers.some((peer) => peer.startsWith('doomed.')),
      'a hears the child',
    );
    const map = await createMap(a.url);

    // Two clients on the doomed instance: one the balancer moves, one that stays away.
    const moved = await via(doomed, map.id, map.editToken);
    const stranded = await via(doomed, map.id, map.editToken);
    const onA = await via(a, map.id, map.editToken);
    const onB = await via(b, map.id, map.editToken);
    await waitSynced(moved, stranded, onA, onB);
    moved.provider.awareness.setLocalStateField('user', { name: 'Moved' });
    stranded.provider.awareness.setLocalStateField('user', { name: 'Stranded' });
    onA.provider.awareness.setLocalStateField('user', { name: 'A' });
    await waitFor(
      () => isDeepStrictEqual(names(onB), ['A', 'Moved', 'Stranded']),
      () => `presence across: ${names(onB)}`,
    );

    const typing = typeOn([moved, onA], (i) => (i === 0 ? 'moved' : 'a'));
    await waitFor(
      () => [...edits(onB).keys()].filter((k) => k.startsWith('moved')).length >= 100,
      'b receives the moved client’s edits through the doomed instance',
    );
    await doomed.kill();
    const killedAt = Date.now();
    // What the other clients had received is what "someone has seen".
    const seen = [onA, onB, stranded].map((c) => [...edits(c).keys()]);
    // The stranded client never comes back, so it cannot paper over a loss, and its presence
    // can only leave the others by the dead instance's timeout.
    stranded.provider.disconnect();
    moved.balancer.target = b.url;
    await waitFor(
      () => moved.provider.wsconnected && moved.provider.synced,
      'moved client reconnected through the balancer',
      15_000,
    );
    // The stranded client's presence disappears from the living within seconds.
    await waitFor(
      () => !names(onA).includes('Stranded') && !names(onB).includes('Stranded'),
      () => `stranded presence gone: ${names(onA)} / ${names(onB)}`,
      5_000,
    );
    const presenceGoneMs = Date.now() - killedAt;
    await waitFor(
      () => isDeepStrictEqual(names(onA), ['A', 'Moved']),
      () => `moved client present again: ${names(onA)}`,
      10_000,
    );
    typing.stop();

    const survivors = [moved, onA, onB];
    await waitFor(
      () => survivors.every((c) => isDeepStrictEqual(edits(c).toJSON(), edits(onA).toJSON())),
      () => `survivors converge: ${survivors.map((c) => edits(c).size).join(', ')}`,
      15_000,
    );
    const final = new Set(edits(onA).keys());
    const lost = seen.flat().filter((key) => !final.has(key));
    expect(lost, `edits a client saw but lost: ${lost.slice(0, 5)}`).toEqual([]);
    // The moved client's unacknowledged edits came with it.
    const mine = [...edits(moved).keys()].filter((k) => k.startsWith('moved'));
    expect(mine.every((k) => final.has(k))).toBe(true);
    expect(mine.length).toBeGreaterThanOrEqual(100);
    expect(presenceGoneMs, 'presence of a dead instance gone within seconds').toBeLessThan(5_000);
    await Promise.all([a, b].map((i) => i.server.rooms.flushAll()));
    const stored = await loadStoredDoc(a.storage, map.id);
    expect(stored.getMap('edits').toJSON()).toEqual(edits(onA).toJSON());
  }, 60_000);

  it('Redis restarted mid-edit: instances keep converging through storage, reconnect, lose nothing', async () => {
    const redis = await RedisProcess.start();
    redises.push(redis);
    const prefix = testPrefix();
    const started = await Promise.all(
      ['r0', 'r1', 'r2'].map((id) =>
        startInstance({ databaseUrl: db.url, redisUrl: redis.url, prefix, id }),
      ),
    );
    instances.push(...started);
    const map = await createMap((started[0] as Instance).url);
    const writers = await Promise.all(started.map((i) => via(i, map.id, map.editToken)));
    await waitSynced(...writers);
    writers.forEach((w, i) => {
      w.provider.awareness.setLocalStateField('user', { name: `w${i}` });
    });
    for (const w of writers) {
      await waitFor(
        () => isDeepStrictEqual(names(w), ['w0', 'w1', 'w2']),
        () => `presence before: ${names(w)}`,
      );
    }
    const label = (i: number) => `w${i}`;
    const typing = typeOn(writers, label);
    const [w0, w1, w2] = writers as [RoutedClient, RoutedClient, RoutedClient];
    await waitFor(() => edits(w1).size >= 150, 'edits flow');

    await redis.stop();
    await waitFor(
      () => started.every((i) => i.fanout.stats().dropped > 0),
      'instances notice Redis is gone',
    );
    // Without Redis, storage still carries edits between instances (the periodic check).
    const marker = `while-redis-down-${Date.now()}`;
    edits(w0).set(marker, 1);
    await waitFor(() => edits(w2).get(marker) === 1, 'edit crossed instances without Redis');
    // Long enough for the instances to give each other up: presence from elsewhere is dropped.
    await waitFor(
      () => started.every((i) => i.fanout.stats().peers.length === 0),
      'peers given up while Redis is down',
    );
    await waitFor(
      () => isDeepStrictEqual(names(w2), ['w2']),
      () => `dropped: ${names(w2)}`,
    );

    await redis.restart();
    await waitFor(
      () => started.every((i) => i.fanout.stats().resyncs >= 1),
      'every instance resynchronised after the restart',
      10_000,
    );
    const fromW0 = () => [...edits(w1).keys()].filter((k) => k.startsWith('w0-')).length;
    const before = fromW0();
    await waitFor(() => fromW0() >= before + 30, 'edits keep flowing between instances');
    typing.stop();

    await waitFor(
      () => writers.every((w) => isDeepStrictEqual(edits(w).toJSON(), edits(w0).toJSON())),
      () => `writers converge: ${writers.map((w) => edits(w).size).join(', ')}`,
      15_000,
    );
    // Every key every writer made is there: nothing lost.
    const final = edits(w0);
    for (const [i, w] of writers.entries()) {
      const mine = [...edits(w).keys()].filter((k) => k.startsWith(`${label(i)}-`));
      expect(mine.length, label(i)).toBeGreaterThan(50);
      expect(mine.filter((k) => !final.has(k))).toEqual([]);
    }
    // Presence is exchanged again after the restart, and live again.
    await waitFor(
      () => isDeepStrictEqual(names(w2), ['w0', 'w1', 'w2']),
      () => `presence back: ${names(w2)}`,
    );
    w1.provider.awareness.setLocalStateField('user', { name: 'w1-after' });
    await waitFor(
      () => isDeepStrictEqual(names(w2), ['w0', 'w1-after', 'w2']),
      () => `presence after: ${names(w2)}`,
    );
    await Promise.all(started.map((i) => i.server.rooms.flushAll()));
    const stored = await loadStoredDoc((started[0] as Instance).storage, map.id);
    expect(stored.getMap('edits').toJSON()).toEqual(final.toJSON());
  }, 60_000);
});
