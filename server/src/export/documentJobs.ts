// The heavy work the HTTP layer does with a whole map document, as pure functions of its stored
// bytes: decode it, read it as schema v2, then render, serialise, copy, snapshot or summarise it.
// For a map at the document cap (16 MiB: ~50,000 stages) decoding alone takes seconds and reading
// it one more; on the event loop that stalled every workshop on the instance (/healthz took 5.8 s
// during such an export, 7.8 s during a duplicate). So these run in the document worker
// (exporter.ts), fed from storage rather than from the live room: storage holds every
// acknowledged edit, since a room stores each write before anyone sees it.
import { type FlowMap, type MapHeadline, mapHeadline } from '@flowmap/shared';
import { ORIGINS, readMap, updateMeta } from '@flowmap/shared/doc';
import { readWorkshop } from '@flowmap/shared/workshop/doc';
import * as Y from 'yjs';
import { type DocSummary, summariseDoc } from '../maps/summary.ts';
import { type PlanCsvResult, planCsv } from './planExport.ts';
import { type ExportRequest, type ExportResult, renderExport } from './render.ts';

/** A document as storage holds it: a compacted snapshot, then the log after it. */
export interface StoredBytes {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

export type DocumentJob =
  | { kind: 'render'; stored: StoredBytes; request: ExportRequest }
  /** Tests and the CLI hand a map they already read. */
  | { kind: 'render-map'; map: FlowMap; request: ExportRequest }
  | { kind: 'json'; stored: StoredBytes }
  | { kind: 'duplicate'; stored: StoredBytes; title: string }
  | { kind: 'snapshot'; stored: StoredBytes }
  | { kind: 'summary'; stored: StoredBytes }
  /** A named snapshot's single update, read as a map. */
  | { kind: 'snapshot-map'; update: Uint8Array }
  /** The workshop's action plan as CSV (export.plan.csv). */
  | { kind: 'plan-csv'; stored: StoredBytes; stateId?: string | undefined };

export interface JobResults {
  render: ExportResult;
  'render-map': ExportResult;
  /** The export JSON, pretty-printed, and the title it is named after. */
  json: { text: string; title: string };
  /** The copy's whole state as one update, and its library figures. */
  duplicate: { update: Uint8Array; summary: DocSummary };
  snapshot: { update: Uint8Array; headline: MapHeadline };
  summary: DocSummary;
  'snapshot-map': { map: FlowMap; headline: MapHeadline };
  'plan-csv': PlanCsvResult;
}

export type JobResult<J extends DocumentJob> = JobResults[J['kind']];

/** Whoever runs the jobs: the worker thread in the server, these functions in-process in tests. */
export interface DocumentJobs {
  run<J extends DocumentJob>(job: J): Promise<JobResult<J>>;
}

function decode(stored: StoredBytes): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

function withDoc<T>(stored: StoredBytes, fn: (doc: Y.Doc) => T): T {
  const doc = decode(stored);
  try {
    return fn(doc);
  } finally {
    doc.destroy();
  }
}

export async function runDocumentJob<J extends DocumentJob>(job: J): Promise<JobResult<J>> {
  return (await run(job)) as JobResult<J>;
}

async function run(job: DocumentJob): Promise<JobResults[keyof JobResults]> {
  switch (job.kind) {
    case 'render': {
      // The PDF's workshop pages need the workshop, which is beside the map in the document.
      const { map, workshop } = withDoc(job.stored, (doc) => ({
        map: readMap(doc).map,
        workshop: readWorkshop(doc),
      }));
      return renderExport(map, job.request, undefined, { workshop });
    }
    case 'render-map':
      return renderExport(job.map, job.request);
    case 'json':
      return withDoc(job.stored, (doc) => {
        const { map } = readMap(doc);
        return { text: `${JSON.stringify(map, null, 2)}\n`, title: map.meta.title };
      });
    case 'duplicate':
      return withDoc(job.stored, (doc) => {
        updateMeta(doc, { title: job.title }, ORIGINS.server);
        return { update: Y.encodeStateAsUpdate(doc), summary: summariseDoc(doc) };
      });
    case 'snapshot':
      return withDoc(job.stored, (doc) => ({
        update: Y.encodeStateAsUpdate(doc),
        headline: mapHeadline(readMap(doc).map),
      }));
    case 'summary':
      return withDoc(job.stored, summariseDoc);
    case 'plan-csv':
      return withDoc(job.stored, (doc) =>
        planCsv(readMap(doc).map, readWorkshop(doc), job.stateId),
      );
    case 'snapshot-map':
      return withDoc({ snapshot: job.update, updates: [] }, (doc) => {
        const { map } = readMap(doc);
        return { map, headline: mapHeadline(map) };
      });
  }
}

/** The jobs run on the calling thread: for tests, and tools that have no event loop to keep free. */
export const IN_PROCESS_JOBS: DocumentJobs = { run: runDocumentJob };
