import { softwareDeliveryTemplate, validateMap } from '@flowmap/shared';
import { readMap } from '@flowmap/shared/doc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { waitFor } from '../sync/clients.testkit.ts';
import {
  connectMap,
  type Harness,
  type MapClient,
  startHarness,
  tryUpgrade,
} from './harness.testkit.ts';

let h: Harness;
const clients: MapClient[] = [];
const connect = (id: string, token: string) => {
  const client = connectMap(h.url, id, token);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await h.stop();
});

async function createMap(body: unknown = { title: 'Payments', template: 'software-delivery' }) {
  const res = await h.api('/api/maps', { method: 'POST', json: body });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; editToken: string; viewToken: string };
}

const titleOf = (doc: Y.Doc) => doc.getMap('meta').get('title');

describe('operations endpoints', () => {
  it('answers /healthz and exposes Prometheus metrics', async () => {
    const health = await h.api('/healthz', { owner: false });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const { id, editToken } = await createMap();
    const client = connect(id, editToken);
    await waitFor(() => client.provider.synced, 'client synced');
    const text = await (await h.api('/metrics', { owner: false })).text();
    expect(text).toMatch(/^flowmap_connections 1$/m);
    expect(text).toMatch(/^flowmap_rooms_loaded 1$/m);
    expect(text).toMatch(/^flowmap_messages_in_total\{type="sync-step1"\} [1-9]/m);
    expect(text).toMatch(/^flowmap_persistence_latency_seconds_count\{operation="load"\} [1-9]/m);
  });
});

describe('maps API', () => {
  it('needs the owner key to list and create maps', async () => {
    expect((await h.api('/api/maps', { owner: false })).status).toBe(401);
    const wrong = await h.api('/api/maps', {
      owner: false,
      method: 'POST',
      headers: { authorization: 'Bearer not-the-key' },
      json: {},
    });
    expect(wrong.status).toBe(401);
  });

  it('creates a map from the template and lists it with its figures', async () => {
    const created = await createMap();
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(created.editToken).toHaveLength(43);
    expect(created.viewToken).not.toBe(created.editToken);
    await createMap({ title: 'Blank one' });
    const { maps } = await (await h.api('/api/maps')).json();
    expect(maps).toHaveLength(2);
    const payments = maps.find((m: { id: string }) => m.id === created.id);
    expect(payments).toMatchObject({ title: 'Payments', stageCount: 6, leadTimeMinutes: 10680 });
    const blank = maps.find((m: { id: string }) => m.id !== created.id);
    expect(blank).toMatchObject({ title: 'Blank one', stageCount: 0, leadTimeMinutes: 0 });
  });

  it('refuses invalid create input with the validator messages', async () => {
    const res = await h.api('/api/maps', { method: 'POST', json: { title: 42 } });
    expect(res.status).toBe(400);
    expect((await res.json()).messages).toEqual(['title: must be text']);
    const tpl = await h.api('/api/maps', { method: 'POST', json: { template: 'kanban' } });
    expect(tpl.status).toBe(400);
  });

  it('renames a map for every connected client, duplicates and deletes it', async () => {
    const { id, editToken } = await createMap();
    const client = connect(id, editToken);
    await waitFor(() => titleOf(client.doc) === 'Payments', 'template title synced');
    const renamed = await h.api(`/api/maps/${id}`, {
      method: 'PATCH',
      json: { title: 'Payments v2' },
    });
    expect(renamed.status).toBe(200);
    await waitFor(() => titleOf(client.doc) === 'Payments v2', 'rename reached the client');

    const dup = await h.api(`/api/maps/${id}/duplicate`, { method: 'POST' });
    expect(dup.status).toBe(201);
    const copy = await dup.json();
    const copyExport = await (await h.api(`/api/maps/${copy.id}/export.json`)).json();
    expect(copyExport.meta.title).toBe('Payments v2 (copy)');
    expect(Object.keys(copyExport.states.current.nodes)).toHaveLength(9);

    const closed = new Promise<number>((resolve) =>
      client.provider.ws?.addEventListener('close', (e) =>
        resolve((e as unknown as { code: number }).code),
      ),
    );
    expect((await h.api(`/api/maps/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await closed).toBe(4404);
    expect((await h.api(`/api/maps/${id}`)).status).toBe(404);
    // The longest valid id (128 characters) reaches the route (404), one longer does not (414).
    expect((await h.api(`/api/maps/${'a'.repeat(128)}`)).status).toBe(404);
    expect((await h.api(`/api/maps/${'a'.repeat(129)}`)).status).toBe(414);
    expect(
      await tryUpgrade(`${h.url.replace('http', 'ws')}/sync/${id}?token=${editToken}`),
    ).toEqual({
      status: 404,
      body: '{"error":"no such map"}\n',
      messages: 0,
    });
  });

  it('rotates tokens: the old link stops working, the new one works', async () => {
    const { id, editToken, viewToken } = await createMap();
    const res = await h.api(`/api/maps/${id}/tokens`, { method: 'POST', json: { which: 'edit' } });
    const rotated = await res.json();
    expect(rotated.editToken).not.toBe(editToken);
    expect(rotated.viewToken).toBe(viewToken);
    const ws = h.url.replace('http', 'ws');
    expect(await tryUpgrade(`${ws}/sync/${id}?token=${editToken}`)).toMatchObject({ status: 403 });
    expect(await tryUpgrade(`${ws}/sync/${id}?token=${rotated.editToken}`)).toEqual({
      opened: true,
    });
  });
});

describe('access at the websocket upgrade', () => {
  it('refuses before any byte of the document: bad id, unknown map, no token, wrong token', async () => {
    const { id, viewToken } = await createMap();
    const ws = h.url.replace('http', 'ws');
    const cases: [string, number][] = [
      [`${ws}/sync/${'x'.repeat(10_000)}?token=${viewToken}`, 400],
      [`${ws}/sync/..%2F..%2Fetc?token=${viewToken}`, 400],
      [`${ws}/sync/unknownmap?token=${viewToken}`, 404],
      [`${ws}/sync/${id}`, 401],
      [`${ws}/sync/${id}?token=guess`, 403],
      [`${ws}/elsewhere/${id}?token=${viewToken}`, 404],
    ];
    for (const [url, status] of cases) {
      const result = await tryUpgrade(url);
      expect(result, url.slice(0, 80)).toMatchObject({ status, messages: 0 });
    }
    const text = await (await h.api('/metrics', { owner: false })).text();
    expect(text).toMatch(/^flowmap_connections_refused_total\{reason="bad-token"\} 1$/m);
  });

  it('gives a view link the document and presence but drops its writes', async () => {
    const { id, editToken, viewToken } = await createMap();
    const editor = connect(id, editToken);
    const viewer = connect(id, viewToken);
    await waitFor(() => titleOf(viewer.doc) === 'Payments', 'viewer received the document');
    viewer.provider.awareness.setLocalStateField('user', { name: 'Leadership' });
    await waitFor(
      () =>
        [...editor.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name: string } }).user?.name === 'Leadership',
        ),
      'viewer presence reached the editor',
    );
    viewer.doc.getMap('meta').set('title', 'Hijacked');
    editor.doc.getMap('meta').set('description', 'edited by the facilitator');
    await waitFor(
      () => viewer.doc.getMap('meta').get('description') === 'edited by the facilitator',
      'editor edit reached the viewer',
    );
    await waitFor(async () => {
      const text = await (await h.api('/metrics', { owner: false })).text();
      return /^flowmap_writes_dropped_total\{reason="view-only"\} [1-9]/m.test(text);
    }, 'dropped write counted');
    expect(titleOf(editor.doc)).toBe('Payments');
    const exported = await (await h.api(`/api/maps/${id}/export.json`)).json();
    expect(exported.meta.title).toBe('Payments');
    expect(exported.meta.description).toBe('edited by the facilitator');
  });
});

describe('JSON import and export', () => {
  it('exports schema-v2 JSON to any valid token and imports it back identically', async () => {
    const { id, editToken, viewToken } = await createMap();
    const editor = connect(id, editToken);
    await waitFor(() => editor.provider.synced, 'editor synced');
    editor.doc.getMap('meta').set('description', 'Quarterly review 2026-Q4');
    await waitFor(async () => {
      const res = await h.api(`/api/maps/${id}/export.json?token=${viewToken}`, { owner: false });
      return (await res.json()).meta.description === 'Quarterly review 2026-Q4';
    }, 'live edit visible in the export');
    const res = await h.api(`/api/maps/${id}/export.json?token=${viewToken}`, { owner: false });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Payments.json"');
    const exported = await res.json();
    expect(validateMap(exported).ok).toBe(true);
    expect((await h.api(`/api/maps/${id}/export.json?token=nope`, { owner: false })).status).toBe(
      403,
    );
    expect((await h.api(`/api/maps/${id}/export.json`, { owner: false })).status).toBe(401);

    const imported = await h.api('/api/maps/import', { method: 'POST', json: exported });
    expect(imported.status).toBe(201);
    const { id: newId } = await imported.json();
    const again = await (await h.api(`/api/maps/${newId}/export.json`)).json();
    expect(again).toEqual(exported);
  });

  it('refuses invalid and oversized imports, storing nothing', async () => {
    const map = softwareDeliveryTemplate() as unknown as { states: Record<string, any> };
    map.states.current.nodes.vcs.pctCA = 150;
    map.states.current.nodes.release.elapsedMinutes = -1;
    const res = await h.api('/api/maps/import', { method: 'POST', json: map });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.messages).toEqual([
      'states.current.nodes.vcs.pctCA: must be 0–100',
      'states.current.nodes.release.elapsedMinutes: must not be negative',
    ]);
    const garbage = await h.api('/api/maps/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"meta": [',
    });
    expect(garbage.status).toBe(400);
    const huge = await h.api('/api/maps/import', {
      method: 'POST',
      json: { meta: { description: 'x'.repeat(2 * 1024 * 1024) } },
    });
    expect(huge.status).toBe(413);
    expect((await (await h.api('/api/maps')).json()).maps).toEqual([]);
  });
});

describe('logs', () => {
  it('never contain a token or the owner key', async () => {
    const { id, editToken, viewToken } = await createMap();
    const client = connect(id, editToken);
    await waitFor(() => client.provider.synced, 'synced');
    await h.api(`/api/maps/${id}/export.json?token=${viewToken}`, { owner: false });
    await h.api(`/api/maps/${id}/access?token=${editToken}`, { owner: false });
    await tryUpgrade(`${h.url.replace('http', 'ws')}/sync/${id}?token=${editToken}x`);
    const all = h.logs.join('');
    expect(all).toContain('/export.json?token=[redacted]');
    expect(all).not.toContain(editToken);
    expect(all).not.toContain(viewToken);
    expect(all).not.toContain('test-owner-key');
  });
});

describe('access endpoint', () => {
  it('tells the web app which access a link grants', async () => {
    const { id, editToken, viewToken } = await createMap();
    const ask = async (token: string) =>
      (await h.api(`/api/maps/${id}/access?token=${token}`, { owner: false })).json();
    expect(await ask(editToken)).toEqual({ id, title: 'Payments', access: 'edit' });
    expect(await ask(viewToken)).toEqual({ id, title: 'Payments', access: 'view' });
  });
});

it('keeps the document readable after a reload from storage', async () => {
  const { id } = await createMap();
  const update = await h.server.rooms.withDocument(id, (doc) => Y.encodeStateAsUpdate(doc));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  expect(readMap(doc).problems).toEqual([]);
});

describe('connection flood', () => {
  it('refuses upgrades over the per-IP rate with 429 while existing connections keep syncing', async () => {
    await h.stop();
    h = await startHarness({ connectionsPerIpPerMinute: 3 });
    const { id, editToken } = await createMap();
    const a = connect(id, editToken);
    const b = connect(id, editToken);
    await waitFor(() => a.provider.synced && b.provider.synced, 'first clients synced');
    const ws = `${h.url.replace('http', 'ws')}/sync/${id}?token=${editToken}`;
    expect(await tryUpgrade(ws)).toEqual({ opened: true });
    for (let i = 0; i < 20; i++) {
      expect(await tryUpgrade(ws)).toMatchObject({ status: 429, messages: 0 });
    }
    a.doc.getMap('meta').set('description', 'still syncing');
    await waitFor(
      () => b.doc.getMap('meta').get('description') === 'still syncing',
      'existing connections unaffected',
    );
    // Without trusted proxies a forged X-Forwarded-For changes nothing.
    expect(await tryUpgrade(ws, { 'x-forwarded-for': '203.0.113.9' })).toMatchObject({
      status: 429,
    });
  });

  it('behind a trusted proxy, counts each client the proxy names, not the proxy', async () => {
    await h.stop();
    h = await startHarness({ connectionsPerIpPerMinute: 2, trustProxyHops: 1 });
    const { id, editToken } = await createMap();
    const ws = `${h.url.replace('http', 'ws')}/sync/${id}?token=${editToken}`;
    const from = (client: string) => ({ 'x-forwarded-for': client });
    // Every socket comes from 127.0.0.1 (the "proxy"); the clients differ.
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      expect(await tryUpgrade(ws, from(client))).toEqual({ opened: true });
      expect(await tryUpgrade(ws, from(client))).toEqual({ opened: true });
      expect(await tryUpgrade(ws, from(client))).toMatchObject({ status: 429, messages: 0 });
    }
    // A client cannot escape by prepending its own entry: the proxy's is the one believed.
    expect(await tryUpgrade(ws, from('9.9.9.9, 203.0.113.1'))).toMatchObject({ status: 429 });
  });
});
