// Brings a live document's schema version up to date. Reading never needs it (sanitizeMap
// migrates whatever it reads), but the version written in the document tells every other reader —
// an older tab, a script reading the JSON export — what the document may hold: once a v2 field
// can be in it, it says 2. v1 → v2 adds only optional fields, so the version number is the whole
// migration. Two clients migrating at once both write the same value: the merge is trivial.
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from '../model/types.ts';
import { metaMap } from './access.ts';
import { ORIGINS } from './origins.ts';

/** Sets meta.schemaVersion to the current version when it is an older one; true when it did. */
export function migrateDoc(doc: Y.Doc): boolean {
  const meta = metaMap(doc);
  const version = meta.get('schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version >= SCHEMA_VERSION) {
    return false;
  }
  // Not undoable (origin `migration`): undo must never take a document back to an older schema.
  doc.transact(() => meta.set('schemaVersion', SCHEMA_VERSION), ORIGINS.migration);
  return true;
}
