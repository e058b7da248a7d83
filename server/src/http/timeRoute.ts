// GET /api/time → {"now": <epoch ms>}: the server's clock, so a workshop's timer reads the same in
// every browser whatever their own clocks say. Clients estimate their offset NTP-style from a few
// round trips (client/src/workshop/serverClock.ts). No token: the time is no secret, and a view
// link needs it as much as an edit link. Never cached, or the offset would be off by the cache age.
import type { FastifyInstance } from 'fastify';

export function registerTimeRoute(app: FastifyInstance, now: () => number = Date.now): void {
  app.get('/api/time', async (_req, reply) =>
    reply.header('Cache-Control', 'no-store').send({ now: now() }),
  );
}
