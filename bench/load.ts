// The load benchmark: N rooms × M clients, one writer per room at 30 Hz plus ~10 Hz cursors on every
// client, against Flowmap (SQLite) and, in the same run, the Yjs reference server
// `@y/websocket-server` 0.1.1 (in memory, no auth) as the baseline. Each server runs in its own child
// process, so its event-loop delay and RSS are its own; this process is the load generator, with
// one clock for every edit-to-peer latency. Afterwards every peer must hold the writer's last value,
// and for Flowmap the stored document (SQLite, after a graceful shutdown) must hold it too.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStorage } from '@flowmap/server/storage';
import { connectMap, loadStoredDoc, type MapClient } from '@flowmap/server/testing';
import { loopDelayMonitor } from './harness.ts';
import { record } from './results.ts';

const OWNER_KEY = 'bench-load-owner-key-0123456789abcdef';
const LOAD_MS = 5_000;
// Load runs this long before anything is measured: the first half second of load (100 writers
// and 500 cursors starting at once, first writes into every room, JIT warm-up) produced every one
// of the worst 1% of latencies, for Flowmap and the baseline alike; the figures are meant to be
// the steady state under load.
const WARMUP_MS = 1_500;
const WRITE_HZ = 30;
const CURSOR_HZ = 10;
const SYNC_TIMEOUT_MS = 30_000;

const SCENARIOS: ReadonlyArray<{ label: string; rooms: number; clients: number }> = [
  { label: '10 rooms × 5 clients (50 connections)', rooms: 10, clients: 5 },
  { label: '40 rooms × 5 clients (200 connections)', rooms: 40, clients: 5 },
  { label: '100 rooms × 5 clients (500 connections)', rooms: 100, clients: 5 },
  { label: '1 hot room × 50 clients', rooms: 1, clients: 50 },
];

// flowmap-os: the same server with SQLITE_FSYNC=off (acknowledged once the OS has the write).
export type Kind = 'flowmap' | 'flowmap-os' | 'baseline';

const STATS_CODE = `
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
// 1 ms timer, its own interval subtracted: see loopDelayMonitor in harness.ts.
const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
let cpu = process.cpuUsage();
let since = performance.now();
let gcTotal = 0;
let gcMax = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) { gcTotal += e.duration; gcMax = Math.max(gcMax, e.duration); }
}).observe({ entryTypes: ['gc'] });
export function onMessage(handlers) {
  process.on('message', async (m) => {
    if (m === 'reset') { loop.reset(); cpu = process.cpuUsage(); since = performance.now(); gcTotal = 0; gcMax = 0; process.send({ type: 'reset' }); }
    if (m === 'stats') {
      const used = process.cpuUsage(cpu);
      process.send({
        type: 'stats',
        loopP99: Math.max(0, loop.percentile(99) / 1e6 - 1),
        rss: process.memoryUsage().rss,
        cpuPercent: ((used.user + used.system) / 1000 / (performance.now() - since)) * 100,
        gcMs: gcTotal,
        gcMaxMs: gcMax,
      });
    }
    if (m === 'close') { await handlers.close(); process.send({ type: 'closed' }); }
    if (m === 'exit') process.exit(0); // a normal exit writes the --cpu-prof profile
  });
}
`;

function flowmapChild(dir: string, fsync: boolean): string {
  const app = import.meta.resolve('@flowmap/server/app');
  const sqlite = import.meta.resolve('@flowmap/server/storage');
  return `
import { onMessage } from './stats.mjs';
import { createServer } from '${app}';
import { SqliteStorage } from '${sqlite}';
const dataDir = ${JSON.stringify(join(dir, 'data'))};
const storage = SqliteStorage.open({ dataDir, fsync: ${fsync} });
const server = await createServer(
  { port: 0, host: '127.0.0.1', maxPayload: 2 * 1024 * 1024, maxBodyBytes: 1024 * 1024,
    connectionsPerIpPerMinute: 1_000_000, logLevel: 'silent', clientDir: dataDir + '/no-client' },
  { storage, ownerKey: ${JSON.stringify(OWNER_KEY)} },
);
const url = await server.listen();
onMessage({ async close() { await server.close(); await storage.close(); } });
process.send({ type: 'ready', url, dataDir });
`;
}

function baselineChild(): string {
  const benchPkg = join(import.meta.dirname, 'package.json');
  const serverPkg = join(import.meta.dirname, '../server/package.json');
  return `
import { createRequire } from 'node:module';
import http from 'node:http';
import { onMessage } from './stats.mjs';
const { setupWSConnection } = createRequire(${JSON.stringify(benchPkg)})('@y/websocket-server/utils');
const { WebSocketServer } = createRequire(${JSON.stringify(serverPkg)})('ws');
const server = http.createServer((_req, res) => { res.writeHead(200); res.end('ok'); });
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  onMessage({ async close() {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((r) => server.close(() => r(undefined)));
  } });
  process.send({ type: 'ready', url: 'http://127.0.0.1:' + port });
});
`;
}

interface ChildMessage {
  type: string;
  url?: string;
  dataDir?: string;
  loopP99?: number;
  rss?: number;
  /** Server CPU time (user + system, all threads) over the load, % of one core. */
  cpuPercent?: number;
  /** Garbage collection pauses over the load: total and longest. */
  gcMs?: number;
  gcMaxMs?: number;
}

export class ServerChild {
  private waiters: Array<(m: ChildMessage) => void> = [];
  private output = '';
  private constructor(
    readonly child: ChildProcess,
    readonly dir: string,
  ) {
    child.on('message', (m: ChildMessage) => {
      const w = this.waiters.shift();
      w?.(m);
    });
    child.stderr?.on('data', (c: Buffer) => {
      this.output += c.toString();
    });
  }

  static async start(kind: Kind): Promise<{ server: ServerChild; ready: ChildMessage }> {
    const dir = await mkdtemp(join(tmpdir(), `flowmap-load-${kind}-`));
    await writeFile(join(dir, 'stats.mjs'), STATS_CODE);
    const script = join(dir, 'server.mjs');
    await writeFile(
      script,
      kind === 'baseline' ? baselineChild() : flowmapChild(dir, kind === 'flowmap'),
    );
    // BENCH_CPU_PROF_DIR: write a V8 CPU profile of each server child (open in DevTools).
    const profile = process.env.BENCH_CPU_PROF_DIR
      ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF_DIR]
      : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const server = new ServerChild(child, dir);
    const ready = await server.next(20_000, 'ready');
    return { server, ready };
  }

  next(timeoutMs: number, what: string): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server child: no ${what} (${this.output.slice(-500)})`)),
        timeoutMs,
      );
      this.waiters.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  async ask(message: 'reset' | 'stats' | 'close'): Promise<ChildMessage> {
    const reply = this.next(30_000, message);
    this.child.send(message);
    return reply;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.send('exit');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

export async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

interface Result {
  p50: number;
  p95: number;
  p99: number;
  updatesPerSecond: number;
  loopP99: number;
  rssMb: number;
  cpuPercent: number;
  gcMs: number;
  gcMaxMs: number;
  generatorLoopP99: number;
  delivered: string;
  stored: string;
}

const pct = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function runOne(kind: Kind, rooms: number, clientsPerRoom: number): Promise<Result> {
  const { server, ready } = await ServerChild.start(kind);
  const url = ready.url ?? '';
  const clients: MapClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const roomInfo: Array<{ id: string; token: string }> = [];
    for (let r = 0; r < rooms; r++) {
      if (kind === 'baseline') {
        roomInfo.push({ id: `room${r}`, token: 'none' });
        continue;
      }
      const res = await fetch(`${url}/api/maps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${OWNER_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Load ${r}`, template: 'blank' }),
      });
      if (res.status !== 201) throw new Error(`create map: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { id: string; editToken: string };
      roomInfo.push({ id: body.id, token: body.editToken });
    }
    // The baseline takes the room name from the whole path ("sync/<room>"); the token is ignored.
    const byRoom: MapClient[][] = roomInfo.map(({ id, token }) => {
      const list: MapClient[] = [];
      for (let c = 0; c < clientsPerRoom; c++) list.push(connectMap(url, id, token));
      clients.push(...list);
      return list;
    });
    if (!(await waitUntil(() => clients.every((c) => c.provider.synced), SYNC_TIMEOUT_MS))) {
      throw new Error(`not all ${clients.length} clients synced in ${SYNC_TIMEOUT_MS} ms`);
    }

    const samples: number[] = [];
    let measuring = false;
    for (const list of byRoom) {
      for (const peer of list.slice(1)) {
        const map = peer.doc.getMap<number>('bench');
        map.observe(() => {
          const t = map.get('t');
          if (measuring && typeof t === 'number') samples.push(performance.now() - t);
        });
      }
    }
    const lastWritten: number[] = byRoom.map(() => 0);
    const generatorLoop = loopDelayMonitor();
    byRoom.forEach((list, r) => {
      const writer = list[0];
      if (!writer) return;
      const map = writer.doc.getMap<number>('bench');
      // Spread the writers over the tick so they do not all fire at once.
      const offset = (r * (1000 / WRITE_HZ)) / rooms;
      timers.push(
        setTimeout(() => {
          timers.push(
            setInterval(() => {
              const now = performance.now();
              lastWritten[r] = now;
              map.set('t', now);
            }, 1000 / WRITE_HZ),
          );
        }, offset),
      );
    });
    clients.forEach((client, i) => {
      const offset = (i * (1000 / CURSOR_HZ)) / clients.length;
      timers.push(
        setTimeout(() => {
          timers.push(
            setInterval(() => {
              client.provider.awareness.setLocalStateField('cursor', {
                x: Math.random() * 1000,
                y: Math.random() * 1000,
              });
            }, 1000 / CURSOR_HZ),
          );
        }, offset),
      );
    });
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    await server.ask('reset');
    generatorLoop.enable();
    measuring = true;
    const started = performance.now();
    await new Promise((r) => setTimeout(r, LOAD_MS));
    for (const t of timers) clearInterval(t);
    const elapsed = (performance.now() - started) / 1000;
    const stats = await server.ask('stats');
    generatorLoop.disable();
    const allDelivered = await waitUntil(
      () =>
        byRoom.every((list, r) =>
          list.every((c) => c.doc.getMap<number>('bench').get('t') === lastWritten[r]),
        ),
      10_000,
    );
    measuring = false;
    const missing = byRoom.reduce(
      (n, list, r) =>
        n + list.filter((c) => c.doc.getMap<number>('bench').get('t') !== lastWritten[r]).length,
      0,
    );
    const delivered = allDelivered
      ? 'all'
      : `${missing}/${clients.length} peers missing last value`;

    let stored = 'n/a (in memory)';
    if (kind === 'baseline') {
      // A fresh client must get the final value from the server's in-memory document.
      const fresh = roomInfo.map(({ id, token }) => connectMap(url, id, token));
      clients.push(...fresh);
      const ok = await waitUntil(
        () => fresh.every((c, r) => c.doc.getMap<number>('bench').get('t') === lastWritten[r]),
        10_000,
      );
      stored = ok ? 'n/a (in memory; fresh client has it)' : 'fresh client missing values';
    } else {
      for (const c of clients.splice(0)) c.destroy();
      await server.ask('close'); // graceful: flushes every pending write
      const storage = SqliteStorage.open({ dataDir: ready.dataDir ?? '' });
      try {
        let bad = 0;
        for (const [r, { id }] of roomInfo.entries()) {
          const doc = await loadStoredDoc(storage, id);
          if (doc.getMap<number>('bench').get('t') !== lastWritten[r]) bad++;
          doc.destroy();
        }
        stored = bad === 0 ? 'all' : `${bad}/${rooms} rooms missing last value`;
      } finally {
        await storage.close();
      }
    }

    const sorted = samples.sort((a, b) => a - b);
    return {
      p50: pct(sorted, 0.5),
      p95: pct(sorted, 0.95),
      p99: pct(sorted, 0.99),
      updatesPerSecond: samples.length / elapsed,
      loopP99: stats.loopP99 ?? Number.NaN,
      rssMb: (stats.rss ?? 0) / 1024 / 1024,
      cpuPercent: stats.cpuPercent ?? Number.NaN,
      gcMs: stats.gcMs ?? Number.NaN,
      gcMaxMs: stats.gcMaxMs ?? Number.NaN,
      generatorLoopP99: generatorLoop.percentile(99),
      delivered,
      stored,
    };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const c of clients) c.destroy();
    await server.kill();
  }
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ratio = (a: number, b: number) =>
  b > 0 && Number.isFinite(a) ? `×${(a / b).toFixed(2)}` : '—';

function printScenario(
  label: string,
  flowmap: Result | string,
  baseline: Result | string,
  withoutFsync?: Result | string,
): void {
  console.log(
    `\nLoad: ${label}, writer ${WRITE_HZ} Hz + cursors ${CURSOR_HZ} Hz, ` +
      `${LOAD_MS / 1000} s measured after ${WARMUP_MS / 1000} s of warm-up load`,
  );
  const header = [
    'server',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'upd/s',
    'loop p99 ms',
    'CPU %',
    'RSS MB',
  ];
  const rows: string[][] = [header];
  const row = (name: string, r: Result | string) =>
    typeof r === 'string'
      ? [name, `not run: ${r}`, '', '', '', '', '', '']
      : [
          name,
          f(r.p50, 2),
          f(r.p95, 2),
          f(r.p99, 2),
          f(r.updatesPerSecond, 0),
          f(r.loopP99),
          f(r.cpuPercent, 0),
          f(r.rssMb),
        ];
  rows.push(row('Flowmap', flowmap), row('baseline', baseline));
  recordScenario(label, flowmap, baseline);
  if (withoutFsync !== undefined) rows.push(row('Flowmap, SQLITE_FSYNC=off', withoutFsync));
  if (typeof flowmap !== 'string' && typeof baseline !== 'string') {
    rows.push([
      'Flowmap/baseline',
      ratio(flowmap.p50, baseline.p50),
      ratio(flowmap.p95, baseline.p95),
      ratio(flowmap.p99, baseline.p99),
      ratio(flowmap.updatesPerSecond, baseline.updatesPerSecond),
      ratio(flowmap.loopP99, baseline.loopP99),
      ratio(flowmap.cpuPercent, baseline.cpuPercent),
      ratio(flowmap.rssMb, baseline.rssMb),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) {
    console.log(
      `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`,
    );
  }
  const lines: [string, Result | string][] = [
    ['Flowmap', flowmap],
    ['baseline', baseline],
  ];
  if (withoutFsync !== undefined) lines.push(['Flowmap, SQLITE_FSYNC=off', withoutFsync]);
  for (const [name, r] of lines) {
    if (typeof r !== 'string') {
      console.log(
        `  ${name}: delivered ${r.delivered}; stored ${r.stored}; ` +
          `server GC ${f(r.gcMs, 0)} ms in all, longest pause ${f(r.gcMaxMs)} ms; ` +
          `load generator loop p99 ${f(r.generatorLoopP99)} ms`,
      );
    }
  }
}

const FIGURES = [
  ['p50', 'edit-to-peer latency p50', 'ms'],
  ['p95', 'edit-to-peer latency p95', 'ms'],
  ['p99', 'edit-to-peer latency p99', 'ms'],
  ['updatesPerSecond', 'updates delivered per second', 'upd/s'],
  ['loopP99', 'server event-loop delay p99', 'ms'],
  ['cpuPercent', 'server CPU (all threads, % of one core)', '%'],
  ['rssMb', 'server RSS', 'MB'],
] as const;

function recordScenario(label: string, flowmap: Result | string, baseline: Result | string): void {
  const section = `Load: ${label}`;
  for (const [key, name, unit] of FIGURES) {
    const base = typeof baseline === 'string' ? Number.NaN : baseline[key];
    if (typeof baseline !== 'string') record(section, `baseline: ${name}`, base, unit);
    if (typeof flowmap === 'string') continue;
    record(section, name, flowmap[key], unit, {
      baseline: `baseline: ${name}`,
      ratio: Number.isFinite(base) && base > 0 ? flowmap[key] / base : null,
      delivered: flowmap.delivered,
      stored: flowmap.stored,
      generatorLoopP99: flowmap.generatorLoopP99,
    });
  }
}

// The target: at 500 connections, p99 ≤ 1.5× the baseline's and ≤ 50 ms, every update
// delivered and stored.
function printTarget(flowmap: Result | string, baseline: Result | string): void {
  if (typeof flowmap === 'string' || typeof baseline === 'string') return;
  const ratioOk = flowmap.p99 <= 1.5 * baseline.p99;
  const absoluteOk = flowmap.p99 <= 50;
  const complete = flowmap.delivered === 'all' && flowmap.stored === 'all';
  const pass = ratioOk && absoluteOk && complete;
  console.log(
    `  target at 500 connections (p99 ≤ 1.5× baseline and ≤ 50 ms, all delivered and stored): ` +
      `${pass ? 'MET' : 'NOT MET'} — p99 ${f(flowmap.p99, 1)} ms, ${ratio(flowmap.p99, baseline.p99)} ` +
      `of the baseline's ${f(baseline.p99, 1)} ms`,
  );
  record(
    'Load: target at 500 connections',
    'p99 ≤ 1.5× baseline and ≤ 50 ms',
    pass ? 1 : 0,
    'pass',
    {
      p99: flowmap.p99,
      baselineP99: baseline.p99,
      ratioOk,
      absoluteOk,
      complete,
    },
  );
}

export async function loadBench(): Promise<void> {
  // Resolve early so a missing baseline is reported, not thrown mid-run.
  try {
    createRequire(join(import.meta.dirname, 'package.json')).resolve('@y/websocket-server/utils');
  } catch (error) {
    console.log(`\nLoad benchmark: skipped (${String(error)})`);
    return;
  }
  // Every WebsocketProvider adds a process 'exit' listener in Node.
  const maxListeners = process.getMaxListeners();
  process.setMaxListeners(0);
  try {
    await runScenarios();
  } finally {
    process.setMaxListeners(maxListeners);
  }
}

async function runScenarios(): Promise<void> {
  // BENCH_LOAD_ONLY=100x5,1x50: run only those scenarios (rooms x clients).
  const only = process.env.BENCH_LOAD_ONLY?.split(',');
  for (const s of SCENARIOS) {
    if (only && !only.includes(`${s.rooms}x${s.clients}`)) continue;
    const results: Array<Result | string> = [];
    for (const kind of ['flowmap', 'baseline'] as const) {
      try {
        results.push(await runOne(kind, s.rooms, s.clients));
      } catch (error) {
        results.push(error instanceof Error ? error.message : String(error));
      }
    }
    const [flowmap = 'missing', baseline = 'missing'] = results;
    // At 500 connections, also without the fsync: how much of the difference is durability.
    let withoutFsync: Result | string | undefined;
    if (s.rooms * s.clients === 500) {
      withoutFsync = await runOne('flowmap-os', s.rooms, s.clients).catch((error: unknown) =>
        error instanceof Error ? error.message : String(error),
      );
      if (typeof withoutFsync !== 'string' && typeof baseline !== 'string') {
        record(
          `Load: ${s.label}`,
          'edit-to-peer latency p99, SQLITE_FSYNC=off',
          withoutFsync.p99,
          'ms',
          {
            ratio: baseline.p99 > 0 ? withoutFsync.p99 / baseline.p99 : null,
            p50: withoutFsync.p50,
            p95: withoutFsync.p95,
          },
        );
      }
    }
    printScenario(s.label, flowmap, baseline, withoutFsync);
    if (s.rooms * s.clients === 500) printTarget(flowmap, baseline);
  }
}
