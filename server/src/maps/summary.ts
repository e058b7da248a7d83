// A map's summary for the library (title, stage count, lead time of the current state), computed
// from its document in one place and kept in storage (StoredSummary), so listing the library reads
// rows and never loads a document. Written when a map is created, when its room compacts or
// unloads (the sync layer's `onSettled`), and once from storage for a map that has none yet (one
// from a database older than summaries).
import { computeStateMetrics } from '@flowmap/shared';
import { readMap } from '@flowmap/shared/doc';
import type * as Y from 'yjs';
import type { Storage, StoredDocument, StoredSummary } from '../storage/types.ts';

/**
 * Whoever computes a summary from stored bytes: the document worker (export/documentJobs.ts) in
 * the server. Named by shape here, so this module and the jobs module do not import each other.
 */
export interface SummaryJobs {
  run(job: { kind: 'summary'; stored: StoredDocument }): Promise<DocSummary>;
}

export interface DocSummary {
  /** The document's title; '' when it has none (the record's copy is kept then). */
  title: string;
  stageCount: number;
  /** Total lead time of the first current state, minutes; null when it cannot be computed. */
  leadTimeMinutes: number | null;
}

/** As many characters as a rename accepts, so a title set straight in the document stays a row. */
const MAX_TITLE = 200;

/** The figures of the first current state (by order; any state if there is no current one). */
export function summariseDoc(doc: Y.Doc): DocSummary {
  const { map } = readMap(doc);
  const states = Object.values(map.states);
  const current =
    states.filter((s) => s.kind === 'current').sort((a, b) => a.order - b.order)[0] ?? states[0];
  const stageCount = current
    ? Object.values(current.nodes).filter((n) => n.type === 'stage').length
    : 0;
  const metrics = current ? computeStateMetrics(current, map.meta) : null;
  return {
    title: map.meta.title.slice(0, MAX_TITLE),
    stageCount,
    leadTimeMinutes: metrics && metrics.errors.length === 0 ? metrics.totalLeadTimeMinutes : null,
  };
}

/** Stores `summary` as computed at sequence number `seq` of the map's document. */
export function saveDocSummary(
  storage: Storage,
  mapId: string,
  summary: DocSummary,
  seq: number,
): Promise<boolean> {
  const { title, stageCount, leadTimeMinutes } = summary;
  const stored: StoredSummary & { title?: string } = { stageCount, leadTimeMinutes, seq };
  if (title) stored.title = title;
  return storage.saveSummary(mapId, stored);
}

/**
 * The sync layer's `onSettled` hook. The figures are computed from storage in the document worker,
 * not from the live document: for a map at the document cap reading it takes seconds, which would
 * hold up every room on the instance. Storage holds whatever the room had acknowledged.
 */
export function summaryRecorder(
  storage: Storage,
  jobs: SummaryJobs,
): (mapId: string, doc: Y.Doc, seq: number) => Promise<void> {
  return async (mapId) => {
    await summariseStored(storage, mapId, jobs);
  };
}

/**
 * Summarises a map straight from storage, without a room (no shadow document, no connections),
 * and stores the result. For maps that have no summary yet, and for rooms that settled.
 */
export async function summariseStored(
  storage: Storage,
  mapId: string,
  jobs: SummaryJobs,
): Promise<DocSummary> {
  const stored = await storage.loadDocument(mapId);
  const summary = await jobs.run({ kind: 'summary', stored });
  await saveDocSummary(storage, mapId, summary, stored.lastSeq);
  return summary;
}
