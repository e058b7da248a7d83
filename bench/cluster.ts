// The cluster benchmark: sync latency between two clients on different server instances (through
// PostgreSQL and Redis) against two clients on the same instance, the baseline. Two real server
// processes (server/src/main.ts with DATABASE_URL and REDIS_URL, a throwaway database and Redis
// prefix); one writer on instance A, one reader on A and one on B. Each edit is timed to both
// readers at once, so both figures come from the same edits under the same load.
import { performance } from 'node:perf_hooks';
import {
  assertRedisReachable,
  type ChildInstance,
  connectMap,
  createMap,
  createTestDatabase,
  type MapClient,
  startChildInstance,
  type TestDatabase,
  testPrefix,
  waitFor,
} from '@flowmap/server/testing';
import { printTimings, type Timing } from './harness.ts';

const EDITS = 300;
const WARMUP = 20;

function timing(label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    label,
    runs: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** Resolves with the time `client` first holds `key` in its "bench" map. */
function seen(client: MapClient, key: string): Promise<number> {
  const map = client.doc.getMap('bench');
  return new Promise((resolve) => {
    const check = () => {
      if (!map.has(key)) return;
      client.doc.off('update', check);
      resolve(performance.now());
    };
    client.doc.on('update', check);
  });
}

export async function clusterBench(): Promise<void> {
  let db: TestDatabase;
  try {
    await assertRedisReachable();
    db = await createTestDatabase('flowmap_bench');
  } catch (error) {
    console.log(`\nCluster sync latency: skipped (${String(error)})`);
    return;
  }
  const prefix = testPrefix();
  const instances: ChildInstance[] = [];
  const clients: MapClient[] = [];
  try {
    instances.push(
      ...(await Promise.all(
        ['bench-a', 'bench-b'].map((id) => startChildInstance({ databaseUrl: db.url, prefix, id })),
      )),
    );
    const [a, b] = instances as [ChildInstance, ChildInstance];
    const map = await createMap(a.url, 'Cluster benchmark');
    const writer = connectMap(a.url, map.id, map.editToken);
    const same = connectMap(a.url, map.id, map.editToken);
    const other = connectMap(b.url, map.id, map.editToken);
    clients.push(writer, same, other);
    await waitFor(
      () => clients.every((c) => c.provider.synced),
      'benchmark clients synced',
      20_000,
    );

    const sameSamples: number[] = [];
    const otherSamples: number[] = [];
    for (let i = 0; i < WARMUP + EDITS; i++) {
      const key = `k${i}`;
      const arrivals = Promise.all([seen(same, key), seen(other, key)]);
      const start = performance.now();
      writer.doc.getMap('bench').set(key, i);
      const [toSame, toOther] = await Promise.race([
        arrivals,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`edit ${i} not synced within 10 s`)), 10_000),
        ),
      ]);
      if (i < WARMUP) continue;
      sameSamples.push(toSame - start);
      otherSamples.push(toOther - start);
    }
    const baseline = timing('baseline: same instance (A → A)', sameSamples);
    const cross = timing('other instance (A → PostgreSQL, Redis → B)', otherSamples);
    printTimings(
      `Cluster sync latency: edit in one client → visible in another (${EDITS} edits, 2 instances)`,
      [baseline, cross],
      baseline,
    );
  } finally {
    for (const c of clients) c.destroy();
    await Promise.all(instances.map((i) => i.kill()));
    await db.drop();
  }
}
