// Commands on the states of a map: the current state, the future states designed from it, and
// their DORA inputs. A map always keeps at least one state.
import type * as Y from 'yjs';
import { LIMITS, validateDoraPatch, validateStatePatch } from '../../model/schema.ts';
import type { DoraInputs, MapState, Problem, StateKind } from '../../model/types.ts';
import {
  assertNoProblems,
  asYMap,
  checkNewId,
  field,
  findState,
  lastOrder,
  type StateHandle,
  statesMap,
  toYMap,
  writeFields,
  type YEntity,
} from '../access.ts';
import { emptyStateToYMap, type StateHeader, stateToYMap } from '../build.ts';
import { newId } from '../ids.ts';
import { STATE_CHILDREN } from '../keys.ts';
import { ORIGINS, type Origin } from '../origins.ts';
import { readState } from '../read.ts';

export interface StateInput {
  name: string;
  kind: StateKind;
  basedOn?: string | undefined;
  id?: string | undefined;
}

/** `undefined` for `basedOn` clears it. Order changes go through `reorderStates`. */
export interface StatePatch {
  name?: string | undefined;
  kind?: StateKind | undefined;
  basedOn?: string | undefined;
}

export type DoraPatch = { [K in keyof DoraInputs]?: DoraInputs[K] | undefined };

function checkRoomForState(doc: Y.Doc, problems: Problem[]): void {
  if (statesMap(doc).size >= LIMITS.statesPerMap) {
    problems.push({ path: 'states', message: `a map holds at most ${LIMITS.statesPerMap} states` });
  }
}

function checkBasedOn(doc: Y.Doc, basedOn: unknown, self: string | undefined, problems: Problem[]) {
  if (basedOn === undefined || typeof basedOn !== 'string') return;
  if (basedOn === self)
    problems.push({ path: 'basedOn', message: 'a state cannot be based on itself' });
  else if (!asYMap(statesMap(doc).get(basedOn))) {
    problems.push({ path: 'basedOn', message: `there is no state “${basedOn}”` });
  }
}

/** Adds an empty state after the last one and returns its id. */
export function addState(doc: Y.Doc, input: StateInput, origin: Origin = ORIGINS.local): string {
  const problems: Problem[] = [];
  const id = input.id ?? newId('s');
  const values = { name: input.name, kind: input.kind, basedOn: input.basedOn };
  checkNewId(id, statesMap(doc), 'id', problems);
  problems.push(...validateStatePatch(values));
  checkBasedOn(doc, input.basedOn, id, problems);
  checkRoomForState(doc, problems);
  assertNoProblems(problems);
  doc.transact(() => {
    const header: StateHeader = {
      id,
      name: input.name,
      kind: input.kind,
      order: lastOrder(doc) + 1,
    };
    if (input.basedOn !== undefined) header.basedOn = input.basedOn;
    statesMap(doc).set(id, emptyStateToYMap(header));
  }, origin);
  return id;
}

export function updateState(
  doc: Y.Doc,
  stateId: string,
  patch: StatePatch,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  for (const key of Object.keys(patch)) {
    if (key === 'id' || key === 'order') {
      problems.push({
        path: key,
        message: key === 'id' ? 'cannot be changed' : 'is changed by reordering the states',
      });
    }
  }
  problems.push(...validateStatePatch(patch as Record<string, unknown>));
  checkBasedOn(doc, patch.basedOn, stateId, problems);
  assertNoProblems(problems);
  doc.transact(() => {
    writeFields((handle as StateHandle).state, patch as Record<string, unknown>);
  }, origin);
}

export function renameState(
  doc: Y.Doc,
  stateId: string,
  name: string,
  origin: Origin = ORIGINS.local,
): void {
  updateState(doc, stateId, { name }, origin);
}

/** Removes a state; states based on it lose their `basedOn`. The last state cannot be removed. */
export function removeState(doc: Y.Doc, stateId: string, origin: Origin = ORIGINS.local): void {
  const problems: Problem[] = [];
  const states = statesMap(doc);
  if (typeof stateId !== 'string' || !states.has(stateId)) {
    problems.push({ path: 'stateId', message: `there is no state “${String(stateId)}”` });
  } else if (states.size <= 1) {
    problems.push({ path: 'stateId', message: 'a map needs at least one state' });
  }
  assertNoProblems(problems);
  doc.transact(() => {
    states.delete(stateId);
    states.forEach((value) => {
      const state = asYMap(value);
      if (state && field<MapState>(state, 'basedOn') === stateId) {
        state.delete('basedOn' satisfies keyof MapState);
      }
    });
  }, origin);
}

/**
 * Sets `order` so the listed states come first, in that order; states not listed (e.g. added by
 * a collaborator a moment ago) follow in their previous order.
 */
export function reorderStates(
  doc: Y.Doc,
  orderedIds: readonly string[],
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const states = statesMap(doc);
  const seen = new Set<string>();
  orderedIds.forEach((id, i) => {
    if (typeof id !== 'string' || !asYMap(states.get(id))) {
      problems.push({ path: `orderedIds.${i}`, message: `there is no state “${String(id)}”` });
    } else if (seen.has(id)) {
      problems.push({ path: `orderedIds.${i}`, message: `“${id}” appears twice` });
    }
    seen.add(id);
  });
  assertNoProblems(problems);
  const orderOf = (state: YEntity) => {
    const order = field<MapState>(state, 'order');
    return typeof order === 'number' && Number.isFinite(order) ? order : 0;
  };
  const rest: [string, YEntity][] = [];
  states.forEach((value, id) => {
    const state = asYMap(value);
    if (state && !seen.has(id)) rest.push([id, state]);
  });
  rest.sort(([a, sa], [b, sb]) => orderOf(sa) - orderOf(sb) || (a < b ? -1 : a > b ? 1 : 0));
  const sequence = [...orderedIds, ...rest.map(([id]) => id)];
  doc.transact(() => {
    sequence.forEach((id, order) => {
      const state = asYMap(states.get(id));
      if (state) writeFields(state, { order });
    });
  }, origin);
}

/**
 * Copies a state into a new future state after the last one. Nodes and edges keep their ids so
 * that comparisons match stages by identity; the copy is independent of the source afterwards.
 * What the source holds is copied as read (`readState`), so invalid data is not propagated.
 */
export function cloneStateAsFuture(
  doc: Y.Doc,
  stateId: string,
  options: { name?: string | undefined; id?: string | undefined } = {},
  origin: Origin = ORIGINS.local,
): string {
  const problems: Problem[] = [];
  const read = typeof stateId === 'string' ? readState(doc, stateId).state : null;
  if (!read) problems.push({ path: 'stateId', message: `there is no state “${String(stateId)}”` });
  const id = options.id ?? newId('s');
  const name = options.name ?? 'Future state';
  checkNewId(id, statesMap(doc), 'id', problems);
  problems.push(...validateStatePatch({ name }));
  checkRoomForState(doc, problems);
  assertNoProblems(problems);
  const source = read as MapState;
  doc.transact(() => {
    const order = lastOrder(doc) + 1;
    const copy: MapState = { ...source, id, name, kind: 'future', order, basedOn: stateId };
    statesMap(doc).set(id, stateToYMap(copy));
  }, origin);
  return id;
}

/** Sets DORA inputs of a state; `undefined` clears one. */
export function updateDora(
  doc: Y.Doc,
  stateId: string,
  patch: DoraPatch,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  problems.push(...validateDoraPatch(patch as Record<string, unknown>));
  assertNoProblems(problems);
  const { state } = handle as StateHandle;
  doc.transact(() => {
    const dora = asYMap(state.get(STATE_CHILDREN.dora));
    if (dora) {
      writeFields(dora, patch as Record<string, unknown>);
    } else if (Object.values(patch).some((v) => v !== undefined)) {
      // Created on first use. Two people entering the first DORA figure of a state in the same
      // instant each create a map and one map wins; anything else is a per-key merge.
      state.set(STATE_CHILDREN.dora, toYMap(patch as Record<string, unknown>));
    }
  }, origin);
}
