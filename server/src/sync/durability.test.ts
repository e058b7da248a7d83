import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory.ts';
import { loadStoredDoc, RawClient, waitFor, waitSynced } from './clients.testkit.ts';
import { encodeSyncStep1 } from './protocol.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';
import { syncTestbed } from './testbed.testkit.ts';

/** MemoryStorage whose appends and loads can be held at a gate or made to fail. */
class GatedStorage extends MemoryStorage {
  appendCalls = 0;
  loadCalls = 0;
  holdAppends = false;
  holdLoads = false;
  failAppends = 0;
  failLoads = 0;
  private releases: (() => void)[] = [];

  override async appendUpdates(mapId: string, updates: readonly Uint8Array[]): Promise<number> {
    this.appendCalls++;
    if (this.holdAppends) await new Promise<void>((resolve) => this.releases.push(resolve));
    if (this.failAppends > 0) {
      this.failAppends--;
      throw new Error('disk full');
    }
    return super.appendUpdates(mapId, updates);
  }

  override async loadDocument(mapId: string) {
    this.loadCalls++;
    if (this.holdLoads) await new Promise<void>((resolve) => this.releases.push(resolve));
    if (this.failLoads > 0) {
      this.failLoads--;
      throw new Error('disk unreadable');
    }
    return super.loadDocument(mapId);
  }

  release(): void {
    this.holdAppends = false;
    this.holdLoads = false;
    for (const resolve of this.releases.splice(0)) resolve();
  }
}

let s: TestServer;
const { client, track } = syncTestbed(() => s);

describe('durability', () => {
  it('an edit is stored before anyone else sees it, and sync replies wait for it', async () => {
    const storage = new GatedStorage();
    s = await startTestServer({ storage });
    const a = client('order');
    const b = client('order');
    await waitSynced(a, b);
    const observer = await RawClient.connect(`${s.syncUrl}/order`);
    track(observer);
    await waitFor(() => s.rooms.stats().connections === 3, 'observer attached');

    storage.holdAppends = true;
    const appends = storage.appendCalls;
    const relayed = s.telemetry.sent['sync-update'] ?? 0;
    const replies = s.telemetry.sent['sync-step2'] ?? 0;
    a.doc.getMap('meta').set('title', 'Acknowledged');
    await waitFor(() => storage.appendCalls > appends, 'append started');
    const step1s = s.telemetry.received['sync-step1'] ?? 0;
    observer.send(encodeSyncStep1(Uint8Array.of(0)));
    await waitFor(() => (s.telemetry.received['sync-step1'] ?? 0) > step1s, 'step 1 received');

    // While the write is in flight nothing was relayed and the sync reply is held back.
    expect(s.telemetry.sent['sync-update'] ?? 0).toBe(relayed);
    expect(s.telemetry.sent['sync-step2'] ?? 0).toBe(replies);
    expect(b.doc.getMap('meta').get('title')).toBeUndefined();

    storage.release();
    await waitFor(() => b.doc.getMap('meta').get('title') === 'Acknowledged', 'b gets it');
    await waitFor(
      () => observer.decoded().some((m) => m.type === 'sync-step2' && m.update.length > 2),
      'observer’s reply carries the edit',
    );
    const stored = await loadStoredDoc(storage, 'order');
    expect(stored.getMap('meta').get('title')).toBe('Acknowledged');
  });

  it('a storage failure closes the writer with 1011; it reconnects and its edit lands', async () => {
    const storage = new GatedStorage();
    s = await startTestServer({ storage });
    const a = client('fail');
    const b = client('fail');
    await waitSynced(a, b);
    const codes: number[] = [];
    a.provider.on('connection-close', (event) => {
      if (event) codes.push(event.code);
    });
    storage.failAppends = 1;
    a.doc.getMap('meta').set('title', 'Eventually');
    await waitFor(() => codes.includes(1011), 'writer closed with 1011');
    await waitFor(
      () => b.doc.getMap('meta').get('title') === 'Eventually',
      'b gets it after retry',
    );
    const stored = await loadStoredDoc(storage, 'fail');
    expect(stored.getMap('meta').get('title')).toBe('Eventually');
    expect(s.telemetry.persistenceOps.some((p) => p.op === 'append' && !p.ok)).toBe(true);
  });
});

describe('loading', () => {
  it('connections that arrive while a room loads share one load and are answered after it', async () => {
    const storage = new GatedStorage();
    s = await startTestServer({ storage });
    await storage.createMap({
      id: 'slow',
      title: 'slow',
      editToken: 'e',
      viewToken: 'v',
      createdAt: 1,
      updatedAt: 1,
    });
    const { encodeStateAsUpdate, Doc } = await import('yjs');
    const seed = new Doc();
    seed.getMap('meta').set('title', 'Stored before');
    await storage.appendUpdate('slow', encodeStateAsUpdate(seed));

    storage.holdLoads = true;
    const three = [client('slow'), client('slow'), client('slow')];
    await waitFor(() => s.rooms.stats().connections === 3, 'three sockets open');
    await waitFor(
      () => (s.telemetry.received['sync-step1'] ?? 0) >= 3,
      'their sync step 1 arrived',
    );
    expect(storage.loadCalls).toBe(1);
    expect(s.telemetry.sent['sync-step2'] ?? 0).toBe(0);
    expect(three.some((c) => c.provider.synced)).toBe(false);

    storage.release();
    await waitSynced(...three);
    for (const c of three) expect(c.doc.getMap('meta').get('title')).toBe('Stored before');
    expect(storage.loadCalls).toBe(1);
    expect(s.telemetry.roomsLoaded).toBe(1);
  });

  it('a failed load closes the waiting connections with 1011 and the next attempt loads again', async () => {
    const storage = new GatedStorage();
    s = await startTestServer({ storage });
    storage.failLoads = 1;
    const first = await RawClient.connect(`${s.syncUrl}/flaky`);
    track(first);
    expect((await first.closed).code).toBe(1011);
    const a = client('flaky');
    await waitSynced(a);
    expect(storage.loadCalls).toBe(2);
  });

  it('too many messages while the room loads closes that connection with 1013', async () => {
    const storage = new GatedStorage();
    s = await startTestServer({ storage, limits: { maxPendingMessages: 10 } });
    storage.holdLoads = true;
    const chatty = await RawClient.connect(`${s.syncUrl}/busy`);
    track(chatty);
    for (let i = 0; i < 11; i++) chatty.send(encodeSyncStep1(Uint8Array.of(0)));
    expect((await chatty.closed).code).toBe(1013);
    storage.release();
  });
});
