// Map exports as files: GET /api/maps/<id>/export.<svg|png|pdf|csv>?state=<stateId>, for anyone
// with a link to the map (edit or view token) or the owner key. They render the stored document
// (every acknowledged edit of the workshop) in the document worker (JSON export: routes.ts).
import { contentDisposition } from '@flowmap/shared';
import type { FastifyInstance } from 'fastify';
import { ExportBusyError } from '../export/exporter.ts';
import { EXPORT_FORMATS, type ExportResult } from '../export/render.ts';
import type { MapService } from '../maps/service.ts';
import { createMapAuthorizer } from './authorize.ts';

interface Deps {
  maps: MapService;
  ownerKey: string;
}

type ExportRoute = { Params: { id: string }; Querystring: Record<string, unknown> };

/** Header values are Latin-1 at best; the note is for people, so plain ASCII keeps it intact. */
function headerText(text: string): string {
  return text.replace(/×/g, 'x').replace(/[^\x20-\x7e]/g, '');
}

export function registerExportRoutes(app: FastifyInstance, deps: Deps): void {
  const { authorizeMap } = createMapAuthorizer(deps.maps, deps.ownerKey);

  for (const format of EXPORT_FORMATS) {
    app.get<ExportRoute>(`/api/maps/:id/export.${format}`, async (req, reply) => {
      const auth = await authorizeMap(req, reply);
      if (!auth) return;
      const { state } = req.query;
      if (state !== undefined && (typeof state !== 'string' || state === '')) {
        return reply.code(400).send({ error: 'state must be one state id' });
      }
      let result: ExportResult;
      try {
        result = await deps.maps.renderExport(auth.record.id, { format, stateId: state });
      } catch (error) {
        if (!(error instanceof ExportBusyError)) throw error;
        return reply.code(503).header('Retry-After', '5').send({ error: error.message });
      }
      if (!result.ok) return reply.code(result.status).send({ error: result.message });
      reply
        .header('Content-Disposition', contentDisposition(result.file))
        // The link carries a token and the map keeps changing: neither belongs in a cache.
        .header('Cache-Control', 'no-store')
        .header('X-Content-Type-Options', 'nosniff');
      if (format === 'svg') {
        // Opened straight from the URL an SVG is a document; ours has no script, and may not run one.
        reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      }
      if (result.note) reply.header('X-Flowmap-Note', headerText(result.note));
      const { bytes } = result;
      return reply
        .type(result.contentType)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }
}
