// Reliability: large writes, as a workshop laptop makes them and as an attacker would, against a
// real server (SQLite, token checks at the upgrade) with stock y-websocket providers.
// - Offline work larger than MAX_PAYLOAD reaches the server whole on reconnect, and the
//   provider does not reconnect in a loop (before: 1009, reconnect at once, forever, until the
//   network's CONN_RATE budget was gone and everyone behind the same NAT got 429).
// - A write that breaks a field rule (the import validator's) or the document cap is refused
//   with 4422 / 4413: only that connection is closed, nothing is stored or relayed, and the stock
//   provider stops (44xx) instead of resending it forever.
import { INITIAL_STATE_ID } from '@flowmap/shared/doc';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectMap, type Harness, type MapClient, startHarness } from '../http/harness.testkit.ts';
import { loadStoredDoc, waitFor } from '../sync/clients.testkit.ts';
import { CloseCode, encodeSyncStep1, encodeSyncStep2 } from '../sync/protocol.ts';
import { clientFrame, rawUpgrade } from './rawSocket.testkit.ts';

const MiB = 1024 * 1024;

let h: Harness | null = null;
const clients: MapClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await h?.stop();
  h = null;
});

async function newMap(harness: Harness): Promise<{ id: string; editToken: string }> {
  const res = await harness.api('/api/maps', { method: 'POST', json: { title: 'Big' } });
  expect(res.status).toBe(201);
  return res.json();
}

function join(harness: Harness, map: { id: string; editToken: string }): MapClient {
  const client = connectMap(harness.url, map.id, map.editToken);
  clients.push(client);
  return client;
}

/** Every socket a provider opened, and how the server closed each. */
function watch(client: MapClient): { opened: number; closes: number[] } {
  const seen = { opened: 0, closes: [] as number[] };
  client.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') seen.opened++;
  });
  client.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) seen.closes.push(event.code);
  });
  return seen;
}

const nodesOf = (doc: Y.Doc) =>
  (doc.getMap('states').get(INITIAL_STATE_ID) as Y.Map<unknown>).get('nodes') as Y.Map<
    Y.Map<unknown>
  >;

/** Adds `count` valid stages whose notes make them about `bytesEach` bytes each. */
function addStages(doc: Y.Doc, prefix: string, count: number, bytesEach: number): void {
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const node = new Y.Map<unknown>();
      nodesOf(doc).set(`${prefix}${i}`, node);
      node.set('id', `${prefix}${i}`);
      node.set('type', 'stage');
      node.set('x', i * 10);
      node.set('y', 0);
      node.set('name', `Stage ${i}`);
      node.set('notes', `${i} `.padEnd(bytesEach, 'offline work '));
    }
  });
}

const synced = (client: MapClient) => waitFor(() => client.provider.synced, 'provider synced');

describe('offline work above MAX_PAYLOAD', { timeout: 30_000 }, () => {
  it('reaches the server whole in one reconnect, and later edits follow it', async () => {
    h = await startHarness();
    const map = await newMap(h);
    const laptop = join(h, map);
    const seen = watch(laptop);
    const peer = join(h, map);
    await Promise.all([synced(laptop), synced(peer)]);
    const openedBefore = seen.opened;

    laptop.provider.disconnect();
    addStages(laptop.doc, 'off', 600, 9_000); // ≈ 5.4 MB of notes: 2.6 × MAX_PAYLOAD
    const offline = Y.encodeStateAsUpdate(laptop.doc, Y.encodeStateVector(peer.doc));
    expect(offline.length).toBeGreaterThan(5 * MiB);
    laptop.provider.connect();

    await waitFor(
      () => nodesOf(peer.doc).size >= 600 + 0,
      'the peer has the offline stages',
      20_000,
    );
    // One reconnect, no refusal on the way.
    expect(seen.opened).toBe(openedBefore + 1);
    expect(seen.closes).toEqual([]);

    // An ordinary edit made after it still flows, both ways.
    nodesOf(laptop.doc).get('off7')?.set('name', 'Edited after the big sync');
    await waitFor(
      () => nodesOf(peer.doc).get('off7')?.get('name') === 'Edited after the big sync',
      'the later edit reaches the peer',
    );
    const stored = await loadStoredDoc(h.storage, map.id);
    expect(nodesOf(stored).size).toBe(nodesOf(laptop.doc).size);
    expect(nodesOf(stored).get('off599')?.get('notes')).toBe(
      nodesOf(laptop.doc).get('off599')?.get('notes'),
    );
  });

  it('still limits every other message to MAX_PAYLOAD (an online update of 3 MB: 1009)', async () => {
    h = await startHarness();
    const map = await newMap(h);
    const writer = join(h, map);
    const seen = watch(writer);
    const peer = join(h, map);
    await Promise.all([synced(writer), synced(peer)]);
    addStages(writer.doc, 'on', 300, 10_000); // sent at once as one sync update of ≈ 3 MB
    await waitFor(() => seen.closes.length > 0, 'the update is refused');
    expect(seen.closes[0]).toBe(CloseCode.messageTooBig);
    // The provider reconnects and the same content arrives as its sync step 2, within the cap.
    await waitFor(() => nodesOf(peer.doc).size >= 300, 'the peer gets it after the reconnect');
    expect(seen.closes).toEqual([CloseCode.messageTooBig]);
  });

  it('refuses a large frame that is not due at its header, before buffering it', async () => {
    h = await startHarness();
    const map = await newMap(h);
    const raw = await rawUpgrade(
      `${h.url.replace(/^http/, 'ws')}/sync/${map.id}?token=${map.editToken}`,
    );
    let received = raw.early;
    raw.socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
    });
    // The server's sync step 1 opens the allowance; answering it (an empty step 2) closes it, and
    // the server's answer to our own step 1 shows that it processed that.
    await waitFor(() => received.length > 0, "the server's sync step 1");
    const before = received.length;
    raw.socket.write(clientFrame(encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc()))));
    raw.socket.write(clientFrame(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))));
    await waitFor(() => received.length > before, 'the answer to our sync step 1');

    // A 3 MB frame that is not due: only its header and 1 KB are sent. Refused from the header
    // (1009), not after the server buffered 3 MB.
    const frame = clientFrame(new Uint8Array(3 * MiB));
    raw.socket.write(frame.subarray(0, 14 + 1024));
    const CLOSE_1009 = Buffer.from([0x88, 0x02, 0x03, 0xf1]);
    await waitFor(() => received.includes(CLOSE_1009), 'closed with 1009 at the frame header');
    raw.socket.destroy();
  });
});

describe('writes the schema or the document cap refuse', { timeout: 30_000 }, () => {
  it('refuses a field value an import would refuse: 4422, nothing stored or relayed, no loop', async () => {
    h = await startHarness();
    const map = await newMap(h);
    const offender = join(h, map);
    const seen = watch(offender);
    const peer = join(h, map);
    await Promise.all([synced(offender), synced(peer)]);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      offender.provider.on('closed', (event: { code: number; reason: string }) => resolve(event)),
    );
    const before = Y.encodeStateVector(await loadStoredDoc(h.storage, map.id));

    addStages(offender.doc, 'ok', 1, 100);
    nodesOf(offender.doc).get('ok0')?.set('name', 'n'.repeat(201));

    const event = await closed;
    expect(event.code).toBe(CloseCode.writeRefused);
    expect(event.reason).toBe(
      `states.${INITIAL_STATE_ID}.nodes.ok0.name: must be at most 200 characters`,
    );
    // The stock provider stops on 44xx: one socket, one refusal, however long we watch.
    expect(offender.provider.shouldConnect).toBe(false);
    expect(seen.closes).toEqual([CloseCode.writeRefused]);
    // The first (valid) stage was sent on its own and kept; the refused name never was.
    await waitFor(() => nodesOf(peer.doc).has('ok0'), 'the valid edit before it arrived');
    expect(nodesOf(peer.doc).get('ok0')?.get('name')).toBe('Stage 0');
    const stored = await loadStoredDoc(h.storage, map.id);
    expect(nodesOf(stored).get('ok0')?.get('name')).toBe('Stage 0');
    expect(Y.encodeStateVector(stored)).not.toEqual(before);
    // Everyone else carries on.
    addStages(peer.doc, 'peer', 1, 10);
    const again = join(h, map);
    await waitFor(() => nodesOf(again.doc).has('peer0'), 'the room still works');
  });

  it('refuses 10,001 nodes in one state (the import limit) as one write', async () => {
    h = await startHarness();
    const map = await newMap(h);
    const offender = join(h, map);
    const peer = join(h, map);
    await Promise.all([synced(offender), synced(peer)]);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      offender.provider.on('closed', (event: { code: number; reason: string }) => resolve(event)),
    );
    addStages(offender.doc, 'n', 10_001, 1);
    const event = await closed;
    expect(event).toEqual({
      code: CloseCode.writeRefused,
      reason: `states.${INITIAL_STATE_ID}.nodes: has more than 10000 nodes`,
    });
    const stored = await loadStoredDoc(h.storage, map.id);
    expect(nodesOf(stored).size).toBe(0);
    expect(nodesOf(peer.doc).size).toBe(0);
  });

  it('refuses what would take the document above its cap: 4413, the map keeps what it had', async () => {
    h = await startHarness({ limits: { maxDocumentBytes: 1 * MiB } });
    const map = await newMap(h);
    const writer = join(h, map);
    const peer = join(h, map);
    await Promise.all([synced(writer), synced(peer)]);
    // 100 × 9 KB fit (≈ 0.9 MB, notes stay within their 10,000 characters); 20 more do not.
    for (let batch = 0; batch < 4; batch++) addStages(writer.doc, `b${batch}-`, 25, 9_000);
    await waitFor(() => nodesOf(peer.doc).size === 100, 'the first 100 stages arrive');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      writer.provider.on('closed', (event: { code: number; reason: string }) => resolve(event)),
    );
    addStages(writer.doc, 'over', 20, 9_000);
    const event = await closed;
    expect(event.code).toBe(CloseCode.documentTooLarge);
    expect(event.reason).toMatch(/^the map would grow to \d+ bytes, above its cap of 1048576$/);
    const stored = await loadStoredDoc(h.storage, map.id);
    expect(nodesOf(stored).size).toBe(100);
    expect(nodesOf(peer.doc).has('over0')).toBe(false);
    // Deleting makes room again: the cap is on the document, not on what was ever written.
    peer.doc.transact(() => {
      for (let i = 0; i < 25; i++) nodesOf(peer.doc).delete(`b0-${i}`);
    });
    addStages(peer.doc, 'fits', 20, 9_000);
    const { storage } = h;
    await waitFor(
      async () => nodesOf(await loadStoredDoc(storage, map.id)).has('fits19'),
      'twenty stages fit again after 25 were deleted',
    );
    expect(nodesOf(await loadStoredDoc(h.storage, map.id)).size).toBe(95);
  });
});
