import { describe, expect, it } from 'vitest';
import { comparisonPairs, defaultState, findState, sortedStates } from './states.ts';
import { clone, templateWithFuture } from './testing.ts';

function threeStates() {
  const map = templateWithFuture();
  const current = map.states.current;
  if (!current) throw new Error('no current state');
  map.states.later = {
    ...clone(current),
    id: 'later',
    name: 'Later state',
    kind: 'future',
    order: 2,
    basedOn: 'future',
  };
  map.states.orphan = {
    ...clone(current),
    id: 'orphan',
    name: 'Orphan',
    kind: 'future',
    order: 3,
    basedOn: 'deleted',
  };
  return map;
}

describe('export states', () => {
  it('orders states as the tabs do and defaults to the first current state', () => {
    const map = threeStates();
    expect(sortedStates(map).map((s) => s.id)).toEqual(['current', 'future', 'later', 'orphan']);
    expect(defaultState(map)?.id).toBe('current');
    // With the current state first in order but future-only maps too.
    const onlyFuture = templateWithFuture();
    delete onlyFuture.states.current;
    expect(defaultState(onlyFuture)?.id).toBe('future');
    expect(defaultState({ ...onlyFuture, states: {} })).toBeNull();
  });

  it('finds a state by id, by name, then by name ignoring case', () => {
    const map = threeStates();
    expect(findState(map, 'future')).toMatchObject({ ok: true, state: { id: 'future' } });
    expect(findState(map, 'Later state')).toMatchObject({ ok: true, state: { id: 'later' } });
    expect(findState(map, ' later STATE ')).toMatchObject({ ok: true, state: { id: 'later' } });
    const missing = findState(map, 'Next year');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toBe(
      'no state “Next year” in this map; states: current (Current state), future (Future state), later (Later state), orphan (Orphan)',
    );
    // A prototype key is not a state.
    expect(findState(map, '__proto__').ok).toBe(false);
    expect(findState(map, 'toString').ok).toBe(false);
  });

  it('refuses a name two states share', () => {
    const map = threeStates();
    if (map.states.orphan) map.states.orphan.name = 'Later state';
    const found = findState(map, 'Later state');
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toContain('2 states are named “Later state”');
  });

  it('compares each future state with the state it is based on, else the first current one', () => {
    const pairs = comparisonPairs(threeStates()).map((p) => `${p.after.id}←${p.before.id}`);
    expect(pairs).toEqual(['future←current', 'later←future', 'orphan←current']);
  });
});
