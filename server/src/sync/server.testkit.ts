// Test harness: a real http.Server on port 0 with a `ws` server in noServer mode and a minimal
// upgrade handler routing `/sync/<mapId>?access=view|edit` to RoomManager.handleConnection. The
// real authentication (tokens) lives in the HTTP layer; here any map id is accepted and its map
// record is created on first use.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { MemoryStorage } from '../storage/memory.ts';
import type { Storage } from '../storage/types.ts';
import { frameLimit, resolveLimits, type SyncLimits } from './limits.ts';
import type { SyncLogger } from './logger.ts';
import type { MessageKind } from './protocol.ts';
import { isValidMapId, RoomManager } from './rooms.ts';
import type { Access, PersistenceOp, SyncTelemetry } from './telemetry.ts';

/** SyncTelemetry that count, for assertions. */
export class CountingTelemetry implements SyncTelemetry {
  opened = 0;
  closeCodes: number[] = [];
  roomsLoaded = 0;
  roomsUnloaded = 0;
  received: Partial<Record<MessageKind, number>> = {};
  sent: Partial<Record<MessageKind, number>> = {};
  writesDropped = 0;
  awarenessDrops = 0;
  persistenceOps: { op: PersistenceOp; ok: boolean }[] = [];

  connectionOpened(_access: Access): void {
    this.opened++;
  }
  connectionClosed(_access: Access, code: number): void {
    this.closeCodes.push(code);
  }
  roomLoaded(): void {
    this.roomsLoaded++;
  }
  roomUnloaded(): void {
    this.roomsUnloaded++;
  }
  messageReceived(kind: MessageKind): void {
    this.received[kind] = (this.received[kind] ?? 0) + 1;
  }
  messageSent(kind: MessageKind): void {
    this.sent[kind] = (this.sent[kind] ?? 0) + 1;
  }
  writeDropped(): void {
    this.writesDropped++;
  }
  awarenessDropped(): void {
    this.awarenessDrops++;
  }
  persistence(op: PersistenceOp, _seconds: number, ok: boolean): void {
    this.persistenceOps.push({ op, ok });
  }
}

/** Collects warnings and errors so tests can check what was logged (and that no token was). */
export class MemoryLogger implements SyncLogger {
  lines: { level: string; obj: object; msg: string | undefined }[] = [];
  debug(): void {}
  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', obj, msg });
  }
  warn(obj: object, msg?: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }
  error(obj: object, msg?: string): void {
    this.lines.push({ level: 'error', obj, msg });
  }
}

export interface TestServerOptions {
  storage?: Storage;
  limits?: Partial<SyncLimits>;
  /** Default 0 (any free port). */
  port?: number;
}

export interface TestServer {
  /** Base URL for WebsocketProvider: `${syncUrl}/${mapId}`. */
  syncUrl: string;
  storage: Storage;
  telemetry: CountingTelemetry;
  logger: MemoryLogger;
  rooms: RoomManager;
  /** Graceful restart of the sync core (closeAll 1012, new RoomManager on the same storage). */
  restartRooms(): Promise<void>;
  close(): Promise<void>;
}

// Small defaults so tests that unload rooms or close sockets do not wait on production timers.
const TEST_LIMITS: Partial<SyncLimits> = { roomIdleMs: 20 };

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const storage = options.storage ?? new MemoryStorage();
  const limits = { ...TEST_LIMITS, ...options.limits };
  const telemetry = new CountingTelemetry();
  const logger = new MemoryLogger();
  const makeRooms = () => new RoomManager({ storage, logger, telemetry, limits });
  let rooms = makeRooms();
  const resolved = resolveLimits(limits);
  const wss = {
    edit: new WebSocketServer({ noServer: true, maxPayload: frameLimit(resolved, 'edit') }),
    view: new WebSocketServer({ noServer: true, maxPayload: frameLimit(resolved, 'view') }),
  };

  const ensureMap = async (mapId: string) => {
    if (await storage.getMap(mapId)) return;
    const now = Date.now();
    await storage
      .createMap({
        id: mapId,
        title: mapId,
        editToken: 'e',
        viewToken: 'v',
        createdAt: now,
        updatedAt: now,
      })
      .catch(async (error: unknown) => {
        if (!(await storage.getMap(mapId))) throw error;
      });
  };

  const server: Server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/sync\/([^/]+)$/.exec(url.pathname);
    const mapId = match?.[1] ? decodeURIComponent(match[1]) : '';
    const access: Access = url.searchParams.get('access') === 'view' ? 'view' : 'edit';
    const ready = isValidMapId(mapId) ? ensureMap(mapId) : Promise.resolve();
    ready.then(
      () =>
        wss[access].handleUpgrade(req, socket, head, (ws) =>
          rooms.handleConnection(ws, { mapId, access }),
        ),
      () => socket.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    storage,
    telemetry,
    logger,
    get rooms() {
      return rooms;
    },
    async restartRooms() {
      await rooms.closeAll();
      rooms = makeRooms();
    },
    async close() {
      await rooms.closeAll(1001, 'test over');
      for (const sockets of [wss.edit, wss.view]) {
        for (const client of sockets.clients) client.terminate();
        await new Promise<void>((resolve) => sockets.close(() => resolve()));
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.storage) await storage.close();
    },
  };
}
