// Checks what one Yjs transaction wrote into a map document against schema v1's per-field rules,
// the same field schemas the import validator uses (../model/schema.ts). The sync server runs it
// on every untrusted update before anything is stored or relayed, so a live document can never
// hold what an import would refuse: an over-long name, a string where a number belongs, a Y.Text
// where a field belongs, an id key of 10 KB, or 100,000 nodes in one state.
// Cross-field rules (PT ≤ LT, an edge's ends exist, node.id equals its key) are deliberately not
// checked: two concurrent edits that are each valid can break them, and the read path already
// reports them (sanitizeMap). Deleting a key is always allowed, for the same reason.
// Total size is the caller's business (the server knows the encoded size; this walk does not).
import * as Y from 'yjs';
import {
  doraFieldSchemas,
  edgeFieldSchemas,
  idSchema,
  LIMITS,
  metaFieldSchemas,
  nodeFieldSchemas,
  stateFieldSchemas,
} from '../model/fields.ts';
import type { Problem } from '../model/types.ts';
import { workshopPlace } from '../workshop/doc/guard.ts';
import { WORKSHOP_ROOT } from '../workshop/doc/keys.ts';
import { ROOT, STATE_CHILDREN } from './keys.ts';

// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type.
type AnyType = Y.AbstractType<any>;

export type FieldSchemas = Readonly<
  Record<
    string,
    { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } }
  >
>;

/** Where a Y.Map sits in the document, i.e. which rules its keys follow. */
export type Place =
  | { kind: 'entity'; fields: FieldSchemas; children: ReadonlyMap<string, Place> }
  | { kind: 'collection'; max: number; what: string; entry: Place }
  /** Id keys with plain values that all follow one schema (the workshop's answers, dots). */
  | { kind: 'values'; max: number; what: string; value: FieldSchemas[string] }
  /** Not part of schema v1 (another root type, an unknown key's value): only size-bounded. */
  | { kind: 'free' };

const FREE: Place = { kind: 'free' };

const entity = (fields: FieldSchemas, children: [string, Place][] = []): Place => ({
  kind: 'entity',
  fields,
  children: new Map(children),
});

const NODE = entity(nodeFieldSchemas);
const EDGE = entity(edgeFieldSchemas);
const STATE = entity(stateFieldSchemas, [
  [STATE_CHILDREN.dora, entity(doraFieldSchemas)],
  [
    STATE_CHILDREN.nodes,
    { kind: 'collection', max: LIMITS.nodesPerState, what: 'nodes', entry: NODE },
  ],
  [
    STATE_CHILDREN.edges,
    { kind: 'collection', max: LIMITS.edgesPerState, what: 'edges', entry: EDGE },
  ],
]);
const ROOTS: ReadonlyMap<string, Place> = new Map([
  [ROOT.meta, entity(metaFieldSchemas)],
  [ROOT.states, { kind: 'collection', max: LIMITS.statesPerMap, what: 'states', entry: STATE }],
  [WORKSHOP_ROOT, workshopPlace(entity)],
]);

/** The refusal of a write: the first rule it breaks, with the path of the offending key. */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
  constructor(readonly problem: Problem) {
    super(problem.path ? `${problem.path}: ${problem.message}` : problem.message);
  }
}

/**
 * Checks every key `transaction` changed (`Transaction.changed`: the types that existed before it,
 * with the keys it set or deleted) and, for a key whose new value is a Y.Map created in the same
 * transaction, everything in that map. Throws WriteRefusedError on the first violation.
 */
export function checkTransactionWrites(doc: Y.Doc, transaction: Y.Transaction): void {
  for (const [changed, keys] of transaction.changed) {
    if (isDeleted(changed)) continue;
    const located = locate(doc, changed);
    if (!located || located.place.kind === 'free') continue;
    // A root first written by this update is still a generic type until someone asks for it.
    const map = changed._item === null ? doc.getMap(located.path) : changed;
    if (!(map instanceof Y.Map)) continue;
    checkKeys(located.place, map, located.path, keys);
  }
}

/** Checks a whole map document (e.g. one about to be written by the server). */
export function checkDocument(doc: Y.Doc): void {
  for (const [name, place] of ROOTS) {
    if (doc.share.has(name)) checkAll(place, doc.getMap(name), name);
  }
}

function checkAll(place: Place, map: Y.Map<unknown>, path: string): void {
  checkKeys(place, map, path, map.keys());
}

function checkKeys(
  place: Place,
  map: Y.Map<unknown>,
  path: string,
  keys: Iterable<string | null>,
): void {
  if (place.kind === 'free') return;
  if ((place.kind === 'collection' || place.kind === 'values') && map.size > place.max) {
    refuse(path, `has more than ${place.max} ${place.what}`);
  }
  for (const key of keys) {
    if (key === null) continue;
    const value = map.get(key);
    if (value === undefined) continue; // a deletion
    const at = path === '' ? key : `${path}.${key}`;
    if (place.kind === 'values') {
      const idProblem = firstIssue(idSchema, key);
      if (idProblem) refuse(at, `key ${idProblem}`);
      const problem = firstIssue(place.value, value instanceof Y.AbstractType ? {} : value);
      if (problem) refuse(at, problem);
      continue;
    }
    if (place.kind === 'collection') {
      const idProblem = firstIssue(idSchema, key);
      if (idProblem) refuse(at, `key ${idProblem}`);
      if (!(value instanceof Y.Map)) refuse(at, 'must be a map');
      checkAll(place.entry, value, at);
      continue;
    }
    const child = place.children.get(key);
    if (child) {
      if (!(value instanceof Y.Map)) refuse(at, 'must be a map');
      checkAll(child, value, at);
      continue;
    }
    const schema = place.fields[key];
    if (!schema) continue; // not a schema field: bounded by the document's size only
    const problem = firstIssue(schema, value instanceof Y.AbstractType ? {} : value);
    if (problem) refuse(at, problem);
  }
}

function firstIssue(schema: FieldSchemas[string], value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error?.issues[0]?.message ?? 'is invalid');
}

function refuse(path: string, message: string): never {
  throw new WriteRefusedError({ path, message });
}

function isDeleted(type: AnyType): boolean {
  for (let item = type._item; item; item = (item.parent as AnyType)._item) {
    if (item.deleted) return true;
  }
  return false;
}

/** The place and dotted path of an existing Y.Map, found by walking up to its root type. */
function locate(doc: Y.Doc, type: AnyType): { place: Place; path: string } | null {
  const keys: string[] = [];
  let current: AnyType = type;
  while (current._item) {
    const key = current._item.parentSub;
    if (key === null) return { place: FREE, path: '' }; // inside an array: not schema v1
    keys.unshift(key);
    current = current._item.parent as AnyType;
  }
  const rootName = rootNameOf(doc, current);
  if (rootName === null) return null;
  let place = ROOTS.get(rootName) ?? FREE;
  for (const key of keys) {
    if (place.kind === 'free') break;
    place =
      place.kind === 'collection'
        ? place.entry
        : place.kind === 'entity'
          ? (place.children.get(key) ?? FREE)
          : FREE;
  }
  return { place, path: [rootName, ...keys].join('.') };
}

function rootNameOf(doc: Y.Doc, root: AnyType): string | null {
  for (const [name, type] of doc.share) if (type === root) return name;
  return null;
}
