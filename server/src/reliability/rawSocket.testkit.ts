// A websocket client written by hand on node:net, for the slow-consumer test: it performs the
// HTTP upgrade itself (so nothing in `ws` reads for it), can send masked binary frames, and can
// stop reading for good, leaving whatever the server sends in the kernel's buffers.
import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface RawUpgrade {
  socket: Socket;
  /** Bytes of websocket frames that arrived with (after) the 101 response, before any pause. */
  early: Buffer;
  /** Resolves when the socket is closed (by either side). */
  closed: Promise<void>;
}

/**
 * Opens `url` (ws://host:port/path?query) and performs the websocket upgrade by hand. Rejects
 * unless the server answers 101 with the right Sec-WebSocket-Accept. With `neverRead`, the socket
 * is paused as soon as the response headers are in: from then on this process never reads a byte,
 * as a client whose tab froze or whose link stalled.
 */
export function rawUpgrade(
  url: string,
  options: { neverRead?: boolean; timeoutMs?: number } = {},
): Promise<RawUpgrade> {
  const target = new URL(url);
  const key = randomBytes(16).toString('base64');
  const expectedAccept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port) });
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    let head = Buffer.alloc(0);
    const timer = setTimeout(
      () => fail(new Error('upgrade timed out')),
      options.timeoutMs ?? 10_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.on('error', (error) => fail(error));
    socket.on('connect', () => {
      socket.write(
        `GET ${target.pathname}${target.search} HTTP/1.1\r\n` +
          `Host: ${target.host}\r\n` +
          'Upgrade: websocket\r\n' +
          'Connection: Upgrade\r\n' +
          `Sec-WebSocket-Key: ${key}\r\n` +
          'Sec-WebSocket-Version: 13\r\n' +
          '\r\n',
      );
    });
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      if (options.neverRead) socket.pause();
      clearTimeout(timer);
      const lines = head.subarray(0, end).toString('latin1').split('\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(lines[0] ?? '')?.[1];
      const accept = lines
        .find((line) => line.toLowerCase().startsWith('sec-websocket-accept:'))
        ?.slice('sec-websocket-accept:'.length)
        .trim();
      if (status !== '101' || accept !== expectedAccept) {
        fail(new Error(`upgrade refused: ${lines[0]} (accept ${accept ?? 'missing'})`));
        return;
      }
      socket.removeAllListeners('error');
      socket.on('error', () => {});
      resolve({ socket, early: head.subarray(end + 4), closed });
    };
    socket.on('data', onData);
  });
}

/** One masked binary websocket frame (client → server frames must be masked, RFC 6455 §5.3). */
export function clientFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x82, 0x80 | length])
      : length < 0x10000
        ? Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff])
        : (() => {
            const h = Buffer.alloc(10);
            h[0] = 0x82;
            h[1] = 0x80 | 127;
            h.writeBigUInt64BE(BigInt(length), 2);
            return h;
          })();
  const mask = randomBytes(4);
  const body = Buffer.alloc(length);
  for (let i = 0; i < length; i++) body[i] = (payload[i] as number) ^ (mask[i & 3] as number);
  return Buffer.concat([header, mask, body]);
}
