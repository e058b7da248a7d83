// The capacity benchmark: how many workshops of 10 people one server holds before editing feels
// slow. Workshops are added step by step (each: 10 participants, two writers editing a stage every
// 1–2 s, everyone's cursor at CURSOR_HZ) until an edit's p99 to the other nine passes 50 ms or an
// update goes missing; the last step that passed is the capacity. Flowmap (SQLite, fsync on, every
// edit stored) and the reference server `@y/websocket-server` 0.1.1 (in memory) in the same run.
// The load comes from GENERATORS child processes of raw y-protocols clients (capacityGenerator.ts)
// whose own event-loop delay is reported with every step: a step whose generator loop p99 went
// above 10 ms measured the generator, not the server, and is marked so.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStorage } from '@flowmap/server/storage';
import {
  assertRedisReachable,
  type ChildInstance,
  CLUSTER_OWNER_KEY,
  createTestDatabase,
  loadStoredDoc,
  startChildInstance,
  type TestDatabase,
  testPrefix,
} from '@flowmap/server/testing';
import { softwareDeliveryTemplate } from '@flowmap/shared';
import { writeMapToDoc } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import type {
  Collected,
  FinalValue,
  GeneratorConfig,
  ToGenerator,
  WorkshopRef,
} from './capacityGenerator.ts';
import { type Kind, ServerChild } from './load.ts';
import { record } from './results.ts';

const OWNER_KEY = 'bench-load-owner-key-0123456789abcdef'; // load.ts's server child uses it
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const GENERATORS = num('BENCH_CAPACITY_GENERATORS', 2);
const PARTICIPANTS = 10;
const WRITERS = 2;
const CURSOR_HZ = num('BENCH_CAPACITY_CURSOR_HZ', 10);
const EDIT_MIN_MS = 1000;
const EDIT_MAX_MS = 2000;
const WARMUP_MS = 2_000;
const MEASURE_MS = num('BENCH_CAPACITY_MEASURE_MS', 6_000);
const GRACE_MS = 3_000;
const P99_LIMIT_MS = 50;
const GENERATOR_LOOP_LIMIT_MS = 10;
/** Workshops held at each step (coarse, ×1.3–1.5: the machine's noise is larger than finer steps). */
const STEPS = (process.env.BENCH_CAPACITY_STEPS ?? '10,20,30,45,65,90,125,175,250,350')
  .split(',')
  .map(Number);
/**
 * Steps run even when one fails, so the server's CPU time per workshop is measured at more than one
 * load (on a machine shared with other work, latency can fail at the first step).
 */
const MIN_STEPS = num('BENCH_CAPACITY_MIN_STEPS', 3);
/** Per server: no new step starts after this long. */
const BUDGET_MS = num('BENCH_CAPACITY_BUDGET_MS', 100_000);

interface StepResult {
  workshops: number;
  connections: number;
  p50: number;
  p99: number;
  /** Edits accepted per second, and edit updates delivered to peers per second. */
  editsPerSecond: number;
  deliveriesPerSecond: number;
  cursorsPerSecond: number;
  awarenessPerSecond: number;
  missing: number;
  closed: number;
  generatorLoopP99: number;
  generatorCpuPercent: number;
  serverLoopP99: number;
  serverCpuPercent: number;
  serverRssMb: number;
  /**
   * Server CPU time per workshop: ms of CPU per second (all threads), per workshop-equivalent of
   * the load actually sent (cursor moves sent ÷ the planned rate per workshop).
   */
  cpuMsPerWorkshop: number;
  pass: boolean;
  generatorBound: boolean;
  why: string;
}

interface KindResult {
  steps: StepResult[];
  best: StepResult | null;
  stored: string;
}

class Generator {
  private waiters: Array<(m: unknown) => void> = [];
  private stderr = '';
  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: { type: string; message?: string }) => {
      this.waiters.shift()?.(m);
    });
    child.stderr?.on('data', (c: Buffer) => {
      this.stderr = (this.stderr + c.toString()).slice(-2000);
    });
  }

  static async start(): Promise<Generator> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'capacityGenerator.ts')],
      { cwd: import.meta.dirname, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
    );
    const g = new Generator(child);
    await g.next(20_000);
    return g;
  }

  private next<T>(timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`load generator: no answer (${this.stderr.slice(-500)})`)),
        timeoutMs,
      );
      this.waiters.push((m) => {
        clearTimeout(timer);
        const msg = m as { type: string; message?: string };
        if (msg.type === 'error') reject(new Error(`load generator: ${msg.message}`));
        else resolve(m as T);
      });
    });
  }

  ask<T>(message: ToGenerator, timeoutMs = 60_000): Promise<T> {
    const reply = this.next<T>(timeoutMs);
    this.child.send(message);
    return reply;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.ask({ type: 'stop' }, 5_000).catch(() => {});
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  }
}

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function createWorkshops(
  kind: Target['kind'],
  url: string,
  ownerKey: string,
  from: number,
  to: number,
) {
  const refs: WorkshopRef[] = [];
  for (let i = from; i < to; i++) {
    if (kind === 'baseline') {
      refs.push({ mapId: `workshop${i}`, token: 'none' });
      continue;
    }
    const res = await fetch(`${url}/api/maps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Workshop ${i}`, template: 'software-delivery' }),
    });
    if (res.status !== 201) throw new Error(`create map: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { id: string; editToken: string };
    refs.push({ mapId: body.id, token: body.editToken });
  }
  return refs;
}

interface ServerStats {
  loopP99?: number;
  cpuPercent?: number;
  rss?: number;
}

/** What the steps run against: one server child, or two instances sharing PostgreSQL + Redis. */
interface Target {
  kind: Kind | 'cluster';
  /** Participant i of a workshop connects to urls[i % urls.length]. */
  urls: string[];
  ownerKey: string;
  reset(): Promise<void>;
  stats(): Promise<ServerStats>;
  /** After the last step: checks what was stored (Flowmap), then stops everything. */
  finish(finals: FinalValue[] | null, failed?: boolean): Promise<string>;
}

async function serverTarget(kind: Kind): Promise<Target> {
  const { server, ready } = await ServerChild.start(kind);
  return {
    kind,
    urls: [ready.url ?? ''],
    ownerKey: OWNER_KEY,
    reset: async () => {
      await server.ask('reset');
    },
    stats: () => server.ask('stats'),
    async finish(finals) {
      try {
        if (!finals) return 'n/a (in memory)';
        await server.ask('close'); // graceful: flushes every pending write
        return await checkStored(server.dir, finals);
      } finally {
        await server.kill();
      }
    },
  };
}

/** CPU time (user + system, all threads) of a process so far, in ms, from /proc. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/**
 * Two real server processes (main.ts) on one PostgreSQL database and one Redis, each workshop's
 * participants split between them (no sticky routing: half of every edit's peers are on the other
 * instance). Their CPU is read from /proc; their event loop is not visible from here.
 */
async function clusterTarget(): Promise<Target | string> {
  let db: TestDatabase;
  try {
    await assertRedisReachable();
    db = await createTestDatabase('flowmap_capacity');
  } catch (error) {
    return `skipped: ${String(error)}`;
  }
  // The child instances take the rest of their settings from this environment.
  const connRate = process.env.CONN_RATE;
  process.env.CONN_RATE = '1000000';
  const instances: ChildInstance[] = [];
  try {
    const prefix = testPrefix();
    for (const id of ['capacity-a', 'capacity-b']) {
      instances.push(await startChildInstance({ databaseUrl: db.url, prefix, id }));
    }
  } finally {
    if (connRate === undefined) delete process.env.CONN_RATE;
    else process.env.CONN_RATE = connRate;
  }
  let since = performance.now();
  let cpuAt = instances.map((i) => cpuMs(i.child.pid));
  return {
    kind: 'cluster',
    urls: instances.map((i) => i.url),
    ownerKey: CLUSTER_OWNER_KEY,
    async reset() {
      since = performance.now();
      cpuAt = instances.map((i) => cpuMs(i.child.pid));
    },
    async stats() {
      const used = instances.reduce((n, i, k) => n + cpuMs(i.child.pid) - (cpuAt[k] ?? 0), 0);
      return { cpuPercent: (used / (performance.now() - since)) * 100 };
    },
    async finish(_finals, failed) {
      // A failed run shows what the instances logged (warnings and errors only).
      if (failed) {
        for (const i of instances) console.log(`  ${i.id} log: ${i.output().slice(-1500)}`);
      }
      for (const i of instances) await i.kill();
      await db.drop();
      return 'not checked (the single-instance run checks storage)';
    },
  };
}

/** The template map as one update, for the reference server's empty rooms. */
function seedUpdate(): number[] {
  const doc = new Y.Doc();
  writeMapToDoc(doc, softwareDeliveryTemplate());
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return [...update];
}

async function runTarget(target: Target, seed: number[]): Promise<KindResult> {
  const generators: Generator[] = [];
  const steps: StepResult[] = [];
  let finals: FinalValue[] | null = null;
  let stored: string | null = null;
  try {
    for (let g = 0; g < GENERATORS; g++) generators.push(await Generator.start());
    const config: GeneratorConfig = {
      urls: target.urls,
      seedUpdate: target.kind === 'baseline' ? seed : null,
      participants: PARTICIPANTS,
      writers: WRITERS,
      cursorHz: CURSOR_HZ,
      editMinMs: EDIT_MIN_MS,
      editMaxMs: EDIT_MAX_MS,
    };
    await Promise.all(generators.map((g) => g.ask({ type: 'config', config })));
    const started = performance.now();
    let held = 0;
    for (const workshops of STEPS) {
      if (performance.now() - started > BUDGET_MS) break;
      const url = target.urls[0] ?? '';
      const refs = await createWorkshops(target.kind, url, target.ownerKey, held, workshops);
      // Round robin: a whole workshop in one generator, the generators evenly loaded.
      const shares: WorkshopRef[][] = generators.map(() => []);
      refs.forEach((ref, i) => {
        shares[(held + i) % generators.length]?.push(ref);
      });
      await Promise.all(
        generators.map((g, i) => g.ask({ type: 'add', workshops: shares[i] ?? [] }, 120_000)),
      );
      held = workshops;
      await new Promise((r) => setTimeout(r, WARMUP_MS));
      await target.reset();
      await Promise.all(generators.map((g) => g.ask({ type: 'reset' })));
      await new Promise((r) => setTimeout(r, MEASURE_MS));
      const [stats, ...collected] = await Promise.all([
        target.stats(),
        ...generators.map((g) => g.ask<Collected>({ type: 'collect', graceMs: GRACE_MS })),
      ]);
      const step = summarise(workshops, collected, stats as ServerStats);
      steps.push(step);
      printStep(target.kind, step);
      if (!step.pass && steps.length >= MIN_STEPS) break;
    }
    if (target.kind === 'flowmap') {
      const all = await Promise.all(
        generators.map((g) => g.ask<{ values: FinalValue[] }>({ type: 'final' })),
      );
      finals = all.flatMap((f) => f.values);
    }
    for (const g of generators.splice(0)) await g.stop();
    stored = await target.finish(finals);
  } finally {
    for (const g of generators) await g.stop();
    if (stored === null) await target.finish(null, true).catch(() => {});
  }
  // The capacity is the last step of the unbroken run of passes from the first.
  const firstFail = steps.findIndex((s) => !s.pass);
  const passed = firstFail === -1 ? steps : steps.slice(0, firstFail);
  return { steps, best: passed[passed.length - 1] ?? null, stored };
}

function summarise(workshops: number, collected: Collected[], stats: ServerStats): StepResult {
  const sorted = collected.flatMap((c) => c.samples).sort((a, b) => a - b);
  const seconds = Math.max(...collected.map((c) => c.seconds));
  const sum = (key: keyof Collected) =>
    collected.reduce((n, c) => n + (typeof c[key] === 'number' ? (c[key] as number) : 0), 0);
  const missing = sum('missing');
  const closed = sum('closed');
  const p99 = pct(sorted, 0.99);
  const generatorLoopP99 = Math.max(...collected.map((c) => c.loopP99));
  const why: string[] = [];
  if (!(p99 <= P99_LIMIT_MS)) why.push(`p99 ${p99.toFixed(1)} ms > ${P99_LIMIT_MS} ms`);
  if (missing > 0) why.push(`${missing} edits missing`);
  if (closed > 0) why.push(`${closed} sockets closed`);
  return {
    workshops,
    connections: workshops * PARTICIPANTS,
    p50: pct(sorted, 0.5),
    p99,
    editsPerSecond: sum('editsSent') / seconds,
    deliveriesPerSecond: sum('deliveries') / seconds,
    cursorsPerSecond: sum('cursorsSent') / seconds,
    awarenessPerSecond: sum('awarenessReceived') / seconds,
    missing,
    closed,
    generatorLoopP99,
    generatorCpuPercent: sum('cpuPercent'),
    serverLoopP99: stats.loopP99 ?? Number.NaN,
    serverCpuPercent: stats.cpuPercent ?? Number.NaN,
    serverRssMb: (stats.rss ?? 0) / 1024 / 1024,
    // Per workshop actually driven: a starved generator sends fewer cursor moves than planned, and
    // the server's CPU follows what it was sent.
    cpuMsPerWorkshop:
      ((stats.cpuPercent ?? Number.NaN) * 10) /
      (sum('cursorsSent') / seconds / (PARTICIPANTS * CURSOR_HZ)),
    pass: why.length === 0,
    // The generator's own delay is in every latency it measures: such a step is flagged (on a
    // machine shared with other work it can be the machine, not the generator's load).
    generatorBound: generatorLoopP99 > GENERATOR_LOOP_LIMIT_MS,
    why: why.join('; '),
  };
}

async function checkStored(dir: string, values: FinalValue[]): Promise<string> {
  const storage = SqliteStorage.open({ dataDir: join(dir, 'data') });
  try {
    let bad = 0;
    for (const v of values) {
      const doc = await loadStoredDoc(storage, v.mapId);
      const states = doc.getMap<Y.Map<unknown>>('states');
      const nodes = states.get(v.stateId)?.get('nodes') as Y.Map<Y.Map<unknown>> | undefined;
      if (nodes?.get(v.nodeId)?.get('x') !== v.x) bad++;
      doc.destroy();
    }
    return bad === 0 ? `all (${values.length} writers)` : `${bad}/${values.length} writers missing`;
  } finally {
    await storage.close();
  }
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const LABEL: Record<Target['kind'], string> = {
  flowmap: 'Flowmap (SQLite, fsync on)',
  'flowmap-os': 'Flowmap (SQLite, fsync off)',
  baseline: 'baseline: @y/websocket-server 0.1.1',
  cluster: 'Flowmap, 2 instances (PostgreSQL + Redis)',
};

function printStep(kind: Target['kind'], s: StepResult): void {
  console.log(
    `  ${LABEL[kind]}: ${String(s.workshops).padStart(3)} workshops (${s.connections} conn): ` +
      `edit p50 ${f(s.p50, 2)} / p99 ${f(s.p99, 2)} ms, ${f(s.editsPerSecond, 0)} edits/s → ` +
      `${f(s.deliveriesPerSecond, 0)} deliveries/s, cursors ${f(s.cursorsPerSecond, 0)}/s → ` +
      `${f(s.awarenessPerSecond, 0)}/s relayed; server loop p99 ${f(s.serverLoopP99)} ms, ` +
      `CPU ${f(s.serverCpuPercent, 0)} % (${f(s.cpuMsPerWorkshop, 1)} ms/s per workshop), RSS ${f(s.serverRssMb, 0)} MB; generator loop p99 ` +
      `${f(s.generatorLoopP99)} ms, CPU ${f(s.generatorCpuPercent, 0)} % — ` +
      `${s.pass ? 'pass' : `FAIL: ${s.why}`}` +
      `${s.generatorBound ? ` (generator loop p99 above ${GENERATOR_LOOP_LIMIT_MS} ms: partly the generator's delay)` : ''}`,
  );
}

export async function capacityBench(): Promise<void> {
  console.log(
    `\nCapacity: workshops of ${PARTICIPANTS} (${WRITERS} writers, an edit each every ` +
      `${EDIT_MIN_MS / 1000}–${EDIT_MAX_MS / 1000} s; every participant's cursor at ${CURSOR_HZ} Hz), ` +
      `added in steps ${STEPS.join(', ')} until edit-to-peer p99 > ${P99_LIMIT_MS} ms or an ` +
      `update goes missing; ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s measured per ` +
      `step; ${GENERATORS} load-generator processes`,
  );
  const seed = seedUpdate();
  const results: Partial<Record<Target['kind'], KindResult | string>> = {};
  let kinds: Target['kind'][] = ['flowmap', 'baseline'];
  // BENCH_CAPACITY_CLUSTER=0 leaves out the two-instance run (it needs PostgreSQL and Redis).
  if (process.env.BENCH_CAPACITY_CLUSTER !== '0') kinds.push('cluster');
  // BENCH_CAPACITY_ONLY=cluster (or flowmap, baseline): only those, for digging in.
  const only = process.env.BENCH_CAPACITY_ONLY?.split(',');
  if (only) kinds = kinds.filter((k) => only.includes(k));
  for (const kind of kinds) {
    try {
      const target = kind === 'cluster' ? await clusterTarget() : await serverTarget(kind);
      results[kind] = typeof target === 'string' ? target : await runTarget(target, seed);
    } catch (error) {
      results[kind] = error instanceof Error ? error.message : String(error);
    }
    if (typeof results[kind] === 'string') console.log(`  ${LABEL[kind]}: ${results[kind]}`);
  }
  report(results.flowmap ?? 'not run', results.baseline ?? 'not run', results.cluster);
}

function report(
  flowmap: KindResult | string,
  baseline: KindResult | string,
  cluster: KindResult | string | undefined,
): void {
  const section = 'Capacity';
  const line = (kind: Target['kind'], r: KindResult | string) => {
    if (typeof r === 'string') return console.log(`  ${LABEL[kind]}: not measured (${r})`);
    const b = r.best;
    const top = r.steps[r.steps.length - 1];
    const capped = top?.pass ? ` (the last step run; it may hold more)` : '';
    console.log(
      `  ${LABEL[kind]}: ${b ? `${b.workshops} workshops${capped}, ${f(b.editsPerSecond, 0)} edits/s ` + `(${f(b.deliveriesPerSecond, 0)} edit deliveries/s, ${f(b.awarenessPerSecond, 0)} cursor updates relayed/s), edit p99 ${f(b.p99, 1)} ms` : 'no step passed'}` +
        `${top && !top.pass ? `; stopped at ${top.workshops}: ${top.why}` : ''}; stored ${r.stored}`,
    );
  };
  console.log('\nCapacity: the highest step that passed');
  line('flowmap', flowmap);
  line('baseline', baseline);
  if (cluster !== undefined) line('cluster', cluster);
  const fb = typeof flowmap === 'string' ? null : flowmap.best;
  const bb = typeof baseline === 'string' ? null : baseline.best;
  const ratio = fb && bb ? fb.workshops / bb.workshops : null;
  const generatorLoopP99 = Math.max(
    ...[flowmap, baseline].flatMap((r) =>
      typeof r === 'string' ? [] : r.steps.map((s) => s.generatorLoopP99),
    ),
  );
  console.log(
    `  Flowmap/baseline: ${ratio === null ? '—' : `×${ratio.toFixed(2)}`} (target ≥ ×0.8); ` +
      `load generator loop p99 at most ${f(generatorLoopP99)} ms over every step`,
  );
  const stepsOf = (r: KindResult | string) =>
    typeof r === 'string'
      ? r
      : r.steps.map((s) => ({
          workshops: s.workshops,
          p50: s.p50,
          p99: s.p99,
          editsPerSecond: s.editsPerSecond,
          deliveriesPerSecond: s.deliveriesPerSecond,
          awarenessPerSecond: s.awarenessPerSecond,
          serverLoopP99: s.serverLoopP99,
          serverCpuPercent: s.serverCpuPercent,
          cpuMsPerWorkshop: s.cpuMsPerWorkshop,
          generatorLoopP99: s.generatorLoopP99,
          pass: s.pass,
          generatorBound: s.generatorBound,
          why: s.why || undefined,
        }));
  const common = {
    participants: PARTICIPANTS,
    writers: WRITERS,
    editEveryMs: [EDIT_MIN_MS, EDIT_MAX_MS],
    cursorHz: CURSOR_HZ,
    p99LimitMs: P99_LIMIT_MS,
  };
  // Recorded also when no step passed (0 workshops), with the steps that were run and why they
  // failed: on a machine shared with other work that is a result too.
  const outcome = (r: KindResult | string) =>
    typeof r === 'string'
      ? { error: r }
      : {
          passed: r.best !== null,
          stoppedAt: r.steps.find((s) => !s.pass)?.workshops ?? null,
          why: r.steps.find((s) => !s.pass)?.why ?? null,
          steps: stepsOf(r),
        };
  record(
    section,
    'baseline: workshops of 10 held (@y/websocket-server 0.1.1)',
    bb?.workshops ?? 0,
    'count',
    {
      ...common,
      updatesPerSecond: bb?.editsPerSecond ?? null,
      deliveriesPerSecond: bb?.deliveriesPerSecond ?? null,
      awarenessPerSecond: bb?.awarenessPerSecond ?? null,
      p99: bb?.p99 ?? null,
      ...outcome(baseline),
    },
  );
  record(section, 'workshops of 10 held (Flowmap, SQLite, fsync on)', fb?.workshops ?? 0, 'count', {
    ...common,
    baseline: 'baseline: workshops of 10 held (@y/websocket-server 0.1.1)',
    ratio,
    generatorLoopP99,
    updatesPerSecond: fb?.editsPerSecond ?? null,
    baselineUpdatesPerSecond: bb?.editsPerSecond ?? null,
    deliveriesPerSecond: fb?.deliveriesPerSecond ?? null,
    awarenessPerSecond: fb?.awarenessPerSecond ?? null,
    p99: fb?.p99 ?? null,
    stored: typeof flowmap === 'string' ? null : flowmap.stored,
    ...outcome(flowmap),
  });
  record(section, 'baseline: updates/s sustained', bb?.editsPerSecond ?? 0, 'upd/s');
  record(section, 'updates/s sustained (Flowmap)', fb?.editsPerSecond ?? 0, 'upd/s', {
    baseline: 'baseline: updates/s sustained',
    ratio: fb && bb ? fb.editsPerSecond / bb.editsPerSecond : null,
    generatorLoopP99,
  });

  // CPU time per workshop barely depends on how busy the machine is, unlike latency: the most
  // loaded step each server ran gives the cost of a workshop, and how many fit in 70 % of a core.
  const cost = (r: KindResult | string) => {
    if (typeof r === 'string') return null;
    const top = [...r.steps].sort((a, b) => b.workshops - a.workshops)[0];
    return top && Number.isFinite(top.cpuMsPerWorkshop) ? top : null;
  };
  const fc = cost(flowmap);
  const bc = cost(baseline);
  const perCore = (ms: number) => Math.floor(700 / ms);
  console.log('\nCapacity: server CPU time per workshop (at the most loaded step each server ran)');
  const cc = cluster === undefined ? null : cost(cluster);
  for (const [kind, c] of [
    ['baseline', bc],
    ['flowmap', fc],
    ['cluster', cc],
  ] as const) {
    if (!c) continue;
    console.log(
      `  ${LABEL[kind]}: ${f(c.cpuMsPerWorkshop, 1)} ms of CPU per second per workshop ` +
        `(${c.workshops} workshops, ${f(c.serverCpuPercent, 0)} % of a core) → ` +
        `${perCore(c.cpuMsPerWorkshop)} workshops in 70 % of one core`,
    );
  }
  const cpuRatio = fc && bc ? bc.cpuMsPerWorkshop / fc.cpuMsPerWorkshop : null;
  if (cpuRatio !== null) {
    console.log(`  Flowmap/baseline, workshops per core: ×${cpuRatio.toFixed(2)}`);
  }
  if (bc) {
    record(section, 'baseline: server CPU per workshop', bc.cpuMsPerWorkshop, 'ms/s', {
      workshops: bc.workshops,
      workshopsPer70PctCore: perCore(bc.cpuMsPerWorkshop),
    });
  }
  if (fc) {
    record(section, 'server CPU per workshop (Flowmap)', fc.cpuMsPerWorkshop, 'ms/s', {
      workshops: fc.workshops,
      workshopsPer70PctCore: perCore(fc.cpuMsPerWorkshop),
      baseline: 'baseline: server CPU per workshop',
      // Workshops per core, Flowmap over baseline (higher is better).
      ratio: cpuRatio,
      generatorLoopP99,
    });
  }
  if (cluster !== undefined && typeof cluster !== 'string') {
    const cb = cluster.best;
    record(
      section,
      'two instances (PostgreSQL + Redis): workshops of 10 held',
      cb?.workshops ?? 0,
      'count',
      {
        ...common,
        updatesPerSecond: cb?.editsPerSecond ?? null,
        p99: cb?.p99 ?? null,
        cpuMsPerWorkshop: cc?.cpuMsPerWorkshop ?? null,
        steps: stepsOf(cluster),
      },
    );
  }
}
