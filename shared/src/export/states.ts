// Which states an export draws and in what order, picked the same way by the server, the CLI and
// the client: states in the workshop's order, the first current state as the default picture,
// and each future state compared with the state it was designed from.
import type { FlowMap, MapState } from '../model/types.ts';

function byOrder(a: MapState, b: MapState): number {
  const order = (s: MapState) =>
    typeof s.order === 'number' && Number.isFinite(s.order) ? s.order : 0;
  return order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every state of the map, in tab order (order, then id). */
export function sortedStates(map: FlowMap): MapState[] {
  return Object.values(map.states).sort(byOrder);
}

/** The state a single-picture export shows when none is asked for: the first current state. */
export function defaultState(map: FlowMap): MapState | null {
  const states = sortedStates(map);
  return states.find((s) => s.kind === 'current') ?? states[0] ?? null;
}

export function stateById(map: FlowMap, id: string): MapState | null {
  return Object.hasOwn(map.states, id) ? (map.states[id] ?? null) : null;
}

export type StateLookup =
  | { ok: true; state: MapState }
  | { ok: false; message: string; states: MapState[] };

/** "current (Current state), future (Future state)": what a person can pick from. */
export function describeStates(states: readonly MapState[]): string {
  return states.length === 0
    ? 'the map has no states'
    : states.map((s) => `${s.id} (${s.name})`).join(', ');
}

/**
 * A state by id, else by name (exactly, then ignoring case), for people who type the name they
 * see on the tab. A name two states share is refused rather than guessed.
 */
export function findState(map: FlowMap, query: string): StateLookup {
  const states = sortedStates(map);
  const byId = stateById(map, query);
  if (byId) return { ok: true, state: byId };
  for (const same of [
    (s: MapState) => s.name === query,
    (s: MapState) => s.name.trim().toLowerCase() === query.trim().toLowerCase(),
  ]) {
    const found = states.filter(same);
    if (found.length === 1 && found[0]) return { ok: true, state: found[0] };
    if (found.length > 1) {
      return {
        ok: false,
        message: `${found.length} states are named “${query}”; use an id: ${describeStates(found)}`,
        states,
      };
    }
  }
  return {
    ok: false,
    message: `no state “${query}” in this map; states: ${describeStates(states)}`,
    states,
  };
}

export interface StatePair {
  before: MapState;
  after: MapState;
}

/**
 * The comparisons an export shows: each future state against the state it is based on, or
 * against the first current state when it names none (or one that no longer exists).
 */
export function comparisonPairs(map: FlowMap): StatePair[] {
  const states = sortedStates(map);
  const firstCurrent = states.find((s) => s.kind === 'current') ?? null;
  const pairs: StatePair[] = [];
  for (const after of states) {
    if (after.kind !== 'future') continue;
    const named =
      typeof after.basedOn === 'string' && after.basedOn !== after.id
        ? stateById(map, after.basedOn)
        : null;
    const before = named ?? firstCurrent;
    if (before && before.id !== after.id) pairs.push({ before, after });
  }
  return pairs;
}
