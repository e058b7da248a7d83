// POST /api/maps/<id>/workshop/actions: how someone on a view link takes part in a workshop when
// the facilitator allows it — join, answer an estimation round, place or take back a dot. A view
// link's socket never writes the document (sync/connection.ts drops it), so these few actions come
// here instead, are checked against shared's schema and the room's current workshop, and are
// applied as a server write (stored, then relayed to everyone). Edit links may use the route too,
// but their client writes through the document. Same token rules as the other map routes.
import { ValidationError } from '@flowmap/shared';
import {
  applyViewerAction,
  ViewerActionRefused,
  viewerActionSchema,
} from '@flowmap/shared/workshop/doc';
import type { FastifyInstance } from 'fastify';
import type { DocumentAccess } from '../maps/documents.ts';
import type { MapService } from '../maps/service.ts';
import { createMapAuthorizer } from './authorize.ts';

interface Deps {
  maps: MapService;
  documents: DocumentAccess;
  ownerKey: string;
}

type WorkshopRoute = { Params: { id: string }; Querystring: Record<string, unknown> };

/** An action is a few ids and a number; anything larger is not one. */
const BODY_LIMIT_BYTES = 4 * 1024;

export function registerWorkshopRoute(app: FastifyInstance, deps: Deps): void {
  const { authorizeMap } = createMapAuthorizer(deps.maps, deps.ownerKey);
  app.post<WorkshopRoute>(
    '/api/maps/:id/workshop/actions',
    { bodyLimit: BODY_LIMIT_BYTES },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      const auth = await authorizeMap(req, reply);
      if (!auth) return;
      const parsed = viewerActionSchema.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.join('.') || 'body';
        return reply.code(400).send({ error: `${where}: ${issue?.message ?? 'is invalid'}` });
      }
      try {
        await deps.documents.write(auth.record.id, (doc) => applyViewerAction(doc, parsed.data));
      } catch (error) {
        if (error instanceof ViewerActionRefused) {
          return reply.code(403).send({ error: error.message });
        }
        if (error instanceof ValidationError) {
          const problem = error.problems[0];
          return reply.code(409).send({
            error: problem ? `${problem.path}: ${problem.message}` : error.message,
          });
        }
        throw error;
      }
      return reply.code(204).send();
    },
  );
}
