import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadStoredDoc, waitFor, waitSynced } from './clients.testkit.ts';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';
import { syncTestbed } from './testbed.testkit.ts';

let s: TestServer;
const { client, raw } = syncTestbed(() => s);

describe('view access', () => {
  it('a viewer receives the document and live edits, but its own edits are dropped and counted', async () => {
    s = await startTestServer();
    const editor = client('view-map');
    await waitSynced(editor);
    editor.doc.getMap('meta').set('title', 'Current state');
    const viewer = client('view-map', { access: 'view' });
    await waitSynced(viewer);
    await waitFor(
      () => viewer.doc.getMap('meta').get('title') === 'Current state',
      'viewer has doc',
    );
    const socket = viewer.provider.ws;

    viewer.doc.getMap('meta').set('title', 'Hijacked');
    viewer.doc.getText('notes').insert(0, 'viewer text');
    await waitFor(() => s.telemetry.writesDropped >= 2, 'viewer writes dropped');

    // The editor keeps working and its edits still reach the viewer over the same socket.
    editor.doc.getMap('meta').set('owner', 'editor');
    await waitFor(
      () => viewer.doc.getMap('meta').get('owner') === 'editor',
      'viewer gets live edit',
    );
    expect(viewer.provider.ws).toBe(socket);
    expect(viewer.provider.wsconnected).toBe(true);
    expect(editor.doc.getMap('meta').get('title')).toBe('Current state');
    expect(editor.doc.getText('notes').toString()).toBe('');
    const stored = await loadStoredDoc(s.storage, 'view-map');
    expect(stored.getMap('meta').toJSON()).toEqual({ title: 'Current state', owner: 'editor' });
    expect(stored.getText('notes').toString()).toBe('');
  });

  it('crafted sync-step2 and update frames from a raw view client are dropped; the socket stays open', async () => {
    s = await startTestServer();
    const editor = client('crafted');
    await waitSynced(editor);
    editor.doc.getMap('meta').set('title', 'Original');
    await waitFor(async () => (await s.storage.loadDocument('crafted')).lastSeq === 1, 'persisted');

    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(editor.doc));
    attacker.getMap('meta').set('title', 'Defaced');
    const evil = Y.encodeStateAsUpdate(attacker);

    const viewer = await raw('crafted', 'view');
    const dropped = s.telemetry.writesDropped;
    viewer.send(encodeSyncStep2(evil));
    viewer.send(encodeSyncUpdate(evil));
    await waitFor(() => s.telemetry.writesDropped === dropped + 2, 'both frames dropped');

    // Still open and served: its sync step 1 gets the (unchanged) document.
    viewer.send(encodeSyncStep1(new Uint8Array([0])));
    await waitFor(() => viewer.decoded().some((m) => m.type === 'sync-step2'), 'step2 reply');
    const reply = viewer.decoded().find((m) => m.type === 'sync-step2');
    const seen = new Y.Doc();
    if (reply?.type === 'sync-step2') Y.applyUpdate(seen, reply.update);
    expect(seen.getMap('meta').get('title')).toBe('Original');
    expect(viewer.isOpen).toBe(true);

    expect(editor.doc.getMap('meta').get('title')).toBe('Original');
    expect((await s.storage.loadDocument('crafted')).lastSeq).toBe(1);
    const title = await s.rooms.withDocument('crafted', (doc) => doc.getMap('meta').get('title'));
    expect(title).toBe('Original');
  });

  it('the server asks editors, not viewers, for their state (sync step 1)', async () => {
    s = await startTestServer();
    const editor = await raw('ask', 'edit');
    const viewer = await raw('ask', 'view');
    editor.send(encodeSyncStep1(new Uint8Array([0])));
    viewer.send(encodeSyncStep1(new Uint8Array([0])));
    await waitFor(
      () => [editor, viewer].every((c) => c.decoded().some((m) => m.type === 'sync-step2')),
      'both answered',
    );
    expect(editor.decoded().some((m) => m.type === 'sync-step1')).toBe(true);
    expect(viewer.decoded().some((m) => m.type === 'sync-step1')).toBe(false);
  });
});
