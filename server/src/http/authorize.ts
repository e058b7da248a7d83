// Who may read a map over HTTP: the instance owner key (Authorization: Bearer), or the map's own
// edit or view token as `?token=` or Bearer. One place for the rule and its refusals, so every
// map-scoped route answers a bad link the same way.
import type { Access } from '@flowmap/shared/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, secretsEqual } from '../auth/secrets.ts';
import type { MapService } from '../maps/service.ts';
import type { MapRecord } from '../storage/types.ts';
import { isValidMapId } from '../sync/index.ts';

export interface MapAuthorizer {
  isOwner(req: FastifyRequest): boolean;
  /**
   * The map of `:id` and the access the request has to it; null when it has none, after sending
   * the refusal: 400 bad id, 404 unknown map, 401 no token, 403 wrong token.
   */
  authorizeMap(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
  ): Promise<{ record: MapRecord; access: Access } | null>;
}

export function createMapAuthorizer(maps: MapService, ownerKey: string): MapAuthorizer {
  const isOwner = (req: FastifyRequest) =>
    secretsEqual(bearerToken(req.headers.authorization), ownerKey);
  return {
    isOwner,
    async authorizeMap(req, reply) {
      const { id } = req.params;
      if (!isValidMapId(id)) {
        await reply.code(400).send({ error: 'invalid map id' });
        return null;
      }
      const record = await maps.get(id);
      if (!record) {
        await reply.code(404).send({ error: 'no such map' });
        return null;
      }
      if (isOwner(req)) return { record, access: 'edit' };
      const query = req.query as Record<string, unknown>;
      const token =
        typeof query.token === 'string' ? query.token : bearerToken(req.headers.authorization);
      const access = maps.accessFor(record, token);
      if (!access) {
        await reply.code(token ? 403 : 401).send({ error: 'a valid map token is required' });
        return null;
      }
      return { record, access };
    },
  };
}
