import { describe, expect, it } from 'vitest';
import { type TestClient, waitFor, waitSynced } from './clients.testkit.ts';
import {
  type AwarenessEntry,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeQueryAwareness,
} from './protocol.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';
import { syncTestbed } from './testbed.testkit.ts';

let s: TestServer;
const { client, raw } = syncTestbed(() => s);

const presence = (entries: AwarenessEntry[]) =>
  encodeAwarenessMessage(encodeAwarenessUpdate(entries));
const stateOf = (c: TestClient, clientID: number) => c.provider.awareness.getStates().get(clientID);

describe('awareness', () => {
  it('relays presence (viewers included) and never stores it', async () => {
    s = await startTestServer();
    const a = client('p');
    const viewer = client('p', { access: 'view' });
    await waitSynced(a, viewer);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    viewer.provider.awareness.setLocalStateField('user', { name: 'Vic' });
    await waitFor(() => stateOf(viewer, a.doc.clientID)?.user?.name === 'Ada', 'viewer sees Ada');
    await waitFor(() => stateOf(a, viewer.doc.clientID)?.user?.name === 'Vic', 'Ada sees viewer');
    await s.rooms.flushAll();
    expect((await s.storage.loadDocument('p')).lastSeq).toBe(0);
  });

  it('removes a client’s presence when its socket drops, and tells the others', async () => {
    s = await startTestServer();
    const a = client('bye');
    await waitSynced(a);
    const ghost = await raw('bye');
    ghost.send(presence([{ clientID: 777, clock: 1, state: { user: { name: 'Ghost' } } }]));
    await waitFor(() => stateOf(a, 777)?.user?.name === 'Ghost', 'a sees ghost');
    ghost.ws.terminate(); // no goodbye message: the server must notice by itself
    await waitFor(() => !a.provider.awareness.getStates().has(777), 'ghost removed at a');
  });

  it('a client cannot set or remove presence of client ids it did not introduce', async () => {
    s = await startTestServer();
    const a = client('spoof');
    const b = client('spoof');
    await waitSynced(a, b);
    b.provider.awareness.setLocalStateField('user', { name: 'Bob' });
    await waitFor(() => stateOf(a, b.doc.clientID)?.user?.name === 'Bob', 'a sees Bob');
    const bobClock = b.provider.awareness.meta.get(b.doc.clientID)?.clock ?? 0;

    const mallory = await raw('spoof');
    mallory.send(presence([{ clientID: 4242, clock: 1, state: { user: { name: 'Mallory' } } }]));
    mallory.send(
      presence([
        { clientID: b.doc.clientID, clock: bobClock + 5, state: { user: { name: 'Evil' } } },
      ]),
    );
    mallory.send(presence([{ clientID: b.doc.clientID, clock: bobClock + 6, state: null }]));
    // More new ids than a connection may introduce (4): the extra ones are refused.
    mallory.send(
      presence(
        [1, 2, 3, 4].map((i) => ({
          clientID: 5000 + i,
          clock: 1,
          state: { user: { name: `m${i}` } },
        })),
      ),
    );
    // A marker sent last: once a sees it, a has seen everything relayed before it.
    mallory.send(presence([{ clientID: 4242, clock: 2, state: { user: { name: 'done' } } }]));
    await waitFor(() => stateOf(a, 4242)?.user?.name === 'done', 'a sees the marker');

    expect(stateOf(a, b.doc.clientID)?.user?.name).toBe('Bob');
    expect(s.telemetry.awarenessDrops).toBeGreaterThanOrEqual(3);
    const introduced = [5001, 5002, 5003, 5004].filter((id) =>
      a.provider.awareness.getStates().has(id),
    );
    expect(introduced).toEqual([5001, 5002, 5003]);
    expect(mallory.isOpen).toBe(true);
  });

  it('answers query-awareness with everyone present', async () => {
    s = await startTestServer();
    const a = client('query');
    await waitSynced(a);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(() => s.telemetry.received.awareness !== undefined, 'server got presence');
    const q = await raw('query', 'view');
    q.messages.length = 0;
    q.send(encodeQueryAwareness());
    await waitFor(
      () =>
        q
          .decoded()
          .some(
            (m) =>
              m.type === 'awareness' &&
              m.entries.some((e) => e.clientID === a.doc.clientID && e.state?.user !== undefined),
          ),
      'query answered with Ada',
    );
  });

  it('drops awareness messages above the rate limit but keeps the connection', async () => {
    s = await startTestServer({ limits: { awarenessRatePerSecond: 10, awarenessBurst: 20 } });
    const a = client('flood');
    await waitSynced(a);
    const flooder = await raw('flood');
    for (let clock = 1; clock <= 200; clock++) {
      flooder.send(presence([{ clientID: 9001, clock, state: { n: clock } }]));
    }
    await waitFor(() => (s.telemetry.received.awareness ?? 0) >= 200, 'all 200 received');
    expect(s.telemetry.awarenessDrops).toBeGreaterThanOrEqual(150);
    expect(flooder.isOpen).toBe(true);
    await waitFor(() => stateOf(a, 9001) !== undefined, 'accepted ones were relayed');
  });

  it('drops awareness beyond the byte budget (relayed to everyone, so it bounds amplification)', async () => {
    s = await startTestServer({
      limits: { awarenessBytesPerSecond: 1024, awarenessBytesBurst: 200 * 1024 },
    });
    const a = client('bytes');
    await waitSynced(a);
    const flooder = await raw('bytes');
    const big = 'x'.repeat(60 * 1024);
    // 10 × 60 KiB within the message-rate burst: only the first three fit 200 KiB.
    for (let clock = 1; clock <= 10; clock++) {
      flooder.send(presence([{ clientID: 9002, clock, state: { clock, big } }]));
    }
    // Counting received messages would include client a's own presence: wait for the drops.
    await waitFor(() => s.telemetry.awarenessDrops >= 7, 'seven dropped');
    await waitFor(() => (s.telemetry.received.awareness ?? 0) >= 11, "all 10 and a's received");
    expect(s.telemetry.awarenessDrops).toBe(7);
    expect(flooder.isOpen).toBe(true);
    await waitFor(() => (stateOf(a, 9002) as { clock?: number })?.clock === 3, 'third relayed');
  });

  it('a reconnecting client gets its presence back even with an unchanged clock', async () => {
    s = await startTestServer();
    const a = client('again');
    await waitSynced(a);
    a.provider.awareness.setLocalStateField('user', { name: 'Ada' });
    await waitFor(() => (s.telemetry.received.awareness ?? 0) >= 2, 'server got presence');
    a.provider.disconnect();
    await waitFor(() => s.rooms.stats().connections === 0, 'a gone');
    a.provider.connect();
    await waitSynced(a);
    const late = client('again');
    await waitSynced(late);
    await waitFor(() => stateOf(late, a.doc.clientID)?.user?.name === 'Ada', 'late sees Ada');
  });
});
