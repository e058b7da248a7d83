// Authentication at the websocket upgrade: every refusal (unknown route, flood, bad map id,
// unknown map, missing or wrong token) is a plain HTTP response on the raw socket before the
// upgrade, so a refused client never receives a single document byte.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Access } from '@flowmap/shared/api';
import type { WebSocketServer } from 'ws';
import type { MapService } from '../maps/service.ts';
import type { ServerTelemetry } from '../observability/telemetry.ts';
import { isValidMapId, type RoomManager, type SyncLogger } from '../sync/index.ts';
import { clientAddress } from './clientAddress.ts';
import type { RateLimiter } from './rateLimit.ts';
import { refuseUpgrade } from './refuse.ts';

export interface UpgradeDeps {
  /** The socket servers for each access level (their frame limits differ, see app.ts). */
  wss: Record<Access, WebSocketServer>;
  rooms: RoomManager;
  maps: MapService;
  limiter: RateLimiter;
  telemetry: ServerTelemetry;
  logger: SyncLogger;
  /** See clientAddress.ts. */
  trustProxyHops?: number;
}

const SYNC_PATH = /^\/sync\/([^/]*)$/;

export function createUpgradeHandler(deps: UpgradeDeps) {
  const { wss, rooms, maps, limiter, telemetry, logger } = deps;
  const hops = deps.trustProxyHops ?? 0;
  const refuse = (socket: Duplex, status: number, reason: string, message: string) => {
    telemetry.connectionsRefused.inc({ reason });
    logger.info({ status, reason }, 'websocket upgrade refused');
    refuseUpgrade(socket, status, message);
  };

  return async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    // Errors on a socket we have not upgraded yet must not crash the process.
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = SYNC_PATH.exec(url.pathname);
      if (!match) return refuse(socket, 404, 'route', 'no such endpoint');
      const ip = clientAddress(req, hops);
      if (!limiter.take(ip)) return refuse(socket, 429, 'rate', 'too many connections, slow down');
      // Validated before any storage access: no 10 KB or "../" id ever reaches a query.
      const mapId = match[1] ?? '';
      if (!isValidMapId(mapId)) return refuse(socket, 400, 'map-id', 'invalid map id');
      const token = url.searchParams.get('token');
      if (!token) return refuse(socket, 401, 'no-token', 'a token is required');
      const record = await maps.get(mapId);
      if (!record) return refuse(socket, 404, 'unknown-map', 'no such map');
      const access = maps.accessFor(record, token);
      if (!access) return refuse(socket, 403, 'bad-token', 'this link is not valid for the map');
      if (socket.destroyed) return;
      wss[access].handleUpgrade(req, socket, head, (ws) =>
        rooms.handleConnection(ws, { mapId, access }),
      );
    } catch (error) {
      logger.error({ err: String(error) }, 'websocket upgrade failed');
      refuseUpgrade(socket, 500, 'internal error');
    }
  };
}
