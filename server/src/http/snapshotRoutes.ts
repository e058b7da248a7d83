// Named snapshots of a map (quarterly reviews). Anyone with a link to the map lists, reads and
// compares them; an edit link (or the owner key) takes one; only the owner key restores one as a
// new map or deletes one. Ids are checked before storage is touched.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentAccess } from '../maps/documents.ts';
import type { MapService } from '../maps/service.ts';
import { isValidSnapshotId, SnapshotService } from '../maps/snapshots.ts';
import type { Storage } from '../storage/types.ts';
import { createMapAuthorizer } from './authorize.ts';

interface Deps {
  storage: Storage;
  documents: DocumentAccess;
  maps: MapService;
  ownerKey: string;
}

type Params = { Params: { id: string; sid?: string } };
type Needed = 'view' | 'edit' | 'owner';

export function registerSnapshotRoutes(app: FastifyInstance, deps: Deps): SnapshotService {
  const { maps, ownerKey } = deps;
  const snapshots = new SnapshotService(deps.storage, deps.documents, maps);

  const { isOwner, authorizeMap } = createMapAuthorizer(maps, ownerKey);

  /** True when the request may go on; otherwise the refusal has been sent. */
  const authorize = async (
    req: FastifyRequest<Params>,
    reply: FastifyReply,
    needed: Needed,
  ): Promise<boolean> => {
    if (needed === 'owner' && !isOwner(req)) {
      await reply.code(401).send({ error: 'the instance owner key is required' });
      return false;
    }
    const { sid } = req.params;
    if (sid !== undefined && !isValidSnapshotId(sid)) {
      await reply.code(400).send({ error: 'invalid snapshot id' });
      return false;
    }
    // Checks the map id before storage, then the map and the link (400, 404, 401, 403).
    const auth = await authorizeMap(req, reply);
    if (!auth) return false;
    if (needed === 'edit' && auth.access !== 'edit') {
      await reply.code(403).send({ error: 'this link is view only' });
      return false;
    }
    return true;
  };

  const noSnapshot = (reply: FastifyReply) => reply.code(404).send({ error: 'no such snapshot' });

  app.post<Params>('/api/maps/:id/snapshots', async (req, reply) => {
    if (!(await authorize(req, reply, 'edit'))) return;
    const body: unknown = req.body ?? {};
    const name =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as { name?: unknown }).name
        : undefined;
    const taken = await snapshots.take(req.params.id, name);
    if (!taken) return reply.code(404).send({ error: 'no such map' });
    return reply.code(201).send(taken);
  });

  app.get<Params>('/api/maps/:id/snapshots', async (req, reply) => {
    if (!(await authorize(req, reply, 'view'))) return;
    const list = await snapshots.list(req.params.id);
    if (!list) return reply.code(404).send({ error: 'no such map' });
    return { snapshots: list };
  });

  app.get<Params>('/api/maps/:id/snapshots/:sid', async (req, reply) => {
    if (!(await authorize(req, reply, 'view'))) return;
    const map = await snapshots.get(req.params.id, req.params.sid ?? '');
    if (!map) return noSnapshot(reply);
    return map;
  });

  app.post<Params>('/api/maps/:id/snapshots/:sid/restore', async (req, reply) => {
    if (!(await authorize(req, reply, 'owner'))) return;
    const created = await snapshots.restore(req.params.id, req.params.sid ?? '');
    if (!created) return noSnapshot(reply);
    return reply.code(201).send(created);
  });

  app.delete<Params>('/api/maps/:id/snapshots/:sid', async (req, reply) => {
    if (!(await authorize(req, reply, 'owner'))) return;
    if (!(await snapshots.delete(req.params.id, req.params.sid ?? ''))) return noSnapshot(reply);
    return reply.code(204).send();
  });

  return snapshots;
}
