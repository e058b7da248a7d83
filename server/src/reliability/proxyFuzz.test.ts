// Seeded convergence fuzz through the real sync server, with the fault proxy between the clients
// and the server. Five stock y-websocket clients edit the map with the real domain commands while
// the network delays and jitters every chunk, drops connections (randomly and on command) and
// black-holes sockets (silently, in one or both directions). Then the network heals; every client,
// the server's live document and the storage reloaded from disk after a graceful shutdown must
// hold exactly the same document (state vector and content).
//
// Recovery from a black hole takes the real mechanisms:
// - client → server silenced: the server's heartbeat (connection.ts) terminates the socket, and
//   the close reaches the client through the live direction;
// - server → client silenced: only the client's own watchdog can notice. y-websocket 3.1.0 hard
//   codes it (`messageReconnectTimeout`, 30 s, checked every 3 s; not an option), which no bounded
//   test can wait for. So once the proxy has silenced a client's downstream, the test ages that
//   provider's `wsLastMessageReceived` to what 30 s of silence would leave, and y-websocket's own
//   check then closes and reconnects on its next tick: time is compressed, the code path is real.
//
// A failure names its seed; keep it below as a pinned test (`FLOWMAP_FUZZ_SEED=<n>` replays the
// random one). The seed fixes the edit script and the fault decisions; TCP timing is not
// deterministic, so a replay is close to the failing run, not identical.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ValidationError } from '@flowmap/shared';
import {
  addNode,
  addState,
  cloneStateAsFuture,
  connect,
  createMapDoc,
  moveNodes,
  ROOT,
  removeEdges,
  removeNodes,
  removeState,
  renameState,
  STATE_CHILDREN,
  setEdgeKind,
  updateDora,
  updateMeta,
  updateNode,
} from '@flowmap/shared/doc';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import { loadStoredDoc, mulberry32, waitFor } from '../sync/clients.testkit.ts';
import { startTestServer, type TestServer } from '../sync/server.testkit.ts';
import { type BlackHoleMode, FaultProxy, type FaultSettings } from './faultProxy.testkit.ts';

const MAP = 'proxy-fuzz';
const CLIENTS = 5;
const EDITS_PER_ROUND = 40;
// Server ping interval. Short so a dead peer is found within a second; still well above the
// worst round trip the proxy adds (2 × (40 + 60) ms in a latency spike), or healthy sockets would
// be killed for being slow.
const HEARTBEAT_MS = 400;
// Random faults on every connection while the run lasts. Thresholds start below the size of an
// upgrade request, so some faults hit the WebSocket handshake itself. A black-holed handshake
// leaves its provider 'connecting' until heal: y-websocket has no handshake timeout, and its
// watchdog only watches open sockets.
const FUZZ_FAULTS: Partial<FaultSettings> = {
  delayMs: 1,
  jitterMs: 8,
  dropRate: 0.3,
  dropAfterBytes: [200, 20_000],
  blackHoleRate: 0.08,
  blackHoleAfterBytes: [200, 20_000],
  blackHoleModes: ['up', 'down', 'both'],
};
// y-websocket closes a connection that received nothing for this long (a constant in 3.1.0).
const Y_WEBSOCKET_WATCHDOG_MS = 30_000;

type Fault =
  | 'blackhole-both'
  | 'blackhole-down'
  | 'blackhole-up'
  | 'drop-one'
  | 'drop-all'
  | 'spike';

/** A stock WebsocketProvider client whose every connection carries a label the proxy can read. */
class FuzzClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly name: string;
  /** Bumped on every closed connection; the proxy sees connection `${name}.${generation}`. */
  generation = 0;
  /** Connections ended by the server or the network (a close event arrived). */
  remoteCloses = 0;
  /** Connections ended by y-websocket's own no-message watchdog. */
  watchdogCloses = 0;
  private nextId = 0;

  constructor(name: string, url: string) {
    this.name = name;
    this.provider = new WebsocketProvider(url, MAP, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
      params: { client: this.label },
    });
    this.provider.on('connection-close', (event) => {
      // `null` is a local close: disconnect() (shouldConnect is then false) or the watchdog.
      if (event) this.remoteCloses++;
      else if (this.provider.shouldConnect) this.watchdogCloses++;
      this.generation++;
      // Read by the provider when it opens the next connection.
      this.provider.params = { client: this.label };
    });
  }

  get label(): string {
    return `${this.name}.${this.generation}`;
  }

  get online(): boolean {
    return this.provider.wsconnected && this.provider.synced;
  }

  id(kind: string): string {
    return `${this.name}${kind}${this.nextId++}`;
  }

  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

const sortedKeys = (value: unknown): string[] =>
  value instanceof Y.Map ? [...value.keys()].sort() : [];

function childIds(doc: Y.Doc, stateId: string, child: 'nodes' | 'edges'): string[] {
  const state = doc.getMap<unknown>(ROOT.states).get(stateId);
  return state instanceof Y.Map ? sortedKeys(state.get(STATE_CHILDREN[child])) : [];
}

/**
 * One random edit with the real domain commands (what the editor calls), plus raw Y.Text edits
 * on a scratch root for sequence-CRDT coverage. Ids come from the seed, not newId(), so a seed
 * replays the same script. Commands refusing an edit (a node a collaborator deleted meanwhile)
 * are part of the game.
 */
function randomEdit(c: FuzzClient, rand: () => number): void {
  const pick = <T>(items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[Math.floor(rand() * items.length)];
  const int = (max: number) => Math.floor(rand() * max);
  const doc = c.doc;
  const stateIds = sortedKeys(doc.getMap(ROOT.states));
  const stateId = pick(stateIds);
  const nodes = stateId ? childIds(doc, stateId, 'nodes') : [];
  const edges = stateId ? childIds(doc, stateId, 'edges') : [];
  const r = rand();
  // A workshop's handful of states. The server refuses a write that takes a map past 50 states
  // (the import limit, shared/doc/writeGuard.ts), and five clients adding states offline from a
  // count near it would cross it together; keeping well below it keeps every client legitimate.
  const roomForStates = stateIds.length < 25;
  try {
    if (stateId === undefined || (r < 0.03 && roomForStates)) {
      addState(doc, { id: c.id('s'), name: `Future ${int(100)}`, kind: 'future' });
    } else if (r < 0.2) {
      const node = pick(nodes);
      if (!node) return;
      const field = pick(['name', 'team', 'notes', 'pctCA', 'elapsedMinutes', 'valueAddMinutes']);
      const value =
        field === 'pctCA'
          ? int(101)
          : field === 'elapsedMinutes'
            ? int(5000)
            : field === 'valueAddMinutes'
              ? int(500)
              : `${field} ${int(1000)}`;
      updateNode(doc, stateId, node, { [field as string]: value });
    } else if (r < 0.32) {
      const moved = [pick(nodes), pick(nodes), pick(nodes)].filter((id) => id !== undefined);
      moveNodes(
        doc,
        stateId,
        [...new Set(moved)].map((id) => ({ id, x: int(2000), y: int(800) })),
      );
    } else if (r < 0.44) {
      addNode(doc, stateId, {
        id: c.id('n'),
        type: pick(['stage', 'stage', 'kaizen', 'note'] as const) ?? 'stage',
        x: int(2000),
        y: int(800),
        name: `Step ${int(100)}`,
      });
    } else if (r < 0.5) {
      const node = pick(nodes);
      if (node) removeNodes(doc, stateId, [node]);
    } else if (r < 0.62) {
      const [source, target] = [pick(nodes), pick(nodes)];
      if (!source || !target) return;
      connect(doc, stateId, {
        id: c.id('e'),
        source,
        target,
        kind: rand() < 0.8 ? 'flow' : 'rework',
      });
    } else if (r < 0.67) {
      const edge = pick(edges);
      if (edge) removeEdges(doc, stateId, [edge]);
    } else if (r < 0.7) {
      const edge = pick(edges);
      if (edge) setEdgeKind(doc, stateId, edge, rand() < 0.5 ? 'flow' : 'rework');
    } else if (r < 0.78) {
      const which = int(4);
      if (which === 0) updateMeta(doc, { title: `Pipeline ${int(1000)}` });
      else if (which === 1) updateMeta(doc, { description: `Review ${int(1000)}` });
      else if (which === 2) updateMeta(doc, { hoursPerDay: 1 + int(24) });
      else updateMeta(doc, { bottleneckCount: int(10) });
    } else if (r < 0.82) {
      updateDora(doc, stateId, { deploymentsPerWeek: int(50), changeFailureRate: rand() });
    } else if (r < 0.84) {
      if (roomForStates) {
        cloneStateAsFuture(doc, stateId, { id: c.id('s'), name: `Clone ${int(100)}` });
      }
    } else if (r < 0.86) {
      if (stateIds.length > 1) removeState(doc, stateId);
    } else if (r < 0.9) {
      renameState(doc, stateId, `State ${int(100)}`);
    } else {
      const text = doc.getText('scratch');
      if (text.length > 0 && rand() < 0.3) {
        const at = int(text.length);
        text.delete(at, 1 + int(Math.min(4, text.length - at)));
      } else {
        text.insert(int(text.length + 1), pick(['a', 'bc', 'def ', '\n', 'ü', '🙂']) ?? '');
      }
    }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
  }
}

const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex');

/**
 * The document's content. Not `doc.toJSON()`: a root type nobody has asked for by type yet (in
 * the server's and the reloaded doc) serialises as undefined, so each root is read as what it is.
 */
function content(doc: Y.Doc) {
  return {
    meta: doc.getMap(ROOT.meta).toJSON(),
    states: doc.getMap(ROOT.states).toJSON(),
    scratch: doc.getText('scratch').toString(),
  };
}

interface RunFigures {
  seed: number;
  seconds: number;
  edits: number;
  connections: number;
  drops: number;
  blackHoles: number;
  resets: number;
  bytes: number;
  bytesDiscarded: number;
  heartbeatTimeouts: number;
  watchdogCloses: number;
}

async function runProxyFuzz(seed: number): Promise<RunFigures> {
  const started = performance.now();
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const dataDir = await mkdtemp(join(tmpdir(), 'flowmap-proxy-fuzz-'));
  let storage = SqliteStorage.open({ dataDir });
  let server: TestServer | null = null;
  let proxy: FaultProxy | null = null;
  const clients: FuzzClient[] = [];
  let edits = 0;
  try {
    server = await startTestServer({
      storage,
      limits: { heartbeatIntervalMs: HEARTBEAT_MS, compactAfterUpdates: 60 },
    });
    const s = server;
    const p = await FaultProxy.start({
      targetPort: Number(new URL(s.syncUrl).port),
      seed,
      faults: { delayMs: 1, jitterMs: 8 },
    });
    proxy = p;
    const heartbeatTimeouts = () =>
      s.logger.lines.filter((l) => l.msg === 'heartbeat timeout').length;
    const context = () =>
      `seed ${seed}; clients ${clients
        .map(
          (c) =>
            `${c.label}:${c.online ? 'online' : c.provider.shouldConnect ? 'connecting' : 'off'}`,
        )
        .join(' ')}; proxy ${JSON.stringify(p.stats)}; last faults: ${p.log.slice(-8).join(' | ')}`;

    const url = p.rewrite(s.syncUrl);
    for (let i = 0; i < CLIENTS; i++) clients.push(new FuzzClient(`c${i}`, url));
    await waitFor(
      () => clients.every((c) => c.online),
      () => `clients synced (${context()})`,
    );
    const first = clients[0] as FuzzClient;
    createMapDoc({ title: 'Release pipeline', template: 'software-delivery', doc: first.doc });
    await waitFor(
      () => clients.every((c) => stateVector(c.doc) === stateVector(first.doc)),
      () => `template reached every client (${context()})`,
    );
    p.setFaults(FUZZ_FAULTS);

    // Clients behind a silenced downstream get their watchdog aged (see the header).
    const ageSilencedWatchdogs = () => {
      for (const c of clients) {
        const blackHole = p.find(c.label)?.blackHole;
        if (c.provider.wsconnected && (blackHole === 'down' || blackHole === 'both')) {
          c.provider.wsLastMessageReceived = Date.now() - Y_WEBSOCKET_WATCHDOG_MS - 1;
        }
      }
    };
    // One step of the workload: an edit, or a client going offline / coming back (edits made
    // offline are merged on reconnect), then a short seeded think time so edits interleave with
    // the traffic in flight. The pause paces the workload; nothing waits on it for correctness.
    const step = async (exclude?: FuzzClient) => {
      const c = pick(clients);
      if (rand() < 0.04 && c !== exclude) {
        // At most two clients offline at once, so there is always traffic to disturb.
        const offline = clients.filter((o) => !o.provider.shouldConnect).length;
        if (!c.provider.shouldConnect) c.provider.connect();
        else if (offline < 2) c.provider.disconnect();
      } else {
        randomEdit(c, rand);
        edits++;
      }
      ageSilencedWatchdogs();
      const pause = Math.floor(rand() * 6);
      await new Promise((resolve) =>
        pause === 0 ? setImmediate(resolve) : setTimeout(resolve, pause),
      );
    };
    // Keeps the workload going until `condition` holds: a fault's recovery is awaited under load.
    const editUntil = async (
      condition: () => boolean,
      what: string,
      exclude?: FuzzClient,
      timeoutMs = 12_000,
    ) => {
      const deadline = performance.now() + timeoutMs;
      while (!condition()) {
        if (performance.now() > deadline)
          throw new Error(`timed out waiting for ${what} (${context()})`);
        await step(exclude);
      }
    };
    // A client that is online over a connection without a fault, to aim a fault at.
    const target = async (): Promise<FuzzClient> => {
      const usable = () => clients.filter((c) => c.online && p.find(c.label)?.blackHole === null);
      await editUntil(() => {
        // Clients switched off by the workload come back, so someone is usable.
        for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
        return usable().length > 0;
      }, 'a client online over a healthy connection');
      return pick(usable());
    };

    const blackHole = async (mode: BlackHoleMode) => {
      const victim = await target();
      const link = p.find(victim.label);
      const { generation, remoteCloses, watchdogCloses } = victim;
      const timeouts = heartbeatTimeouts();
      expect(p.blackHole(link?.id ?? -1, mode), `seed ${seed}: black hole ${mode}`).toBe(true);
      // The victim keeps editing: its updates vanish on the wire and must be merged later.
      await editUntil(
        () =>
          victim.generation > generation &&
          // Nothing reaches the server, so its heartbeat must find the dead peer. With only the
          // downstream silenced the client's messages still count as signs of life; that socket
          // ends when the client, after its watchdog, closes it.
          (mode === 'down' || heartbeatTimeouts() > timeouts),
        `recovery from a ${mode} black hole of ${victim.label}`,
        victim,
      );
      if (mode === 'up') {
        expect(victim.remoteCloses, `seed ${seed}: the server's close reached the client`).toBe(
          remoteCloses + 1,
        );
      } else {
        expect(victim.watchdogCloses, `seed ${seed}: y-websocket's watchdog reconnected`).toBe(
          watchdogCloses + 1,
        );
      }
    };

    const faults: Fault[] = ['blackhole-both', 'blackhole-up', 'blackhole-down', 'drop-all'];
    faults.push(pick(['drop-one', 'spike', 'blackhole-both'] as const));
    faults.push(pick(['drop-one', 'spike', 'drop-all'] as const));
    // Seeded shuffle, so the order of the forced faults differs between seeds.
    for (let i = faults.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [faults[i], faults[j]] = [faults[j] as Fault, faults[i] as Fault];
    }
    for (const fault of faults) {
      for (let i = 0; i < EDITS_PER_ROUND; i++) await step();
      if (fault === 'blackhole-both') await blackHole('both');
      else if (fault === 'blackhole-down') await blackHole('down');
      else if (fault === 'blackhole-up') await blackHole('up');
      else if (fault === 'drop-one') {
        const victim = await target();
        const generation = victim.generation;
        expect(p.drop(p.find(victim.label)?.id ?? -1), `seed ${seed}: drop-one`).toBe(true);
        await editUntil(() => victim.generation > generation, `${victim.label} sees its drop`);
      } else if (fault === 'drop-all') {
        await target();
        const before = clients.map((c) => ({
          c,
          generation: c.generation,
          open: !!p.find(c.label),
        }));
        expect(p.dropAll(), `drop-all found connections (${context()})`).toBeGreaterThan(0);
        await editUntil(
          () => before.every(({ c, generation, open }) => !open || c.generation > generation),
          'every dropped client sees its drop',
        );
      } else {
        p.setFaults({ delayMs: 40, jitterMs: 60 });
        for (let i = 0; i < EDITS_PER_ROUND; i++) await step();
        p.setFaults({ delayMs: FUZZ_FAULTS.delayMs ?? 0, jitterMs: FUZZ_FAULTS.jitterMs ?? 0 });
      }
    }
    for (let i = 0; i < EDITS_PER_ROUND; i++) await step();

    // Heal: faults off, black-holed sockets reset, everyone back online; then wait to converge.
    p.heal();
    for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect();
    const views = () => clients.map((c) => ({ sv: stateVector(c.doc), json: content(c.doc) }));
    await waitFor(
      () => {
        if (!clients.every((c) => c.online)) return false;
        const [head, ...rest] = views();
        return rest.every((v) => v.sv === head?.sv && isDeepStrictEqual(v.json, head?.json));
      },
      () =>
        `clients converge (${context()}); ${clients
          .map((c) => `${c.name}: ${JSON.stringify(content(c.doc)).slice(0, 300)}`)
          .join('; ')}`,
      20_000,
    );
    const expectedSv = stateVector(first.doc);
    const expectedJson = content(first.doc);
    for (const c of clients) {
      expect(stateVector(c.doc), `seed ${seed}: state vector of ${c.name}`).toBe(expectedSv);
      expect(content(c.doc), `seed ${seed}: content of ${c.name}`).toEqual(expectedJson);
    }
    const live = await s.rooms.withDocument(MAP, (doc) => ({
      sv: stateVector(doc),
      json: content(doc),
    }));
    expect(live.sv, `seed ${seed}: the server's live document`).toBe(expectedSv);
    expect(live.json, `seed ${seed}: the server's live document`).toEqual(expectedJson);

    // Stock clients on a bad network never look like misbehaving clients, and nothing failed.
    expect(
      s.logger.lines.filter((l) => l.level !== 'info'),
      `seed ${seed}: server warnings and errors`,
    ).toEqual([]);

    // The faults did happen (a fuzz that injects nothing proves nothing).
    const watchdogCloses = clients.reduce((sum, c) => sum + c.watchdogCloses, 0);
    expect(p.stats.drops, `seed ${seed}: drops`).toBeGreaterThanOrEqual(2);
    expect(p.stats.blackHoles, `seed ${seed}: black holes`).toBeGreaterThanOrEqual(3);
    expect(watchdogCloses, `seed ${seed}: watchdog reconnections`).toBeGreaterThanOrEqual(2);
    expect(heartbeatTimeouts(), `seed ${seed}: server heartbeat timeouts`).toBeGreaterThanOrEqual(
      2,
    );
    expect(p.stats.bytesDiscarded, `seed ${seed}: bytes lost on the wire`).toBeGreaterThan(0);
    expect(
      s.telemetry.persistenceOps.some((op) => op.op === 'compact' && op.ok),
      `seed ${seed}: the log was compacted during the run`,
    ).toBe(true);

    const figures: RunFigures = {
      seed,
      seconds: 0,
      edits,
      connections: p.stats.connections,
      drops: p.stats.drops,
      blackHoles: p.stats.blackHoles,
      resets: p.stats.resets,
      bytes: p.stats.bytesUp + p.stats.bytesDown,
      bytesDiscarded: p.stats.bytesDiscarded,
      heartbeatTimeouts: heartbeatTimeouts(),
      watchdogCloses,
    };

    // Graceful shutdown (clients first, so nothing arrives after the final compaction), then
    // what a restarted server would load: a fresh SqliteStorage on the same directory.
    for (const c of clients.splice(0)) c.destroy();
    await p.close();
    proxy = null;
    await s.close();
    server = null;
    await storage.close();
    storage = SqliteStorage.open({ dataDir });
    const reloaded = await loadStoredDoc(storage, MAP);
    expect(stateVector(reloaded), `seed ${seed}: storage reload state vector`).toBe(expectedSv);
    expect(content(reloaded), `seed ${seed}: storage reload content`).toEqual(expectedJson);
    reloaded.destroy();
    figures.seconds = Math.round((performance.now() - started) / 100) / 10;
    return figures;
  } finally {
    for (const c of clients) c.destroy();
    await proxy?.close();
    await server?.close();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function report(figures: RunFigures): void {
  console.info(`proxy fuzz ${JSON.stringify(figures)}`);
}

describe('convergence through a fault-injecting proxy', () => {
  const seed = Number(process.env.FLOWMAP_FUZZ_SEED ?? Date.now() % 100_000);

  it(`random seed ${seed}: clients, server and reloaded storage end identical`, async () => {
    report(await runProxyFuzz(seed));
  }, 45_000);

  it('pinned seed 7: clients, server and reloaded storage end identical', async () => {
    report(await runProxyFuzz(7));
  }, 45_000);
});
