// Assembles one Flowmap server: storage, sync rooms, JSON API, websocket upgrade, metrics and the
// built client, all on one port. main.ts adds configuration and signals; tests call this directly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { ServerConfig } from '../config.ts';
import type { DocumentAccess } from '../maps/documents.ts';
import { MapService } from '../maps/service.ts';
import { createMetrics, type ServerMetrics } from '../observability/metrics.ts';
import type { Storage } from '../storage/types.ts';
import { CloseCode, type RoomFanout, RoomManager, type SyncLimits } from '../sync/index.ts';
import { registerExportRoutes } from './exportRoutes.ts';
import { RateLimiter } from './rateLimit.ts';
import { redactUrl } from './redact.ts';
import { registerApiRoutes } from './routes.ts';
import { registerSnapshotRoutes } from './snapshotRoutes.ts';
import { createUpgradeHandler } from './upgrade.ts';

export interface FlowmapServer {
  app: FastifyInstance;
  rooms: RoomManager;
  maps: MapService;
  metrics: ServerMetrics;
  /** Base URL once listening, e.g. http://127.0.0.1:4321 */
  url(): string;
  listen(): Promise<string>;
  /** Graceful: stop accepting, flush every write, close sockets with 1012 so clients reconnect. */
  close(): Promise<void>;
}

export interface ServerDeps {
  storage: Storage;
  ownerKey: string;
  limits?: Partial<SyncLimits>;
  /** Fan-out to the other instances sharing `storage` (cluster/redisFanout.ts); none alone. */
  fanout?: RoomFanout;
  /** Where structured logs go (stdout by default); tests capture them to check for secrets. */
  logStream?: { write(line: string): void };
}

type AppConfig = Pick<
  ServerConfig,
  | 'port'
  | 'host'
  | 'maxPayload'
  | 'maxBodyBytes'
  | 'connectionsPerIpPerMinute'
  | 'trustProxyHops'
  | 'logLevel'
  | 'clientDir'
>;

export async function createServer(config: AppConfig, deps: ServerDeps): Promise<FlowmapServer> {
  const metrics = createMetrics();
  const app = Fastify({
    bodyLimit: config.maxBodyBytes,
    // Map ids may be 128 characters (Fastify's default stops route parameters at 100).
    routerOptions: { maxParamLength: 128 },
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      // Tokens travel in query strings; never let one reach a log line.
      serializers: {
        req: (req) => ({ method: req.method, url: redactUrl(req.url) }),
      },
    },
  });
  const logger = app.log;

  const rooms = new RoomManager({
    storage: deps.storage,
    logger,
    limits: { ...deps.limits, maxPayloadBytes: config.maxPayload },
    ...(deps.fanout ? { fanout: deps.fanout } : {}),
    metrics: {
      connectionOpened: () => metrics.connections.inc(),
      connectionClosed: (_access, code) => {
        metrics.connections.dec();
        if (code !== 1000 && code !== 1001 && code !== 1005 && code !== 1006) {
          metrics.connectionsClosed.inc({ reason: String(code) });
        }
      },
      roomLoaded: () => metrics.roomsLoaded.inc(),
      roomUnloaded: () => metrics.roomsLoaded.dec(),
      messageReceived: (kind) => metrics.messagesIn.inc({ type: kind }),
      messageSent: () => metrics.messagesOut.inc(),
      writeDropped: () => metrics.writesDropped.inc({ reason: 'view-only' }),
      awarenessDropped: () => metrics.writesDropped.inc({ reason: 'awareness' }),
      persistence: (op, seconds) => metrics.persistenceLatency.observe({ operation: op }, seconds),
    },
  });

  const documents: DocumentAccess = {
    read: <T>(mapId: string, fn: (doc: Y.Doc) => T) => rooms.withDocument(mapId, fn),
    write: async (mapId, fn) => {
      await rooms.transact(mapId, fn);
    },
    evict: (mapId, code, reason) => rooms.closeRoom(mapId, code, reason),
  };
  const maps = new MapService(deps.storage, documents);

  registerApiRoutes(app, { maps, ownerKey: deps.ownerKey });
  registerExportRoutes(app, { maps, ownerKey: deps.ownerKey });
  registerSnapshotRoutes(app, { storage: deps.storage, documents, maps, ownerKey: deps.ownerKey });
  app.get('/metrics', async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  await registerClient(app, config.clientDir);

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxPayload });
  const limiter = new RateLimiter(config.connectionsPerIpPerMinute, 60_000);
  const onUpgrade = createUpgradeHandler({
    wss,
    rooms,
    maps,
    limiter,
    metrics,
    logger,
    trustProxyHops: config.trustProxyHops ?? 0,
  });
  app.server.on('upgrade', (req, socket, head) => {
    void onUpgrade(req, socket, head);
  });

  let baseUrl = '';
  let closed = false;
  return {
    app,
    rooms,
    maps,
    metrics,
    url: () => baseUrl,
    async listen() {
      await app.listen({ port: config.port, host: config.host });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      baseUrl = `http://${host}:${port}`;
      return baseUrl;
    },
    async close() {
      if (closed) return;
      closed = true;
      // Stop accepting first, then let rooms flush and close their sockets with 1012.
      app.server.close();
      await rooms.closeAll(CloseCode.serviceRestart, 'server restart');
      wss.close();
      await app.close();
    },
  };
}

async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain')
        .send('Flowmap server is running. Build the client with `pnpm build` to use the editor.\n'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: clientDir, wildcard: false, index: 'index.html' });
  // Client-side routes (/m/<id>, …) all load the single-page app.
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/sync/')) {
      return reply.code(404).send({ error: 'not found' });
    }
    return reply.sendFile('index.html');
  });
}
