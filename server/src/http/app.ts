// Assembles one Flowmap server: storage, sync rooms, JSON API, websocket upgrade, telemetry
// (/metrics) and the built client, all on one port. main.ts adds configuration and signals; tests
// call this directly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import type { ServerConfig } from '../config.ts';
import { WorkerExporter } from '../export/exporter.ts';
import type { DocumentAccess } from '../maps/documents.ts';
import { MapService } from '../maps/service.ts';
import { summaryRecorder } from '../maps/summary.ts';
import { createTelemetry, type ServerTelemetry } from '../observability/telemetry.ts';
import type { Storage } from '../storage/types.ts';
import {
  CloseCode,
  frameLimit,
  type RoomFanout,
  RoomManager,
  type SyncLimits,
} from '../sync/index.ts';
import { registerExportRoutes } from './exportRoutes.ts';
import { registerPlanRoute } from './planRoute.ts';
import { RateLimiter } from './rateLimit.ts';
import { redactText, redactUrl } from './redact.ts';
import { registerApiRoutes } from './routes.ts';
import { registerSecurityHeaders } from './securityHeaders.ts';
import { registerSnapshotRoutes } from './snapshotRoutes.ts';
import { registerTimeRoute } from './timeRoute.ts';
import { createUpgradeHandler } from './upgrade.ts';
import { registerWorkshopRoute } from './workshopRoute.ts';

export interface FlowmapServer {
  app: FastifyInstance;
  rooms: RoomManager;
  maps: MapService;
  telemetry: ServerTelemetry;
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
  | 'frameAncestors'
>;

export async function createServer(
  config: AppConfig & Partial<Pick<ServerConfig, 'maxDocumentBytes'>>,
  deps: ServerDeps,
): Promise<FlowmapServer> {
  const telemetry = createTelemetry();
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
        err: serializeError,
      },
    },
  });
  const logger = app.log;

  // Whole-document work (exports, JSON, duplicates, snapshots, library figures) runs here, off
  // the event loop (export/documentJobs.ts).
  const worker = new WorkerExporter();
  app.addHook('onClose', async () => worker.close());

  const rooms = new RoomManager({
    storage: deps.storage,
    logger,
    limits: {
      ...deps.limits,
      maxPayloadBytes: config.maxPayload,
      ...(config.maxDocumentBytes ? { maxDocumentBytes: config.maxDocumentBytes } : {}),
    },
    ...(deps.fanout ? { fanout: deps.fanout } : {}),
    // The map library's figures, refreshed as rooms compact and unload (maps/summary.ts).
    onSettled: summaryRecorder(deps.storage, worker),
    telemetry: {
      connectionOpened: () => telemetry.connections.inc(),
      connectionClosed: (_access, code) => {
        telemetry.connections.dec();
        if (code !== 1000 && code !== 1001 && code !== 1005 && code !== 1006) {
          telemetry.connectionsClosed.inc({ reason: String(code) });
        }
      },
      roomLoaded: () => telemetry.roomsLoaded.inc(),
      roomUnloaded: () => telemetry.roomsLoaded.dec(),
      messageReceived: (kind) => telemetry.messagesIn.inc({ type: kind }),
      messageSent: () => telemetry.messagesOut.inc(),
      writeDropped: () => telemetry.writesDropped.inc({ reason: 'view-only' }),
      awarenessDropped: () => telemetry.writesDropped.inc({ reason: 'awareness' }),
      persistence: (op, seconds) =>
        telemetry.persistenceLatency.observe({ operation: op }, seconds),
    },
  });

  const documents: DocumentAccess = {
    read: <T>(mapId: string, fn: (doc: Y.Doc) => T) => rooms.withDocument(mapId, fn),
    write: async (mapId, fn) => {
      await rooms.transact(mapId, fn);
    },
    evict: (mapId, code, reason, access) => rooms.closeRoom(mapId, code, reason, access),
  };
  const maps = new MapService(deps.storage, documents, Date.now, worker);

  registerSecurityHeaders(app, { frameAncestors: config.frameAncestors });
  registerApiRoutes(app, { maps, ownerKey: deps.ownerKey });
  registerExportRoutes(app, { maps, ownerKey: deps.ownerKey });
  registerSnapshotRoutes(app, { storage: deps.storage, documents, maps, ownerKey: deps.ownerKey });
  registerTimeRoute(app);
  registerPlanRoute(app, { maps, storage: deps.storage, ownerKey: deps.ownerKey });
  registerWorkshopRoute(app, { maps, documents, ownerKey: deps.ownerKey });
  app.get('/metrics', async (_req, reply) =>
    reply.type(telemetry.registry.contentType).send(await telemetry.registry.metrics()),
  );
  await registerClient(app, config.clientDir);

  // One socket server per access level, since `ws` checks a frame's size before we see it: an
  // edit link may send its offline work (up to the document cap) as one sync step 2, a view link
  // never sends document content. Connection policies the rest (sync/connection.ts).
  const wss = {
    edit: new WebSocketServer({ noServer: true, maxPayload: frameLimit(rooms.limits, 'edit') }),
    view: new WebSocketServer({ noServer: true, maxPayload: frameLimit(rooms.limits, 'view') }),
  };
  const limiter = new RateLimiter(config.connectionsPerIpPerMinute, 60_000);
  const onUpgrade = createUpgradeHandler({
    wss,
    rooms,
    maps,
    limiter,
    telemetry,
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
    telemetry,
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
      wss.edit.close();
      wss.view.close();
      await app.close();
    },
  };
}

/**
 * Errors as pino writes them, minus what may quote a request: a message or stack naming its URL
 * (Fastify's "reply already sent" does), and Node's `rawPacket` (the request's bytes, on a
 * client error at trace level). pino hands back anything that is not an Error as it is: the sync
 * layer logs `err: String(error)`, plain text, which is redacted the same way.
 */
function serializeError(error: Error): pino.SerializedError {
  const value: unknown = pino.stdSerializers.err(error);
  if (typeof value === 'string') return redactText(value) as unknown as pino.SerializedError;
  if (typeof value !== 'object' || value === null) return value as pino.SerializedError;
  const { rawPacket: _bytes, ...out } = value as Record<string, unknown>;
  for (const key of ['message', 'stack']) {
    const text = out[key];
    if (typeof text === 'string') out[key] = redactText(text);
  }
  return out as unknown as pino.SerializedError;
}

async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain')
        .send('Flowmap server is running. Build the client with `pnpm build` to use the editor.\n'),
    );
    // Fastify's own 404 handler logs the raw URL, token and all.
    app.setNotFoundHandler(async (_req, reply) => reply.code(404).send({ error: 'not found' }));
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
