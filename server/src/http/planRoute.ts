// GET /api/maps/<id>/export.plan.csv[?state=<stateId>]: the workshop's action plan as CSV, with the
// same token rules as the other exports (edit or view link, or the owner key). Read from storage
// in the document worker, like every export: storage holds every acknowledged edit.
import { contentDisposition } from '@flowmap/shared';
import type { FastifyInstance } from 'fastify';
import { ExportBusyError } from '../export/exporter.ts';
import type { MapService } from '../maps/service.ts';
import type { Storage } from '../storage/types.ts';
import { createMapAuthorizer } from './authorize.ts';

interface Deps {
  maps: MapService;
  storage: Storage;
  ownerKey: string;
}

type PlanRoute = { Params: { id: string }; Querystring: Record<string, unknown> };

export function registerPlanRoute(app: FastifyInstance, deps: Deps): void {
  const { authorizeMap } = createMapAuthorizer(deps.maps, deps.ownerKey);
  app.get<PlanRoute>('/api/maps/:id/export.plan.csv', async (req, reply) => {
    const auth = await authorizeMap(req, reply);
    if (!auth) return;
    const { state } = req.query;
    if (state !== undefined && (typeof state !== 'string' || state === '')) {
      return reply.code(400).send({ error: 'state must be one state id' });
    }
    let result: Awaited<ReturnType<typeof runPlan>>;
    try {
      result = await runPlan(deps, auth.record.id, state);
    } catch (error) {
      if (!(error instanceof ExportBusyError)) throw error;
      return reply.code(503).header('Retry-After', '5').send({ error: error.message });
    }
    if (!result.ok) return reply.code(result.status).send({ error: result.message });
    return reply
      .header('Content-Disposition', contentDisposition(result.file))
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .type('text/csv; charset=utf-8; header=present')
      .send(result.text);
  });
}

async function runPlan(deps: Deps, id: string, stateId: string | undefined) {
  const stored = await deps.storage.loadDocument(id);
  return deps.maps.jobs.run({ kind: 'plan-csv', stored, stateId });
}
