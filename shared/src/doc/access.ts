// Typed access to the Y structures of a map document, shared by the commands. Nothing here
// opens a transaction: callers validate first and then write inside their single transaction.
import * as Y from 'yjs';
import { idSchema, ValidationError } from '../model/schema.ts';
import type { MapState, Problem } from '../model/types.ts';
import { ROOT, STATE_CHILDREN } from './keys.ts';

export type YEntity = Y.Map<unknown>;

export function metaMap(doc: Y.Doc): YEntity {
  return doc.getMap(ROOT.meta);
}

export function statesMap(doc: Y.Doc): YEntity {
  return doc.getMap(ROOT.states);
}

export function asYMap(value: unknown): YEntity | undefined {
  return value instanceof Y.Map ? (value as YEntity) : undefined;
}

export function fail(problems: Problem[]): never {
  throw new ValidationError(problems);
}

/** Throws once with every problem gathered, so a form can show them all at the same time. */
export function assertNoProblems(problems: Problem[]): void {
  if (problems.length > 0) fail(problems);
}

export interface StateHandle {
  id: string;
  state: YEntity;
  nodes: YEntity;
  edges: YEntity;
}

/**
 * The state's Y.Maps, or problems at `path`. A state whose nodes or edges are not Y.Maps was
 * written by a broken or hostile client; it is refused rather than silently repaired, because a
 * repair racing another client's repair would drop whatever that client added.
 */
export function findState(
  doc: Y.Doc,
  stateId: string,
  problems: Problem[],
  path = 'stateId',
): StateHandle | null {
  const state = typeof stateId === 'string' ? asYMap(statesMap(doc).get(stateId)) : undefined;
  if (!state) {
    problems.push({ path, message: `there is no state “${String(stateId)}”` });
    return null;
  }
  const nodes = asYMap(state.get(STATE_CHILDREN.nodes));
  const edges = asYMap(state.get(STATE_CHILDREN.edges));
  if (!nodes || !edges) {
    problems.push({
      path,
      message: `state “${stateId}” is damaged: its nodes or edges are unreadable`,
    });
    return null;
  }
  return { id: stateId, state, nodes, edges };
}

/** Ids that would corrupt a plain-object record if used as keys. */
const RESERVED_IDS = new Set(['__proto__']);

/** Checks an id for a new entity: well-formed and not yet used in `container`. */
export function checkNewId(
  id: unknown,
  container: YEntity,
  path: string,
  problems: Problem[],
): id is string {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) {
    // The first issue says it all ("must not be empty" makes "only letters…" noise).
    problems.push({ path, message: parsed.error.issues[0]?.message ?? 'must be an id' });
    return false;
  }
  if (RESERVED_IDS.has(parsed.data)) {
    problems.push({ path, message: `“${parsed.data}” is reserved` });
    return false;
  }
  if (container.has(parsed.data)) {
    problems.push({ path, message: `“${parsed.data}” is already used` });
    return false;
  }
  return true;
}

/**
 * Writes only the keys whose value changes, so an unchanged field never overwrites a
 * collaborator's concurrent edit of it; `undefined` deletes the key.
 */
export function writeFields(entity: YEntity, values: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) {
      if (entity.has(key)) entity.delete(key);
    } else if (!entity.has(key) || !Object.is(entity.get(key), value)) {
      entity.set(key, value);
    }
  }
}

/** A new (not yet integrated) Y.Map holding the defined fields of a plain entity. */
export function toYMap(values: Readonly<Record<string, unknown>>): YEntity {
  const entity = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) entity.set(key, value);
  }
  return entity;
}

/** One field of an entity as stored (unchecked); the key is checked against the model type. */
export function field<T>(entity: YEntity, key: keyof T & string): unknown {
  return entity.get(key);
}

/** The highest `order` among the states, ignoring garbage; -1 when there are none. */
export function lastOrder(doc: Y.Doc): number {
  let max = -1;
  statesMap(doc).forEach((value) => {
    const state = asYMap(value);
    const order = state ? field<MapState>(state, 'order') : undefined;
    if (typeof order === 'number' && Number.isFinite(order) && order > max) max = order;
  });
  return max;
}
