// The JSON API. Owner-key routes manage the map library; map routes accept the map's own tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ExportBusyError } from '../export/exporter.ts';
import { InputError, type MapService } from '../maps/service.ts';
import { isValidMapId } from '../sync/index.ts';
import { createMapAuthorizer } from './authorize.ts';

interface Deps {
  maps: MapService;
  ownerKey: string;
}

type IdParams = { Params: { id: string } };

export function registerApiRoutes(app: FastifyInstance, { maps, ownerKey }: Deps): void {
  const { isOwner, authorizeMap } = createMapAuthorizer(maps, ownerKey);

  const requireOwner = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isOwner(req)) {
      await reply.code(401).send({ error: 'the instance owner key is required' });
    }
  };

  const ownerMap = async (req: FastifyRequest<IdParams>, reply: FastifyReply) => {
    if (!isValidMapId(req.params.id)) {
      await reply.code(400).send({ error: 'invalid map id' });
      return false;
    }
    return true;
  };

  app.setErrorHandler(async (error, req, reply) => {
    if (error instanceof InputError) {
      return reply.code(400).send({
        error: error.message,
        problems: error.problems,
        messages: error.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
      });
    }
    if (error instanceof ExportBusyError) {
      // The document worker's queue is full (exports, duplicates, snapshots): come back soon.
      return reply.code(503).header('Retry-After', '5').send({ error: error.message });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: (error as Error).message });
    }
    req.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal error' });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/api/maps', { preHandler: requireOwner }, async () => ({ maps: await maps.list() }));

  app.post('/api/maps', { preHandler: requireOwner }, async (req, reply) => {
    const body = (req.body ?? {}) as { title?: unknown; template?: unknown };
    if (typeof body !== 'object' || Array.isArray(body))
      throw new InputError('Body must be an object');
    return reply.code(201).send(await maps.create(body));
  });

  app.post('/api/maps/import', { preHandler: requireOwner }, async (req, reply) => {
    return reply.code(201).send(await maps.import(req.body));
  });

  app.get<IdParams>('/api/maps/:id', { preHandler: requireOwner }, async (req, reply) => {
    if (!(await ownerMap(req, reply))) return;
    const record = await maps.get(req.params.id);
    if (!record) return reply.code(404).send({ error: 'no such map' });
    return record;
  });

  app.patch<IdParams>('/api/maps/:id', { preHandler: requireOwner }, async (req, reply) => {
    if (!(await ownerMap(req, reply))) return;
    const body = (req.body ?? {}) as { title?: unknown };
    if (!(await maps.rename(req.params.id, body.title))) {
      return reply.code(404).send({ error: 'no such map' });
    }
    return { id: req.params.id, title: body.title };
  });

  app.delete<IdParams>('/api/maps/:id', { preHandler: requireOwner }, async (req, reply) => {
    if (!(await ownerMap(req, reply))) return;
    if (!(await maps.delete(req.params.id))) return reply.code(404).send({ error: 'no such map' });
    return reply.code(204).send();
  });

  app.post<IdParams>(
    '/api/maps/:id/duplicate',
    { preHandler: requireOwner },
    async (req, reply) => {
      if (!(await ownerMap(req, reply))) return;
      const created = await maps.duplicate(req.params.id);
      if (!created) return reply.code(404).send({ error: 'no such map' });
      return reply.code(201).send(created);
    },
  );

  app.post<IdParams>('/api/maps/:id/tokens', { preHandler: requireOwner }, async (req, reply) => {
    if (!(await ownerMap(req, reply))) return;
    // No body means both; a body that is not an object (`"edit"`, `[]`, `null`) is a mistake,
    // and guessing "both" from it would break every link to the map.
    const body: unknown = req.body === undefined ? {} : req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new InputError('Body must be an object', [
        { path: '', message: 'must be an object like {"which":"edit"}' },
      ]);
    }
    const { which } = body as { which?: unknown };
    const rotated = await maps.rotateTokens(req.params.id, which ?? 'both');
    if (!rotated) return reply.code(404).send({ error: 'no such map' });
    return rotated;
  });

  // What the web app asks before it connects: which map, and may this link edit it?
  app.get<IdParams>('/api/maps/:id/access', async (req, reply) => {
    const auth = await authorizeMap(req, reply);
    if (!auth) return;
    return { id: auth.record.id, title: auth.record.title, access: auth.access };
  });

  app.get<IdParams>('/api/maps/:id/export.json', async (req, reply) => {
    const auth = await authorizeMap(req, reply);
    if (!auth) return;
    const { text, title } = await maps.exportJson(auth.record.id);
    const filename = `${(title || 'flowmap').replace(/[^\w.-]+/g, '-').slice(0, 80)}.json`;
    return reply
      .header('Content-Disposition', `attachment; filename="${filename}"`)
      .type('application/json')
      .send(text);
  });
}
