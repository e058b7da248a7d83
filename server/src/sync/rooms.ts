// RoomManager: the sync core's API for the HTTP layer. It owns every connection and loaded room,
// loads a room once however many connections arrive while it loads, unloads it when it has been
// empty for `roomIdleMs`, and makes a connection that arrives during an unload wait for it to
// finish, then load afresh, so nobody sees state older than storage. With a fan-out (cluster/),
// each loaded room joins it, and closing a room asks the other instances to close theirs.
import { isValidMapId } from '@flowmap/shared/api';
import type { WebSocket } from 'ws';
import type * as Y from 'yjs';
import type { Storage } from '../storage/types.ts';
import { Connection } from './connection.ts';
import { LOCAL_ONLY, type RoomFanout } from './fanout.ts';
import { resolveLimits, type SyncLimits } from './limits.ts';
import { SILENT_LOGGER, type SyncLogger } from './logger.ts';
import { CloseCode } from './protocol.ts';
import { Room, type RoomContext, SERVER_ORIGIN, type SettledHook } from './room.ts';
import { type Access, resolveTelemetry, type SyncTelemetry } from './telemetry.ts';

export interface RoomManagerOptions {
  storage: Storage;
  logger?: SyncLogger;
  telemetry?: Partial<SyncTelemetry>;
  limits?: Partial<SyncLimits>;
  /** Fan-out to other instances sharing the storage (cluster/); none for a single instance. */
  fanout?: RoomFanout;
  /** After a room compacted, and when it unloads: see SettledHook (the library's summaries). */
  onSettled?: SettledHook;
}

export interface ConnectionParams {
  mapId: string;
  /** Decided by the caller at the HTTP upgrade; 'view' connections cannot write. */
  access: Access;
}

export interface SyncStats {
  /** Rooms loaded (or loading) in memory. */
  rooms: number;
  /** Open websocket connections. */
  connections: number;
}

// The map-id rule is the wire contract's (shared/api); the sync core's users take it from here.
export { isValidMapId, MAP_ID_PATTERN } from '@flowmap/shared/api';

interface Entry {
  mapId: string;
  ready: Promise<Room>;
  room: Room | null;
  /** Users of the room other than connections (loading connections, API calls). */
  holds: number;
  idleTimer: ReturnType<typeof setTimeout> | null;
  unloading: Promise<void> | null;
  /** Resolves when the room has been unloaded. */
  gone: Promise<void>;
  markGone: () => void;
}

export class RoomManager {
  readonly limits: SyncLimits;
  private readonly ctx: RoomContext;
  private readonly entries = new Map<string, Entry>();
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private nextConnectionId = 1;
  private closing = false;

  constructor(options: RoomManagerOptions) {
    this.limits = resolveLimits(options.limits);
    this.ctx = {
      storage: options.storage,
      logger: options.logger ?? SILENT_LOGGER,
      telemetry: resolveTelemetry(options.telemetry),
      limits: this.limits,
      fanout: options.fanout ?? LOCAL_ONLY,
      onSettled: options.onSettled ?? (() => {}),
    };
    this.heartbeat = setInterval(() => {
      for (const conn of [...this.connections]) conn.heartbeat();
      for (const entry of this.entries.values()) {
        entry.room?.forgetDepartedPresence(this.limits.forgetDepartedPresenceMs);
        entry.room?.releaseIdleShadow(this.limits.shadowIdleMs);
      }
    }, this.limits.heartbeatIntervalMs);
    this.heartbeat.unref();
  }

  /**
   * Takes over an upgraded socket. Authentication and the map's existence are the caller's job
   * (at the HTTP upgrade, before any byte is sent). Never throws; failures close the socket.
   */
  handleConnection(ws: WebSocket, params: ConnectionParams): void {
    const { mapId, access } = params;
    const { telemetry, logger } = this.ctx;
    const conn = new Connection(ws, {
      id: this.nextConnectionId++,
      mapId,
      access,
      limits: this.limits,
      telemetry,
      logger,
      onClose: (closed, code) => {
        // Not in the set: closed before it was ever counted as open.
        if (!this.connections.delete(closed)) return;
        telemetry.connectionClosed(access, code);
        this.entries.get(mapId)?.room?.removeConnection(closed);
        logger.debug({ connId: closed.id, mapId, code }, 'connection closed');
      },
    });
    if (!conn.isOpen) return;
    this.connections.add(conn);
    telemetry.connectionOpened(access);
    logger.debug({ connId: conn.id, mapId, access }, 'connection opened');
    if (this.closing) {
      conn.close(CloseCode.serviceRestart, 'server restart');
      return;
    }
    if (!isValidMapId(mapId)) {
      conn.fail(CloseCode.policyViolation, 'invalid map id');
      return;
    }
    this.acquire(mapId).then(
      (room) => {
        try {
          if (conn.isOpen) room.addConnection(conn);
        } catch (error) {
          logger.error({ mapId, connId: conn.id, err: String(error) }, 'could not join room');
          conn.fail(CloseCode.internalError, 'internal error');
        } finally {
          this.release(mapId);
        }
      },
      (error: unknown) => {
        logger.error({ mapId, err: String(error) }, 'could not load room');
        conn.fail(CloseCode.internalError, 'could not load the map');
      },
    );
  }

  /**
   * Runs `fn` with the live document, in order with the room's writes (it sees everything
   * acknowledged). Read-only: write through `transact` instead. Loads the room if needed.
   */
  async withDocument<T>(mapId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    return this.withRoom(mapId, (room) => room.run(() => fn(room.document.doc)));
  }

  /**
   * Changes the document on the server (rename, import into an existing map…): `fn` runs on a
   * copy; what it changed is persisted, then applied and relayed to every client. Resolves true
   * if the document changed.
   */
  async transact(
    mapId: string,
    fn: (doc: Y.Doc) => void,
    origin: unknown = SERVER_ORIGIN,
  ): Promise<boolean> {
    return this.withRoom(mapId, (room) => room.transact(fn, origin));
  }

  /** Writes a Yjs update (validated like a client's); resolves true if it changed the doc. */
  async applyServerUpdate(
    mapId: string,
    update: Uint8Array,
    origin: unknown = SERVER_ORIGIN,
  ): Promise<boolean> {
    return this.withRoom(mapId, (room) => room.submitUpdate(update, origin));
  }

  stats(): SyncStats {
    return { rooms: this.entries.size, connections: this.connections.size };
  }

  /** Loaded maps holding a shadow document now, i.e. written to lately (see RoomDocument). */
  shadowCount(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.room?.document.hasShadow) n++;
    return n;
  }

  /** Resolves once every write received so far is persisted and applied. */
  async flushAll(): Promise<void> {
    const rooms = await Promise.all(
      [...this.entries.values()].map((e) => e.ready.catch(() => null)),
    );
    await Promise.all(rooms.map((room) => room?.drain()));
  }

  /**
   * Closes the room's connections (e.g. CloseCode.mapDeleted before deleting the map, which
   * stops WebsocketProvider from reconnecting) and unloads it without compacting. With `access`
   * (a rotated link) it closes only the connections holding one of those access levels, here and
   * on the other instances, and the room goes on (it unloads and compacts as usual when empty).
   */
  async closeRoom(
    mapId: string,
    code: number = CloseCode.mapDeleted,
    reason = 'map deleted',
    access?: readonly Access[],
  ): Promise<void> {
    // An empty filter closes nothing (on the wire it would read as "every connection").
    if (access?.length === 0) return;
    // Other instances may hold connections to the map whether or not this one does.
    this.ctx.fanout.publishEvict(mapId, code, reason, access);
    if (access) {
      // Connections still waiting for the room to load are in the set but not yet in the room.
      for (const conn of [...this.connections]) {
        if (conn.mapId === mapId && access.includes(conn.access)) conn.close(code, reason);
      }
      return;
    }
    const entry = this.entries.get(mapId);
    if (!entry) return;
    if (entry.unloading) return entry.unloading;
    const room = await entry.ready.catch(() => null);
    room?.closeConnections(code, reason);
    for (const conn of [...this.connections]) {
      if (conn.mapId === mapId) conn.close(code, reason);
    }
    if (this.entries.get(mapId) === entry && entry.holds === 0) {
      await this.unload(entry, { compact: false });
    }
  }

  /**
   * Graceful shutdown: refuses new connections, closes every socket with `code` (1012 makes
   * WebsocketProvider reconnect by itself), waits for all writes, compacts and unloads each room.
   */
  async closeAll(
    code: number = CloseCode.serviceRestart,
    reason = 'server restart',
  ): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const conn of [...this.connections]) conn.close(code, reason);
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        const room = await entry.ready.catch(() => null);
        if (!room) return;
        // A room still held by an API call is unloaded when that call releases it.
        if (entry.holds === 0) await this.unload(entry, { compact: true });
        await entry.gone;
      }),
    );
  }

  private async withRoom<T>(mapId: string, fn: (room: Room) => Promise<T>): Promise<T> {
    if (!isValidMapId(mapId)) throw new Error(`invalid map id: ${JSON.stringify(mapId)}`);
    if (this.closing) throw new Error('the sync server is shutting down');
    const room = await this.acquire(mapId);
    try {
      return await fn(room);
    } finally {
      this.release(mapId);
    }
  }

  private async acquire(mapId: string): Promise<Room> {
    for (;;) {
      if (this.closing) throw new Error('the sync server is shutting down');
      let entry = this.entries.get(mapId);
      if (entry?.unloading) {
        await entry.unloading;
        continue;
      }
      if (!entry) entry = this.startLoad(mapId);
      entry.holds += 1;
      if (entry.idleTimer) {
        clearTimeout(entry.idleTimer);
        entry.idleTimer = null;
      }
      try {
        return await entry.ready;
      } catch (error) {
        entry.holds -= 1;
        if (this.entries.get(mapId) === entry) this.entries.delete(mapId);
        throw error;
      }
    }
  }

  private release(mapId: string): void {
    const entry = this.entries.get(mapId);
    if (!entry) return;
    entry.holds -= 1;
    this.scheduleUnload(entry);
  }

  private startLoad(mapId: string): Entry {
    let markGone = () => {};
    const gone = new Promise<void>((resolve) => {
      markGone = resolve;
    });
    const entry: Entry = {
      mapId,
      ready: Room.load(mapId, this.ctx),
      room: null,
      holds: 0,
      idleTimer: null,
      unloading: null,
      gone,
      markGone,
    };
    this.entries.set(mapId, entry);
    entry.ready.then(
      (room) => {
        entry.room = room;
        room.onEmpty = () => this.scheduleUnload(entry);
        this.ctx.telemetry.roomLoaded();
        this.ctx.logger.debug({ mapId }, 'room loaded');
      },
      () => entry.markGone(),
    );
    return entry;
  }

  private scheduleUnload(entry: Entry): void {
    const room = entry.room;
    if (!room || entry.holds > 0 || room.connectionCount > 0) return;
    if (entry.unloading || this.entries.get(entry.mapId) !== entry) return;
    if (this.closing) {
      void this.unload(entry, { compact: true });
      return;
    }
    if (entry.idleTimer) return;
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.holds === 0 && room.connectionCount === 0 && !entry.unloading) {
        void this.unload(entry, { compact: true });
      }
    }, this.limits.roomIdleMs);
  }

  private unload(entry: Entry, options: { compact: boolean }): Promise<void> {
    if (entry.unloading) return entry.unloading;
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    const room = entry.room;
    entry.unloading = (async () => {
      try {
        await room?.shutdown(options);
      } catch (error) {
        this.ctx.logger.error({ mapId: entry.mapId, err: String(error) }, 'room unload failed');
      } finally {
        if (this.entries.get(entry.mapId) === entry) this.entries.delete(entry.mapId);
        if (room) this.ctx.telemetry.roomUnloaded();
        this.ctx.logger.debug({ mapId: entry.mapId }, 'room unloaded');
        entry.markGone();
      }
    })();
    return entry.unloading;
  }
}
