import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, encodeSyncUpdate, MESSAGE_AWARENESS } from './protocol.ts';
import {
  connectClient,
  loadStoredDoc,
  mulberry32,
  RawClient,
  type TestClient,
  waitFor,
  waitSynced,
} from './testClients.ts';
import { startTestServer, type TestServer } from './testServer.ts';

const MAX_PAYLOAD = 256 * 1024;

function randomBytes(seed: number, length: number): Uint8Array {
  const next = mulberry32(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

function awarenessFrame(state: string, clientID = 12345): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, state);
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

const bigState = (bytes: number) => JSON.stringify({ name: 'x'.repeat(bytes) });

const cases: { name: string; frame: () => Uint8Array | string; code: number }[] = [
  {
    name: 'garbage bytes',
    frame: () => Uint8Array.of(0xde, 0xad, 0xbe, 0xef, ...randomBytes(1, 60)),
    code: CloseCode.invalidPayload,
  },
  { name: 'a truncated varint', frame: () => Uint8Array.of(0x80), code: CloseCode.invalidPayload },
  {
    name: 'a truncated sync payload',
    frame: () => Uint8Array.of(0, 2, 10, 1, 2),
    code: CloseCode.invalidPayload,
  },
  {
    name: 'an unknown message type',
    frame: () => Uint8Array.of(7),
    code: CloseCode.invalidPayload,
  },
  {
    name: 'an unknown sync step',
    frame: () => Uint8Array.of(0, 9, 0),
    code: CloseCode.invalidPayload,
  },
  { name: 'an empty frame', frame: () => new Uint8Array(0), code: CloseCode.invalidPayload },
  { name: 'an auth message', frame: () => Uint8Array.of(2, 0), code: CloseCode.invalidPayload },
  {
    name: 'trailing bytes',
    frame: () => Uint8Array.of(3, 0),
    code: CloseCode.invalidPayload,
  },
  { name: 'a text frame', frame: () => 'hello', code: CloseCode.unsupportedData },
  {
    name: 'a frame above maxPayload',
    frame: () => encodeSyncUpdate(randomBytes(2, MAX_PAYLOAD + 1024)),
    code: CloseCode.messageTooBig,
  },
  {
    name: 'a 5 MB awareness update',
    frame: () => awarenessFrame(bigState(5 * 1024 * 1024)),
    code: CloseCode.messageTooBig,
  },
  {
    name: 'an awareness update above the awareness cap',
    frame: () => awarenessFrame(bigState(100 * 1024)),
    code: CloseCode.messageTooBig,
  },
  {
    name: 'awareness state that is not JSON',
    frame: () => awarenessFrame('{nope'),
    code: CloseCode.invalidPayload,
  },
  {
    name: 'an invalid Yjs update in a valid envelope',
    frame: () => encodeSyncUpdate(randomBytes(3, 200)),
    code: CloseCode.invalidPayload,
  },
];

describe('bad input closes only the offending connection', () => {
  let s: TestServer;
  let a: TestClient;
  let b: TestClient;
  let elsewhere: TestClient;
  let round = 0;

  beforeAll(async () => {
    s = await startTestServer({ limits: { maxPayloadBytes: MAX_PAYLOAD } });
    a = connectClient(s, 'shared');
    b = connectClient(s, 'shared');
    elsewhere = connectClient(s, 'other');
    await waitSynced(a, b, elsewhere);
  });

  afterAll(async () => {
    for (const c of [a, b, elsewhere]) c.destroy();
    await s.close();
  });

  it.each(cases)('$name', async ({ frame, code }) => {
    round += 1;
    const before = await s.storage.loadDocument('shared');
    const bad = await RawClient.connect(`${s.syncUrl}/shared`);
    bad.send(frame());
    expect((await bad.closed).code).toBe(code);

    // Same room and another room keep syncing, over the very same sockets.
    const sockets = [a.provider.ws, b.provider.ws, elsewhere.provider.ws];
    a.doc.getMap('meta').set('round', round);
    elsewhere.doc.getMap('meta').set('round', round);
    await waitFor(() => b.doc.getMap('meta').get('round') === round, 'b gets a’s edit');
    await waitFor(
      async () => (await loadStoredDoc(s.storage, 'other')).getMap('meta').get('round') === round,
      'other room persists',
    );
    expect([a.provider.ws, b.provider.ws, elsewhere.provider.ws]).toEqual(sockets);
    // Nothing from the bad client reached storage: exactly a's one update was added.
    const after = await s.storage.loadDocument('shared');
    expect(after.lastSeq).toBe(before.lastSeq + 1);
  });

  it('refuses several random updates without storing any of them', async () => {
    const before = await s.storage.loadDocument('shared');
    for (const seed of [11, 12, 13]) {
      const bad = await RawClient.connect(`${s.syncUrl}/shared`);
      bad.send(encodeSyncUpdate(randomBytes(seed, 64 + seed)));
      expect((await bad.closed).code).toBe(CloseCode.invalidPayload);
    }
    await s.rooms.flushAll();
    expect((await s.storage.loadDocument('shared')).lastSeq).toBe(before.lastSeq);
    const doc = await loadStoredDoc(s.storage, 'shared');
    expect(doc.getMap('meta').toJSON()).toEqual(a.doc.getMap('meta').toJSON());
  });

  it('refuses an invalid map id at connection time with 1008', async () => {
    const { RoomManager } = await import('./rooms.ts');
    const { WebSocketServer, WebSocket } = await import('ws');
    const { MemoryStorage } = await import('../storage/memory.ts');
    const rooms = new RoomManager({ storage: new MemoryStorage() });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (ws) =>
      rooms.handleConnection(ws, { mapId: '../../etc', access: 'edit' }),
    );
    await new Promise((resolve) => wss.once('listening', resolve));
    const { port } = wss.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(code).toBe(CloseCode.policyViolation);
    expect(rooms.stats()).toEqual({ rooms: 0, connections: 0 });
    await rooms.closeAll();
    await new Promise((resolve) => wss.close(resolve));
  });
});
