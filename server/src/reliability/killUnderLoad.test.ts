// kill -9 under load: the real server (`main.ts`, SQLite in a temp dir) as a child process, 8 maps
// × 4 WebsocketProvider clients, each client writing ~25 edits per second (a new key with a value
// of its own each time) and moving its cursor in presence at the same rate. The server is killed
// with SIGKILL in the middle of it, then started again on the same port and data directory.
//
// What a client received from another client went through the server, which stores an update
// before it relays it; so the union of what clients saw from others is what the server had
// acknowledged. Every one of those values must be in storage straight after the kill, before any
// client could send it again. Then the clients must come back by themselves (no connect() call
// here), merge what they wrote while the server was down, converge room by room, see each other's
// presence again, and the stored documents after a graceful shutdown must hold every value.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectMap, type MapClient } from '../http/harness.testkit.ts';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import { loadStoredDoc, waitFor } from '../sync/clients.testkit.ts';
import {
  createMapOnServer,
  freePort,
  report,
  type ServerProcess,
  startServerProcess,
  stopProcess,
} from './loadHarness.testkit.ts';

const ROOMS = 8;
const CLIENTS_PER_ROOM = 4;
const EDIT_INTERVAL_MS = 40; // 25 Hz per client
/** Kill once every client has received at least this many values from the others. */
const SEEN_BEFORE_KILL = 150;

interface LoadClient extends MapClient {
  name: string;
  room: number;
  /** Edits written so far (keys `${name}:0` … `${name}:${written - 1}`). */
  written: number;
}

const processes: ServerProcess[] = [];
const clients: LoadClient[] = [];
/** Timeouts and intervals (Node clears either with clearInterval). */
const timers: ReturnType<typeof setInterval>[] = [];
let dataDir = '';
let maxListeners = 0;

afterEach(async () => {
  for (const t of timers.splice(0)) clearInterval(t);
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) await stopProcess(p);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = '';
  if (maxListeners) process.setMaxListeners(maxListeners);
});

const values = (doc: Y.Doc) => doc.getMap<number>('load');
const isOwn = (c: LoadClient, key: string) => key.startsWith(`${c.name}:`);
/** Values in `c`'s document that another client wrote: they can only have come via the server. */
const fromOthers = (c: LoadClient) => [...values(c.doc).keys()].filter((key) => !isOwn(c, key));

async function storedDocs(mapIds: string[]): Promise<Y.Doc[]> {
  const storage = SqliteStorage.open({ dataDir });
  try {
    return await Promise.all(mapIds.map((id) => loadStoredDoc(storage, id)));
  } finally {
    await storage.close();
  }
}

it('kill -9 under load (8 rooms × 4 clients at 25 Hz): nothing any client saw is lost; clients resume by themselves', async () => {
  const started = performance.now();
  // WebsocketProvider registers a process 'exit' listener per instance.
  maxListeners = process.getMaxListeners();
  process.setMaxListeners(Math.max(maxListeners, ROOMS * CLIENTS_PER_ROOM + 10));
  dataDir = await mkdtemp(join(tmpdir(), 'flowmap-kill-load-'));
  const port = await freePort();
  const first = await startServerProcess(port, dataDir);
  processes.push(first);

  const maps = await Promise.all(
    Array.from({ length: ROOMS }, (_, r) => createMapOnServer(first.base, `Load ${r}`)),
  );
  for (const [r, map] of maps.entries()) {
    for (let c = 0; c < CLIENTS_PER_ROOM; c++) {
      const client = connectMap(first.base, map.id, map.editToken);
      clients.push({ ...client, name: `r${r}c${c}`, room: r, written: 0 });
    }
  }
  await waitFor(() => clients.every((c) => c.provider.synced), 'all clients synced', 15_000);
  const clientsOf = (r: number) => clients.filter((c) => c.room === r);

  // The load: every client on its own timer, staggered over one period.
  for (const [i, c] of clients.entries()) {
    const edit = () => {
      values(c.doc).set(`${c.name}:${c.written}`, c.written);
      c.written++;
      c.provider.awareness.setLocalState({ name: c.name, cursor: { x: c.written, y: i } });
    };
    timers.push(
      setTimeout(
        () => timers.push(setInterval(edit, EDIT_INTERVAL_MS)),
        (i * EDIT_INTERVAL_MS) / clients.length,
      ),
    );
  }
  await waitFor(
    () => clients.every((c) => fromOthers(c).length >= SEEN_BEFORE_KILL),
    'every client saw a stream of edits from the others',
    15_000,
  );

  // SIGKILL while the load runs.
  const killedAt = performance.now();
  first.child.kill('SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  const writtenAtKill = clients.reduce((sum, c) => sum + c.written, 0);
  await waitFor(
    () => clients.every((c) => !c.provider.wsconnected),
    'every client noticed the crash',
  );
  // Nothing can arrive from the server now: what each client holds from others is final.
  const seen = clients.map((c) => fromOthers(c));
  const acknowledged = Array.from({ length: ROOMS }, () => new Set<string>());
  for (const [i, c] of clients.entries())
    for (const key of seen[i] ?? []) acknowledged[c.room]?.add(key);
  const seenTotal = seen.reduce((sum, keys) => sum + keys.length, 0);
  const acknowledgedTotal = acknowledged.reduce((sum, keys) => sum + keys.size, 0);

  // Storage straight after the kill, before any client could resend anything.
  const afterKill = await storedDocs(maps.map((m) => m.id));
  let storedAtKill = 0;
  for (let r = 0; r < ROOMS; r++) {
    const stored = values(afterKill[r] as Y.Doc);
    storedAtKill += stored.size;
    const lost = [...(acknowledged[r] ?? [])].filter((key) => !stored.has(key));
    expect(lost, `room ${r}: values clients had received, lost by the crash`).toEqual([]);
  }
  for (const doc of afterKill) doc.destroy();

  // Same port, same data directory; the clients are still editing (offline) and reconnect alone.
  const restartAt = performance.now();
  const second = await startServerProcess(port, dataDir);
  processes.push(second);
  const listeningAt = performance.now();
  await waitFor(
    () => clients.every((c) => c.provider.wsconnected && c.provider.synced),
    () =>
      `every client reconnected by itself (${clients.filter((c) => c.provider.synced).length} ` +
      `of ${clients.length})`,
    15_000,
  );
  const resumedAt = performance.now();
  // Live relay works again: every client gets a value each other client wrote after resuming.
  const mark = new Map(clients.map((c) => [c.name, c.written]));
  await waitFor(
    () =>
      clients.every((c) =>
        clientsOf(c.room).every(
          (o) => o === c || values(c.doc).has(`${o.name}:${(mark.get(o.name) ?? 0) + 2}`),
        ),
      ),
    'edits flow between every pair of clients again',
    15_000,
  );
  for (const t of timers.splice(0)) clearInterval(t);
  const writtenTotal = clients.reduce((sum, c) => sum + c.written, 0);

  // Each room converges on everything its clients wrote, before, during and after the outage.
  for (let r = 0; r < ROOMS; r++) {
    const room = clientsOf(r);
    const expected = room.reduce((sum, c) => sum + c.written, 0);
    await waitFor(
      () => room.every((c) => values(c.doc).size === expected),
      () => `room ${r} converged (${room.map((c) => values(c.doc).size).join('/')} of ${expected})`,
      15_000,
    );
    const vectors = room.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex'));
    expect(new Set(vectors).size).toBe(1);
    for (const c of room) {
      for (const o of room) {
        for (let n = 0; n < o.written; n++) expect(values(c.doc).get(`${o.name}:${n}`)).toBe(n);
      }
    }
  }

  // Presence resumed too: a final state from each client reaches every other client of its room.
  for (const c of clients) c.provider.awareness.setLocalState({ name: c.name, final: true });
  await waitFor(
    () =>
      clients.every((c) => {
        const states = [...c.provider.awareness.getStates().values()];
        return clientsOf(c.room).every((o) =>
          states.some((s) => s.name === o.name && s.final === true),
        );
      }),
    'everyone sees everyone’s final presence',
  );

  // Graceful shutdown; then the stored documents hold every value.
  for (const c of clients.splice(0)) c.destroy();
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  const final = await storedDocs(maps.map((m) => m.id));
  let storedFinal = 0;
  for (let r = 0; r < ROOMS; r++) {
    const stored = values(final[r] as Y.Doc);
    storedFinal += stored.size;
    const missing = [...(acknowledged[r] ?? [])].filter((key) => !stored.has(key));
    expect(missing, `room ${r}: acknowledged values missing after restart`).toEqual([]);
  }
  for (const doc of final) doc.destroy();
  expect(storedFinal).toBe(writtenTotal);

  report('kill -9 under load', {
    clients: ROOMS * CLIENTS_PER_ROOM,
    writtenBeforeKill: writtenAtKill,
    seenFromOthersAtKill: seenTotal,
    acknowledgedAtKill: acknowledgedTotal,
    storedAtKill,
    writtenTotal,
    storedFinal,
    restartToListeningMs: Math.round(listeningAt - restartAt),
    listeningToAllResumedMs: Math.round(resumedAt - listeningAt),
    killToAllResumedMs: Math.round(resumedAt - killedAt),
    ms: Math.round(performance.now() - started),
  });
}, 45_000);
