// The shadow document (document.ts) exists only while a map is written to: a loaded map that is
// only read holds one Y.Doc, the first write builds the shadow, and it is released once writes
// stop; the next write rebuilds it and is validated exactly as before.
import { describe, expect, it } from 'vitest';
import { loadStoredDoc, waitFor, waitSynced } from './clients.testkit.ts';
import { CloseCode } from './protocol.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';
import { syncTestbed } from './testbed.testkit.ts';

let s: TestServer;
const { client } = syncTestbed(() => s);

const storedTitle = async (mapId: string) =>
  (await loadStoredDoc(s.storage, mapId)).getMap('meta').get('title');

describe('the shadow document', () => {
  it('is not built for readers, is released when writes stop, and is rebuilt to validate the next write', async () => {
    s = await startTestServer({ limits: { shadowIdleMs: 50, heartbeatIntervalMs: 20 } });
    const editor = client('shadowed');
    const reader = client('shadowed');
    await waitSynced(editor, reader);
    // Both answered the server's sync step 1 with nothing new: no write, no shadow.
    expect(s.rooms.stats().rooms).toBe(1);
    expect(s.rooms.shadowCount()).toBe(0);

    editor.doc.getMap('meta').set('title', 'First');
    await waitFor(async () => (await storedTitle('shadowed')) === 'First', 'first edit stored');
    await waitFor(() => reader.doc.getMap('meta').get('title') === 'First', 'relayed');
    await waitFor(() => s.rooms.shadowCount() === 0, 'shadow released once writes stopped');

    // A write the schema refuses, validated against a rebuilt shadow: refused, not stored.
    const closed = new Promise<number>((resolve) =>
      editor.provider.on('closed', (event: { code: number }) => resolve(event.code)),
    );
    editor.doc.getMap('meta').set('title', 42);
    expect(await closed).toBe(CloseCode.writeRefused);
    expect(await storedTitle('shadowed')).toBe('First');

    // …and a valid one after it is stored and relayed as usual.
    reader.doc.getMap('meta').set('title', 'Second');
    await waitFor(async () => (await storedTitle('shadowed')) === 'Second', 'second edit stored');
    const late = client('shadowed');
    await waitSynced(late);
    expect(late.doc.getMap('meta').get('title')).toBe('Second');
  });
});
