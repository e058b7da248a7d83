// Map-wide settings: title, description, working time and bottleneck thresholds.
import type * as Y from 'yjs';
import { validateMetaPatch } from '../../model/schema.ts';
import type { MapMeta, Problem } from '../../model/types.ts';
import { assertNoProblems, metaMap, writeFields } from '../access.ts';
import { ORIGINS, type Origin } from '../origins.ts';

/** Every setting but the schema version, which only a migration changes. */
export type MetaPatch = Partial<Omit<MapMeta, 'schemaVersion'>>;

export function updateMeta(doc: Y.Doc, patch: MetaPatch, origin: Origin = ORIGINS.local): void {
  const problems: Problem[] = [];
  if ('schemaVersion' in patch) {
    problems.push({ path: 'schemaVersion', message: 'is changed only by a migration' });
  }
  problems.push(...validateMetaPatch(patch as Record<string, unknown>));
  assertNoProblems(problems);
  doc.transact(() => {
    writeFields(metaMap(doc), patch as Record<string, unknown>);
  }, origin);
}
