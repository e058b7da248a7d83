// Test clients: the stock y-websocket WebsocketProvider over `ws` (what real browsers run), a raw
// `ws` client for sending crafted frames, a polling wait helper and a seeded PRNG.
import { createServer as createTcpServer } from 'node:net';
import { type ClientOptions, WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeMessage } from './protocol.ts';
import type { Access } from './telemetry.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(
  server: { syncUrl: string },
  mapId: string,
  options: { access?: Access; connect?: boolean } = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.syncUrl, mapId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 100,
    params: options.access ? { access: options.access } : {},
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

/** Polls `condition` until it holds; fails with `message` (and the last error) after the timeout. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  message: string | (() => string),
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const text = typeof message === 'function' ? message() : message;
      throw new Error(
        `timed out waiting for: ${text}${lastError ? ` (${String(lastError)})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const waitSynced = (...clients: TestClient[]) =>
  waitFor(() => clients.every((c) => c.provider.synced), 'providers synced');

/** A plain `ws` client for crafted frames; records what the server sends and how it closes. */
export class RawClient {
  readonly messages: Uint8Array[] = [];
  pings = 0;
  closeEvent: { code: number; reason: string } | null = null;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)));
    ws.on('error', () => {});
    ws.on('ping', () => {
      this.pings++;
    });
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeEvent = { code, reason: reason.toString() };
        resolve(this.closeEvent);
      });
    });
  }

  static async connect(url: string, options: ClientOptions = {}): Promise<RawClient> {
    const ws = new WebSocket(url, options);
    const client = new RawClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(data: Uint8Array | string): void {
    this.ws.send(data);
  }

  /** Decoded messages received so far (server → client frames use the same format). */
  decoded() {
    return this.messages.map((m) =>
      decodeMessage(m, { maxAwarenessBytes: Number.MAX_SAFE_INTEGER }),
    );
  }

  close(): void {
    this.ws.close();
  }
}

/** mulberry32: a tiny seeded PRNG, so a failing randomised run can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What storage holds for a map, loaded into a fresh Y.Doc. */
export async function loadStoredDoc(
  storage: {
    loadDocument(mapId: string): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[] }>;
  },
  mapId: string,
): Promise<Y.Doc> {
  const stored = await storage.loadDocument(mapId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A TCP port free right now on 127.0.0.1, for a server that must keep its port across restarts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createTcpServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
