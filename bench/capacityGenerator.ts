// One load-generator process of the capacity benchmark (capacity.ts starts several). It holds the
// workshops it is given: 10 raw y-protocols clients each over `ws` (no Y.Doc, no provider; what
// they send is pre-encoded), two of them writers editing a stage at human rates, everyone moving a
// cursor. A whole workshop lives in one process, so an edit and its arrival at the nine peers are
// timed on one clock. Its own event-loop delay is measured and reported: the latencies mean
// something only while it stays low. Driven over IPC by capacity.ts (messages below).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { loopDelayMonitor } from './harness.ts';

// `ws` is the server's dependency; the bench borrows it rather than pinning a second copy.
interface Socket {
  readyState: number;
  on(event: 'open', fn: () => void): void;
  on(event: 'message', fn: (data: Buffer) => void): void;
  on(event: 'close', fn: (code: number) => void): void;
  on(event: 'error', fn: (error: Error) => void): void;
  send(data: Uint8Array): void;
  terminate(): void;
}
const { WebSocket } = createRequire(join(import.meta.dirname, '../server/package.json'))('ws') as {
  WebSocket: new (url: string, options: { perMessageDeflate: boolean }) => Socket;
};
const OPEN = 1;

export interface WorkshopRef {
  mapId: string;
  token: string;
}

export interface GeneratorConfig {
  /** Participant i of a workshop connects to urls[i % urls.length] (several instances). */
  urls: string[];
  /** The reference server starts every room empty: the first writer sends this map first. */
  seedUpdate: number[] | null;
  participants: number;
  writers: number;
  cursorHz: number;
  editMinMs: number;
  editMaxMs: number;
}

export type ToGenerator =
  | { type: 'config'; config: GeneratorConfig }
  | { type: 'add'; workshops: WorkshopRef[] }
  | { type: 'reset' }
  | { type: 'collect'; graceMs: number }
  | { type: 'final' }
  | { type: 'stop' };

export interface Collected {
  type: 'collected';
  /** Edit-to-peer latencies (ms) of the edits sent in the measured window. */
  samples: number[];
  editsSent: number;
  deliveries: number;
  cursorsSent: number;
  awarenessReceived: number;
  /** Edits sent before the window ended that some peer had not received after the grace time. */
  missing: number;
  /** Sockets the server closed. */
  closed: number;
  seconds: number;
  loopP99: number;
  loopMax: number;
  /** This process's CPU time over the window, % of one core. */
  cpuPercent: number;
}

export interface FinalValue {
  mapId: string;
  stateId: string;
  nodeId: string;
  x: number;
}

const send = (message: unknown) => process.send?.(message);

// --- y-protocols framing, by hand (a few varints): sync = 0, awareness = 1.

function writeVarUint(out: number[], n: number): void {
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function readVarUint(buf: Uint8Array, at: { pos: number }): number {
  let n = 0;
  let mult = 1;
  for (;;) {
    const byte = buf[at.pos++] ?? 0;
    n += (byte & 0x7f) * mult;
    if (byte < 0x80) return n;
    mult *= 128;
  }
}

function syncMessage(subtype: number, payload: Uint8Array): Uint8Array {
  const head: number[] = [0, subtype];
  writeVarUint(head, payload.length);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const SYNC_STEP1_EMPTY = syncMessage(0, EMPTY_STATE_VECTOR);
// The answer to the server's sync step 1 from a client with nothing the server lacks.
const SYNC_STEP2_EMPTY = syncMessage(1, new Uint8Array([0, 0]));
const encoder = new TextEncoder();

/** An awareness message setting one client's state (clock must grow for it to be applied). */
function awarenessMessage(clientId: number, clock: number, json: Uint8Array): Uint8Array {
  const update: number[] = [];
  writeVarUint(update, 1);
  writeVarUint(update, clientId);
  writeVarUint(update, clock);
  writeVarUint(update, json.length);
  const head: number[] = [1];
  writeVarUint(head, update.length + json.length);
  const out = new Uint8Array(head.length + update.length + json.length);
  out.set(head);
  out.set(update, head.length);
  out.set(json, head.length + update.length);
  return out;
}

// What a Flowmap tab shares (client/src/sync/presence.ts), with 16 cursor positions to cycle.
function presenceStates(name: string, stateId: string): Uint8Array[] {
  return Array.from({ length: 16 }, (_, i) =>
    encoder.encode(
      JSON.stringify({
        user: { name, colour: '#4363d8' },
        stateId,
        cursor: { x: 100 + i * 37.5, y: 80 + ((i * 53) % 400) },
        selection: [],
        viewport: { x: -120, y: -40, zoom: 0.8 },
        dragging: null,
      }),
    ),
  );
}

// --- Workshops.

interface Edit {
  /** `${client}:${clock}` of the update's first struct (what the server relays keeps it). */
  key: string;
  message: Uint8Array;
  x: number;
}

interface Pending {
  sentAt: number;
  left: number;
  measured: boolean;
}

interface Writer {
  participant: Participant;
  edits: Edit[];
  next: number;
  nextAt: number;
  client: number;
  base: Y.Doc;
  stateId: string;
  nodeId: string;
}

interface Participant {
  ws: Socket;
  awarenessId: number;
  clock: number;
  states: Uint8Array[];
  /** The writer client id whose echoes this participant ignores (the reference server echoes). */
  ownClient: number;
  synced: boolean;
  onSync?: (update: Uint8Array) => void;
}

let config: GeneratorConfig;
const participants: Participant[] = [];
const writers: Writer[] = [];
const pending = new Map<string, Pending>();
let measuring = false;
let windowStart = 0;
let samples: number[] = [];
let editsSent = 0;
let deliveries = 0;
let cursorsSent = 0;
let awarenessReceived = 0;
let closed = 0;
let stopping = false;
let cpuAtReset = process.cpuUsage();
const loop = loopDelayMonitor();

function onMessage(p: Participant, data: Buffer): void {
  const type = data[0];
  if (type === 1) {
    if (measuring) awarenessReceived++;
    return;
  }
  if (type !== 0) return;
  const sub = data[1];
  if (sub === 0) {
    p.ws.send(SYNC_STEP2_EMPTY);
    return;
  }
  const at = { pos: 2 };
  if (sub === 1) {
    if (!p.synced) {
      p.synced = true;
      const len = readVarUint(data, at);
      p.onSync?.(data.subarray(at.pos, at.pos + len));
    }
    return;
  }
  if (sub !== 2) return;
  const now = performance.now();
  readVarUint(data, at); // update length
  if (readVarUint(data, at) === 0) return; // no struct blocks
  readVarUint(data, at); // structs in the block
  const client = readVarUint(data, at);
  if (client === p.ownClient) return;
  const clock = readVarUint(data, at);
  const entry = pending.get(`${client}:${clock}`);
  if (!entry) return;
  if (entry.measured) {
    samples.push(now - entry.sentAt);
    deliveries++;
  }
  if (--entry.left === 0) pending.delete(`${client}:${clock}`);
}

function connect(url: string, name: string, stateId: string): Participant {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const p: Participant = {
    ws,
    awarenessId: Math.floor(Math.random() * 2 ** 31) + 1,
    clock: 0,
    states: presenceStates(name, stateId),
    ownClient: -1,
    synced: false,
  };
  ws.on('message', (data) => onMessage(p, data));
  ws.on('error', () => {});
  ws.on('close', () => {
    if (!stopping) closed++;
  });
  ws.on('open', () => {
    ws.send(SYNC_STEP1_EMPTY);
    sendCursor(p);
  });
  return p;
}

function sendCursor(p: Participant): void {
  if (p.ws.readyState !== OPEN) return;
  p.clock++;
  p.ws.send(
    awarenessMessage(p.awarenessId, p.clock, p.states[p.clock % p.states.length] as Uint8Array),
  );
}

/** Pre-encodes `count` more edits: the writer's stage moved along x, one update each. */
function pregenerate(w: Writer, count: number): void {
  const node = (w.base.getMap('states').get(w.stateId) as Y.Map<unknown>).get('nodes') as Y.Map<
    Y.Map<unknown>
  >;
  const stage = node.get(w.nodeId) as Y.Map<unknown>;
  let captured: Uint8Array | null = null;
  const capture = (u: Uint8Array) => {
    captured = u;
  };
  w.base.on('update', capture);
  const from = w.edits.length;
  for (let i = 0; i < count; i++) {
    const x = 1000 + from + i;
    const clock = Y.getState(w.base.store, w.client);
    w.base.transact(() => stage.set('x', x));
    if (captured)
      w.edits.push({ key: `${w.client}:${clock}`, message: syncMessage(2, captured), x });
    captured = null;
  }
  w.base.off('update', capture);
}

function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const tick = () => {
      if (check()) resolve(true);
      else if (performance.now() > end) resolve(false);
      else setTimeout(tick, 10);
    };
    tick();
  });
}

function firstState(doc: Y.Doc): { stateId: string; nodes: Y.Map<Y.Map<unknown>> } | null {
  const states = doc.getMap('states');
  const stateId = [...states.keys()].sort()[0];
  if (stateId === undefined) return null;
  const nodes = (states.get(stateId) as Y.Map<unknown>).get('nodes') as Y.Map<Y.Map<unknown>>;
  return { stateId, nodes };
}

async function addWorkshop(ref: WorkshopRef, index: number): Promise<void> {
  const url = (i: number) => {
    const base = config.urls[i % config.urls.length] ?? '';
    return `${base.replace(/^http/, 'ws')}/sync/${ref.mapId}?token=${ref.token}`;
  };
  // The first writer brings the document: from the server (Flowmap created it from a template),
  // or, for the reference server's empty room, sends the same map first.
  const first = connect(url(0), `Writer ${index}.0`, 'current');
  const docBytes = await new Promise<Uint8Array>((resolve) => {
    first.onSync = (update) => resolve(update.slice());
  });
  const base = new Y.Doc();
  Y.applyUpdate(base, docBytes);
  if (!firstState(base) && config.seedUpdate) {
    const seed = Uint8Array.from(config.seedUpdate);
    Y.applyUpdate(base, seed);
    first.ws.send(syncMessage(2, seed));
  }
  const found = firstState(base);
  if (!found) throw new Error(`workshop ${ref.mapId}: the map has no state`);
  const stages = [...found.nodes.keys()]
    .filter((id) => found.nodes.get(id)?.get('type') === 'stage')
    .sort();
  const group: Participant[] = [first];
  for (let i = 1; i < config.participants; i++) {
    group.push(connect(url(i), `Participant ${index}.${i}`, found.stateId));
  }
  const baseState = Y.encodeStateAsUpdate(base);
  base.destroy();
  // Load starts once everyone is in: an edit made before a peer joined reaches it in its sync
  // step 2, not as an update, and would count as missing.
  if (!(await waitFor(() => group.every((p) => p.synced), 60_000))) {
    throw new Error(`workshop ${ref.mapId}: not every participant synced in 60 s`);
  }
  for (let i = 0; i < config.writers; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, baseState);
    const participant = group[i] as Participant;
    participant.ownClient = doc.clientID;
    const w: Writer = {
      participant,
      edits: [],
      next: 0,
      nextAt: performance.now() + config.editMinMs * Math.random() * 2,
      client: doc.clientID,
      base: doc,
      stateId: found.stateId,
      nodeId: stages[i % stages.length] as string,
    };
    pregenerate(w, 200);
    writers.push(w);
  }
  participants.push(...group);
}

// One 10 ms tick drives everything: each participant's cursor in its slot of the cursor period,
// and each writer's next edit when due (every editMinMs–editMaxMs, uniformly at random).
let tick = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
function onTick(): void {
  const now = performance.now();
  const slots = Math.max(1, Math.round(1000 / config.cursorHz / 10));
  const slot = tick++ % slots;
  if (config.cursorHz > 0) {
    for (let i = slot; i < participants.length; i += slots) {
      sendCursor(participants[i] as Participant);
      if (measuring) cursorsSent++;
    }
  }
  for (const w of writers) {
    if (w.nextAt > now || w.participant.ws.readyState !== OPEN) continue;
    if (w.next >= w.edits.length) pregenerate(w, 200);
    const edit = w.edits[w.next++] as Edit;
    const sentAt = performance.now();
    pending.set(edit.key, { sentAt, left: config.participants - 1, measured: measuring });
    w.participant.ws.send(edit.message);
    if (measuring) editsSent++;
    w.nextAt = sentAt + config.editMinMs + Math.random() * (config.editMaxMs - config.editMinMs);
  }
}

process.on('message', async (m: ToGenerator) => {
  try {
    switch (m.type) {
      case 'config':
        config = m.config;
        ticker = setInterval(onTick, 10);
        send({ type: 'ok' });
        return;
      case 'add': {
        const offset = participants.length / config.participants;
        await Promise.all(m.workshops.map((ref, i) => addWorkshop(ref, offset + i)));
        send({ type: 'ok' });
        return;
      }
      case 'reset':
        samples = [];
        editsSent = deliveries = cursorsSent = awarenessReceived = 0;
        loop.reset();
        loop.enable();
        cpuAtReset = process.cpuUsage();
        windowStart = performance.now();
        measuring = true;
        send({ type: 'ok' });
        return;
      case 'collect': {
        measuring = false;
        const end = performance.now();
        const seconds = (end - windowStart) / 1000;
        const cpu = process.cpuUsage(cpuAtReset);
        const loopP99 = loop.percentile(99);
        const loopMax = loop.max();
        loop.disable();
        const late = () => [...pending.values()].filter((p) => p.sentAt <= end);
        await waitFor(() => late().length === 0, m.graceMs);
        const missing = late().length;
        for (const [key, p] of pending) if (p.sentAt <= end) pending.delete(key);
        const collected: Collected = {
          type: 'collected',
          samples,
          editsSent,
          deliveries,
          cursorsSent,
          awarenessReceived,
          missing,
          closed,
          seconds,
          loopP99,
          loopMax,
          cpuPercent: ((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100,
        };
        send(collected);
        return;
      }
      case 'final': {
        // The last value each writer sent: sending stops, and what is in flight arrives first.
        clearInterval(ticker);
        await waitFor(() => pending.size === 0, 10_000);
        const values: FinalValue[] = writers.map((w) => ({
          mapId: new URL((w.participant.ws as unknown as { url: string }).url).pathname.replace(
            '/sync/',
            '',
          ),
          stateId: w.stateId,
          nodeId: w.nodeId,
          x: w.next > 0 ? (w.edits[w.next - 1] as Edit).x : Number.NaN,
        }));
        send({ type: 'final', values });
        return;
      }
      case 'stop':
        stopping = true;
        for (const p of participants) p.ws.terminate();
        send({ type: 'ok' });
        setTimeout(() => process.exit(0), 50);
        return;
    }
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
send({ type: 'ready' });
