import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { RawClient, waitFor } from './clients.testkit.ts';
import { Connection } from './connection.ts';
import { resolveLimits } from './limits.ts';
import { SILENT_LOGGER } from './logger.ts';
import { encodeQueryAwareness } from './protocol.ts';
import { startTestServer, type TestServer } from './server.testkit.ts';
import { NOOP_TELEMETRY } from './telemetry.ts';

/** Just enough of a `ws` socket to drive Connection without a network. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  terminated = false;
  pings = 0;
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close(code: number, reason: string) {
    this.closedWith = { code, reason };
    this.readyState = 2;
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
  }
  ping() {
    this.pings++;
  }
}

function fakeConnection(limits = resolveLimits()) {
  const socket = new FakeSocket();
  const closes: number[] = [];
  const conn = new Connection(socket as unknown as WebSocket, {
    id: 1,
    mapId: 'm',
    access: 'edit',
    limits,
    telemetry: NOOP_TELEMETRY,
    logger: SILENT_LOGGER,
    onClose: (_conn, code) => closes.push(code),
  });
  return { socket, conn, closes };
}

describe('Connection', () => {
  it('terminates a slow consumer instead of buffering without bound', () => {
    const { socket, conn, closes } = fakeConnection(resolveLimits({ maxBufferedBytes: 1000 }));
    expect(conn.send(new Uint8Array(100), 'sync-update')).toBe(true);
    socket.bufferedAmount = 950;
    expect(conn.send(new Uint8Array(100), 'sync-update')).toBe(false);
    expect(socket.terminated).toBe(true);
    expect(socket.sent).toHaveLength(1);
    expect(closes).toEqual([1013]);
    expect(conn.isOpen).toBe(false);
    expect(conn.send(new Uint8Array(1), 'sync-update')).toBe(false);
  });

  it('sends one message larger than the cap when nothing is queued (a big map’s first sync)', () => {
    const { socket, conn, closes } = fakeConnection(resolveLimits({ maxBufferedBytes: 1000 }));
    expect(conn.send(new Uint8Array(5000), 'sync-step2')).toBe(true);
    expect(socket.sent).toHaveLength(1);
    socket.bufferedAmount = 5000;
    expect(conn.send(new Uint8Array(10), 'sync-update')).toBe(false);
    expect(closes).toEqual([1013]);
  });

  it('terminates a socket that did not answer the previous ping', () => {
    const { socket, conn, closes } = fakeConnection();
    conn.heartbeat();
    expect(socket.pings).toBe(1);
    socket.emit('pong');
    conn.heartbeat();
    expect(socket.pings).toBe(2);
    expect(socket.terminated).toBe(false);
    conn.heartbeat(); // no pong since the last ping
    expect(socket.terminated).toBe(true);
    expect(closes).toEqual([1006]);
  });

  it('holds messages until attached, then delivers them in order; onClose runs once', () => {
    const { socket, conn, closes } = fakeConnection();
    socket.emit('message', Buffer.from(encodeQueryAwareness()), true);
    socket.emit('message', Buffer.from(encodeQueryAwareness()), true);
    const seen: string[] = [];
    conn.attach({ handleMessage: (_c, m) => seen.push(m.type) });
    expect(seen).toEqual(['query-awareness', 'query-awareness']);
    conn.close(1000, 'bye');
    socket.emit('close', 1000);
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'bye' });
    expect(closes).toEqual([1000]);
  });
});

describe('heartbeat over a real socket', () => {
  let s: TestServer;
  afterEach(async () => {
    await s.close();
  });

  it('drops a peer that stops answering pings and keeps one that answers', async () => {
    s = await startTestServer({ limits: { heartbeatIntervalMs: 40 } });
    const dead = await RawClient.connect(`${s.syncUrl}/hb`, { autoPong: false });
    const alive = await RawClient.connect(`${s.syncUrl}/hb`);
    await waitFor(() => dead.closeEvent !== null, 'dead peer dropped');
    expect(dead.closeEvent?.code).toBe(1006);
    await waitFor(() => alive.pings >= 3, 'three heartbeats answered');
    const before = alive.messages.length;
    alive.send(encodeQueryAwareness());
    await waitFor(() => alive.messages.length > before, 'alive peer answered');
    expect(alive.isOpen).toBe(true);
    alive.close();
  });

  it('sends a lone, idle client an empty awareness message each heartbeat (browsers see no pings)', async () => {
    s = await startTestServer({ limits: { heartbeatIntervalMs: 40 } });
    const lone = await RawClient.connect(`${s.syncUrl}/lone?access=view`);
    await waitFor(() => lone.pings >= 3, 'three heartbeats');
    const keepalives = lone
      .decoded()
      .filter((m) => m.type === 'awareness' && m.entries.length === 0);
    expect(keepalives.length).toBeGreaterThanOrEqual(2);
    // Nothing else: a view connection of an empty room gets no sync step 1 and no presence.
    expect(lone.decoded().every((m) => m.type === 'awareness' && m.entries.length === 0)).toBe(
      true,
    );
    lone.close();
  });
});
