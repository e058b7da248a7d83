// Undo for one person in one tab. Only transactions tagged `ORIGINS.local` are captured, so undo
// never reverts a collaborator's edit, an import, a template or a migration; Yjs also refuses to
// overwrite a remote change to the same key when undoing.
import * as Y from 'yjs';
import { metaMap, statesMap } from './access.ts';
import { ORIGINS } from './origins.ts';

export interface UndoOptions {
  /** Edits closer together than this (ms) undo as one step, e.g. typing in a field. */
  captureTimeout?: number;
}

/**
 * Tracks the whole map (meta and every state), as people expect from a canvas editor: undo
 * takes back my last edit wherever it was, not only in the state on screen.
 */
export function createUndoManager(doc: Y.Doc, options: UndoOptions = {}): Y.UndoManager {
  return new Y.UndoManager([metaMap(doc), statesMap(doc)], {
    trackedOrigins: new Set<unknown>([ORIGINS.local]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
