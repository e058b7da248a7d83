// Refusing a websocket upgrade means answering on the raw socket with a plain HTTP response and
// closing it: no upgrade happens, so not a single document byte can reach the client.
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = `${JSON.stringify({ error: message })}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // end() flushes the response; destroy shortly after in case the peer never closes its side.
  setTimeout(() => socket.destroy(), 1_000).unref();
}
