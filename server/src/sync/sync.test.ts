import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import {
  connectClient,
  loadStoredDoc,
  RawClient,
  type TestClient,
  waitFor,
  waitSynced,
} from './clients.testkit.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';

const servers: TestServer[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}

function client(s: TestServer, mapId: string, options: Parameters<typeof connectClient>[2] = {}) {
  const c = connectClient(s, mapId, options);
  clients.push(c);
  return c;
}

const json = (c: TestClient) => c.doc.getMap('meta').toJSON();

describe('sync through the server', () => {
  it('two clients converge', async () => {
    const s = await server();
    const a = client(s, 'two');
    const b = client(s, 'two');
    await waitSynced(a, b);
    a.doc.getMap('meta').set('title', 'Release pipeline');
    b.doc.getText('notes').insert(0, 'hello');
    await waitFor(
      () => b.doc.getMap('meta').get('title') === 'Release pipeline',
      'b sees the title',
    );
    await waitFor(() => a.doc.getText('notes').toString() === 'hello', 'a sees the notes');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('five clients converge on concurrent edits', async () => {
    const s = await server();
    const five = Array.from({ length: 5 }, () => client(s, 'five'));
    await waitSynced(...five);
    five.forEach((c, i) => {
      c.doc.getMap('meta').set(`k${i}`, i);
      c.doc.getArray('list').push([`from-${i}`]);
    });
    await waitFor(
      () =>
        five.every((c) => c.doc.getArray('list').length === 5 && Object.keys(json(c)).length === 5),
      'every client has every edit',
    );
    const expected = JSON.stringify(five[0]?.doc.getArray('list').toJSON());
    for (const c of five) {
      expect(json(c)).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 });
      expect(JSON.stringify(c.doc.getArray('list').toJSON())).toBe(expected);
    }
  });

  it('a late joiner gets the full document', async () => {
    const s = await server();
    const a = client(s, 'late');
    await waitSynced(a);
    const text = a.doc.getText('notes');
    for (let i = 0; i < 50; i++) text.insert(text.length, `line ${i}\n`);
    a.doc.getMap('meta').set('title', 'Late');
    await s.rooms.flushAll();
    await waitFor(
      async () => (await s.storage.loadDocument('late')).updates.length > 0,
      'persisted',
    );
    const late = client(s, 'late');
    await waitSynced(late);
    await waitFor(() => late.doc.getText('notes').toString() === text.toString(), 'late has text');
    expect(late.doc.getMap('meta').get('title')).toBe('Late');
  });

  it('a client offline for a while merges its edits on return', async () => {
    const s = await server();
    const a = client(s, 'offline');
    const b = client(s, 'offline');
    await waitSynced(a, b);
    b.provider.disconnect();
    b.doc.getMap('meta').set('offline', 'edit');
    a.doc.getMap('meta').set('online', 'edit');
    b.provider.connect();
    await waitFor(
      () =>
        a.doc.getMap('meta').get('offline') === 'edit' &&
        b.doc.getMap('meta').get('online') === 'edit',
      'both edits on both sides',
    );
    const stored = await loadStoredDoc(s.storage, 'offline');
    expect(stored.getMap('meta').toJSON()).toEqual({ offline: 'edit', online: 'edit' });
  });

  it('persists: a new RoomManager on the same SQLite storage reloads the content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowmap-sync-'));
    dirs.push(dir);
    const storage = SqliteStorage.open({ dataDir: dir });
    const s = await server({ storage });
    const a = client(s, 'persist');
    await waitSynced(a);
    a.doc.getMap('meta').set('title', 'Durable');
    a.doc.getText('notes').insert(0, 'survives restarts');
    await waitFor(async () => {
      const doc = await loadStoredDoc(storage, 'persist');
      return doc.getText('notes').toString() === 'survives restarts';
    }, 'update in storage');
    a.destroy();
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    await storage.close();

    const reopened = SqliteStorage.open({ dataDir: dir });
    const s2 = await server({ storage: reopened });
    const b = client(s2, 'persist');
    await waitSynced(b);
    await waitFor(() => b.doc.getText('notes').toString() === 'survives restarts', 'reloaded');
    expect(b.doc.getMap('meta').get('title')).toBe('Durable');
    await s2.close();
    servers.splice(servers.indexOf(s2), 1);
    await reopened.close();
  });

  it('clients reconnect by themselves after a graceful restart (1012) and keep editing', async () => {
    const s = await server();
    const a = client(s, 'restart');
    const b = client(s, 'restart');
    await waitSynced(a, b);
    a.doc.getMap('meta').set('before', 1);
    await waitFor(() => b.doc.getMap('meta').get('before') === 1, 'b sees before');
    const closes: number[] = [];
    a.provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    await s.restartRooms();
    await waitFor(() => closes.includes(1012), 'a saw close code 1012');
    await waitSynced(a, b);
    b.doc.getMap('meta').set('after', 2);
    await waitFor(() => a.doc.getMap('meta').get('after') === 2, 'a sees after');
    expect(a.doc.getMap('meta').toJSON()).toEqual({ before: 1, after: 2 });
  });
});

describe('room lifecycle', () => {
  it('unloads a room after its last client leaves; a reconnect sees the latest state', async () => {
    const s = await server({ limits: { roomIdleMs: 0 } });
    const a = client(s, 'unload');
    await waitSynced(a);
    a.doc.getMap('meta').set('v', 1);
    a.doc.getMap('meta').set('v', 2);
    await waitFor(async () => (await s.storage.loadDocument('unload')).lastSeq >= 2, 'persisted');
    expect(s.rooms.stats()).toEqual({ rooms: 1, connections: 1 });
    a.destroy();
    await waitFor(() => s.rooms.stats().rooms === 0, 'room unloaded');
    expect(s.rooms.stats().connections).toBe(0);
    // Unloading compacted the log into one snapshot.
    const stored = await s.storage.loadDocument('unload');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates).toEqual([]);
    const b = client(s, 'unload');
    await waitSynced(b);
    await waitFor(() => b.doc.getMap('meta').get('v') === 2, 'b sees v=2');
    expect(s.telemetry.roomsLoaded).toBe(2);
  });

  it('a connection arriving during an unload waits for it and then loads fresh state', async () => {
    const { MemoryStorage } = await import('../storage/memory.ts');
    const storage = new MemoryStorage();
    let releaseCompact: () => void = () => {};
    let compactStarted = false;
    const realCompact = storage.compact.bind(storage);
    storage.compact = async (mapId, snapshot, uptoSeq) => {
      compactStarted = true;
      await new Promise<void>((resolve) => {
        releaseCompact = resolve;
      });
      return realCompact(mapId, snapshot, uptoSeq);
    };
    const s = await server({ storage, limits: { roomIdleMs: 0 } });
    const a = client(s, 'race');
    await waitSynced(a);
    a.doc.getMap('meta').set('title', 'latest');
    await waitFor(async () => (await storage.loadDocument('race')).lastSeq === 1, 'persisted');
    a.destroy();
    await waitFor(() => compactStarted, 'unload is compacting');
    const b = client(s, 'race');
    await waitFor(() => s.telemetry.opened === 2, 'b connected');
    expect(b.provider.synced).toBe(false);
    releaseCompact();
    await waitSynced(b);
    expect(b.doc.getMap('meta').get('title')).toBe('latest');
    expect(s.telemetry.roomsLoaded).toBe(2);
    expect(s.rooms.stats().rooms).toBe(1);
  });

  it('reuses a room when a client comes back before the idle timer fires', async () => {
    const s = await server({ limits: { roomIdleMs: 60_000 } });
    const a = client(s, 'reuse');
    await waitSynced(a);
    a.doc.getMap('meta').set('x', 1);
    a.destroy();
    await waitFor(() => s.rooms.stats().connections === 0, 'a gone');
    const b = client(s, 'reuse');
    await waitSynced(b);
    await waitFor(() => b.doc.getMap('meta').get('x') === 1, 'b sees x');
    expect(s.telemetry.roomsLoaded).toBe(1);
  });

  it('compacts the log once it passes the bound, and the snapshot reloads identically', async () => {
    const s = await server({ limits: { compactAfterUpdates: 10 } });
    const a = client(s, 'compact');
    await waitSynced(a);
    const text = a.doc.getText('notes');
    for (let i = 0; i < 25; i++) {
      text.insert(text.length, `${i},`);
      if (i % 3 === 0) text.delete(0, 1);
    }
    const expected = text.toString();
    await waitFor(async () => {
      const doc = await loadStoredDoc(s.storage, 'compact');
      return doc.getText('notes').toString() === expected;
    }, 'storage has all edits');
    const stored = await s.storage.loadDocument('compact');
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(10);
    expect(s.telemetry.persistenceOps.some((p) => p.op === 'compact' && p.ok)).toBe(true);
  });
});

describe('room limits', () => {
  it('closes connections beyond maxConnectionsPerRoom with 1013', async () => {
    const s = await server({ limits: { maxConnectionsPerRoom: 2 } });
    const a = client(s, 'full');
    const b = client(s, 'full');
    await waitSynced(a, b);
    const extra = await RawClient.connect(`${s.syncUrl}/full`);
    expect((await extra.closed).code).toBe(1013);
    const elsewhere = await RawClient.connect(`${s.syncUrl}/not-full`);
    expect(elsewhere.isOpen).toBe(true);
    elsewhere.close();
  });
});

describe('server-side document access', () => {
  it('a write through withDocument (meant to be read-only) is still persisted and relayed', async () => {
    const s = await server();
    const a = client(s, 'rogue');
    await waitSynced(a);
    await s.rooms.withDocument('rogue', (doc) => doc.getMap('meta').set('sneaky', true));
    await waitFor(() => a.doc.getMap('meta').get('sneaky') === true, 'client sees it');
    await waitFor(
      async () => (await loadStoredDoc(s.storage, 'rogue')).getMap('meta').get('sneaky') === true,
      'stored',
    );
    expect(s.logger.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('withDocument reads the live doc; transact writes are persisted and reach clients', async () => {
    const s = await server();
    const a = client(s, 'api');
    await waitSynced(a);
    a.doc.getMap('meta').set('title', 'Old');
    await waitFor(
      async () =>
        (await s.rooms.withDocument('api', (doc) => doc.getMap('meta').get('title'))) === 'Old',
      'server sees title',
    );
    const changed = await s.rooms.transact('api', (doc) => doc.getMap('meta').set('title', 'New'));
    expect(changed).toBe(true);
    await waitFor(() => a.doc.getMap('meta').get('title') === 'New', 'client sees rename');
    const stored = await loadStoredDoc(s.storage, 'api');
    expect(stored.getMap('meta').get('title')).toBe('New');
    expect(await s.rooms.transact('api', () => {})).toBe(false);
  });

  it('applyServerUpdate writes into a room nobody is connected to', async () => {
    const s = await server({ limits: { roomIdleMs: 0 } });
    const source = new Y.Doc();
    source.getMap('meta').set('title', 'Imported');
    await s.storage.createMap({
      id: 'imported',
      title: 'Imported',
      editToken: 'e',
      viewToken: 'v',
      createdAt: 1,
      updatedAt: 1,
    });
    expect(await s.rooms.applyServerUpdate('imported', Y.encodeStateAsUpdate(source))).toBe(true);
    await waitFor(() => s.rooms.stats().rooms === 0, 'room unloaded after the call');
    const stored = await loadStoredDoc(s.storage, 'imported');
    expect(stored.getMap('meta').get('title')).toBe('Imported');
    await expect(
      s.rooms.applyServerUpdate('imported', new Uint8Array([1, 2, 3])),
    ).rejects.toThrow();
    await expect(s.rooms.withDocument('../etc', () => 1)).rejects.toThrow(/invalid map id/);
  });

  it('closeRoom closes its clients with 4404 so they stop reconnecting', async () => {
    const s = await server();
    const a = client(s, 'doomed');
    const other = client(s, 'survivor');
    await waitSynced(a, other);
    const closed = new Promise<{ code: number }>((resolve) => a.provider.on('closed', resolve));
    await s.rooms.closeRoom('doomed');
    expect((await closed).code).toBe(4404);
    expect(a.provider.shouldConnect).toBe(false);
    expect(s.rooms.stats()).toEqual({ rooms: 1, connections: 1 });
    other.doc.getMap('meta').set('still', 'here');
    await waitFor(
      async () =>
        (await loadStoredDoc(s.storage, 'survivor')).getMap('meta').get('still') === 'here',
      'other room keeps working',
    );
  });
});
