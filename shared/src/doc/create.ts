// Filling a document: a new map (blank or from a template) and importing a whole FlowMap. These
// are the only writes that replace content wholesale, and they are never tagged `local`, so a
// person's undo cannot take a map back to empty.
import * as Y from 'yjs';
import { ValidationError, validateMap, validateMetaPatch } from '../model/schema.ts';
import { softwareDeliveryTemplate, type TemplateId } from '../model/templates.ts';
import type { FlowMap, MapMeta } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import { metaMap, statesMap, writeFields } from './access.ts';
import { emptyStateToYMap, stateToYMap } from './build.ts';
import { ORIGINS, type Origin } from './origins.ts';

/** Id of the first state of a blank map (the same as the template's). */
export const INITIAL_STATE_ID = 'current';

/** Whether the document already holds a map (it has a schema version). */
export function hasMap(doc: Y.Doc): boolean {
  return metaMap(doc).has('schemaVersion' satisfies keyof MapMeta) || statesMap(doc).size > 0;
}

function refuseIfFilled(doc: Y.Doc): void {
  if (hasMap(doc)) {
    throw new ValidationError([{ path: '', message: 'the document already holds a map' }]);
  }
}

/** Writes meta and one empty "Current state" into an empty document; returns the state id. */
export function initialiseBlankMap(
  doc: Y.Doc,
  options: { title: string; origin?: Origin },
): string {
  const problems = validateMetaPatch({ title: options.title });
  if (problems.length > 0) throw new ValidationError(problems);
  refuseIfFilled(doc);
  doc.transact(() => {
    writeFields(metaMap(doc), { ...DEFAULT_META, title: options.title });
    statesMap(doc).set(
      INITIAL_STATE_ID,
      emptyStateToYMap({ id: INITIAL_STATE_ID, name: 'Current state', kind: 'current', order: 0 }),
    );
  }, options.origin ?? ORIGINS.template);
  return INITIAL_STATE_ID;
}

/**
 * Replaces the document's content with `map` (an import) in one transaction. The map is
 * validated strictly first; any problem refuses the whole map with a ValidationError.
 */
export function writeMapToDoc(doc: Y.Doc, map: FlowMap, origin: Origin = ORIGINS.import): void {
  const result = validateMap(map);
  if (!result.ok) throw new ValidationError(result.problems);
  const clean = result.map;
  doc.transact(() => {
    const meta = metaMap(doc);
    for (const key of [...meta.keys()]) if (!Object.hasOwn(clean.meta, key)) meta.delete(key);
    writeFields(meta, { ...clean.meta });
    const states = statesMap(doc);
    for (const key of [...states.keys()]) states.delete(key);
    for (const state of Object.values(clean.states)) states.set(state.id, stateToYMap(state));
  }, origin);
}

export interface CreateMapOptions {
  title: string;
  template?: TemplateId;
  /** Fill this (empty) document instead of a new one, e.g. one already bound to a provider. */
  doc?: Y.Doc;
}

/** A document holding a new map, written with origin `template`. */
export function createMapDoc(options: CreateMapOptions): Y.Doc {
  const doc = options.doc ?? new Y.Doc();
  if (options.template === 'software-delivery') {
    const problems = validateMetaPatch({ title: options.title });
    if (problems.length > 0) throw new ValidationError(problems);
    refuseIfFilled(doc);
    writeMapToDoc(doc, softwareDeliveryTemplate({ title: options.title }), ORIGINS.template);
  } else {
    initialiseBlankMap(doc, { title: options.title, origin: ORIGINS.template });
  }
  return doc;
}
