// Rotating one of a map's links closes only the sockets holding that link (4401, which stops the
// stock y-websocket provider for good); everyone else keeps their socket and keeps syncing. Before,
// rotating the view link also closed every editor with 4401, and their providers (stock and
// Flowmap's) stopped reconnecting until a reload although their edit link was still valid.
// Several instances: server/src/cluster/cluster.test.ts.
import { updateMeta } from '@flowmap/shared/doc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  connectMap,
  type Harness,
  type MapClient,
  startHarness,
  tryUpgrade,
} from '../http/harness.testkit.ts';
import { waitFor } from '../sync/clients.testkit.ts';

/** Every wait here is for something that takes milliseconds; fail with its message, not a timeout. */
const WAIT_MS = 4_000;
const TEST_MS = 15_000;

let h: Harness;
const clients: MapClient[] = [];

beforeEach(async () => {
  h = await startHarness({ limits: { roomIdleMs: 50 } });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await h.stop();
});

interface Watched extends MapClient {
  /** Close codes of every socket this provider lost, in order. */
  closes: number[];
  /** The close that made the provider stop reconnecting, if any. */
  terminal: number | null;
}

function join(id: string, token: string): Watched {
  const client = connectMap(h.url, id, token) as Watched;
  client.closes = [];
  client.terminal = null;
  client.provider.on('connection-close', (event) => client.closes.push(event?.code ?? 0));
  client.provider.on('closed', (event) => {
    client.terminal = event.code;
  });
  clients.push(client);
  return client;
}

const description = (doc: Y.Doc) => doc.getMap('meta').get('description');

async function createMap() {
  const res = await h.api('/api/maps', {
    method: 'POST',
    json: { title: 'Rotation', template: 'software-delivery' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; editToken: string; viewToken: string };
}

async function rotate(id: string, which: 'edit' | 'view' | 'both') {
  const res = await h.api(`/api/maps/${id}/tokens`, { method: 'POST', json: { which } });
  expect(res.status).toBe(200);
  return (await res.json()) as { id: string; editToken: string; viewToken: string };
}

const stopped = (client: Watched) =>
  client.terminal === 4401 && !client.provider.shouldConnect && !client.provider.wsconnected;

describe('rotating an access link', () => {
  it(
    'view: closes the viewers only; editors keep their socket, keep editing, and the room still compacts',
    async () => {
      const map = await createMap();
      const editor = join(map.id, map.editToken);
      const viewer = join(map.id, map.viewToken);
      await waitFor(() => editor.provider.synced && viewer.provider.synced, 'both synced', WAIT_MS);
      const editorSocket = editor.provider.ws;

      const rotated = await rotate(map.id, 'view');
      await waitFor(() => stopped(viewer), 'the viewer closed with 4401 and stopped', WAIT_MS);
      expect(viewer.closes).toEqual([4401]);

      // The editor's link is still valid: same socket, and its edits reach the server.
      updateMeta(editor.doc, { description: 'edited after the view link changed' });
      const newViewer = join(map.id, rotated.viewToken);
      await waitFor(
        () => description(newViewer.doc) === 'edited after the view link changed',
        'the edit reached a viewer with the new link',
        WAIT_MS,
      );
      expect(editor.closes).toEqual([]);
      expect(editor.provider.ws).toBe(editorSocket);
      expect(editor.provider.wsconnected).toBe(true);
      const ws = h.url.replace('http', 'ws');
      expect(await tryUpgrade(`${ws}/sync/${map.id}?token=${map.viewToken}`)).toMatchObject({
        status: 403,
      });

      // The map was not deleted: once everyone left, the room unloads and compacts as usual.
      for (const client of clients.splice(0)) client.destroy();
      await waitFor(() => h.server.rooms.stats().rooms === 0, 'room unloaded', WAIT_MS);
      const stored = await h.storage.loadDocument(map.id);
      expect(stored.snapshot).not.toBeNull();
      expect(stored.updates).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'edit: closes the editors only; viewers keep their socket and keep receiving edits',
    async () => {
      const map = await createMap();
      const editor = join(map.id, map.editToken);
      const viewer = join(map.id, map.viewToken);
      await waitFor(() => editor.provider.synced && viewer.provider.synced, 'both synced', WAIT_MS);
      const viewerSocket = viewer.provider.ws;

      const rotated = await rotate(map.id, 'edit');
      expect(rotated.viewToken).toBe(map.viewToken);
      await waitFor(() => stopped(editor), 'the editor closed with 4401 and stopped', WAIT_MS);
      expect(editor.closes).toEqual([4401]);

      const newEditor = join(map.id, rotated.editToken);
      await waitFor(() => newEditor.provider.synced, 'editor with the new link synced', WAIT_MS);
      updateMeta(newEditor.doc, { description: 'from the new edit link' });
      await waitFor(
        () => description(viewer.doc) === 'from the new edit link',
        'the viewer still receives edits',
        WAIT_MS,
      );
      expect(viewer.closes).toEqual([]);
      expect(viewer.provider.ws).toBe(viewerSocket);
    },
    TEST_MS,
  );

  it(
    'both: closes everyone with 4401',
    async () => {
      const map = await createMap();
      const editor = join(map.id, map.editToken);
      const viewer = join(map.id, map.viewToken);
      await waitFor(() => editor.provider.synced && viewer.provider.synced, 'both synced', WAIT_MS);
      await rotate(map.id, 'both');
      await waitFor(
        () => stopped(editor) && stopped(viewer),
        'both closed with 4401 and stopped',
        WAIT_MS,
      );
      expect([editor.closes, viewer.closes]).toEqual([[4401], [4401]]);
    },
    TEST_MS,
  );
});
