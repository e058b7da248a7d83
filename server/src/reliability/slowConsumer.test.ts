// A consumer that never reads, over a real socket: the server must keep what it buffers for that
// socket under the cap (`maxBufferedBytes`), drop it, and go on serving the others in the room as
// if nothing happened. The slow client performs the websocket upgrade by hand on node:net, asks
// for the document like any editor, and then never reads again (its socket is paused; Node has no
// per-socket receive-buffer option, so the kernel's default buffers fill first).
//
// Memory: the server runs in this process, so a sample is `heapUsed + external` (external holds
// the ArrayBuffers, i.e. socket buffers and updates) after two full collections (the second lets
// V8 release the backing stores of buffers the first found dead), minus the same figure taken
// before the load. The writers overwrite one key with each large value, so the documents do not
// grow; what this process must hold at any time is a working set that does not depend on the
// volume sent: the current values in 5 documents (3 clients, the room and its shadow), the update
// log until compaction (1 MiB), the writers' small window of updates in flight, and the slow
// consumer's buffer (≤ the cap). Measured: ≈ 4 MiB. Without the cap the same run retains ≈ 32 MiB
// (everything relayed to the slow consumer after the kernel buffers filled), growing linearly
// with the volume. The bound asserted, cap + 8 MiB, sits between the two.
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { connectClient, type TestClient, waitFor } from '../sync/clients.testkit.ts';
import { CloseCode, encodeSyncStep1 } from '../sync/protocol.ts';
import { startTestServer, type TestServer } from '../sync/server.testkit.ts';
import { report } from './loadHarness.testkit.ts';
import { clientFrame, type RawUpgrade, rawUpgrade } from './rawSocket.testkit.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
/**
 * The cap under test, smaller than production's 8 MiB so that it is reached quickly, and as in
 * production a few times the largest message (8 × BLOB here, 4 × the 2 MiB frame limit there).
 */
const CAP = 2 * MiB;
/** Size of each writer's update: a fresh binary value under one key, replacing the last one. */
const BLOB = 256 * KiB;
const UPDATES_PER_WRITER = 64;
/**
 * A writer waits until every other client has its update i − WINDOW before writing update i, so
 * at most 2 × WINDOW updates (1 MiB) are ever on their way to a client that reads: under the cap
 * whatever the kernel buffers. Only a client that stops reading can reach the cap.
 */
const WINDOW = 2;
/** What the process may retain besides the slow consumer's buffer (see the header). */
const WORKING_SET = 8 * MiB;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retained = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};

let server: TestServer | null = null;
const clients: TestClient[] = [];
let slow: RawUpgrade | null = null;

afterEach(async () => {
  slow?.socket.destroy();
  slow = null;
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
  server = null;
});

/** A socket the server accepted, with the most it ever had buffered right after a send. */
interface Watched {
  ws: WebSocket;
  maxBufferedAfterSend: number;
  largestMessage: number;
  sentBytes: number;
}

/** Instruments every socket the server accepts from now on (observation only). */
function watchServerSockets(s: TestServer): Watched[] {
  const watched: Watched[] = [];
  const rooms = s.rooms;
  const handle = rooms.handleConnection.bind(rooms);
  rooms.handleConnection = (ws, params) => {
    const w: Watched = { ws, maxBufferedAfterSend: 0, largestMessage: 0, sentBytes: 0 };
    watched.push(w);
    const send = ws.send.bind(ws) as (data: Uint8Array) => void;
    (ws as unknown as { send: (data: Uint8Array) => void }).send = (data) => {
      send(data);
      w.sentBytes += data.length;
      w.largestMessage = Math.max(w.largestMessage, data.length);
      w.maxBufferedAfterSend = Math.max(w.maxBufferedAfterSend, ws.bufferedAmount);
    };
    handle(ws, params);
  };
  return watched;
}

it('drops a consumer that never reads; its buffer and the memory stay bounded; others get every update', async () => {
  const started = performance.now();
  server = await startTestServer({ limits: { maxBufferedBytes: CAP } });
  const s = server;
  const watched = watchServerSockets(s);

  // The slow consumer joins first (so its server-side socket is watched[0]).
  slow = await rawUpgrade(`${s.syncUrl}/slow?access=edit`, { neverRead: true });
  slow.socket.write(clientFrame(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))));
  await waitFor(() => s.rooms.stats().connections === 1, 'slow consumer registered');
  const slowSide = watched[0] as Watched;

  const writers = [connectClient(s, 'slow'), connectClient(s, 'slow')] as const;
  const reader = connectClient(s, 'slow');
  clients.push(...writers, reader);
  let othersDisconnected = 0;
  for (const c of clients) c.provider.on('connection-close', () => othersDisconnected++);
  await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced');
  expect(s.rooms.stats().connections).toBe(4);

  const seen = new Map<TestClient, Set<string>>();
  for (const c of clients) {
    const keys = new Set<string>();
    seen.set(c, keys);
    c.doc.getMap('load').observe((event) => {
      for (const key of event.keysChanged) keys.add(key);
    });
  }
  const readerSeen = seen.get(reader) as Set<string>;

  const baseline = retained();
  const samples: number[] = [];
  let relayedBeforeDrop = -1;
  const write = async (writer: TestClient, name: string) => {
    const map = writer.doc.getMap('load');
    for (let i = 0; i < UPDATES_PER_WRITER; i++) {
      if (i >= WINDOW) {
        const key = `${name}-${i - WINDOW}`;
        const others = clients.filter((c) => c !== writer);
        await waitFor(
          () => others.every((c) => seen.get(c)?.has(key)),
          () => `every other client got ${key}`,
        );
      }
      if (relayedBeforeDrop < 0 && slowSide.ws.readyState !== slowSide.ws.OPEN) {
        relayedBeforeDrop = slowSide.sentBytes;
      }
      writer.doc.transact(() => {
        map.set(`blob-${name}`, new Uint8Array(randomBytes(BLOB)));
        map.set(`${name}-${i}`, i);
      });
      if (i % 8 === 0) samples.push(retained() - baseline);
    }
  };
  await Promise.all([write(writers[0], 'a'), write(writers[1], 'b')]);
  await waitFor(
    () => readerSeen.size === 2 * UPDATES_PER_WRITER + 2,
    () => `reader has ${readerSeen.size} of ${2 * UPDATES_PER_WRITER + 2} keys`,
  );
  samples.push(retained() - baseline);
  const volume = 2 * UPDATES_PER_WRITER * BLOB;

  // The slow consumer was dropped, once, with 1013, while the load was still running…
  expect(s.telemetry.closeCodes).toEqual([CloseCode.tryAgainLater]);
  expect(slowSide.ws.readyState).toBe(slowSide.ws.CLOSED);
  expect(relayedBeforeDrop).toBeGreaterThan(0);
  expect(relayedBeforeDrop).toBeLessThan(volume / 2);
  const warnings = s.logger.lines.filter((l) => l.msg === 'dropping slow consumer');
  expect(warnings).toHaveLength(1);
  expect(s.rooms.stats().connections).toBe(3);
  // …without the server ever holding more than the cap (+ one message) for it…
  expect(slowSide.maxBufferedAfterSend).toBeLessThanOrEqual(CAP + slowSide.largestMessage);
  // …nor retaining memory in proportion to the volume.
  const peak = Math.max(...samples);
  expect(peak).toBeLessThan(CAP + WORKING_SET);

  // The others were never disconnected and have everything, byte for byte.
  expect(othersDisconnected).toBe(0);
  for (const name of ['a', 'b']) {
    for (const c of clients) {
      for (let i = 0; i < UPDATES_PER_WRITER; i++) {
        expect(c.doc.getMap('load').get(`${name}-${i}`)).toBe(i);
      }
    }
    const blob = (c: TestClient) => c.doc.getMap('load').get(`blob-${name}`) as Uint8Array;
    const written = Buffer.from(blob(name === 'a' ? writers[0] : writers[1]));
    expect(written.length).toBe(BLOB);
    // (Buffer#equals: vitest's deep equality walks a 256 KiB array element by element, slowly.)
    for (const c of clients) expect(written.equals(blob(c))).toBe(true);
  }

  // Seen from the slow client: once it reads again, it finds the server closed the connection.
  let drained = slow.early.length;
  slow.socket.on('data', (chunk: Buffer) => {
    drained += chunk.length;
  });
  slow.socket.resume();
  await slow.closed;

  report('slow consumer', {
    capKiB: CAP / KiB,
    volumeMiB: volume / MiB,
    relayedBeforeDropMiB: +(relayedBeforeDrop / MiB).toFixed(2),
    drainedByClientMiB: +(drained / MiB).toFixed(2),
    maxBufferedAfterSendKiB: +(slowSide.maxBufferedAfterSend / KiB).toFixed(1),
    largestMessageKiB: +(slowSide.largestMessage / KiB).toFixed(1),
    peakRetainedGrowthMiB: +(peak / MiB).toFixed(2),
    ms: Math.round(performance.now() - started),
  });
}, 30_000);

// The cap bounds a backlog, not one message: a client with nothing queued must get the document
// even when its state is larger than the cap (production: a map over 8 MiB, e.g. many stages with
// long notes), or nobody can ever open that map again — every connection is terminated with 1013
// right after the upgrade and WebsocketProvider retries forever.
it('serves a client whose first sync alone is larger than the cap', async () => {
  const cap = 256 * KiB;
  server = await startTestServer({ limits: { maxBufferedBytes: cap } });
  const s = server;
  const writer = connectClient(s, 'big');
  const watcher = connectClient(s, 'big');
  clients.push(writer, watcher);
  await waitFor(() => writer.provider.synced && watcher.provider.synced, 'clients synced');
  // Three updates of 128 KiB, each under the cap: accepted, stored and relayed one by one.
  for (let i = 0; i < 3; i++) {
    writer.doc.getMap('m').set(`v${i}`, new Uint8Array(randomBytes(128 * KiB)));
    await waitFor(() => watcher.doc.getMap('m').has(`v${i}`), `watcher got v${i}`);
  }
  expect(Y.encodeStateAsUpdate(writer.doc).length).toBeGreaterThan(cap);
  expect(s.telemetry.closeCodes).toEqual([]);

  const fresh = connectClient(s, 'big');
  clients.push(fresh);
  await waitFor(
    () => fresh.provider.synced,
    () =>
      `a new client synced; the server closed ${s.telemetry.closeCodes.length} connections ` +
      `meanwhile (codes ${[...new Set(s.telemetry.closeCodes)].join(', ')})`,
    5_000,
  );
  expect(fresh.doc.getMap('m').size).toBe(3);
  expect(s.telemetry.closeCodes).toEqual([]);
}, 15_000);
