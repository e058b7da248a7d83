// Several instances behind a load balancer, one map's clients spread over them: each instance
// publishes what its rooms stored (with storage sequence numbers) and its clients' presence to
// Redis, and applies what the others published. Redis is for speed only; storage stays the source
// of truth:
//   - pub/sub, not streams. A lost message is detected by its sequence number (a later one
//     arrives, or the periodic check sees storage ahead) and read from storage, which holds every
//     update anyway; streams would only duplicate that log in Redis, and lose it on a restart too.
//   - after a (re)subscription every room catches up from storage, so nothing published while
//     this instance was not listening is missed; every `checkIntervalMs` it compares its rooms
//     with storage's last sequence numbers, which also keeps rooms converging while Redis is down.
//   - each instance heartbeats on a shared channel; the presence of clients on an instance not
//     heard from for `peerTimeoutMs` (crashed, partitioned) is removed from every room.
// Two connections: a subscriber, and a publisher that drops messages while disconnected rather
// than queue stale ones.
import { randomBytes } from 'node:crypto';
import type { Access } from '@flowmap/shared/api';
import { Redis } from 'ioredis';
import { redactCredentials } from '../config.ts';
import type { Storage } from '../storage/types.ts';
import {
  type FanoutMembership,
  type FanoutRoom,
  loadLastSeqs,
  type RoomFanout,
  SILENT_LOGGER,
  type SyncLogger,
} from '../sync/index.ts';
import { type ClusterMessage, decodeMessage, encodeMessage, type MapMessage } from './messages.ts';
import { PeerTracker } from './peers.ts';

export interface RedisFanoutOptions {
  /** redis://[user:password@]host:port[/db] */
  url: string;
  /** This instance's name among its peers (a random suffix is added per process start). */
  instanceId: string;
  /** For the periodic comparison of rooms with storage. */
  storage: Storage;
  /** Prefix of every channel (default "flowmap:"), so deployments can share a Redis. */
  prefix?: string;
  logger?: SyncLogger;
  /** How often this instance says it is alive (default 1 s). */
  heartbeatMs?: number;
  /** A peer not heard from for this long is gone: its clients' presence is removed (default 4 s). */
  peerTimeoutMs?: number;
  /** How often loaded rooms are compared with storage (default 5 s). */
  checkIntervalMs?: number;
  /** Startup fails if Redis cannot be reached within this time (default 10 s). */
  connectTimeoutMs?: number;
  /** Longest wait between reconnection attempts (default 2 s). */
  reconnectMaxMs?: number;
}

export interface FanoutStats {
  /** Peers heard from within the timeout. */
  peers: string[];
  rooms: number;
  published: number;
  received: number;
  /** Messages not published because Redis was unreachable. */
  dropped: number;
  /** Reconnections after which rooms were resynchronised. */
  resyncs: number;
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

export class RedisFanout implements RoomFanout {
  /** The configured name plus a per-start suffix: what peers know this process as. */
  readonly instanceId: string;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly logger: SyncLogger;
  private readonly peersChannel: string;
  private readonly mapPrefix: string;
  private readonly rooms = new Map<string, FanoutRoom>();
  private readonly peers: PeerTracker;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly counts = { published: 0, received: 0, dropped: 0, resyncs: 0 };
  private readonly ready = { pub: false, sub: false };
  private readonly everReady = { pub: false, sub: false };
  private checking = false;
  private storageFailing = false;
  private closed = false;

  /** Connects both Redis connections; rejects with a readable message if Redis is unreachable. */
  static async start(options: RedisFanoutOptions): Promise<RedisFanout> {
    const fanout = new RedisFanout(options);
    try {
      await fanout.connect(options.connectTimeoutMs ?? 10_000);
    } catch (error) {
      await fanout.close();
      throw error;
    }
    return fanout;
  }

  private constructor(private readonly options: RedisFanoutOptions) {
    // A restarted process is a new peer even under the same configured name, so the presence of
    // its previous incarnation's clients still expires everywhere.
    this.instanceId = `${options.instanceId}.${randomBytes(3).toString('hex')}`;
    this.logger = options.logger ?? SILENT_LOGGER;
    const prefix = options.prefix ?? 'flowmap:';
    this.peersChannel = `${prefix}instances`;
    this.peers = new PeerTracker(options.peerTimeoutMs ?? 4000);
    this.mapPrefix = `${prefix}map:`;
    const reconnectMaxMs = options.reconnectMaxMs ?? 2000;
    const common = {
      retryStrategy: (times: number) => Math.min(times * 100, reconnectMaxMs),
      connectTimeout: 5000,
      lazyConnect: true,
    };
    const name = `${prefix}${this.instanceId}`.replace(/[^\w:.-]/g, '_');
    this.pub = new Redis(options.url, {
      ...common,
      connectionName: `${name}:pub`,
      enableOfflineQueue: false,
      autoResendUnfulfilledCommands: false,
      maxRetriesPerRequest: 1,
    });
    this.sub = new Redis(options.url, {
      ...common,
      connectionName: `${name}:sub`,
      // Subscriptions made while disconnected wait for the connection.
      maxRetriesPerRequest: null,
    });
    this.watch(this.pub, 'pub');
    this.watch(this.sub, 'sub');
    this.sub.on('messageBuffer', (channel: Buffer, data: Buffer) => {
      this.onMessage(channel.toString(), data);
    });
  }

  join(room: FanoutRoom): FanoutMembership {
    const { mapId } = room;
    this.rooms.set(mapId, room);
    void this.subscribe(room);
    const send = (message: MapMessage) => {
      if (this.rooms.get(mapId) === room) this.publish(this.mapPrefix + mapId, message);
    };
    const from = this.instanceId;
    return {
      publishUpdates: (firstSeq, updates) =>
        send({ type: 'updates', from, firstSeq, updates: [...updates] }),
      publishAwareness: (update) => send({ type: 'awareness', from, update, complete: false }),
      publishCompacted: (uptoSeq) => send({ type: 'compacted', from, uptoSeq }),
      leave: () => {
        if (this.rooms.get(mapId) !== room) return;
        this.rooms.delete(mapId);
        this.sub.unsubscribe(this.mapPrefix + mapId).catch(() => {});
      },
    };
  }

  publishEvict(mapId: string, code: number, reason: string, access?: readonly Access[]): void {
    this.publish(this.mapPrefix + mapId, {
      type: 'evict',
      from: this.instanceId,
      code,
      reason,
      access: access ? [...access] : null,
    });
  }

  stats(): FanoutStats {
    return {
      peers: this.peers.alive(),
      rooms: this.rooms.size,
      ...this.counts,
    };
  }

  /** Says goodbye (peers drop this instance's presence at once) and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.ready.pub) {
      const bye = encodeMessage({ type: 'bye', from: this.instanceId });
      await this.pub.publish(this.peersChannel, toBuffer(bye)).catch(() => {});
    }
    await Promise.all([quit(this.pub), quit(this.sub)]);
  }

  private async connect(timeoutMs: number): Promise<void> {
    let lastError = '';
    const onError = (error: Error) => {
      lastError = error.message;
    };
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    // connect() rejects on the first failure while ioredis keeps retrying: wait for 'ready'.
    this.pub.connect().catch(() => {});
    this.sub.connect().catch(() => {});
    const deadline = Date.now() + timeoutMs;
    while (!(this.ready.pub && this.ready.sub) && Date.now() < deadline && !this.closed) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    this.pub.off('error', onError);
    this.sub.off('error', onError);
    if (!(this.ready.pub && this.ready.sub)) {
      throw new Error(
        `could not connect to Redis at ${redactCredentials(this.options.url)}` +
          (lastError ? ` (${lastError})` : ''),
      );
    }
    await this.sub.subscribe(this.peersChannel);
    const heartbeatMs = this.options.heartbeatMs ?? 1000;
    this.timers.push(setInterval(() => this.heartbeat(), heartbeatMs));
    this.timers.push(
      setInterval(() => void this.checkStorage(), this.options.checkIntervalMs ?? 5000),
    );
    for (const timer of this.timers) timer.unref();
    this.heartbeat();
  }

  // Connection state changes: log them once, and resynchronise after a reconnection.
  private watch(client: Redis, role: 'pub' | 'sub'): void {
    client.on('error', (error: Error) => {
      this.logger.debug({ role, err: error.message }, 'redis connection error');
    });
    client.on('close', () => {
      if (!this.ready[role]) return;
      this.ready[role] = false;
      if (!this.closed) this.logger.warn({ role }, 'lost the Redis connection; reconnecting');
    });
    client.on('ready', () => {
      this.ready[role] = true;
      if (!this.everReady[role]) {
        this.everReady[role] = true;
        return;
      }
      this.logger.info({ role }, 'reconnected to Redis');
      void this.resync(role);
    });
  }

  // Messages published while this instance was not listening are lost: read every room's
  // missing updates from storage, and exchange presence with the peers again.
  private async resync(role: 'pub' | 'sub'): Promise<void> {
    if (this.closed) return;
    this.counts.resyncs++;
    if (role === 'sub') {
      try {
        const channels = [...this.rooms.keys()].map((mapId) => this.mapPrefix + mapId);
        // ioredis resubscribes by itself; subscribing again (idempotent) makes sure the
        // subscription is in place before storage is read.
        await this.sub.subscribe(this.peersChannel, ...channels);
      } catch (error) {
        this.logger.warn({ err: String(error) }, 'could not resubscribe');
        return;
      }
      await Promise.all([...this.rooms.values()].map((room) => room.catchUp()));
    }
    // Peers may have given this instance up meanwhile, and this one them: renew both ways.
    for (const room of this.rooms.values()) {
      this.exchangePresence(room, true);
      room.renewLocalPresence();
    }
  }

  private async subscribe(room: FanoutRoom): Promise<void> {
    try {
      await this.sub.subscribe(this.mapPrefix + room.mapId);
    } catch (error) {
      // Retried by the resync after the reconnection.
      this.logger.debug({ mapId: room.mapId, err: String(error) }, 'subscribe failed');
      return;
    }
    if (this.rooms.get(room.mapId) !== room) return;
    // What was published between the room's load and the subscription.
    await room.catchUp();
    this.exchangePresence(room, false);
  }

  /** Sends our clients' presence (complete) and asks the peers for theirs. */
  private exchangePresence(room: FanoutRoom, renew: boolean): void {
    this.sendPresence(room);
    this.publish(this.mapPrefix + room.mapId, { type: 'query', from: this.instanceId, renew });
  }

  private sendPresence(room: FanoutRoom): void {
    // An empty complete update still tells peers to forget states of ours they hold.
    const update = room.encodeLocalPresence() ?? Uint8Array.of(0);
    this.publish(this.mapPrefix + room.mapId, {
      type: 'awareness',
      from: this.instanceId,
      update,
      complete: true,
    });
  }

  private publish(channel: string, message: ClusterMessage): void {
    if (this.closed || !this.ready.pub) {
      this.counts.dropped++;
      return;
    }
    this.counts.published++;
    this.pub.publish(channel, toBuffer(encodeMessage(message))).catch(() => {
      this.counts.dropped++;
    });
  }

  private onMessage(channel: string, data: Uint8Array): void {
    let message: ClusterMessage;
    try {
      message = decodeMessage(data);
    } catch (error) {
      this.logger.warn({ channel, err: String(error) }, 'dropped a malformed cluster message');
      return;
    }
    if (message.from === this.instanceId) return;
    this.counts.received++;
    if (this.peers.heard(message.from)) this.peerIsBack(message.from);
    if (channel === this.peersChannel) {
      if (message.type === 'bye') {
        this.peers.left(message.from);
        this.dropPeer(message.from, 'left');
      }
      return;
    }
    if (!channel.startsWith(this.mapPrefix)) return;
    const room = this.rooms.get(channel.slice(this.mapPrefix.length));
    if (!room) return;
    switch (message.type) {
      case 'updates':
        room.receiveUpdates(message.firstSeq, message.updates);
        return;
      case 'awareness':
        room.receiveAwareness(message.from, message.update, message.complete);
        return;
      case 'query':
        this.sendPresence(room);
        if (message.renew) room.renewLocalPresence();
        return;
      case 'compacted':
        room.receiveCompacted(message.uptoSeq);
        return;
      case 'evict':
        room.evict(message.code, message.reason, message.access ?? undefined);
        return;
      default:
        return;
    }
  }

  // Back after we gave it up (a stall, a partition): its clients' presence was dropped here, and
  // their clients saw it removed, so ask for it with renewed clocks.
  private peerIsBack(id: string): void {
    this.logger.info({ peer: id }, 'peer instance is back');
    for (const room of this.rooms.values()) {
      this.publish(this.mapPrefix + room.mapId, {
        type: 'query',
        from: this.instanceId,
        renew: true,
      });
    }
  }

  private dropPeer(id: string, why: 'left' | 'silent'): void {
    for (const room of this.rooms.values()) room.dropPeer(id);
    this.logger.info({ peer: id, why }, 'dropped the presence of a peer instance');
  }

  private heartbeat(): void {
    this.publish(this.peersChannel, { type: 'heartbeat', from: this.instanceId });
    for (const id of this.peers.sweep()) this.dropPeer(id, 'silent');
  }

  private async checkStorage(): Promise<void> {
    if (this.checking || this.closed || this.rooms.size === 0) return;
    this.checking = true;
    try {
      const seqs = await loadLastSeqs(this.options.storage, [...this.rooms.keys()]);
      for (const [mapId, seq] of seqs) this.rooms.get(mapId)?.storedUpTo(seq);
      if (this.storageFailing) this.logger.info({}, 'storage check works again');
      this.storageFailing = false;
    } catch (error) {
      if (!this.storageFailing) {
        this.logger.warn({ err: String(error) }, 'could not compare rooms with storage');
      }
      this.storageFailing = true;
    } finally {
      this.checking = false;
    }
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await Promise.race([client.quit(), new Promise((resolve) => setTimeout(resolve, 1000))]);
  } catch {
    // Already disconnected.
  }
  client.disconnect();
}
