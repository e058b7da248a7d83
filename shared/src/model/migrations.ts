// The one place where older documents are brought up to the current schema. Each step takes a
// document of version N and returns version N+1; `migrateToCurrent` chains them. The same steps
// serve files, live documents (read through sanitizeMap), IndexedDB copies and snapshots, since
// they all reach the model through here.
import type { Problem } from './types.ts';
import { SCHEMA_VERSION } from './types.ts';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades a version-n document to version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // v2 only adds optional fields (queues, rates, shares, capacity, kaizen effects…): a v1
  // document means exactly what it meant, under the new version number.
  1: (doc) => ({ ...doc, meta: { ...(doc.meta as Record<string, unknown>), schemaVersion: 2 } }),
};

export interface MigrationResult {
  value: unknown;
  fromVersion: number | null;
  problems: Problem[];
}

function versionOf(doc: Record<string, unknown>): unknown {
  const meta = doc.meta;
  return typeof meta === 'object' && meta !== null
    ? (meta as Record<string, unknown>).schemaVersion
    : undefined;
}

export function migrateToCurrent(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { value: raw, fromVersion: null, problems: [] };
  }
  let doc = raw as Record<string, unknown>;
  const version = versionOf(doc);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      value: doc,
      fromVersion: null,
      problems: [{ path: 'meta.schemaVersion', message: `must be ${SCHEMA_VERSION}` }],
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      value: doc,
      fromVersion: version,
      problems: [
        {
          path: 'meta.schemaVersion',
          message: `is ${version}, made by a newer Flowmap; this one reads up to ${SCHEMA_VERSION}`,
        },
      ],
    };
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      return {
        value: doc,
        fromVersion: version,
        problems: [{ path: 'meta.schemaVersion', message: `no migration from version ${v}` }],
      };
    }
    doc = step(doc);
  }
  return { value: doc, fromVersion: version, problems: [] };
}
