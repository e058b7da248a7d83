// HTTP hardening against a real server (port 0, SQLite, the JSON API, the websocket upgrade and a
// built client on disk): the security headers every page carries, `Cache-Control: no-store` on
// every answer that holds a token or map data, the token route refusing bodies that are not an
// object, and tokens never reaching a log line however their parameter name is spelled
// (`?%74oken=` is `?token=` to URLSearchParams and to Fastify's query parser alike). Values are
// asserted exactly: a header that is merely present proves nothing. docs/reliability.md lists
// these checks with their pass criteria.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Harness, startHarness, tryUpgrade } from '../http/harness.testkit.ts';
import { waitFor } from '../sync/clients.testkit.ts';

interface MapInfo {
  id: string;
  editToken: string;
  viewToken: string;
}

const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'self'";

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

let clientDir: string;
let h: Harness | undefined;

beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'flowmap-client-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(join(clientDir, 'index.html'), INDEX_HTML);
  await writeFile(join(clientDir, 'assets/app.js'), 'export {};\n');
});
afterAll(async () => {
  await rm(clientDir, { recursive: true, force: true });
});
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  h = await startHarness(options);
  return h;
}

async function createMap(harness: Harness, title = 'Payments'): Promise<MapInfo> {
  const res = await harness.api('/api/maps', {
    method: 'POST',
    json: { title, template: 'software-delivery' },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as MapInfo;
}

const headersOf = (res: Response) => ({
  csp: res.headers.get('content-security-policy'),
  nosniff: res.headers.get('x-content-type-options'),
  referrer: res.headers.get('referrer-policy'),
});

describe('pages', () => {
  it('carry the CSP, nosniff and no-referrer, and are not cached (their URL holds a token)', async () => {
    const harness = await start({ clientDir });
    const map = await createMap(harness);
    for (const path of ['/', `/m/${map.id}?token=${map.editToken}`]) {
      const res = await harness.api(path, { owner: false });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await res.text(), path).toBe(INDEX_HTML);
      expect(headersOf(res), path).toEqual({
        csp: PAGE_POLICY,
        nosniff: 'nosniff',
        referrer: 'no-referrer',
      });
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    // The page's own script is served by the same origin, never sniffed.
    const script = await harness.api('/assets/app.js', { owner: false });
    expect(script.status).toBe(200);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('take frame-ancestors from the setting', async () => {
    const harness = await start({ clientDir, frameAncestors: "'self' https://wiki.example.com" });
    const res = await harness.api('/', { owner: false });
    expect(res.headers.get('content-security-policy')).toBe(
      PAGE_POLICY.replace(
        "frame-ancestors 'self'",
        "frame-ancestors 'self' https://wiki.example.com",
      ),
    );
  });

  it('carry the same headers when no client is built', async () => {
    const harness = await start();
    const res = await harness.api('/', { owner: false });
    expect(res.status).toBe(200);
    expect(headersOf(res)).toEqual({
      csp: PAGE_POLICY,
      nosniff: 'nosniff',
      referrer: 'no-referrer',
    });
  });
});

describe('Cache-Control: no-store', () => {
  it('on every answer that carries a token or map data', async () => {
    const harness = await start();
    const map = await createMap(harness);
    const seen: string[] = [];
    const check = async (
      label: string,
      path: string,
      init: Parameters<Harness['api']>[1],
      status: number,
    ) => {
      const res = await harness.api(path, init);
      expect(res.status, label).toBe(status);
      expect(res.headers.get('cache-control'), label).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
      seen.push(label);
      return res;
    };
    const q = `?token=${map.viewToken}`;

    await check('map list', '/api/maps', {}, 200);
    await check(
      'create (tokens)',
      '/api/maps',
      { method: 'POST', json: { title: 'Another' } },
      201,
    );
    await check('map record (tokens)', `/api/maps/${map.id}`, {}, 200);
    await check('rename', `/api/maps/${map.id}`, { method: 'PATCH', json: { title: 'P2' } }, 200);
    await check('duplicate (tokens)', `/api/maps/${map.id}/duplicate`, { method: 'POST' }, 201);
    await check('access', `/api/maps/${map.id}/access${q}`, { owner: false }, 200);
    await check('access refused', `/api/maps/${map.id}/access?token=nope`, { owner: false }, 403);
    const exported = await check(
      'export.json',
      `/api/maps/${map.id}/export.json${q}`,
      { owner: false },
      200,
    );
    const mapJson: unknown = await exported.json();
    await check('import (tokens)', '/api/maps/import', { method: 'POST', json: mapJson }, 201);
    await check('export.csv', `/api/maps/${map.id}/export.csv${q}`, { owner: false }, 200);
    const taken = await check(
      'take a snapshot',
      `/api/maps/${map.id}/snapshots?token=${map.editToken}`,
      { owner: false, method: 'POST', json: { name: 'Q1' } },
      201,
    );
    const sid = ((await taken.json()) as { id: string }).id;
    await check('snapshot list', `/api/maps/${map.id}/snapshots${q}`, { owner: false }, 200);
    await check('snapshot', `/api/maps/${map.id}/snapshots/${sid}${q}`, { owner: false }, 200);
    await check(
      'restore (tokens)',
      `/api/maps/${map.id}/snapshots/${sid}/restore`,
      { method: 'POST' },
      201,
    );
    await check(
      'rotate (tokens)',
      `/api/maps/${map.id}/tokens`,
      { method: 'POST', json: { which: 'view' } },
      200,
    );
    expect(seen).toHaveLength(15);
  });
});

describe('POST /api/maps/<id>/tokens', () => {
  it('refuses a body that is not an object with 400 and rotates nothing', async () => {
    const harness = await start();
    const map = await createMap(harness);
    for (const body of ['both', [], null, 42, true, ['edit']]) {
      const res = await harness.api(`/api/maps/${map.id}/tokens`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const record = await (await harness.api(`/api/maps/${map.id}`)).json();
    expect({ editToken: record.editToken, viewToken: record.viewToken }).toEqual({
      editToken: map.editToken,
      viewToken: map.viewToken,
    });
    const access = await harness.api(`/api/maps/${map.id}/access?token=${map.editToken}`, {
      owner: false,
    });
    expect(access.status).toBe(200);
    // An object still works, and `which` still defaults to both.
    const rotated = await harness.api(`/api/maps/${map.id}/tokens`, { method: 'POST', json: {} });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as MapInfo;
    expect(fresh.editToken).not.toBe(map.editToken);
    expect(fresh.viewToken).not.toBe(map.viewToken);
  });
});

describe('tokens in logs', () => {
  it('never appear, however the parameter name is spelled (logs at trace level)', async () => {
    const harness = await start({ logLevel: 'trace' });
    const map = await createMap(harness);
    // In clear, or as the bytes of a Buffer serialised to JSON (`"data":[97,69,…]`).
    const secrets = [map.editToken, map.viewToken].flatMap((t) => [
      t,
      [...Buffer.from(t)].join(','),
    ]);

    // A stock provider whose URL spells the parameter `%74oken`: URLSearchParams decodes it, so
    // the server accepts it (as browsers would send it), and must log it redacted.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(
      `${harness.url.replace(/^http/, 'ws')}/sync`,
      `${map.id}?%74oken=${map.editToken}`,
      doc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 200,
      },
    );
    try {
      await waitFor(() => provider.synced, 'the provider synced with ?%74oken=');
    } finally {
      provider.destroy();
      doc.destroy();
    }
    const refused = await tryUpgrade(
      `${harness.url.replace(/^http/, 'ws')}/sync/no-such-map?%74oken=${map.editToken}`,
    );
    expect(refused).toMatchObject({ status: 404 });

    const requests: [string, number][] = [
      [`/api/maps/${map.id}/access?%74oken=${map.viewToken}`, 200],
      [`/api/maps/${map.id}/access?x=1&%74o%6b%65%6E=${map.editToken}`, 200],
      [`/api/maps/${map.id}/export.json?%74oken=${map.viewToken}`, 200],
      [`/api/maps/${map.id}/access?%54OKEN=${map.viewToken}`, 401],
      [`/api/maps/${map.id}/access?%2574oken=${map.viewToken}`, 401],
      [`/m/${map.id}?%74oken=${map.editToken}`, 404],
      [`/m/${map.id}?token=${map.editToken}`, 404],
      [`/nowhere?token=${map.editToken}&key=${map.viewToken}`, 404],
    ];
    for (const [path, status] of requests) {
      const res = await harness.api(path, { owner: false });
      expect(res.status, path).toBe(status);
      await res.arrayBuffer();
    }
    // A request Node's parser refuses: Fastify logs the error (trace), whose `rawPacket` holds
    // the request's bytes.
    const target = new URL(harness.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(target.port), target.hostname, () => {
        socket.write(`GET /m/${map.id}?token=${map.editToken} HTTP/1.1\r\nBad header\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    await waitFor(
      () => harness.logs.some((l) => l.includes('client error')),
      'client error logged',
    );

    // Errors logged as text (the sync layer's `err: String(error)`), as objects and as Errors.
    const log = harness.server.app.log;
    log.error({ err: `Error: failed /m/${map.id}?token=${map.editToken}` }, 'as text');
    log.error({ err: { code: 'E', detail: 1 } }, 'as an object');
    log.error({ err: new Error(`reply sent for /x?%74oken=${map.viewToken} (GET)`) }, 'an Error');
    expect(
      harness.logs.filter((l) => /"msg":"(as text|as an object|an Error)"/.test(l)),
    ).toHaveLength(3);

    // Fastify logs a request's completion after the answer went out: wait for all of them.
    const completed = () => harness.logs.filter((l) => l.includes('request completed')).length;
    await waitFor(() => completed() >= requests.length + 1, 'every request logged');

    const leaks = harness.logs.filter((line) => secrets.some((s) => line.includes(s)));
    expect(leaks).toEqual([]);
    // Not vacuous: the requests were logged, with their paths and parameter names.
    expect(
      harness.logs.some((l) => l.includes(`/api/maps/${map.id}/access?%74oken=[redacted]`)),
    ).toBe(true);
    expect(harness.logs.some((l) => l.includes(`/m/${map.id}?%74oken=[redacted]`))).toBe(true);
  });
});
