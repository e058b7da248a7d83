// The server as a real child process: stopped gracefully (SIGTERM) and killed (-9) mid-edit, then
// started again on the same data directory and port. Nothing any client had received may be lost,
// and clients must reconnect by themselves.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectMap, type MapClient } from './http/harness.testkit.ts';
import { killMainProcess, type MainProcess, startMainProcess } from './mainProcess.testkit.ts';
import { freePort, waitFor } from './sync/clients.testkit.ts';

const OWNER_KEY = 'restart-test-owner-key-0123456789';
const startChild = (port: number, dataDir: string) =>
  startMainProcess({
    port,
    args: ['--data-dir', dataDir, '--log-level', 'warn'],
    env: { FLOWMAP_OWNER_KEY: OWNER_KEY },
  });

const children: MainProcess[] = [];
const clients: MapClient[] = [];
let dataDir = '';

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const proc of children.splice(0)) await killMainProcess(proc);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function setup() {
  dataDir = await mkdtemp(join(tmpdir(), 'flowmap-restart-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  children.push(await startChild(port, dataDir));
  const res = await fetch(`${base}/api/maps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OWNER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Restart' }),
  });
  const { id, editToken } = (await res.json()) as { id: string; editToken: string };
  const writer = connectMap(base, id, editToken);
  const watcher = connectMap(base, id, editToken);
  clients.push(writer, watcher);
  await waitFor(() => writer.provider.synced && watcher.provider.synced, 'clients synced');
  return { port, base, id, editToken, writer, watcher };
}

const edits = (client: MapClient) => client.doc.getMap<number>('edits');

describe('server restart', () => {
  it('loses nothing any client saw when killed with -9 mid-edit, and clients reconnect', async () => {
    const { port, base, id, editToken, writer, watcher } = await setup();
    // Keep editing while the server is killed.
    let n = 0;
    const typing = setInterval(() => {
      for (let k = 0; k < 5; k++) edits(writer).set(`e${n++}`, n);
    }, 2);
    await waitFor(() => edits(watcher).size >= 200, 'watcher saw a stream of edits');
    const { child, exited } = children[0] as MainProcess;
    child.kill('SIGKILL');
    // What the watcher had received is what "someone else has seen": it must all survive.
    const seen = [...edits(watcher).keys()];
    clearInterval(typing);
    expect(await exited).toBe('SIGKILL');
    // The writer goes away for good, so its unsent edits cannot paper over a loss.
    writer.destroy();

    children.push(await startChild(port, dataDir));
    await waitFor(
      () => watcher.provider.wsconnected && watcher.provider.synced,
      'watcher reconnected by itself',
      20_000,
    );
    const fresh = connectMap(base, id, editToken);
    clients.push(fresh);
    await waitFor(() => fresh.provider.synced, 'fresh client synced');
    const stored = new Set(edits(fresh).keys());
    const lost = seen.filter((key) => !stored.has(key));
    expect(lost, `edits seen by a client but lost: ${lost.slice(0, 10).join(', ')}`).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(seen.length);
  }, 60_000);

  it('flushes on SIGTERM, closes with a code clients reconnect after, and keeps every edit', async () => {
    const { port, base, id, editToken, writer, watcher } = await setup();
    for (let i = 0; i < 300; i++) edits(writer).set(`k${i}`, i);
    await waitFor(() => edits(watcher).size === 300, 'watcher has all edits');
    const closeCode = new Promise<number>((resolve) =>
      watcher.provider.ws?.addEventListener('close', (e) =>
        resolve((e as unknown as { code: number }).code),
      ),
    );
    const { child, exited } = children[0] as MainProcess;
    child.kill('SIGTERM');
    expect(await closeCode).toBe(1012);
    expect(await exited).toBe(0);
    writer.destroy();

    children.push(await startChild(port, dataDir));
    await waitFor(
      () => watcher.provider.wsconnected && watcher.provider.synced,
      'reconnected',
      20_000,
    );
    edits(watcher).set('after-restart', 1);
    const fresh = connectMap(base, id, editToken);
    clients.push(fresh);
    await waitFor(
      () => fresh.provider.synced && edits(fresh).size === 301,
      () => `fresh client has ${edits(fresh).size} of 301 edits`,
    );
  }, 60_000);
});
