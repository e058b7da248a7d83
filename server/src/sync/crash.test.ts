// kill -9 durability: a server process is killed mid-edit. Everything any other client had
// received must be in storage, and the clients reconnect by themselves to the restarted server
// and merge what the server never acknowledged.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import {
  connectClient,
  loadStoredDoc,
  type TestClient,
  waitFor,
  waitSynced,
} from './clients.testkit.ts';

const here = dirname(fileURLToPath(import.meta.url));
const children: ChildProcess[] = [];
const clients: TestClient[] = [];
let dataDir = '';

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function startServerProcess(
  dir: string,
  port = 0,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'serverProcess.testkit.ts'), dir, String(port)],
    {
      cwd: join(here, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server process exited early (${code})`)));
  });
  return { child, url };
}

const clocksCovered = (have: Map<number, number>, need: Map<number, number>) =>
  [...need].every(([client, clock]) => (have.get(client) ?? 0) >= clock);

it('kill -9 mid-edit loses nothing another client had received; clients reconnect and merge', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'flowmap-crash-'));
  const first = await startServerProcess(dataDir);
  const port = Number(new URL(first.url).port);
  const writer = connectClient({ syncUrl: first.url }, 'crash');
  const observer = connectClient({ syncUrl: first.url }, 'crash');
  clients.push(writer, observer);
  await waitSynced(writer, observer);

  const notes = writer.doc.getText('notes');
  let killed = false;
  const observerLost = new Promise<void>((resolve) =>
    observer.provider.once('connection-close', () => resolve()),
  );
  for (let i = 0; i < 2000 && !killed; i++) {
    notes.insert(notes.length, `${i};`);
    if (observer.doc.getText('notes').length > 200) {
      first.child.kill('SIGKILL');
      killed = true;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(killed).toBe(true);
  await observerLost;
  // Everything the observer received was relayed by the server, hence persisted first.
  const seen = Y.decodeStateVector(Y.encodeStateVector(observer.doc));
  const seenText = observer.doc.getText('notes').toString();
  writer.doc.getText('notes').insert(notes.length, 'offline;');

  const storage = SqliteStorage.open({ dataDir });
  const stored = await loadStoredDoc(storage, 'crash');
  await storage.close();
  expect(clocksCovered(Y.decodeStateVector(Y.encodeStateVector(stored)), seen)).toBe(true);
  expect(stored.getText('notes').toString().startsWith(seenText)).toBe(true);

  await startServerProcess(dataDir, port);
  await waitSynced(writer, observer);
  const expected = writer.doc.getText('notes').toString();
  await waitFor(
    () => observer.doc.getText('notes').toString() === expected,
    'observer has every edit',
  );
  expect(expected.endsWith('offline;')).toBe(true);
}, 30_000);
