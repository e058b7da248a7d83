// A workshop across two instances (issue 16): the facilitator on one, a participant on the other,
// sharing one PostgreSQL and one Redis. The workshop lives in the map's document, so the fan-out
// carries it like any edit, and what is stored holds it.
import { addNode, readMap } from '@flowmap/shared/doc';
import {
  acceptEstimate,
  answerRound,
  openRound,
  readWorkshop,
  revealRound,
  startWorkshop,
} from '@flowmap/shared/workshop/doc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectMap, type MapClient } from '../http/harness.testkit.ts';
import { createTestDatabase, type TestDatabase } from '../storage/postgres.testkit.ts';
import { loadStoredDoc, waitFor } from '../sync/clients.testkit.ts';
import {
  assertRedisReachable,
  createMap,
  type Instance,
  startInstance,
  testPrefix,
} from './cluster.testkit.ts';

let db: TestDatabase;
const prefix = testPrefix();
const instances: Instance[] = [];
const clients: MapClient[] = [];
const T0 = 1_800_000_000_000;

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

describe('a workshop across two instances', () => {
  it('carries the round, the answers and the accepted value between instances and into storage', async () => {
    const [a, b] = await Promise.all(
      ['w0', 'w1'].map((id) => startInstance({ databaseUrl: db.url, prefix, id })),
    );
    if (!a || !b) throw new Error('instances did not start');
    instances.push(a, b);
    await waitFor(
      () => a.fanout.stats().peers.length >= 1 && b.fanout.stats().peers.length >= 1,
      'instances see each other',
    );
    const map = await createMap(a.url, 'Workshop');
    const fac = connectMap(a.url, map.id, map.editToken);
    const ana = connectMap(b.url, map.id, map.editToken);
    clients.push(fac, ana);
    await waitFor(() => fac.provider.synced && ana.provider.synced, 'both clients synced');
    const stateId = Object.keys(readMap(fac.doc).map.states)[0] as string;
    const stage = addNode(fac.doc, stateId, { type: 'stage', x: 0, y: 0, name: 'Review' });
    startWorkshop(fac.doc, { facilitatorId: 'fac', stateId, now: T0 });
    const round = openRound(fac.doc, {
      stateId,
      field: 'elapsedMinutes',
      stageIds: [stage],
      named: true,
      now: T0,
    });
    await waitFor(
      () => readWorkshop(ana.doc).rounds.some((r) => r.id === round),
      'the round reached the other instance',
    );
    answerRound(ana.doc, round, 'ana', stage, 120);
    answerRound(fac.doc, round, 'fac', stage, 480);
    await waitFor(
      () => Object.keys(readWorkshop(fac.doc).rounds[0]?.answers ?? {}).length === 2,
      "Ana's answer reached the facilitator",
    );
    revealRound(fac.doc, round);
    expect(acceptEstimate(fac.doc, round, stage)).toBe(300);
    await waitFor(
      () => readMap(ana.doc).map.states[stateId]?.nodes[stage]?.elapsedMinutes === 300,
      'the accepted value reached the other instance',
    );
    expect(readMap(ana.doc).map.states[stateId]?.nodes[stage]).toMatchObject({
      elapsedLowMinutes: 120,
      elapsedHighMinutes: 480,
      timeSource: 'estimate',
    });
    await waitFor(async () => {
      const stored = readWorkshop(await loadStoredDoc(b.storage, map.id));
      return stored.active && stored.rounds[0]?.accepted[stage] === 300;
    }, 'the workshop is stored');
  }, 30_000);
});
