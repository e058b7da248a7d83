// The hostile-input suite. Every case runs against a real Flowmap server (createServer on port 0:
// SQLite, token checks at the upgrade, the JSON API) holding two maps, each with two stock
// WebsocketProvider clients: the offender attacks the "target" map, the "other" map is the
// bystander room. For every case:
//   1. the offender is refused with exactly the documented close code or HTTP status (or, where
//      the documented answer is to drop silently, stays open and changes nothing);
//   2. the server stays responsive: a fresh edit in the other room reaches its peer within
//      BYSTANDER_BOUND_MS, and /healthz answers;
//   3. nothing invalid is stored: each map reloaded from storage equals (state vector and
//      content) what its legitimate clients hold, with exactly the expected number of writes;
//   4. the target room's own clients are unaffected: same sockets, and they still sync.
// The table is the list in docs/reliability.md; cases for one piece of the sync core in
// isolation live beside it (sync/*.test.ts, sync/updateGuard.test.ts).
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  connectMap,
  type Harness,
  type MapClient,
  startHarness,
  tryUpgrade,
} from '../http/harness.testkit.ts';
import { loadStoredDoc, mulberry32, RawClient, waitFor } from '../sync/clients.testkit.ts';
import {
  absurd,
  any,
  craftUpdate,
  deleted,
  gc,
  item,
  rawContent,
  skip,
  str,
  subdocBomb,
  varints,
} from '../sync/craftedUpdates.testkit.ts';
import { DEFAULT_LIMITS } from '../sync/limits.ts';
import {
  type AwarenessEntry,
  CloseCode,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  MESSAGE_AWARENESS,
} from '../sync/protocol.ts';

const BYSTANDER_BOUND_MS = 2_000;
/** startHarness's maxPayload. */
const MAX_PAYLOAD = 2 * 1024 * 1024;
/** `ws`'s default maxFragments for a WebSocketServer. */
const WS_MAX_FRAGMENTS = 16 * 1024;

interface MapInfo {
  id: string;
  editToken: string;
  viewToken: string;
}

interface Env {
  h: Harness;
  wsBase: string;
  target: MapInfo;
  other: MapInfo;
  /** Legitimate clients of the target map (the offender's room). */
  peers: [MapClient, MapClient];
  /** Clients of the other map. */
  bystanders: [MapClient, MapClient];
  sockets: unknown[];
  round: number;
  /** What storage holds for the other map: its last sequence number. */
  otherSeq: number;
  cleanup: (() => void)[];
}

type Outcome = { close: number } | { status: number } | { open: true };

interface HostileCase {
  name: string;
  run: (env: Env) => Promise<Outcome>;
  expected: Outcome;
  /** Offender updates that are legitimately stored (default 0); 'any' lets `check` decide. */
  writes?: number | 'any';
  /** More checks, after the offender is done; `stored` is how many of its updates were stored. */
  check?: (env: Env, stored: number) => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Harness

async function createMap(h: Harness, title: string): Promise<MapInfo> {
  const res = await h.api('/api/maps', { method: 'POST', json: { title } });
  expect(res.status).toBe(201);
  return (await res.json()) as MapInfo;
}

async function startEnv(): Promise<Env> {
  const h = await startHarness();
  const target = await createMap(h, 'target');
  const other = await createMap(h, 'other');
  const peers: [MapClient, MapClient] = [
    connectMap(h.url, target.id, target.editToken),
    connectMap(h.url, target.id, target.editToken),
  ];
  const bystanders: [MapClient, MapClient] = [
    connectMap(h.url, other.id, other.editToken),
    connectMap(h.url, other.id, other.editToken),
  ];
  const all = [...peers, ...bystanders];
  await waitFor(() => all.every((c) => c.provider.synced), 'clients synced');
  peers[0].doc.getMap('meta').set('seed', 'target');
  bystanders[0].doc.getMap('meta').set('seed', 'other');
  await waitFor(
    () =>
      peers[1].doc.getMap('meta').get('seed') === 'target' &&
      bystanders[1].doc.getMap('meta').get('seed') === 'other',
    'seed edits synced',
  );
  await h.server.rooms.flushAll();
  return {
    h,
    wsBase: h.url.replace(/^http/, 'ws'),
    target,
    other,
    peers,
    bystanders,
    sockets: all.map((c) => c.provider.ws),
    round: 0,
    otherSeq: (await h.storage.loadDocument(other.id)).lastSeq,
    cleanup: [],
  };
}

async function stopEnv(env: Env): Promise<void> {
  for (const fn of env.cleanup.splice(0)) fn();
  for (const c of [...env.peers, ...env.bystanders]) c.destroy();
  await env.h.stop();
}

const lastSeq = async (env: Env, mapId: string) =>
  (await env.h.storage.loadDocument(mapId)).lastSeq;

const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

/** Checks 2–4 of the file comment; the target map's last sequence number is `storedSoFar`. */
async function expectUnharmed(env: Env, storedSoFar: number): Promise<void> {
  env.round += 1;
  const round = env.round;
  const started = performance.now();
  env.bystanders[0].doc.getMap('meta').set('round', round);
  env.peers[0].doc.getMap('meta').set('round', round);
  await waitFor(
    () => env.bystanders[1].doc.getMap('meta').get('round') === round,
    'a bystander in another room sees a fresh edit from its peer',
    BYSTANDER_BOUND_MS,
  );
  expect(performance.now() - started).toBeLessThan(BYSTANDER_BOUND_MS);
  await waitFor(
    () => env.peers[1].doc.getMap('meta').get('round') === round,
    'the offender’s room keeps syncing',
    BYSTANDER_BOUND_MS,
  );
  // Not one legitimate client was disconnected or reconnected.
  const sockets = [...env.peers, ...env.bystanders].map((c) => c.provider.ws);
  sockets.forEach((socket, i) => {
    expect(socket, `client ${i} kept its socket`).toBe(env.sockets[i]);
  });

  const health = await env.h.api('/healthz', { owner: false });
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });

  await env.h.server.rooms.flushAll();
  // Stored = what the legitimate clients hold, no more, no less (content and clocks).
  for (const [map, client, seq] of [
    [env.target, env.peers[0], storedSoFar + 1],
    [env.other, env.bystanders[0], env.otherSeq + round],
  ] as const) {
    const stored = await loadStoredDoc(env.h.storage, map.id);
    expect(stateVector(stored)).toEqual(stateVector(client.doc));
    // Same structs and same deletions: the same document.
    expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(client.doc))).toBe(true);
    expect(stored.getMap('meta').toJSON()).toEqual(client.doc.getMap('meta').toJSON());
    expect(await lastSeq(env, map.id)).toBe(seq);
    stored.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Offenders

/** A `ws` client on the target map (edit token unless told otherwise). */
async function offender(env: Env, token = env.target.editToken): Promise<RawClient> {
  const client = await RawClient.connect(`${env.wsBase}/sync/${env.target.id}?token=${token}`);
  env.cleanup.push(() => client.ws.terminate());
  return client;
}

function closeCodeOf(client: RawClient): Promise<Outcome> {
  return Promise.race([
    client.closed.then(({ code }) => ({ close: code })),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the offender was not disconnected')), 5_000),
    ),
  ]);
}

/** Sends `frames` from a fresh offender and reports how the server closed it. */
async function sendFrames(
  env: Env,
  frames: (Uint8Array | string)[],
  token?: string,
): Promise<Outcome> {
  const client = await offender(env, token);
  for (const frame of frames) client.send(frame);
  return closeCodeOf(client);
}

/** The server answers a query after everything sent before it: then the socket must be open. */
async function stillOpen(client: RawClient): Promise<Outcome> {
  const before = client.messages.length;
  client.send(encodeQueryAwareness());
  await waitFor(() => client.messages.length > before || !client.isOpen, 'query answered');
  return client.isOpen ? { open: true } : { close: client.closeEvent?.code ?? 0 };
}

/**
 * A websocket written by hand on node:net, for what `ws` will not send: 1-byte fragments,
 * unmasked frames, reserved bits and opcodes, invalid UTF-8 text. It parses the server's frames
 * just enough to count data frames and read the close code.
 */
class HandWrittenSocket {
  dataFrames = 0;
  readonly closeCode: Promise<number | null>;
  private buffer = Buffer.alloc(0);
  private settle: (code: number | null) => void = () => {};

  private constructor(private readonly socket: Socket) {
    this.closeCode = new Promise((resolve) => {
      this.settle = resolve;
    });
    socket.on('close', () => this.settle(null));
    socket.on('error', () => {});
  }

  static open(url: string): Promise<HandWrittenSocket> {
    const target = new URL(url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(target.port), target.hostname);
      let head = Buffer.alloc(0);
      socket.once('error', reject);
      socket.on('connect', () =>
        socket.write(
          `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
            'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        ),
      );
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        if (!head.subarray(0, end).toString('latin1').startsWith('HTTP/1.1 101')) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${head.toString('latin1').split('\r\n')[0]}`));
          return;
        }
        const ws = new HandWrittenSocket(socket);
        socket.on('data', (data: Buffer) => ws.receive(data));
        ws.receive(head.subarray(end + 4));
        resolve(ws);
      };
      socket.on('data', onData);
    });
  }

  /** One client frame; masked unless told otherwise (the mask is fixed: tests replay exactly). */
  static frame(
    opcode: number,
    payload: Uint8Array,
    options: { fin?: boolean; masked?: boolean; rsv?: number } = {},
  ): Buffer {
    const { fin = true, masked = true, rsv = 0 } = options;
    const length = payload.length;
    const extended = length < 126 ? 0 : length < 0x10000 ? 2 : 8;
    const out = Buffer.alloc(2 + extended + (masked ? 4 : 0) + length);
    out[0] = (fin ? 0x80 : 0) | (rsv << 4) | opcode;
    out[1] = (masked ? 0x80 : 0) | (extended === 0 ? length : extended === 2 ? 126 : 127);
    if (extended === 2) out.writeUInt16BE(length, 2);
    if (extended === 8) out.writeBigUInt64BE(BigInt(length), 2);
    let at = 2 + extended;
    const mask = [0x12, 0x34, 0x56, 0x78];
    if (masked) {
      out.set(mask, at);
      at += 4;
    }
    for (let i = 0; i < length; i++) {
      out[at + i] = (payload[i] as number) ^ (masked ? (mask[i & 3] as number) : 0);
    }
    return out;
  }

  /** `payload` as one binary message cut into fragments of `size` bytes. */
  static fragments(payload: Uint8Array, size: number): Buffer {
    const parts: Buffer[] = [];
    for (let at = 0; at < payload.length; at += size) {
      const fin = at + size >= payload.length;
      const opcode = at === 0 ? 0x2 : 0x0;
      parts.push(HandWrittenSocket.frame(opcode, payload.subarray(at, at + size), { fin }));
    }
    return Buffer.concat(parts);
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const opcode = (this.buffer[0] as number) & 0x0f;
      let length = (this.buffer[1] as number) & 0x7f;
      let at = 2;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        at = 10;
      }
      if (this.buffer.length < at + length) return;
      const payload = this.buffer.subarray(at, at + length);
      this.buffer = this.buffer.subarray(at + length);
      if (opcode === 0x8) this.settle(payload.length >= 2 ? payload.readUInt16BE(0) : 1005);
      else if (opcode <= 0x2) this.dataFrames++;
    }
  }
}

async function handWritten(env: Env, send: (ws: HandWrittenSocket) => void): Promise<Outcome> {
  const ws = await HandWrittenSocket.open(
    `${env.wsBase}/sync/${env.target.id}?token=${env.target.editToken}`,
  );
  env.cleanup.push(() => ws.destroy());
  send(ws);
  const code = await Promise.race([
    ws.closeCode,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the offender was not disconnected')), 5_000),
    ),
  ]);
  return code === null ? { close: -1 } : { close: code };
}

/** A raw HTTP request (upgrade or not) with a request target no client library would send. */
function rawRequest(env: Env, target: Buffer | string, upgrade: boolean): Promise<Outcome> {
  const { port } = new URL(env.h.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let response = '';
    socket.on('connect', () => {
      socket.write(
        Buffer.concat([
          Buffer.from('GET '),
          typeof target === 'string' ? Buffer.from(target, 'latin1') : target,
          Buffer.from(
            ' HTTP/1.1\r\nHost: localhost\r\n' +
              (upgrade
                ? 'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
                  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n'
                : 'Connection: close\r\n') +
              '\r\n',
          ),
        ]),
      );
    });
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString('latin1');
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
      // Refused before any websocket data: never a 101, so never a single frame.
      if (status === 101) reject(new Error('the upgrade was accepted'));
      else resolve({ status });
    });
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/** The stock `ws` client's view of an upgrade: refused (status, no message) or opened. */
async function upgradeWith(url: string): Promise<Outcome> {
  const result = await tryUpgrade(url);
  if ('opened' in result) return { open: true };
  expect(result.messages).toBe(0);
  return { status: result.status };
}

const mapUrl = (env: Env, id: string, query = `?token=${env.target.editToken}`) =>
  `${env.wsBase}/sync/${id}${query}`;

// ---------------------------------------------------------------------------------------------
// Frames

function randomBytes(seed: number, length: number): Uint8Array {
  const next = mulberry32(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** An awareness message whose states are raw bytes: what JSON.stringify never writes. */
function awarenessFrame(entries: { clientID: number; clock: number; json: Uint8Array }[]) {
  const update = varints(
    entries.length,
    ...entries.flatMap((e) => [e.clientID, e.clock, e.json.length, [...e.json]]),
  );
  return varints(MESSAGE_AWARENESS, update.length, [...update]);
}
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
/** `{"a":[[…]]}`: an object holding `arrays` nested arrays (depth `arrays + 1`). */
const deeplyNested = (arrays: number) =>
  new TextEncoder().encode(`{"a":${'['.repeat(arrays)}${']'.repeat(arrays)}}`);
/** Log lines at error level or above (pino: 50 error, 60 fatal). */
const errorLines = (env: Env) =>
  env.h.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
const presence = (entries: AwarenessEntry[]) =>
  encodeAwarenessMessage(encodeAwarenessUpdate(entries));

/** `count` updates from one fresh client, each setting the same key. */
function tinyUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getMap('flood').set('k', i);
  doc.destroy();
  return updates;
}

/** A V2 update of a document with 20 000 separate structs (alternating inserts never merge). */
function v2Update(): Uint8Array {
  const doc = new Y.Doc();
  const list = doc.getArray<number>('list');
  doc.transact(() => {
    for (let i = 0; i < 20_000; i++) list.insert(i % 2 === 0 ? 0 : list.length, [i]);
  });
  const v2 = Y.encodeStateAsUpdateV2(doc);
  doc.destroy();
  return v2;
}

const frameCase = (
  name: string,
  frames: (env: Env) => (Uint8Array | string)[],
  code: number,
  extra: Partial<HostileCase> = {},
): HostileCase => ({
  name,
  run: (env) => sendFrames(env, frames(env)),
  expected: { close: code },
  ...extra,
});

const invalid = CloseCode.invalidPayload;

const garbage: HostileCase[] = [
  ...[1, 2, 3, 4].map((seed) =>
    frameCase(
      `random bytes (seed ${seed})`,
      () => [Uint8Array.of(0xde, ...randomBytes(seed, 20 + 40 * seed))],
      invalid,
    ),
  ),
  ...[5, 6].map((seed) =>
    frameCase(
      `random bytes as a document update (seed ${seed})`,
      () => [encodeSyncUpdate(randomBytes(seed, 64 + seed))],
      invalid,
    ),
  ),
  frameCase('random bytes as sync step 2', () => [encodeSyncStep2(randomBytes(7, 300))], invalid),
  frameCase('random bytes as a state vector', () => [encodeSyncStep1(randomBytes(8, 40))], invalid),
  frameCase('a truncated varint', () => [Uint8Array.of(0x80)], invalid),
  frameCase('a truncated sync step', () => [Uint8Array.of(0x00, 0x80)], invalid),
  frameCase('a truncated payload length', () => [Uint8Array.of(0x00, 0x02, 0x85)], invalid),
  frameCase('a payload longer than the frame', () => [Uint8Array.of(0, 2, 100, 1, 2)], invalid),
  frameCase(
    'a varint longer than 8 bytes',
    () => [Uint8Array.of(...new Array(10).fill(0xff), 0x01)],
    invalid,
  ),
  frameCase('an empty frame', () => [new Uint8Array(0)], invalid),
  frameCase('unknown message type 4', () => [Uint8Array.of(4)], invalid),
  frameCase('unknown message type 127', () => [Uint8Array.of(0x7f, 0)], invalid),
  frameCase('a huge message type', () => [varints(2 ** 40)], invalid),
  frameCase('an unknown sync step', () => [Uint8Array.of(0, 9, 0)], invalid),
  frameCase('an auth message from a client', () => [Uint8Array.of(2, 0)], invalid),
  frameCase('trailing bytes', () => [Uint8Array.of(3, 0)], invalid),
  frameCase('a text frame', () => ['{"type":"sync"}'], CloseCode.unsupportedData),
  frameCase(
    'a frame above maxPayload',
    () => [encodeSyncUpdate(new Uint8Array(MAX_PAYLOAD + 1))],
    CloseCode.messageTooBig,
  ),
];

const framing: HostileCase[] = [
  {
    name: 'a text frame with invalid UTF-8',
    run: (env) =>
      handWritten(env, (ws) => ws.write(HandWrittenSocket.frame(0x1, Uint8Array.of(0xff, 0xfe)))),
    expected: { close: 1007 },
  },
  {
    name: 'an unmasked frame',
    run: (env) =>
      handWritten(env, (ws) =>
        ws.write(HandWrittenSocket.frame(0x2, encodeQueryAwareness(), { masked: false })),
      ),
    expected: { close: 1002 },
  },
  {
    name: 'reserved bits set',
    run: (env) =>
      handWritten(env, (ws) =>
        ws.write(HandWrittenSocket.frame(0x2, encodeQueryAwareness(), { rsv: 0b100 })),
      ),
    expected: { close: 1002 },
  },
  {
    name: 'a reserved opcode',
    run: (env) =>
      handWritten(env, (ws) => ws.write(HandWrittenSocket.frame(0x3, encodeQueryAwareness()))),
    expected: { close: 1002 },
  },
  {
    name: 'a ping above 125 bytes',
    run: (env) =>
      handWritten(env, (ws) => ws.write(HandWrittenSocket.frame(0x9, new Uint8Array(200)))),
    expected: { close: 1002 },
  },
  {
    name: 'a fragmented message adding up to more than maxPayload',
    run: (env) =>
      handWritten(env, (ws) =>
        ws.write(HandWrittenSocket.fragments(new Uint8Array(MAX_PAYLOAD + 3), 1024 * 1024)),
      ),
    expected: { close: CloseCode.messageTooBig },
  },
  {
    name: `a message in more than ${WS_MAX_FRAGMENTS} one-byte fragments`,
    run: (env) =>
      handWritten(env, (ws) =>
        ws.write(HandWrittenSocket.fragments(new Uint8Array(WS_MAX_FRAGMENTS + 4000), 1)),
      ),
    expected: { close: CloseCode.policyViolation },
  },
  {
    // Valid per RFC 6455, so accepted: reassembled, validated, stored and relayed like any other.
    name: 'a valid update in 6 000 one-byte fragments',
    run: async (env) => {
      const ws = await HandWrittenSocket.open(
        `${env.wsBase}/sync/${env.target.id}?token=${env.target.editToken}`,
      );
      env.cleanup.push(() => ws.destroy());
      const doc = new Y.Doc();
      doc.getText('fragmented').insert(0, 'f'.repeat(6_000));
      ws.write(HandWrittenSocket.fragments(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)), 1));
      doc.destroy();
      await waitFor(
        () => env.peers[1].doc.getText('fragmented').length === 6_000,
        'the peers received the reassembled update',
      );
      // Still connected: a query is answered.
      const before = ws.dataFrames;
      ws.write(HandWrittenSocket.frame(0x2, encodeQueryAwareness()));
      await waitFor(() => ws.dataFrames > before, 'query answered');
      return { open: true };
    },
    expected: { open: true },
    writes: 1,
  },
];

const limits = DEFAULT_LIMITS;
const floods: HostileCase[] = [
  {
    name: `a flood of ${limits.messageBurst * 5} tiny valid updates`,
    run: async (env) => {
      const client = await offender(env);
      for (const u of tinyUpdates(limits.messageBurst * 5)) client.send(encodeSyncUpdate(u));
      return closeCodeOf(client);
    },
    expected: { close: CloseCode.policyViolation },
    writes: 'any',
    // At most the burst (and a second's refill) got through; the rest was never validated. What
    // was still queued when the connection failed is discarded, as for any failed connection.
    check: async (_env, stored) => {
      expect(stored).toBeLessThanOrEqual(limits.messageBurst + limits.messageRatePerSecond);
    },
  },
  {
    name: 'a legitimate burst of 500 updates is not a flood',
    run: async (env) => {
      const client = await offender(env);
      for (const u of tinyUpdates(500)) client.send(encodeSyncUpdate(u));
      await waitFor(
        () => env.peers[1].doc.getMap('flood').get('k') === 499,
        'the peers received the last update',
      );
      return stillOpen(client);
    },
    expected: { open: true },
    writes: 500,
  },
  frameCase(
    `a flood of ${limits.messageBurst * 5} sync step 1 (each answered with the whole document)`,
    () => Array.from({ length: limits.messageBurst * 5 }, () => encodeSyncStep1(Uint8Array.of(0))),
    CloseCode.policyViolation,
  ),
  frameCase(
    `a flood of ${limits.messageBurst * 3} awareness updates`,
    () =>
      Array.from({ length: limits.messageBurst * 3 }, (_, i) =>
        presence([{ clientID: 9001, clock: i + 1, state: { cursor: { x: i } } }]),
      ),
    CloseCode.policyViolation,
  ),
];

// An update building on content the server lacks is dropped, the first of a run answered with a
// sync step 1 (a legitimate client then sends what is missing), up to maxMissingContentUpdates per
// connection; the next one closes with 1007. So these send one more than that.
const missingContentCase = (name: string, frames: (env: Env) => Uint8Array[]): HostileCase =>
  frameCase(
    name,
    (env) => {
      const once = frames(env);
      return Array.from({ length: limits.maxMissingContentUpdates + 1 }, () => once).flat();
    },
    invalid,
  );

// Crafted Yjs updates. Each would leave something pending in Yjs (merged with mergeUpdatesV2 on
// every later update), corrupt the document, or cost seconds and gigabytes: all refused, 1007.
const crafted: HostileCase[] = [
  missingContentCase('an update whose origin is on an unknown client', () => [
    encodeSyncUpdate(
      craftUpdate([{ client: 5, clock: 0, structs: [item(str('x'), { origin: [99, 3] })] }]),
    ),
  ]),
  frameCase(
    '40 updates of 200 KB with a missing dependency (the pending-merge path)',
    () =>
      Array.from({ length: 40 }, (_, i) =>
        encodeSyncUpdate(
          craftUpdate([
            {
              client: 1000 + i,
              clock: 0,
              structs: [item(str('p'.repeat(200_000)), { origin: [99, 3] })],
            },
          ]),
        ),
      ),
    invalid,
  ),
  missingContentCase('an update with a gap in its own clocks', () => [
    encodeSyncUpdate(craftUpdate([{ client: 5, clock: 10, structs: [item(any(1))] }])),
  ]),
  missingContentCase('an update skipping content nobody has', () => [
    encodeSyncUpdate(craftUpdate([{ client: 5, clock: 0, structs: [skip(3), item(any(1))] }])),
  ]),
  missingContentCase('two clients’ structs depending on each other', () => [
    encodeSyncUpdate(
      craftUpdate([
        { client: 5, clock: 0, structs: [item(str('a'), { origin: [6, 0] })] },
        { client: 6, clock: 0, structs: [item(str('b'), { origin: [5, 0] })] },
      ]),
    ),
  ]),
  missingContentCase('a delete of an unknown range', () => [
    encodeSyncUpdate(craftUpdate([], [{ client: 77, ranges: [[0, 1_000_000]] }])),
  ]),
  missingContentCase('a delete running past a peer’s content', (env) => {
    const client = env.peers[0].doc.clientID;
    const known = Y.getState(env.peers[0].doc.store, client);
    return [encodeSyncUpdate(craftUpdate([], [{ client, ranges: [[0, known + 5]] }]))];
  }),
  missingContentCase('a missing dependency in sync step 2', () => [
    encodeSyncStep2(
      craftUpdate([{ client: 5, clock: 0, structs: [item(str('x'), { origin: [99, 3] })] }]),
    ),
  ]),
  frameCase('a V2 update where V1 is expected', () => [encodeSyncUpdate(v2Update())], invalid),
  frameCase('a V2 update as sync step 2', () => [encodeSyncStep2(v2Update())], invalid),
  frameCase('an absurd struct block count', () => [encodeSyncUpdate(absurd.blockCount())], invalid),
  frameCase('an absurd struct count', () => [encodeSyncUpdate(absurd.structCount())], invalid),
  frameCase('an absurd string length', () => [encodeSyncUpdate(absurd.stringLength())], invalid),
  frameCase(
    '100 000 nested arrays in one value',
    () => [encodeSyncUpdate(absurd.nesting(100_000))],
    invalid,
  ),
  frameCase(
    'an unknown content type',
    () => [
      encodeSyncUpdate(
        craftUpdate([{ client: 5, clock: 0, structs: [item(rawContent(11, [0]))] }]),
      ),
    ],
    invalid,
  ),
  frameCase(
    'a zero-length struct',
    () => [
      encodeSyncUpdate(
        craftUpdate([{ client: 5, clock: 0, structs: [item(deleted(0)), item(any(1))] }]),
      ),
    ],
    invalid,
  ),
  frameCase(
    'clocks near 2^53 (stored, they would lock every client out with 1007)',
    () => [
      encodeSyncUpdate(
        craftUpdate([{ client: 5, clock: 0, structs: [gc(2 ** 52), gc(2 ** 52), item(any(1))] }]),
      ),
    ],
    invalid,
    {
      // The map stays usable: a client that reconnects syncs again.
      check: async (env) => {
        const late = connectMap(env.h.url, env.target.id, env.target.editToken);
        env.cleanup.push(() => late.destroy());
        await waitFor(() => late.provider.synced, 'a new client syncs');
        expect(late.doc.getMap('meta').get('seed')).toBe('target');
      },
    },
  ),
  {
    name: 'a subdocument bomb (100 000 subdocuments in 0.8 MB)',
    run: async (env) => {
      const started = performance.now();
      const outcome = await sendFrames(env, [encodeSyncUpdate(subdocBomb(100_000))]);
      // Refused on sight, not after seconds of integrating (and gigabytes of Y.Docs).
      expect(performance.now() - started).toBeLessThan(1_000);
      return outcome;
    },
    expected: { close: invalid },
  },
];

function awarenessSpoof(env: Env, entries: (owner: number, clock: number) => AwarenessEntry[]) {
  return async (): Promise<Outcome> => {
    const [ada, bob] = env.peers;
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    const adaId = ada.doc.clientID;
    const stateAtBob = () =>
      bob.provider.awareness.getStates().get(adaId) as { user?: { name: string } } | undefined;
    await waitFor(() => stateAtBob()?.user?.name === 'Ada', 'Bob sees Ada');
    const clock = ada.provider.awareness.meta.get(adaId)?.clock ?? 0;
    const client = await offender(env);
    for (const entry of entries(adaId, clock)) client.send(presence([entry]));
    // A marker of its own, sent last: once Bob has it, he has seen whatever was relayed.
    client.send(presence([{ clientID: 4242, clock: 1, state: { user: { name: 'marker' } } }]));
    await waitFor(() => bob.provider.awareness.getStates().has(4242), 'Bob sees the marker');
    expect(stateAtBob()?.user?.name).toBe('Ada');
    return stillOpen(client);
  };
}

const awareness: HostileCase[] = [
  {
    name: 'awareness spoofing: setting another client’s presence',
    run: (env) =>
      awarenessSpoof(env, (ada, clock) => [
        { clientID: ada, clock: clock + 5, state: { user: { name: 'Mallory' } } },
      ])(),
    expected: { open: true },
  },
  {
    name: 'awareness spoofing: removing another client’s presence',
    run: (env) =>
      awarenessSpoof(env, (ada, clock) => [{ clientID: ada, clock: clock + 5, state: null }])(),
    expected: { open: true },
  },
  {
    name: 'awareness: more client ids than a connection may introduce',
    run: async (env) => {
      const client = await offender(env);
      client.send(
        presence(
          [1, 2, 3, 4, 5, 6].map((i) => ({ clientID: 7000 + i, clock: 1, state: { n: i } })),
        ),
      );
      const ids = () =>
        [...env.peers[1].provider.awareness.getStates().keys()].filter(
          (id) => id > 7000 && id < 7010,
        );
      await waitFor(() => ids().length > 0, 'the peers see the accepted ids');
      const outcome = await stillOpen(client);
      expect(ids().sort()).toEqual([7001, 7002, 7003, 7004]);
      return outcome;
    },
    expected: { open: true },
  },
  frameCase(
    'an awareness state above 64 KiB',
    () => [presence([{ clientID: 9, clock: 1, state: { name: 'x'.repeat(70 * 1024) } }])],
    CloseCode.messageTooBig,
  ),
  frameCase(
    'a 5 MB awareness frame',
    () => [presence([{ clientID: 9, clock: 1, state: { name: 'x'.repeat(5 * 1024 * 1024) } }])],
    CloseCode.messageTooBig,
  ),
  frameCase(
    'an awareness state that is not JSON',
    () => [awarenessFrame([{ clientID: 9, clock: 1, json: new TextEncoder().encode('{nope') }])],
    invalid,
  ),
  frameCase(
    'an awareness state that is a JSON array',
    () => [awarenessFrame([{ clientID: 9, clock: 1, json: json([1, 2]) }])],
    invalid,
  ),
  frameCase(
    'an awareness state with invalid UTF-8',
    () => [awarenessFrame([{ clientID: 9, clock: 1, json: Uint8Array.of(0x22, 0xff, 0x22) }])],
    invalid,
  ),
  // JSON.parse takes any depth, but JSON.stringify (re-encoding the state for the room) and the
  // receiving clients recurse: 30,000 levels overflowed the stack and closed with 1011 (storage
  // failed) after an error-level log. It is malformed input: 1007, logged at warn at most.
  frameCase(
    'an awareness state nested 30,000 deep',
    () => [awarenessFrame([{ clientID: 9, clock: 1, json: deeplyNested(30_000) }])],
    invalid,
    { check: async (env) => expect(errorLines(env)).toEqual([]) },
  ),
  frameCase(
    'an awareness state nested 33 deep',
    () => [awarenessFrame([{ clientID: 9, clock: 1, json: deeplyNested(32) }])],
    invalid,
    { check: async (env) => expect(errorLines(env)).toEqual([]) },
  ),
  {
    name: 'an awareness state nested 32 deep is accepted and relayed',
    run: async (env) => {
      const client = await offender(env);
      client.send(awarenessFrame([{ clientID: 9, clock: 1, json: deeplyNested(31) }]));
      await waitFor(
        () => env.peers[1].provider.awareness.getStates().has(9),
        'the peers see the nested state',
      );
      return stillOpen(client);
    },
    expected: { open: true },
  },
  frameCase(
    'an absurd awareness entry count',
    () => {
      const update = varints(2 ** 40, 1, 1, [0x30]);
      return [varints(MESSAGE_AWARENESS, update.length, [...update])];
    },
    invalid,
  ),
];

const upgradeStatus = (name: string, target: (env: Env) => Buffer | string, status: number) => ({
  name: `upgrade to ${name}`,
  run: (env: Env) => rawRequest(env, target(env), true),
  expected: { status },
});
const apiStatus = (name: string, target: (env: Env) => Buffer | string, status: number) => ({
  name: `API request for ${name}`,
  run: (env: Env) => rawRequest(env, target(env), false),
  expected: { status },
});
const nul = (before: string, after: string) =>
  Buffer.concat([Buffer.from(before), Buffer.of(0), Buffer.from(after)]);

const mapIds: HostileCase[] = [
  upgradeStatus(
    'a 10 KB map id',
    (env) => `/sync/${'x'.repeat(10 * 1024)}?token=${env.target.editToken}`,
    400,
  ),
  upgradeStatus(
    '“../” (raw)',
    (env) => `/sync/../${env.target.id}?token=${env.target.editToken}`,
    404,
  ),
  upgradeStatus(
    '“..%2F..%2Fetc”',
    (env) => `/sync/..%2F..%2Fetc?token=${env.target.editToken}`,
    400,
  ),
  upgradeStatus('“%2e%2e”', (env) => `/sync/%2e%2e?token=${env.target.editToken}`, 404),
  upgradeStatus(
    'a %00 in the id',
    (env) => `/sync/${env.target.id}%00?token=${env.target.editToken}`,
    400,
  ),
  upgradeStatus(
    'a raw NUL byte in the id',
    (env) => nul(`/sync/${env.target.id}`, `?token=${env.target.editToken}`),
    400,
  ),
  upgradeStatus('a unicode id', (env) => `/sync/%C3%A9t%C3%A9?token=${env.target.editToken}`, 400),
  upgradeStatus(
    'a unicode id (raw UTF-8)',
    (env) => Buffer.from(`/sync/été?token=${env.target.editToken}`, 'utf8'),
    400,
  ),
  upgradeStatus('an empty id', (env) => `/sync/?token=${env.target.editToken}`, 400),
  upgradeStatus(
    'a 129-character id',
    (env) => `/sync/${'a'.repeat(129)}?token=${env.target.editToken}`,
    400,
  ),
  apiStatus(
    'a 10 KB map id',
    (env) => `/api/maps/${'x'.repeat(10 * 1024)}/access?token=${env.target.editToken}`,
    414,
  ),
  apiStatus('“../” (raw)', (env) => `/api/maps/../access?token=${env.target.editToken}`, 400),
  apiStatus(
    '“..%2F..%2Fetc”',
    (env) => `/api/maps/..%2F..%2Fetc/export.json?token=${env.target.editToken}`,
    400,
  ),
  apiStatus(
    'a %00 in the id',
    (env) => `/api/maps/${env.target.id}%00/access?token=${env.target.editToken}`,
    400,
  ),
  apiStatus(
    'a raw NUL byte in the id',
    (env) => nul(`/api/maps/${env.target.id}`, `/access?token=${env.target.editToken}`),
    400,
  ),
  apiStatus(
    'a unicode id',
    (env) => `/api/maps/%C3%A9t%C3%A9/access?token=${env.target.editToken}`,
    400,
  ),
  apiStatus(
    'a unicode id (raw UTF-8)',
    (env) => Buffer.from(`/api/maps/été/access?token=${env.target.editToken}`, 'utf8'),
    400,
  ),
];

const tokens: HostileCase[] = [
  {
    name: 'upgrade without a token',
    run: (env) => upgradeWith(mapUrl(env, env.target.id, '')),
    expected: { status: 401 },
  },
  {
    name: 'upgrade with an empty token',
    run: (env) => upgradeWith(mapUrl(env, env.target.id, '?token=')),
    expected: { status: 401 },
  },
  {
    name: 'upgrade with a wrong token',
    run: (env) => upgradeWith(mapUrl(env, env.target.id, '?token=guess')),
    expected: { status: 403 },
  },
  {
    name: 'upgrade with another map’s edit token',
    run: (env) => upgradeWith(mapUrl(env, env.target.id, `?token=${env.other.editToken}`)),
    expected: { status: 403 },
  },
  {
    name: 'upgrade with a 10 KB token',
    run: (env) => upgradeWith(mapUrl(env, env.target.id, `?token=${'t'.repeat(10 * 1024)}`)),
    expected: { status: 403 },
  },
  {
    name: 'upgrade with a deleted map’s token',
    run: async (env) => {
      const gone = await createMap(env.h, 'gone');
      expect((await env.h.api(`/api/maps/${gone.id}`, { method: 'DELETE' })).status).toBe(204);
      return upgradeWith(mapUrl(env, gone.id, `?token=${gone.editToken}`));
    },
    expected: { status: 404 },
  },
  {
    name: 'API export with another map’s token',
    run: async (env) => ({
      status: (
        await env.h.api(`/api/maps/${env.target.id}/export.json?token=${env.other.viewToken}`, {
          owner: false,
        })
      ).status,
    }),
    expected: { status: 403 },
  },
  {
    name: 'API rename with a map’s edit token instead of the owner key',
    run: async (env) => ({
      status: (
        await env.h.api(`/api/maps/${env.target.id}`, {
          owner: false,
          method: 'PATCH',
          headers: { authorization: `Bearer ${env.target.editToken}` },
          json: { title: 'Hijacked' },
        })
      ).status,
    }),
    expected: { status: 401 },
  },
  {
    // Documented: a view link's writes are dropped and counted, the connection stays open.
    name: 'a view token trying to write (update, sync step 2, crafted update)',
    run: async (env) => {
      const dropped = await droppedWrites(env);
      const evil = new Y.Doc();
      Y.applyUpdate(evil, Y.encodeStateAsUpdate(env.peers[0].doc));
      evil.getMap('meta').set('title', 'Defaced');
      const client = await offender(env, env.target.viewToken);
      client.send(encodeSyncUpdate(Y.encodeStateAsUpdate(evil)));
      client.send(encodeSyncStep2(Y.encodeStateAsUpdate(evil)));
      client.send(
        encodeSyncUpdate(
          craftUpdate([{ client: 5, clock: 0, structs: [item(str('x'), { origin: [99, 3] })] }]),
        ),
      );
      evil.destroy();
      await waitFor(async () => (await droppedWrites(env)) === dropped + 3, 'three writes dropped');
      const outcome = await stillOpen(client);
      expect(env.peers[1].doc.getMap('meta').get('title')).toBe('target');
      return outcome;
    },
    expected: { open: true },
  },
];

async function droppedWrites(env: Env): Promise<number> {
  const text = await (await env.h.api('/metrics', { owner: false })).text();
  return Number(/^flowmap_writes_dropped_total\{reason="view-only"\} (\d+)$/m.exec(text)?.[1] ?? 0);
}

// ---------------------------------------------------------------------------------------------

describe('hostile input: refused, the server stays responsive, nothing invalid is stored', {
  timeout: 15_000,
}, () => {
  let env: Env;
  beforeEach(async () => {
    env = await startEnv();
  });
  afterEach(async () => {
    await stopEnv(env);
  });

  const table: [string, HostileCase[]][] = [
    ['garbage and framing', [...garbage, ...framing]],
    ['floods', floods],
    ['crafted Yjs updates', crafted],
    ['awareness', awareness],
    ['map ids', mapIds],
    ['tokens', tokens],
  ];
  for (const [group, cases] of table) {
    describe(group, () => {
      it.each(cases)('$name', async (c) => {
        const before = await lastSeq(env, env.target.id);
        const outcome = await c.run(env);
        expect(outcome).toEqual(c.expected);
        await env.h.server.rooms.flushAll();
        const stored = (await lastSeq(env, env.target.id)) - before;
        if (c.writes !== 'any') expect(stored, 'offender updates stored').toBe(c.writes ?? 0);
        await c.check?.(env, stored);
        await expectUnharmed(env, before + stored);
      });
    });
  }
});

describe('legitimate clients keep working', { timeout: 15_000 }, () => {
  // y-websocket sends an edit as soon as it is made, even before its sync step 2 reached the
  // server. An edit that builds on offline content the server has not received yet cannot be
  // stored; the server drops it and answers with a sync step 1, whose answer brings both.
  it('an edit that overtakes its own sync step 2 is dropped and resynced; the client stays connected and converges', async () => {
    const env = await startEnv();
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${env.wsBase}/sync`, env.target.id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
      params: { token: env.target.editToken },
    });
    try {
      doc.getMap('meta').set('offline', 1); // made offline: the server has never seen it
      const closes: number[] = [];
      provider.on('connection-close', (event: { code: number } | null) => {
        closes.push(event?.code ?? 0);
      });
      let edited = false;
      provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected' || edited) return;
        edited = true;
        doc.getMap('meta').set('offline', 2); // builds on the offline item, sent at once
      });
      await waitFor(
        () => env.peers[1].doc.getMap('meta').get('offline') === 2 && provider.synced,
        'the peers get both edits',
      );
      expect(closes).toEqual([]);
      expect(env.h.logs.some((l) => l.includes('asking the client to resync'))).toBe(true);
      await expectUnharmed(env, await lastSeq(env, env.target.id));
      const stored = await loadStoredDoc(env.h.storage, env.target.id);
      expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(doc))).toBe(true);
      stored.destroy();
    } finally {
      provider.destroy();
      doc.destroy();
      await stopEnv(env);
    }
  });
});

describe('no untrusted bytes on Yjs’ slow paths', () => {
  // What the server runs: every module reachable from its entry points by relative imports.
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  function reachable(entries: string[]): Map<string, string> {
    const files = new Map<string, string>();
    const queue = entries.map((e) => join(src, e));
    for (let file = queue.pop(); file; file = queue.pop()) {
      if (files.has(file)) continue;
      const text = readFileSync(file, 'utf8');
      files.set(file, text);
      for (const [, spec] of text.matchAll(/(?:from |import\()'(\.{1,2}\/[^']+\.ts)'/g)) {
        queue.push(resolve(dirname(file), spec as string));
      }
    }
    return files;
  }
  const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

  it('the server source never calls a Yjs merge, diff, V2 decoder or format conversion', () => {
    const files = reachable(['main.ts', 'cli/run.ts', 'http/app.ts']);
    const names = [...files.keys()].map((f) => f.slice(src.length + 1));
    // Not vacuous: the sync core and the guard are in it, and tests are not.
    expect(names).toEqual(
      expect.arrayContaining(['sync/document.ts', 'sync/updateGuard.ts', 'sync/room.ts']),
    );
    expect(names.filter((n) => /\.test(kit)?\.ts$/.test(n))).toEqual([]);
    const forbidden =
      /\b(mergeUpdates(V2)?|applyUpdateV2|decodeUpdateV2|readUpdateV2|diffUpdate(V2)?|convertUpdateFormat\w*|parseUpdateMetaV2|encodeStateVectorFromUpdateV2|obfuscateUpdate(V2)?|logUpdateV2|decodeStateVectorV2|snapshotContainsUpdateV2)\b/;
    const offenders = [...files]
      .filter(([, text]) => forbidden.test(code(text)))
      .map(([file]) => file.slice(src.length + 1));
    expect(offenders).toEqual([]);
    // And the scan does see Yjs calls where they are.
    expect(/\bY\.applyUpdate\(/.test(code(files.get(join(src, 'sync/document.ts')) ?? ''))).toBe(
      true,
    );
  });
});
