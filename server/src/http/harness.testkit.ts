// Test helpers for the whole server: a real FlowmapServer on port 0 over SQLite in a temp dir,
// real WebsocketProvider clients that authenticate with a map token, and fetch with the owner key.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/sqlite/index.ts';
import type { SyncLimits } from '../sync/index.ts';
import { createServer, type FlowmapServer } from './app.ts';

/** Test responses: JSON bodies are whatever the test asserts them to be. */
export type ApiResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export const OWNER_KEY = 'test-owner-key-0123456789abcdef';

export interface Harness {
  server: FlowmapServer;
  storage: SqliteStorage;
  url: string;
  dataDir: string;
  logs: string[];
  api(path: string, init?: RequestInit & { owner?: boolean; json?: unknown }): Promise<ApiResponse>;
  stop(): Promise<void>;
}

export async function startHarness(
  options: {
    dataDir?: string;
    limits?: Partial<SyncLimits>;
    connectionsPerIpPerMinute?: number;
    trustProxyHops?: number;
    /** A built client to serve (default: none, so `/` answers with a plain-text notice). */
    clientDir?: string;
    frameAncestors?: string;
    logLevel?: 'info' | 'debug' | 'trace';
  } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'flowmap-http-')));
  const storage = SqliteStorage.open({ dataDir });
  const logs: string[] = [];
  const server = await createServer(
    {
      port: 0,
      host: '127.0.0.1',
      maxPayload: 2 * 1024 * 1024,
      maxBodyBytes: 1024 * 1024,
      connectionsPerIpPerMinute: options.connectionsPerIpPerMinute ?? 10_000,
      ...(options.trustProxyHops !== undefined ? { trustProxyHops: options.trustProxyHops } : {}),
      ...(options.frameAncestors !== undefined ? { frameAncestors: options.frameAncestors } : {}),
      logLevel: options.logLevel ?? 'info',
      clientDir: options.clientDir ?? join(dataDir, 'no-client'),
    },
    {
      storage,
      ownerKey: OWNER_KEY,
      logStream: { write: (line) => logs.push(line) },
      ...(options.limits ? { limits: options.limits } : {}),
    },
  );
  const url = await server.listen();
  return {
    server,
    storage,
    url,
    dataDir,
    logs,
    api(path, init = {}) {
      const { owner = true, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (owner) headers.set('authorization', `Bearer ${OWNER_KEY}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    async stop() {
      await server.close();
      await storage.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface MapClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectMap(baseUrl: string, mapId: string, token: string): MapClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, mapId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    params: { token },
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens a raw websocket and reports how the server answered the upgrade. */
export function tryUpgrade(
  url: string,
  headers?: Record<string, string>,
): Promise<{ status: number; body: string; messages: number } | { opened: true }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, headers ? { headers } : {});
    let messages = 0;
    ws.on('message', () => messages++);
    ws.on('open', () => {
      ws.close();
      resolve({ opened: true });
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, messages }));
    });
    ws.on('error', () => {});
  });
}
