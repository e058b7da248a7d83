// A small fault-injecting TCP proxy for reliability tests (tests only). It listens on 127.0.0.1,
// port 0, and forwards every accepted connection to one target (the sync server), injecting
// network faults that a real deployment sees between a browser and the server:
// - delay with jitter on every chunk, per direction, never reordering bytes inside one stream;
// - dropped connections: both sides reset abruptly, after a random number of bytes or on command;
// - black holes: both sockets stay open but one direction (or both) silently delivers nothing,
//   not even a close, so only a liveness mechanism (server ping/pong, client watchdog) notices;
// - heal: every fault off and black-holed connections reset, so a run can converge.
// Faults are decided by a seeded PRNG (mulberry32) per connection, so a seed replays the same
// decisions; timing (how TCP chunks the bytes) is not deterministic, so a replay is close, not
// exact. It works at the TCP level, below WebSocket framing: a fault can cut a frame in half, as
// a real network does.
import {
  type AddressInfo,
  createServer,
  type Server,
  type Socket,
  connect as tcpConnect,
} from 'node:net';
import { mulberry32 } from '../sync/clients.testkit.ts';

/** `up` is client → server, `down` is server → client. */
export type Direction = 'up' | 'down';
/** Which direction(s) a black hole silences. */
export type BlackHoleMode = Direction | 'both';

export interface FaultSettings {
  /** Fixed one-way delay added to every chunk (ms). */
  delayMs: number;
  /** Extra uniform random delay in [0, jitterMs) per chunk; bytes still arrive in order. */
  jitterMs: number;
  /** Chance that a new connection is planned to be dropped after a random number of bytes. */
  dropRate: number;
  /** [min, max] bytes (both directions together) before a planned drop. */
  dropAfterBytes: readonly [number, number];
  /** Chance that a new connection is planned to be black-holed after a random number of bytes. */
  blackHoleRate: number;
  /** [min, max] bytes (both directions together) before a planned black hole. */
  blackHoleAfterBytes: readonly [number, number];
  /** Modes a planned black hole picks from. */
  blackHoleModes: readonly BlackHoleMode[];
}

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  delayMs: 0,
  jitterMs: 0,
  dropRate: 0,
  dropAfterBytes: [0, 0] as const,
  blackHoleRate: 0,
  blackHoleAfterBytes: [0, 0] as const,
  blackHoleModes: ['both'] as const,
});

export interface ProxyStats {
  /** Connections accepted. */
  connections: number;
  /** Bytes delivered client → server and server → client. */
  bytesUp: number;
  bytesDown: number;
  /** Bytes swallowed by black holes and drops (received but never delivered). */
  bytesDiscarded: number;
  /** Connections dropped (planned or commanded). */
  drops: number;
  /** Connections black-holed (planned or commanded). */
  blackHoles: number;
  /** Black-holed connections reset by `heal()`. */
  resets: number;
}

export interface ProxyConnectionInfo {
  id: number;
  /** The `client` query parameter of the upgrade request, else its path ('' before it arrives). */
  label: string;
  blackHole: BlackHoleMode | null;
  /** Whether the proxy's socket to the client / to the server is still open. */
  clientOpen: boolean;
  serverOpen: boolean;
  bytesUp: number;
  bytesDown: number;
}

export interface FaultProxyOptions {
  targetPort: number;
  targetHost?: string;
  seed: number;
  faults?: Partial<FaultSettings>;
}

// Markers in a direction's delay queue: a chunk, or the source's close, which must reach the
// other side only after the bytes sent before it (as a FIN does).
type Item = { at: number; chunk: Buffer } | { at: number; close: true };

const between = (rand: () => number, [min, max]: readonly [number, number]) =>
  Math.floor(min + rand() * (max - min + 1));

/**
 * One direction of one connection. Every chunk gets a delivery time of now + delay + jitter, but
 * never earlier than the chunk before it: a per-direction FIFO with a single timer. Jitter thus
 * stretches the gaps between chunks without reordering them, which is what TCP guarantees and
 * what a WebSocket parser relies on; reordering bytes would test a network that cannot exist.
 */
class Pipe {
  silenced = false;
  delivered = 0;
  private queue: Item[] = [];
  private lastAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly link: Link,
    private readonly direction: Direction,
    private readonly dest: Socket,
  ) {}

  push(chunk: Buffer): void {
    if (this.silenced || this.link.dropped) {
      this.link.proxy.discarded(chunk.length);
      return;
    }
    this.enqueue({ at: this.deliveryTime(), chunk });
  }

  /** The source closed: close the destination once what came before has been delivered. */
  pushClose(): void {
    // A black-holed direction delivers nothing, not even the close: the peer must find out by
    // itself (heartbeat, watchdog), which is the point of a black hole.
    if (this.silenced || this.link.dropped) return;
    this.enqueue({ at: this.deliveryTime(), close: true });
  }

  /** Silences this direction; what is still queued is lost too (in flight when the path died). */
  silence(): void {
    this.silenced = true;
    for (const item of this.queue)
      if ('chunk' in item) this.link.proxy.discarded(item.chunk.length);
    this.clear();
  }

  clear(): void {
    this.queue = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private deliveryTime(): number {
    const { delayMs, jitterMs } = this.link.proxy.settings;
    const at = performance.now() + delayMs + this.link.rand() * jitterMs;
    this.lastAt = Math.max(at, this.lastAt);
    return this.lastAt;
  }

  private enqueue(item: Item): void {
    this.queue.push(item);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    const head = this.queue[0] as Item;
    const wait = head.at - performance.now();
    // No timer for an undelayed chunk with nothing queued before it: with faults off the proxy
    // forwards in the same tick, like a plain pipe.
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    const now = performance.now();
    while (this.queue.length > 0 && (this.queue[0] as Item).at <= now) {
      const item = this.queue.shift() as Item;
      // The destination is gone or half-closed (its peer sent FIN): nothing can reach it.
      if (this.dest.destroyed || this.dest.writableEnded) {
        if ('chunk' in item) this.link.proxy.discarded(item.chunk.length);
        continue;
      }
      if ('chunk' in item) {
        // No backpressure: a test moves kilobytes, and a queue that grows is itself what a slow
        // link looks like to the sender (the server's own slow-consumer guard is tested elsewhere).
        this.dest.write(item.chunk);
        this.delivered += item.chunk.length;
        this.link.proxy.forwarded(this.direction, item.chunk.length);
      } else {
        // End what was written, then close: the peer sees a FIN after the last byte.
        this.dest.destroySoon();
      }
    }
    this.schedule();
  }
}

/** One proxied connection: the accepted client socket, the socket to the server, two pipes. */
class Link {
  label = '';
  blackHole: BlackHoleMode | null = null;
  dropped = false;
  readonly up: Pipe;
  readonly down: Pipe;
  readonly rand: () => number;
  private bytesSeen = 0;
  private dropAt: number | null = null;
  private blackHoleAt: { bytes: number; mode: BlackHoleMode } | null = null;

  constructor(
    readonly proxy: FaultProxy,
    readonly id: number,
    readonly client: Socket,
    readonly server: Socket,
    seed: number,
  ) {
    // A PRNG per connection, derived from the proxy's seed and the connection's number, so the
    // decisions for connection #k do not depend on how many chunks other connections carried.
    this.rand = mulberry32((seed ^ Math.imul(id, 0x9e3779b1)) >>> 0);
    const s = proxy.settings;
    if (this.rand() < s.dropRate) this.dropAt = between(this.rand, s.dropAfterBytes);
    if (this.rand() < s.blackHoleRate && s.blackHoleModes.length > 0) {
      const mode = s.blackHoleModes[Math.floor(this.rand() * s.blackHoleModes.length)];
      this.blackHoleAt = {
        bytes: between(this.rand, s.blackHoleAfterBytes),
        mode: mode as BlackHoleMode,
      };
    }
    this.up = new Pipe(this, 'up', server);
    this.down = new Pipe(this, 'down', client);
    client.on('data', (chunk: Buffer) => {
      if (!this.label) this.label = labelOf(chunk);
      this.onBytes(chunk.length);
      this.up.push(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      this.onBytes(chunk.length);
      this.down.push(chunk);
    });
    // Resets and EPIPEs are expected here (that is what faults do); 'close' follows each error.
    client.on('error', () => {});
    server.on('error', () => {});
    client.on('close', () => this.onSocketClosed(this.up));
    server.on('close', () => this.onSocketClosed(this.down));
  }

  get open(): boolean {
    return !this.client.destroyed || !this.server.destroyed;
  }

  info(): ProxyConnectionInfo {
    return {
      id: this.id,
      label: this.label,
      blackHole: this.blackHole,
      clientOpen: !this.client.destroyed,
      serverOpen: !this.server.destroyed,
      bytesUp: this.up.delivered,
      bytesDown: this.down.delivered,
    };
  }

  /** Drops the connection: RST to both sides, whatever is queued is lost. */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.proxy.stats.drops++;
    this.proxy.note(`drop #${this.id} ${this.label} after ${this.bytesSeen} bytes`);
    this.reset();
  }

  /** Silences `mode`'s direction(s); the sockets stay open. Widening a black hole is allowed. */
  silence(mode: BlackHoleMode): void {
    if (this.dropped) return;
    if (this.blackHole === null) this.proxy.stats.blackHoles++;
    // A dead path carries nothing, so nothing can trigger a byte-count fault on it any more; and
    // a planned drop firing now would let the peer see a reset the black hole is meant to hide.
    this.cancelPlans();
    if (mode !== 'down') this.up.silence();
    if (mode !== 'up') this.down.silence();
    this.blackHole =
      this.up.silenced && this.down.silenced ? 'both' : this.up.silenced ? 'up' : 'down';
    this.proxy.note(
      `black hole ${this.blackHole} #${this.id} ${this.label} after ${this.bytesSeen} bytes`,
    );
  }

  /** Cancels planned faults (heal); a black hole already in place stays until reset. */
  cancelPlans(): void {
    this.dropAt = null;
    this.blackHoleAt = null;
  }

  /**
   * RST rather than FIN: a drop models a middlebox or a peer that vanished, and the other side
   * must see an abrupt error (close code 1006), not an orderly end of stream.
   */
  reset(): void {
    this.up.clear();
    this.down.clear();
    for (const socket of [this.client, this.server]) {
      if (socket.destroyed) continue;
      try {
        socket.resetAndDestroy();
      } catch {
        socket.destroy();
      }
    }
  }

  close(): void {
    this.up.clear();
    this.down.clear();
    this.client.destroy();
    this.server.destroy();
  }

  private onBytes(n: number): void {
    this.bytesSeen += n;
    if (this.dropAt !== null && this.bytesSeen >= this.dropAt) {
      this.dropAt = null;
      this.drop();
      return;
    }
    if (this.blackHoleAt !== null && this.bytesSeen >= this.blackHoleAt.bytes) {
      const { mode } = this.blackHoleAt;
      this.blackHoleAt = null;
      this.silence(mode);
    }
  }

  private onSocketClosed(pipe: Pipe): void {
    pipe.pushClose();
    if (!this.open) this.proxy.forget(this);
  }
}

/** `client` query parameter of an HTTP upgrade request line, else its path. */
function labelOf(firstChunk: Buffer): string {
  const match = /^GET (\S+) HTTP\//.exec(firstChunk.subarray(0, 512).toString('latin1'));
  if (!match?.[1]) return '?';
  const url = new URL(match[1], 'http://proxy');
  return url.searchParams.get('client') ?? url.pathname;
}

export class FaultProxy {
  readonly stats: ProxyStats = {
    connections: 0,
    bytesUp: 0,
    bytesDown: 0,
    bytesDiscarded: 0,
    drops: 0,
    blackHoles: 0,
    resets: 0,
  };
  /** What faults happened, in order, with a timestamp: print it when a seed fails. */
  readonly log: string[] = [];
  settings: FaultSettings;
  private readonly links = new Set<Link>();
  private nextId = 1;
  private readonly started = performance.now();
  private closed = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: FaultProxyOptions,
  ) {
    this.settings = { ...NO_FAULTS, ...options.faults };
  }

  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const server = createServer({ noDelay: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const proxy = new FaultProxy(server, port, options);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  /** `url` with its host and port replaced by the proxy's (e.g. the sync server's base URL). */
  rewrite(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString().replace(/\/$/, '');
  }

  /** Changes fault settings at runtime; they apply to chunks and connections from now on. */
  setFaults(faults: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...faults };
  }

  /** Open connections (either socket still open), oldest first. */
  connections(): ProxyConnectionInfo[] {
    return [...this.links].map((link) => link.info());
  }

  /** The newest open connection whose label is `label`, if any. */
  find(label: string): ProxyConnectionInfo | undefined {
    return this.connections()
      .filter((c) => c.label === label)
      .at(-1);
  }

  drop(id: number): boolean {
    const link = this.link(id);
    link?.drop();
    return link !== undefined;
  }

  dropAll(): number {
    const links = [...this.links].filter((l) => !l.dropped);
    for (const link of links) link.drop();
    return links.length;
  }

  blackHole(id: number, mode: BlackHoleMode): boolean {
    const link = this.link(id);
    link?.silence(mode);
    return link !== undefined;
  }

  /**
   * Ends every fault: no more delay, planned drops or black holes, and each black-holed
   * connection is reset. Bytes a black hole swallowed are gone, so its stream cannot resume (a
   * WebSocket parser would read garbage); a reset is what a peer that already gave up on the
   * connection answers when the path comes back, and the client then reconnects.
   */
  heal(): void {
    this.settings = { ...NO_FAULTS };
    for (const link of this.links) {
      link.cancelPlans();
      if (link.blackHole !== null) {
        this.stats.resets++;
        this.note(`reset black-holed #${link.id} ${link.label}`);
        link.reset();
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const link of this.links) link.close();
    this.links.clear();
    await stopped;
  }

  /** @internal */
  forwarded(direction: Direction, n: number): void {
    if (direction === 'up') this.stats.bytesUp += n;
    else this.stats.bytesDown += n;
  }

  /** @internal */
  discarded(n: number): void {
    this.stats.bytesDiscarded += n;
  }

  /** @internal */
  note(event: string): void {
    this.log.push(`${Math.round(performance.now() - this.started)}ms ${event}`);
  }

  /** @internal */
  forget(link: Link): void {
    this.links.delete(link);
  }

  private link(id: number): Link | undefined {
    for (const link of this.links) if (link.id === id) return link;
    return undefined;
  }

  private accept(client: Socket): void {
    if (this.closed) {
      client.destroy();
      return;
    }
    this.stats.connections++;
    // Nagle off on both legs: otherwise small frames (pings, awareness) wait for ACKs and the
    // proxy adds latency nobody asked for.
    client.setNoDelay(true);
    const server = tcpConnect({
      port: this.options.targetPort,
      host: this.options.targetHost ?? '127.0.0.1',
      noDelay: true,
    });
    // Writes before the server socket is connected are queued by node, so the client's first
    // bytes (the upgrade request) need no special handling.
    this.links.add(new Link(this, this.nextId++, client, server, this.options.seed));
  }
}
