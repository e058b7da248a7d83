// The memory benchmark: the server's heap (a) per loaded 200-stage document and (b) after 1,000
// rooms were opened and closed, which must come back to where it was. Each server runs in its own
// child process started with --expose-gc, so a figure is that server's heap after a full GC, read
// in the child and reported over IPC. The baseline, in the same run and measured the same way, is
// the Yjs reference server `@y/websocket-server` 0.1.1 loading the same document bytes (through its
// persistence hook, which also makes it unload a document when its last connection leaves).
// Clients run in this process: y-websocket WebsocketProviders for (a); for the 1,000 rooms of (b),
// raw protocol clients (sync step 1, an awareness state, wait for the server's sync step 2), which
// do not decode the document, so this process does not compete with the server for the CPU.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteStorage } from '@flowmap/server/storage';
import {
  connectMap,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  type MapClient,
  MESSAGE_SYNC,
  newMapId,
  newSecret,
  RawClient,
  SYNC_STEP1,
  SYNC_STEP2,
} from '@flowmap/server/testing';
import { DEFAULT_META } from '@flowmap/shared';
import { writeMapToDoc } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import { largeState } from './fixtures.ts';
import { record } from './results.ts';

const STAGES = 200;
/** Documents held loaded at once for the per-document figure. */
const HELD = 50;
/** Rooms opened and closed before the "before" heap of (b), so lazy initialisation is done. */
const WARMUP_ROOMS = 100;
const CYCLED_ROOMS = 1000;
/** (c) Connections opened and closed, one after another, in one room that stays loaded. */
const CHURNED = 1000;
/** Rooms opened at once while cycling (each batch: connect, wait synced, disconnect). */
const BATCH = 100;
/** "Back to baseline": the heap after cycling is within this many MB or % of before (the larger). */
const CRITERION_MB = 2;
const CRITERION_PCT = 5;
const SYNC_TIMEOUT_MS = 60_000;
const UNLOAD_TIMEOUT_MS = 30_000;
const OWNER_KEY = 'bench-memory-owner-key-0123456789abcdef';
const SNAPSHOT_DIR = process.env.BENCH_HEAP_SNAPSHOTS; // set it to diff heap snapshots of (b)
/** Repeats (b) this many times (same maps again), to see whether heap or RSS keep growing. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_MEMORY_ROUNDS) || 1);
const debug = process.env.BENCH_DEBUG
  ? (...args: unknown[]) =>
      console.error(`[memory ${(performance.now() / 1000).toFixed(1)} s]`, ...args)
  : () => {};

type Kind = 'flowmap' | 'baseline';
const LABEL: Record<Kind, string> = {
  flowmap: 'Flowmap (SQLite)',
  baseline: 'baseline: @y/websocket-server 0.1.1',
};

// ---------------------------------------------------------------------------------------------
// The child processes.

/** Shared by both children: the IPC requests, each answered with the request's id. */
const IPC_CODE = `
import v8 from 'node:v8';
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
// A few full collections with turns of the event loop between them, so finalizers and weak
// references that the first one cleared are gone too.
async function heap() {
  for (let i = 0; i < 4; i++) { globalThis.gc(); await pause(20); }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external,
    arrayBuffers: m.arrayBuffers };
}
export function serve(handlers) {
  process.on('message', async (m) => {
    try {
      let reply = {};
      if (m.type === 'heap') reply = await heap();
      else if (m.type === 'rooms') reply = handlers.rooms();
      else if (m.type === 'snapshot') { await heap(); reply = { path: v8.writeHeapSnapshot(m.path) }; }
      else if (m.type === 'close') await handlers.close();
      process.send({ id: m.id, ok: true, ...reply });
    } catch (error) {
      process.send({ id: m.id, ok: false, error: String(error && error.stack || error) });
    }
  });
}
`;

function flowmapChild(dataDir: string): string {
  const app = import.meta.resolve('@flowmap/server/app');
  const sqlite = import.meta.resolve('@flowmap/server/storage');
  return `
import { serve } from './ipc.mjs';
import { createServer } from '${app}';
import { SqliteStorage } from '${sqlite}';
const dataDir = ${JSON.stringify(dataDir)};
const storage = SqliteStorage.open({ dataDir });
const server = await createServer(
  { port: 0, host: '127.0.0.1', maxPayload: 2 * 1024 * 1024, maxBodyBytes: 1024 * 1024,
    connectionsPerIpPerMinute: 1_000_000, logLevel: 'silent', clientDir: dataDir + '/no-client' },
  { storage, ownerKey: ${JSON.stringify(OWNER_KEY)} },
);
const url = await server.listen();
serve({
  rooms: () => ({ ...server.rooms.stats(), shadows: server.rooms.shadowCount() }),
  async close() { await server.close(); await storage.close(); },
});
process.send({ type: 'ready', url });
`;
}

function baselineChild(updateFile: string): string {
  const benchPkg = join(import.meta.dirname, 'package.json');
  const serverPkg = join(import.meta.dirname, '../server/package.json');
  return `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { serve } from './ipc.mjs';
const benchRequire = createRequire(${JSON.stringify(benchPkg)});
const utilsPath = benchRequire.resolve('@y/websocket-server/utils');
const utils = benchRequire(utilsPath);
const Y = createRequire(utilsPath)('yjs'); // the Yjs instance the reference server uses
const { WebSocketServer } = createRequire(${JSON.stringify(serverPkg)})('ws');
const stored = new Uint8Array(readFileSync(${JSON.stringify(updateFile)}));
// Its persistence hook loads every document from the same bytes Flowmap loads from SQLite; with a
// persistence set, the reference server also drops a document when its last connection closes.
utils.setPersistence({
  provider: null,
  bindState: (_name, doc) => { Y.applyUpdate(doc, stored); },
  writeState: async () => {},
});
const server = http.createServer((_req, res) => { res.writeHead(200); res.end('ok'); });
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', utils.setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  serve({
    rooms: () => ({ rooms: utils.docs.size, connections: wss.clients.size }),
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise((r) => server.close(() => r(undefined)));
    },
  });
  process.send({ type: 'ready', url: 'http://127.0.0.1:' + port });
});
`;
}

interface Heap {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
  arrayBuffers: number;
}

interface Reply extends Partial<Heap> {
  id?: number;
  type?: string;
  ok?: boolean;
  error?: string;
  url?: string;
  rooms?: number;
  connections?: number;
  shadows?: number;
  path?: string;
}

class ServerChild {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private ready: ((reply: Reply) => void) | null = null;
  private output = '';
  url = '';

  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: Reply) => {
      if (m.type === 'ready') {
        this.ready?.(m);
        return;
      }
      const resolve = m.id === undefined ? undefined : this.pending.get(m.id);
      if (m.id !== undefined) this.pending.delete(m.id);
      resolve?.(m);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-4000);
    });
  }

  static async start(script: string, dir: string): Promise<ServerChild> {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const server = new ServerChild(child);
    const ready = await server.wait(
      new Promise<Reply>((resolve) => {
        server.ready = resolve;
      }),
      30_000,
      `ready (${dir})`,
    );
    server.url = ready.url ?? '';
    return server;
  }

  private wait<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onExit: (code: number | null, signal: string | null) => void = () => {};
    const exited = new Promise<never>((_, reject) => {
      onExit = (code, signal) =>
        reject(new Error(`server child exited (${code ?? signal}): ${this.output.slice(-1500)}`));
      this.child.once('exit', onExit);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`server child: no ${what} in ${timeoutMs} ms: ${this.output}`)),
        timeoutMs,
      );
    });
    return Promise.race([promise, exited, timeout]).finally(() => {
      clearTimeout(timer);
      this.child.off('exit', onExit);
    });
  }

  async ask(type: 'heap' | 'rooms' | 'close' | 'snapshot', extra: object = {}): Promise<Reply> {
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve) => this.pending.set(id, resolve));
    this.child.send({ id, type, ...extra });
    const answer = await this.wait(reply, 120_000, type);
    if (!answer.ok) throw new Error(`server child: ${type} failed: ${answer.error}`);
    return answer;
  }

  async heap(): Promise<Heap> {
    const r = await this.ask('heap');
    return {
      heapUsed: r.heapUsed ?? 0,
      heapTotal: r.heapTotal ?? 0,
      rss: r.rss ?? 0,
      external: r.external ?? 0,
      arrayBuffers: r.arrayBuffers ?? 0,
    };
  }

  /** Flowmap only: loaded maps holding a shadow document. */
  async shadows(): Promise<number> {
    return (await this.ask('rooms')).shadows ?? Number.NaN;
  }

  async rooms(): Promise<number> {
    return (await this.ask('rooms')).rooms ?? Number.NaN;
  }

  async connections(): Promise<number> {
    return (await this.ask('rooms')).connections ?? Number.NaN;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------
// Rooms.

interface MapRef {
  id: string;
  token: string;
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

/** Connects one client to each map and resolves once every one is synced. */
async function connectAll(url: string, maps: readonly MapRef[]): Promise<MapClient[]> {
  const clients = maps.map(({ id, token }) => connectMap(url, id, token));
  if (!(await waitUntil(() => clients.every((c) => c.provider.synced), SYNC_TIMEOUT_MS))) {
    for (const c of clients) c.destroy();
    throw new Error(`not all ${clients.length} clients synced in ${SYNC_TIMEOUT_MS / 1000} s`);
  }
  return clients;
}

/** Waits until the server holds no room (they unload after the last connection left). */
async function untilUnloaded(server: ServerChild): Promise<number> {
  const started = performance.now();
  if (!(await waitUntil(async () => (await server.rooms()) === 0, UNLOAD_TIMEOUT_MS))) {
    throw new Error(`rooms still loaded ${UNLOAD_TIMEOUT_MS / 1000} s after the last client left`);
  }
  return performance.now() - started;
}

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);
let nextClientId = 1;

/**
 * A client session at the protocol level, as a WebsocketProvider opens it: asks for the document
 * (sync step 1 with an empty state vector: a new client; with the document's own: a returning one,
 * which gets an empty diff), announces an awareness state under a new client id, answers the
 * server's step 1 with an empty step 2; synced once the server's step 2 has arrived.
 */
async function openRaw(
  url: string,
  map: MapRef,
  stateVector: Uint8Array = EMPTY_STATE_VECTOR,
): Promise<() => boolean> {
  const client = await RawClient.connect(
    `${url.replace(/^http/, 'ws')}/sync/${map.id}?token=${encodeURIComponent(map.token)}`,
  );
  client.send(encodeSyncStep1(stateVector));
  client.send(
    encodeAwarenessMessage(
      encodeAwarenessUpdate([
        { clientID: nextClientId++, clock: 1, state: { user: { name: 'Bench', colour: '#333' } } },
      ]),
    ),
  );
  let seen = 0;
  let answered = false;
  let synced = false;
  return () => {
    for (; seen < client.messages.length; seen++) {
      const m = client.messages[seen] as Uint8Array;
      if (m[0] !== MESSAGE_SYNC) continue;
      if (m[1] === SYNC_STEP1 && !answered) {
        answered = true;
        client.send(encodeSyncStep2(EMPTY_UPDATE));
      }
      if (m[1] === SYNC_STEP2) synced = true;
    }
    if (synced) client.close();
    return synced;
  };
}

/** Opens a raw session to each map (`BATCH` at a time), each closing once synced. */
async function sessions(server: ServerChild, maps: readonly MapRef[], stateVector?: Uint8Array) {
  for (let i = 0; i < maps.length; i += BATCH) {
    const batch = maps.slice(i, i + BATCH);
    const open = await Promise.all(batch.map((m) => openRaw(server.url, m, stateVector)));
    const pending = new Set(open);
    const synced = await waitUntil(() => {
      for (const s of pending) if (s()) pending.delete(s);
      return pending.size === 0;
    }, SYNC_TIMEOUT_MS);
    if (!synced) throw new Error(`${pending.size} of ${open.length} raw clients not synced`);
  }
}

/** Opens and closes each map's room, `BATCH` at a time, then waits until all are unloaded. */
async function cycle(server: ServerChild, maps: readonly MapRef[]): Promise<number> {
  await sessions(server, maps);
  return untilUnloaded(server);
}

/**
 * (c) `count` returning clients, each with a new awareness client id, connect to `map` (kept
 * loaded by another client), sync and leave; resolves once only `stay` connections are left.
 */
async function churn(
  server: ServerChild,
  map: MapRef,
  count: number,
  stateVector: Uint8Array,
  stay: number,
): Promise<void> {
  await sessions(
    server,
    Array.from({ length: count }, () => map),
    stateVector,
  );
  if (!(await waitUntil(async () => (await server.connections()) === stay, UNLOAD_TIMEOUT_MS))) {
    throw new Error(`connections not back to ${stay} after the churn`);
  }
}

// ---------------------------------------------------------------------------------------------
// Heap snapshots (BENCH_HEAP_SNAPSHOTS=dir): what the heap gained across (b), by constructor.

interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

async function summariseSnapshot(
  path: string,
): Promise<Map<string, { count: number; size: number }>> {
  const json = JSON.parse(await readFile(path, 'utf8')) as HeapSnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const summary = new Map<string, { count: number; size: number }>();
  for (let i = 0; i < json.nodes.length; i += fields.length) {
    const type = types[json.nodes[i + (typeAt ?? 0)] ?? 0] ?? '?';
    const name = json.strings[json.nodes[i + (nameAt ?? 1)] ?? 0] ?? '?';
    const key =
      type === 'object' || type === 'closure' ? `${type} ${name.slice(0, 60)}` : `(${type})`;
    const entry = summary.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += json.nodes[i + (sizeAt ?? 3)] ?? 0;
    summary.set(key, entry);
  }
  return summary;
}

async function printSnapshotDiff(
  kind: Kind,
  before: string,
  after: string,
  what = '(b)',
): Promise<void> {
  const [a, b] = await Promise.all([summariseSnapshot(before), summariseSnapshot(after)]);
  const rows = [...b]
    .map(([key, v]) => {
      const was = a.get(key) ?? { count: 0, size: 0 };
      return { key, count: v.count - was.count, size: v.size - was.size };
    })
    .filter((r) => r.count !== 0 || r.size !== 0)
    .sort((x, y) => y.size - x.size)
    .slice(0, 15);
  console.log(
    `  ${LABEL[kind]}: heap snapshot growth across ${what}, by constructor (top 15 by size)`,
  );
  for (const r of rows) {
    console.log(`    ${r.key.padEnd(70)} ${String(r.count).padStart(8)} objects ${kb(r.size)} KB`);
  }
  console.log(`    snapshots: ${before} ${after}`);
}

// ---------------------------------------------------------------------------------------------
// One server, (a) then (b).

interface KindResult {
  /** Heap before and with HELD documents loaded (one client each). */
  idle: Heap;
  held: Heap;
  perDocBytes: number;
  /** Flowmap: the same documents right after each got an edit, i.e. with its shadow built. */
  edited: Heap | null;
  perDocEditedBytes: number | null;
  /** (b): after the warm-up, and after CYCLED_ROOMS rooms were opened and closed. */
  before: Heap;
  after: Heap;
  /** After each round of (b) when BENCH_MEMORY_ROUNDS > 1. */
  rounds: Heap[];
  cycleSeconds: number;
  unloadMs: number;
  /** (c): one room kept loaded, before and after CHURNED connections came and went. */
  churnBefore: Heap;
  churnAfter: Heap;
}

async function runKind(
  kind: Kind,
  dir: string,
  maps: { warmup: MapRef[]; held: MapRef[]; cycled: MapRef[] },
  stateVector: Uint8Array,
): Promise<KindResult> {
  const script = join(dir, `${kind}.mjs`);
  await writeFile(
    script,
    kind === 'flowmap' ? flowmapChild(join(dir, 'data')) : baselineChild(join(dir, 'update.bin')),
  );
  const server = await ServerChild.start(script, dir);
  const clients: MapClient[] = [];
  try {
    // Warm-up: every code path of loading, syncing and unloading a room has run once.
    debug(kind, 'warm-up');
    await cycle(server, maps.warmup);
    const idle = await server.heap();

    // (a) HELD documents loaded at once, one client each.
    debug(kind, '(a) load', maps.held.length);
    clients.push(...(await connectAll(server.url, maps.held)));
    const loaded = await server.rooms();
    if (loaded !== maps.held.length) throw new Error(`${loaded} rooms loaded, not ${HELD}`);
    const held = await server.heap();
    // Flowmap keeps a shadow document only while a map is written to: one edit per map builds it.
    let edited: Heap | null = null;
    if (kind === 'flowmap') {
      for (const c of clients) c.doc.getMap('meta').set('title', 'Edited');
      const built = await waitUntil(async () => (await server.shadows()) === HELD, SYNC_TIMEOUT_MS);
      if (!built) throw new Error(`not every edited map built its shadow`);
      edited = await server.heap();
    }
    for (const c of clients.splice(0)) c.destroy();
    await untilUnloaded(server);

    // (b) CYCLED_ROOMS rooms opened and closed.
    const before = await server.heap();
    const snapshot = async (name: string) =>
      SNAPSHOT_DIR
        ? (
            await server.ask('snapshot', {
              path: join(SNAPSHOT_DIR, `${kind}-${name}.heapsnapshot`),
            })
          ).path
        : undefined;
    const snapBefore = await snapshot('before');
    debug(kind, '(b) cycle', maps.cycled.length);
    const started = performance.now();
    const unloadMs = await cycle(server, maps.cycled);
    const cycleSeconds = (performance.now() - started) / 1000;
    const after = await server.heap();
    const rounds = [after];
    for (let round = 2; round <= ROUNDS; round++) {
      debug(kind, '(b) round', round);
      await cycle(server, maps.cycled);
      rounds.push(await server.heap());
    }
    const snapAfter = await snapshot('after');
    if (snapBefore && snapAfter) await printSnapshotDiff(kind, snapBefore, snapAfter);

    // (c) One room kept loaded by a client while CHURNED others come and go.
    const hot = maps.held[0] as MapRef;
    debug(kind, '(c) churn', CHURNED);
    clients.push(...(await connectAll(server.url, [hot])));
    // As many warm-up connections as measured ones: V8 keeps optimising this path for a while.
    await churn(server, hot, CHURNED, stateVector, 1);
    const churnBefore = await server.heap();
    const churnSnapBefore = await snapshot('churn-before');
    await churn(server, hot, CHURNED, stateVector, 1);
    const churnAfter = await server.heap();
    const churnSnapAfter = await snapshot('churn-after');
    if (churnSnapBefore && churnSnapAfter) {
      await printSnapshotDiff(kind, churnSnapBefore, churnSnapAfter, '(c)');
    }
    await server.ask('close');
    return {
      idle,
      held,
      perDocBytes: (held.heapUsed - idle.heapUsed) / HELD,
      edited,
      perDocEditedBytes: edited ? (edited.heapUsed - idle.heapUsed) / HELD : null,
      before,
      after,
      rounds,
      cycleSeconds,
      unloadMs,
      churnBefore,
      churnAfter,
    };
  } finally {
    for (const c of clients) c.destroy();
    await server.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Report.

const kb = (bytes: number) => (bytes / 1024).toFixed(0).padStart(7);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function backToBaseline(before: Heap, after: Heap) {
  const delta = after.heapUsed - before.heapUsed;
  const pct = (delta / before.heapUsed) * 100;
  const allowed = Math.max(CRITERION_MB * 1024 * 1024, (before.heapUsed * CRITERION_PCT) / 100);
  return { delta, pct, pass: delta <= allowed };
}

function report(updateBytes: number, results: Partial<Record<Kind, KindResult | string>>): void {
  const ok = (k: Kind) => (typeof results[k] === 'object' ? (results[k] as KindResult) : null);
  const baseline = ok('baseline');

  const section0 = 'Memory: idle server heap (after the warm-up rooms unloaded, none loaded)';
  console.log(`\n${section0}`);
  for (const kind of ['baseline', 'flowmap'] as const) {
    const r = ok(kind);
    if (!r) continue;
    const ratio = kind === 'flowmap' && baseline ? r.idle.heapUsed / baseline.idle.heapUsed : null;
    console.log(
      `  ${LABEL[kind].padEnd(40)} heap ${mb(r.idle.heapUsed)} MB, RSS ${mb(r.idle.rss)} MB` +
        (ratio === null ? '' : `  ×${ratio.toFixed(2)} baseline`),
    );
    record(section0, LABEL[kind], r.idle.heapUsed / 2 ** 20, 'MB', {
      rssMB: r.idle.rss / 2 ** 20,
      ...(ratio === null ? {} : { baseline: LABEL.baseline, ratio }),
    });
  }

  const sectionA = `Memory: server heap per loaded ${STAGES}-stage document`;
  console.log(
    `\n${sectionA}\n  (${HELD} documents loaded at once, one client each; heapUsed after full GC, ` +
      `in the server's own process; Yjs update ${(updateBytes / 1024).toFixed(1)} KB)`,
  );
  record(sectionA, 'Yjs update of one document (encodeStateAsUpdate)', updateBytes, 'bytes');
  for (const kind of ['baseline', 'flowmap'] as const) {
    const r = ok(kind);
    if (!r) {
      console.log(`  ${LABEL[kind].padEnd(40)} not run: ${results[kind]}`);
      continue;
    }
    const ratio = kind === 'flowmap' && baseline ? r.perDocBytes / baseline.perDocBytes : null;
    console.log(
      `  ${LABEL[kind].padEnd(40)} ${kb(r.perDocBytes)} KB per document ` +
        `(×${(r.perDocBytes / updateBytes).toFixed(1)} the update; heap ${mb(r.idle.heapUsed)} → ` +
        `${mb(r.held.heapUsed)} MB, RSS ${mb(r.idle.rss)} → ${mb(r.held.rss)} MB)` +
        (ratio === null ? '' : `  ×${ratio.toFixed(2)} baseline`),
    );
    record(sectionA, LABEL[kind], r.perDocBytes / 1024, 'KB', {
      heapIdleMB: r.idle.heapUsed / 2 ** 20,
      heapHeldMB: r.held.heapUsed / 2 ** 20,
      rssIdleMB: r.idle.rss / 2 ** 20,
      rssHeldMB: r.held.rss / 2 ** 20,
      documents: HELD,
      perUpdateByte: r.perDocBytes / updateBytes,
      ...(ratio === null ? {} : { baseline: LABEL.baseline, ratio }),
    });
    if (r.perDocEditedBytes !== null && r.edited) {
      const editedRatio = baseline ? r.perDocEditedBytes / baseline.perDocBytes : null;
      console.log(
        `  ${`${LABEL[kind]}, each map just edited`.padEnd(40)} ${kb(r.perDocEditedBytes)} KB per document ` +
          `(with its shadow document, released after 30 s without writes; heap ` +
          `${mb(r.edited.heapUsed)} MB)` +
          (editedRatio === null ? '' : `  ×${editedRatio.toFixed(2)} baseline`),
      );
      record(
        sectionA,
        `${LABEL[kind]}, each map just edited (shadow built)`,
        r.perDocEditedBytes / 1024,
        'KB',
        {
          heapMB: r.edited.heapUsed / 2 ** 20,
          documents: HELD,
          ...(editedRatio === null ? {} : { baseline: LABEL.baseline, ratio: editedRatio }),
        },
      );
    }
  }

  const sectionB = `Memory: heap after ${CYCLED_ROOMS.toLocaleString('en')} rooms opened and closed`;
  console.log(
    `\n${sectionB}\n  (${BATCH} at a time: connect, synced, disconnect (raw protocol clients); after ${WARMUP_ROOMS} ` +
      `warm-up rooms; back to baseline: within ${CRITERION_MB} MB or ${CRITERION_PCT} %, the larger)`,
  );
  for (const kind of ['baseline', 'flowmap'] as const) {
    const r = ok(kind);
    if (!r) {
      console.log(`  ${LABEL[kind].padEnd(40)} not run: ${results[kind]}`);
      continue;
    }
    const { delta, pct, pass } = backToBaseline(r.before, r.after);
    console.log(
      `  ${LABEL[kind].padEnd(40)} heap ${mb(r.before.heapUsed)} → ${mb(r.after.heapUsed)} MB ` +
        `(${delta >= 0 ? '+' : ''}${mb(delta)} MB, ${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %) ` +
        `RSS ${mb(r.before.rss)} → ${mb(r.after.rss)} MB  ${pass ? 'PASS' : 'FAIL'}  ` +
        `(${r.cycleSeconds.toFixed(1)} s, unloaded ${(r.unloadMs / 1000).toFixed(1)} s after the last)`,
    );
    if (r.rounds.length > 1) {
      const line = (h: Heap) =>
        `heap ${mb(h.heapUsed)} / total ${mb(h.heapTotal)} / external ${mb(h.external)} / RSS ${mb(h.rss)} MB`;
      console.log(`    before:   ${line(r.before)}`);
      r.rounds.forEach((h, i) => {
        console.log(`    round ${i + 1}:  ${line(h)}`);
      });
    }
    record(sectionB, `${LABEL[kind]}: heap delta`, delta / 2 ** 20, 'MB', {
      pct,
      pass,
      criterion: `≤ max(${CRITERION_MB} MB, ${CRITERION_PCT} %)`,
      heapBeforeMB: r.before.heapUsed / 2 ** 20,
      heapAfterMB: r.after.heapUsed / 2 ** 20,
      rssBeforeMB: r.before.rss / 2 ** 20,
      rssAfterMB: r.after.rss / 2 ** 20,
      externalBeforeMB: r.before.external / 2 ** 20,
      externalAfterMB: r.after.external / 2 ** 20,
      rooms: CYCLED_ROOMS,
      seconds: r.cycleSeconds,
    });
  }

  const sectionC = `Memory: heap after ${CHURNED.toLocaleString('en')} connections to one room that stays loaded`;
  console.log(
    `\n${sectionC}\n  (one client keeps the room loaded; ${BATCH} at a time, each a returning client ` +
      `with a new awareness client id: connect, synced, disconnect; after ${CHURNED} warm-up ones)`,
  );
  for (const kind of ['baseline', 'flowmap'] as const) {
    const r = ok(kind);
    if (!r) continue;
    const { delta, pct, pass } = backToBaseline(r.churnBefore, r.churnAfter);
    const perConnection = delta / CHURNED;
    console.log(
      `  ${LABEL[kind].padEnd(40)} heap ${mb(r.churnBefore.heapUsed)} → ${mb(r.churnAfter.heapUsed)} MB ` +
        `(${delta >= 0 ? '+' : ''}${mb(delta)} MB, ${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %, ` +
        `${perConnection.toFixed(0)} bytes per connection)  ${pass ? 'PASS' : 'FAIL'}`,
    );
    record(sectionC, `${LABEL[kind]}: heap delta`, delta / 2 ** 20, 'MB', {
      pct,
      pass,
      perConnectionBytes: perConnection,
      criterion: `≤ max(${CRITERION_MB} MB, ${CRITERION_PCT} %)`,
      heapBeforeMB: r.churnBefore.heapUsed / 2 ** 20,
      heapAfterMB: r.churnAfter.heapUsed / 2 ** 20,
      rssBeforeMB: r.churnBefore.rss / 2 ** 20,
      rssAfterMB: r.churnAfter.rss / 2 ** 20,
      connections: CHURNED,
    });
  }
}

export async function memoryBench(): Promise<void> {
  try {
    createRequire(join(import.meta.dirname, 'package.json')).resolve('@y/websocket-server/utils');
  } catch (error) {
    console.log(`\nMemory benchmark: skipped (${String(error)})`);
    return;
  }
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'flowmap-memory-'));
  // Every WebsocketProvider adds a process 'exit' listener in Node.
  const maxListeners = process.getMaxListeners();
  process.setMaxListeners(0);
  try {
    // One document, stored for every map: Flowmap loads it from SQLite, the baseline from a file.
    const doc = new Y.Doc();
    writeMapToDoc(doc, {
      meta: { ...DEFAULT_META, title: `${STAGES} stages` },
      states: { bench: largeState(STAGES) },
    });
    const update = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    doc.destroy();
    await writeFile(join(dir, 'update.bin'), update);
    await writeFile(join(dir, 'ipc.mjs'), IPC_CODE);

    debug('seeding', WARMUP_ROOMS + HELD + CYCLED_ROOMS, 'maps');
    const storage = SqliteStorage.open({ dataDir: join(dir, 'data') });
    const all: MapRef[] = [];
    try {
      const now = Date.now();
      for (let i = 0; i < WARMUP_ROOMS + HELD + CYCLED_ROOMS; i++) {
        const id = newMapId();
        const token = newSecret();
        await storage.createMap({
          id,
          title: `Memory ${i}`,
          editToken: token,
          viewToken: newSecret(),
          createdAt: now,
          updatedAt: now,
        });
        await storage.appendUpdate(id, update);
        all.push({ id, token });
      }
    } finally {
      await storage.close();
    }
    const maps = {
      warmup: all.slice(0, WARMUP_ROOMS),
      held: all.slice(WARMUP_ROOMS, WARMUP_ROOMS + HELD),
      cycled: all.slice(WARMUP_ROOMS + HELD),
    };

    const results: Partial<Record<Kind, KindResult | string>> = {};
    for (const kind of ['baseline', 'flowmap'] as const) {
      try {
        results[kind] = await runKind(kind, dir, maps, stateVector);
      } catch (error) {
        results[kind] = error instanceof Error ? error.message : String(error);
      }
    }
    report(update.length, results);
    console.log(
      `\n  (memory benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  } finally {
    process.setMaxListeners(maxListeners);
    await rm(dir, { recursive: true, force: true });
  }
}
