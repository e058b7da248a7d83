// The address a request comes from, for per-client limits. Behind a reverse proxy (TLS
// termination, a load balancer) every socket comes from the proxy, so all clients would share one
// connection budget; the proxy names the client in X-Forwarded-For instead. That header is
// written by whoever sends the request, so only the entries added by proxies we run can be
// believed: with `trustedHops` proxies in front, the client is the entry that many places from
// the end (counting the socket's own peer as the last one). With 0 the header is ignored.
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
