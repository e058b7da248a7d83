// Test harness for several instances on real PostgreSQL and Redis (never mocks): in-process
// instances (createServer + PostgresStorage + RedisFanout), instances as child processes (the
// real main.ts, killable with -9), a private redis-server to stop and restart, and a TCP "load
// balancer" per client that the test re-points when an instance dies. Every test file uses its
// own database and its own Redis channel prefix, so files running in parallel never meet.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createServer, type FlowmapServer } from '../http/app.ts';
import { connectMap, type MapClient } from '../http/harness.testkit.ts';
import { killMainProcess, type MainProcess, startMainProcess } from '../mainProcess.testkit.ts';
import { randomSuffix } from '../storage/postgres.testkit.ts';
import { PostgresStorage } from '../storage/postgres.ts';
import { freePort, waitFor } from '../sync/clients.testkit.ts';
import type { SyncLimits } from '../sync/index.ts';

export { freePort };

import { RedisFanout, type RedisFanoutOptions } from './redisFanout.ts';

export const TEST_REDIS_URL = process.env.FLOWMAP_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const OWNER_KEY = 'cluster-test-owner-key-0123456789';

export const testPrefix = () => `flowmap_test_${randomSuffix()}:`;

/** Fails with a clear message when the test Redis is not running. */
export async function assertRedisReachable(url = TEST_REDIS_URL): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(
      `Redis is not reachable at ${url} (${String(error)}); start it (.ci/run does) ` +
        'or set FLOWMAP_TEST_REDIS_URL',
    );
  } finally {
    client.disconnect();
  }
}

export interface Instance {
  id: string;
  url: string;
  server: FlowmapServer;
  storage: PostgresStorage;
  fanout: RedisFanout;
  stop(): Promise<void>;
}

export interface InstanceOptions {
  databaseUrl: string;
  redisUrl?: string;
  prefix: string;
  id: string;
  fanout?: Partial<RedisFanoutOptions>;
  limits?: Partial<SyncLimits>;
}

// Short timers so tests wait for conditions in milliseconds, not production seconds.
export const FAST_FANOUT: Partial<RedisFanoutOptions> = {
  heartbeatMs: 100,
  peerTimeoutMs: 1000,
  checkIntervalMs: 300,
  reconnectMaxMs: 200,
};

export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const storage = await PostgresStorage.open({ connectionString: options.databaseUrl });
  let fanout: RedisFanout;
  try {
    fanout = await RedisFanout.start({
      ...FAST_FANOUT,
      ...options.fanout,
      url: options.redisUrl ?? TEST_REDIS_URL,
      prefix: options.prefix,
      instanceId: options.id,
      storage,
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const server = await createServer(
    {
      port: 0,
      host: '127.0.0.1',
      maxPayload: 2 * 1024 * 1024,
      maxBodyBytes: 1024 * 1024,
      connectionsPerIpPerMinute: 100_000,
      logLevel: 'warn',
      clientDir: join(tmpdir(), 'flowmap-no-client'),
    },
    {
      storage,
      ownerKey: OWNER_KEY,
      fanout,
      limits: { roomIdleMs: 200, ...options.limits },
      logStream: { write: () => {} },
    },
  );
  const url = await server.listen();
  let stopped = false;
  return {
    id: options.id,
    url,
    server,
    storage,
    fanout,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await fanout.close();
      await storage.close();
    },
  };
}

export interface ChildInstance {
  id: string;
  url: string;
  child: ChildProcess;
  output(): string;
  kill(): Promise<void>;
}

/** The real server (main.ts) as a child process on DATABASE_URL and REDIS_URL. */
export async function startChildInstance(options: {
  databaseUrl: string;
  redisUrl?: string;
  prefix: string;
  id: string;
}): Promise<ChildInstance> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'flowmap-child-'));
  let proc: MainProcess;
  try {
    proc = await startMainProcess({
      port,
      args: ['--log-level', 'warn'],
      env: {
        DATA_DIR: dataDir,
        FLOWMAP_OWNER_KEY: OWNER_KEY,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl ?? TEST_REDIS_URL,
        REDIS_PREFIX: options.prefix,
        INSTANCE_ID: options.id,
      },
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    id: options.id,
    url: proc.base,
    child: proc.child,
    output: proc.output,
    async kill() {
      await killMainProcess(proc);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP load balancer in front of the instances: every new connection goes to `target`, which
 * the test changes when an instance dies (open connections to a dead one just drop).
 */
export class Balancer {
  readonly url: string;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    port: number,
    public target: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(target: string): Promise<Balancer> {
    const server = createTcpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const balancer = new Balancer(server, port, target);
    server.on('connection', (socket) => balancer.forward(socket));
    return balancer;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(socket: Socket): void {
    const { hostname, port } = new URL(this.target);
    const upstream = connect(Number(port), hostname);
    this.sockets.add(socket);
    this.sockets.add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      this.sockets.delete(socket);
      this.sockets.delete(upstream);
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    socket.pipe(upstream).pipe(socket);
  }
}

/** A private redis-server on its own port, to stop and restart without disturbing others. */
export class RedisProcess {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort());
    await redis.restart();
    return redis;
  }

  async restart(): Promise<void> {
    if (this.child) throw new Error('already running');
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error) => {
      output += String(error);
    });
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
        return output.includes('Ready to accept connections');
      },
      () => `redis-server on port ${this.port} started: ${output}`,
      10_000,
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}

/** Creates a map through one instance's API; returns its id and edit token. */
export async function createMap(
  baseUrl: string,
  title = 'Cluster',
): Promise<{
  id: string;
  editToken: string;
  viewToken: string;
}> {
  const res = await fetch(`${baseUrl}/api/maps`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OWNER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title, template: 'blank' }),
  });
  if (res.status !== 201) throw new Error(`create map: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; editToken: string; viewToken: string };
}

/** A client behind its own balancer, so the test can re-point it. */
export interface RoutedClient extends MapClient {
  balancer: Balancer;
}

export async function connectVia(
  target: string,
  mapId: string,
  token: string,
): Promise<RoutedClient> {
  const balancer = await Balancer.start(target);
  const client = connectMap(balancer.url, mapId, token);
  return {
    ...client,
    balancer,
    destroy() {
      client.destroy();
      void balancer.close();
    },
  };
}
