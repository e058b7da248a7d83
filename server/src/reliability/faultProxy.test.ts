// The fault proxy on its own, against a local echo server: what it promises the reliability
// suite (order under jitter, abrupt drops, silent black holes, heal, close) must hold before a
// failing fuzz run can be blamed on the sync server.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../sync/clients.testkit.ts';
import { FaultProxy, type FaultSettings } from './faultProxy.testkit.ts';

interface Echo {
  port: number;
  /** Server-side sockets currently open. */
  sockets: Set<Socket>;
  server: Server;
}

interface Client {
  socket: Socket;
  received: () => string;
  closed: boolean;
  hadError: boolean;
}

const proxies: FaultProxy[] = [];
const echoes: Echo[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.destroy();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  for (const e of echoes.splice(0)) {
    for (const s of e.sockets) s.destroy();
    await new Promise<void>((resolve) => e.server.close(() => resolve()));
  }
});

async function startEcho(): Promise<Echo> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (data) => socket.write(data));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const echo = { port: typeof address === 'object' && address ? address.port : 0, sockets, server };
  echoes.push(echo);
  return echo;
}

async function startProxy(echo: Echo, faults: Partial<FaultSettings> = {}) {
  const proxy = await FaultProxy.start({ targetPort: echo.port, seed: 7, faults });
  proxies.push(proxy);
  return proxy;
}

async function connectClient(port: number): Promise<Client> {
  const socket = connect({ port, host: '127.0.0.1' });
  const chunks: Buffer[] = [];
  const client: Client = {
    socket,
    received: () => Buffer.concat(chunks).toString(),
    closed: false,
    hadError: false,
  };
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  socket.on('close', (hadError) => {
    client.closed = true;
    client.hadError = hadError;
  });
  clients.push(client);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return client;
}

/** Writes `text` and waits until it has been echoed back through the proxy. */
async function roundTrip(client: Client, text: string): Promise<void> {
  const expected = client.received() + text;
  client.socket.write(text);
  await waitFor(() => client.received() === expected, `echo of ${JSON.stringify(text)}`);
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('fault proxy', () => {
  it('passes every byte in order, in both directions, under delay and jitter', async () => {
    const echo = await startEcho();
    // Jitter far above the gap between writes: a proxy that delayed each chunk independently
    // would deliver them out of order almost surely.
    const proxy = await startProxy(echo, { delayMs: 2, jitterMs: 30 });
    const client = await connectClient(proxy.port);
    let sent = '';
    for (let i = 0; i < 300; i++) {
      const piece = `${i};`;
      sent += piece;
      client.socket.write(piece);
      if (i % 3 === 0) await nextTick();
    }
    await waitFor(() => client.received().length >= sent.length, 'everything echoed', 15_000);
    expect(client.received()).toBe(sent);
    expect(proxy.stats.bytesUp).toBe(sent.length);
    expect(proxy.stats.bytesDown).toBe(sent.length);
    expect(proxy.stats.bytesDiscarded).toBe(0);
  }, 20_000);

  it('a commanded drop resets both sides abruptly', async () => {
    const echo = await startEcho();
    const proxy = await startProxy(echo);
    const client = await connectClient(proxy.port);
    await roundTrip(client, 'hello');
    const [conn] = proxy.connections();
    expect(conn).toBeDefined();
    expect(proxy.drop(conn?.id ?? -1)).toBe(true);
    await waitFor(() => client.closed && echo.sockets.size === 0, 'both sides closed');
    // An RST, not a FIN: the client sees an error (ECONNRESET), as after a real network drop.
    expect(client.hadError).toBe(true);
    expect(proxy.stats.drops).toBe(1);
    await waitFor(() => proxy.connections().length === 0, 'connection forgotten');
  });

  it('a planned drop cuts the stream after the planned number of bytes', async () => {
    const echo = await startEcho();
    const proxy = await startProxy(echo, { dropRate: 1, dropAfterBytes: [150, 150] });
    const client = await connectClient(proxy.port);
    for (let i = 0; i < 20 && !client.closed; i++) {
      client.socket.write('x'.repeat(50));
      await waitFor(
        () => client.closed || client.received().length === (i + 1) * 50,
        'echo or close',
      );
    }
    await waitFor(() => client.closed && echo.sockets.size === 0, 'both sides closed');
    expect(proxy.stats.drops).toBe(1);
    // Up and down bytes count together: 50 up + 50 down + 50 up reaches 150 with the second
    // write, which is cut: only the first echo came back.
    expect(client.received().length).toBe(50);
    expect(proxy.stats.bytesDiscarded).toBeGreaterThan(0);
  });

  it('a black hole forwards nothing, not even a close, and its sockets stay open until heal', async () => {
    const echo = await startEcho();
    const proxy = await startProxy(echo);
    const victim = await connectClient(proxy.port);
    await roundTrip(victim, 'before');
    const control = await connectClient(proxy.port);
    await roundTrip(control, 'control');
    await waitFor(() => echo.sockets.size === 2, 'two server-side sockets');
    const [victimConn, controlConn] = proxy.connections();
    expect(proxy.blackHole(victimConn?.id ?? -1, 'both')).toBe(true);
    expect(proxy.stats.blackHoles).toBe(1);

    victim.socket.write('lost up');
    await waitFor(() => proxy.stats.bytesDiscarded >= 'lost up'.length, 'client bytes swallowed');
    const [victimServerSide, controlServerSide] = [...echo.sockets];
    victimServerSide?.write('lost down');
    await waitFor(
      () => proxy.stats.bytesDiscarded >= 'lost up'.length + 'lost down'.length,
      'server bytes swallowed',
    );
    expect(victim.received()).toBe('before');
    expect(victim.closed).toBe(false);

    // The server gives up on both connections; only the control connection's client hears it.
    victimServerSide?.destroy();
    controlServerSide?.destroy();
    await waitFor(() => control.closed, 'control client sees the close');
    await waitFor(
      () => proxy.connections().find((c) => c.id === victimConn?.id)?.serverOpen === false,
      'proxy saw the server side close',
    );
    expect(controlConn).toBeDefined();
    expect(victim.closed).toBe(false);
    expect(victim.socket.destroyed).toBe(false);

    proxy.heal();
    await waitFor(() => victim.closed, 'heal resets the black-holed connection');
    expect(proxy.stats.resets).toBe(1);
    expect(proxy.connections()).toEqual([]);
  });

  it('an upstream black hole silences client → server only', async () => {
    const echo = await startEcho();
    const proxy = await startProxy(echo);
    const client = await connectClient(proxy.port);
    await roundTrip(client, 'before');
    const [conn] = proxy.connections();
    proxy.blackHole(conn?.id ?? -1, 'up');
    client.socket.write('swallowed');
    await waitFor(() => proxy.stats.bytesDiscarded >= 'swallowed'.length, 'bytes swallowed');
    const [serverSide] = [...echo.sockets];
    serverSide?.write('still flows');
    await waitFor(() => client.received() === 'beforestill flows', 'server → client flows');
    expect(proxy.connections()[0]?.blackHole).toBe('up');
    // The server's close still reaches the client: the down direction is alive.
    serverSide?.destroy();
    await waitFor(() => client.closed, 'client sees the server close');
  });

  it('a planned black hole starts after the planned number of bytes', async () => {
    const echo = await startEcho();
    const proxy = await startProxy(echo, {
      blackHoleRate: 1,
      blackHoleAfterBytes: [15, 15],
      blackHoleModes: ['down'],
    });
    const client = await connectClient(proxy.port);
    await roundTrip(client, '12345');
    client.socket.write('67890');
    await waitFor(() => proxy.stats.blackHoles === 1, 'black hole planned at 15 bytes');
    // 5 up + 5 down + 5 up: the 15th byte arrived going up, which still flows; its echo is
    // swallowed on the way down.
    await waitFor(() => proxy.stats.bytesDiscarded >= 5, 'echo swallowed');
    expect(client.received()).toBe('12345');
    expect(proxy.stats.bytesUp).toBe(10);
    expect(proxy.connections()[0]?.blackHole).toBe('down');
  });

  it('close() closes every connection and stops listening', async () => {
    const echo = await startEcho();
    const proxy = await startProxy(echo, { delayMs: 5, jitterMs: 5 });
    const all = await Promise.all([1, 2, 3].map(() => connectClient(proxy.port)));
    for (const c of all) await roundTrip(c, 'hi');
    expect(echo.sockets.size).toBe(3);
    await proxy.close();
    await waitFor(() => all.every((c) => c.closed) && echo.sockets.size === 0, 'all closed');
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ port: proxy.port, host: '127.0.0.1' });
      s.on('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
