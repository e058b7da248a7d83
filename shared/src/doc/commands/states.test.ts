import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../../model/schema.ts';
import { softwareDeliveryTemplate } from '../../model/templates.ts';
import { createMapDoc } from '../create.ts';
import { readMap, readState } from '../read.ts';
import { expectRefused, freshMap, makeStage, paths, readClean } from '../test-helpers.ts';
import { connect } from './edges.ts';
import { addNode, removeNodes, updateNode } from './nodes.ts';
import {
  addState,
  cloneStateAsFuture,
  removeState,
  renameState,
  reorderStates,
  updateDora,
  updateState,
} from './states.ts';

function orderOf(doc: Y.Doc): string[] {
  return Object.values(readClean(doc).states)
    .sort((a, b) => a.order - b.order)
    .map((s) => s.id);
}

describe('addState', () => {
  it('adds an empty state after the last one', () => {
    const { doc, stateId } = freshMap();
    const id = addState(doc, { name: 'Future', kind: 'future', basedOn: stateId });
    expect(readClean(doc).states[id]).toEqual({
      id,
      name: 'Future',
      kind: 'future',
      order: 1,
      basedOn: stateId,
      nodes: {},
      edges: {},
    });
    const again = addState(doc, { name: 'Another', kind: 'current', id: 'another' });
    expect(again).toBe('another');
    expect(readClean(doc).states.another?.order).toBe(2);
  });

  it('refuses an empty name, an unknown kind, a missing basedOn and a taken id', () => {
    const { doc, stateId } = freshMap();
    expect(paths(expectRefused(doc, () => addState(doc, { name: '', kind: 'future' })))).toEqual([
      'name',
    ]);
    expect(
      paths(expectRefused(doc, () => addState(doc, { name: 'x', kind: 'past' as never }))),
    ).toEqual(['kind']);
    expect(
      paths(expectRefused(doc, () => addState(doc, { name: 'x', kind: 'future', basedOn: 'zz' }))),
    ).toEqual(['basedOn']);
    expect(
      paths(expectRefused(doc, () => addState(doc, { name: 'x', kind: 'future', id: stateId }))),
    ).toEqual(['id']);
  });

  it('refuses more than the state limit', () => {
    const { doc } = freshMap();
    for (let i = 1; i < LIMITS.statesPerMap; i++) addState(doc, { name: `S${i}`, kind: 'future' });
    expect(paths(expectRefused(doc, () => addState(doc, { name: 'x', kind: 'future' })))).toEqual([
      'states',
    ]);
  });
});

describe('renameState and updateState', () => {
  it('renames, changes kind and clears basedOn', () => {
    const { doc, stateId } = freshMap();
    const id = addState(doc, { name: 'F', kind: 'future', basedOn: stateId });
    renameState(doc, id, 'Future (Q3)');
    updateState(doc, id, { kind: 'current', basedOn: undefined });
    expect(readClean(doc).states[id]).toMatchObject({ name: 'Future (Q3)', kind: 'current' });
    expect(readClean(doc).states[id]).not.toHaveProperty('basedOn');
  });

  it('refuses an empty name, self-reference, id and order changes, and an unknown state', () => {
    const { doc, stateId } = freshMap();
    expect(paths(expectRefused(doc, () => renameState(doc, stateId, '')))).toEqual(['name']);
    expect(paths(expectRefused(doc, () => renameState(doc, 'zz', 'x')))).toEqual(['stateId']);
    expect(
      paths(expectRefused(doc, () => updateState(doc, stateId, { basedOn: stateId }))),
    ).toEqual(['basedOn']);
    expect(
      paths(expectRefused(doc, () => updateState(doc, stateId, { order: 3 } as never))),
    ).toEqual(['order']);
    expect(
      paths(expectRefused(doc, () => updateState(doc, stateId, { id: 'x' } as never))),
    ).toEqual(['id']);
  });
});

describe('removeState', () => {
  it('removes a state and clears basedOn of the states pointing at it', () => {
    const { doc, stateId } = freshMap();
    const future = cloneStateAsFuture(doc, stateId);
    const other = addState(doc, { name: 'Other', kind: 'future' });
    removeState(doc, stateId);
    const map = readClean(doc);
    expect(Object.keys(map.states).sort()).toEqual([future, other].sort());
    expect(map.states[future]).not.toHaveProperty('basedOn');
  });

  it('refuses to remove the last state, and an unknown state', () => {
    const { doc, stateId } = freshMap();
    expect(expectRefused(doc, () => removeState(doc, stateId))).toEqual([
      { path: 'stateId', message: 'a map needs at least one state' },
    ]);
    expect(paths(expectRefused(doc, () => removeState(doc, 'zz')))).toEqual(['stateId']);
  });
});

describe('reorderStates', () => {
  it('puts the listed states first in that order, the others after in their previous order', () => {
    const { doc, stateId } = freshMap();
    const b = addState(doc, { name: 'B', kind: 'future', id: 'b' });
    const c = addState(doc, { name: 'C', kind: 'future', id: 'c' });
    reorderStates(doc, [c, stateId, b]);
    expect(orderOf(doc)).toEqual([c, stateId, b]);
    reorderStates(doc, [b]);
    expect(orderOf(doc)).toEqual([b, c, stateId]);
    expect(
      Object.values(readClean(doc).states)
        .map((s) => s.order)
        .sort(),
    ).toEqual([0, 1, 2]);
  });

  it('refuses unknown and repeated ids', () => {
    const { doc, stateId } = freshMap();
    expect(paths(expectRefused(doc, () => reorderStates(doc, ['zz', stateId, stateId])))).toEqual([
      'orderedIds.0',
      'orderedIds.2',
    ]);
  });
});

describe('cloneStateAsFuture', () => {
  it('deep-copies nodes, edges and DORA inputs keeping their ids, as a future state after the last', () => {
    const doc = createMapDoc({ title: 'T', template: 'software-delivery' });
    addState(doc, { name: 'Middle', kind: 'future', id: 'middle' });
    const id = cloneStateAsFuture(doc, 'current', { name: 'Future (6 months)' });
    const map = readClean(doc);
    const source = softwareDeliveryTemplate().states.current;
    expect(map.states[id]).toEqual({
      ...source,
      id,
      name: 'Future (6 months)',
      kind: 'future',
      order: 2,
      basedOn: 'current',
    });
    expect(Object.keys(map.states[id]?.nodes ?? {})).toContain('manual-tests');
  });

  it('is independent of its source afterwards, both ways', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'a', name: 'A' }));
    addNode(doc, stateId, makeStage({ id: 'b', name: 'B' }));
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' });
    updateDora(doc, stateId, { deploymentsPerWeek: 1 });
    const future = cloneStateAsFuture(doc, stateId);
    const before = readClean(doc).states[stateId];

    updateNode(doc, future, 'a', { name: 'A automated', elapsedMinutes: 60, valueAddMinutes: 30 });
    removeNodes(doc, future, ['b']);
    updateDora(doc, future, { deploymentsPerWeek: 10 });
    expect(readClean(doc).states[stateId]).toEqual(before);

    updateNode(doc, stateId, 'a', { name: 'A renamed' });
    const clone = readClean(doc).states[future];
    expect(clone?.nodes.a?.name).toBe('A automated');
    expect(clone?.dora).toEqual({ deploymentsPerWeek: 10 });
    expect(Object.keys(clone?.edges ?? {})).toEqual([]);
    expect(clone?.name).toBe('Future state');
  });

  it('copies only what reads as valid from a damaged source', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'good' }));
    const nodes = (doc.getMap('states').get(stateId) as Y.Map<unknown>).get(
      'nodes',
    ) as Y.Map<unknown>;
    nodes.set('junk', new Y.Text('not a node'));
    const future = cloneStateAsFuture(doc, stateId);
    expect(readState(doc, future)).toEqual({
      state: expect.objectContaining({ nodes: { good: expect.objectContaining({ id: 'good' }) } }),
      problems: [],
    });
  });

  it('refuses an unknown state, an empty name and a taken id', () => {
    const { doc, stateId } = freshMap();
    expect(paths(expectRefused(doc, () => cloneStateAsFuture(doc, 'zz')))).toEqual(['stateId']);
    expect(paths(expectRefused(doc, () => cloneStateAsFuture(doc, stateId, { name: '' })))).toEqual(
      ['name'],
    );
    expect(
      paths(expectRefused(doc, () => cloneStateAsFuture(doc, stateId, { id: stateId }))),
    ).toEqual(['id']);
  });
});

describe('updateDora', () => {
  it('creates the DORA map on first use, updates and clears keys', () => {
    const { doc, stateId } = freshMap();
    updateDora(doc, stateId, { timeToRestoreMinutes: undefined });
    expect(readClean(doc).states[stateId]).not.toHaveProperty('dora');
    updateDora(doc, stateId, { deploymentsPerWeek: 2, changeFailureRate: 0.25 });
    const dora = (doc.getMap('states').get(stateId) as Y.Map<unknown>).get('dora');
    expect(dora).toBeInstanceOf(Y.Map);
    updateDora(doc, stateId, { changeFailureRate: undefined, timeToRestoreMinutes: 90 });
    expect(readClean(doc).states[stateId]?.dora).toEqual({
      deploymentsPerWeek: 2,
      timeToRestoreMinutes: 90,
    });
  });

  it('replaces a DORA value that is not a Y.Map', () => {
    const { doc, stateId } = freshMap();
    (doc.getMap('states').get(stateId) as Y.Map<unknown>).set('dora', 'garbage');
    expect(readMap(doc).problems).toEqual([
      { path: `states.${stateId}.dora`, message: 'must be a Y.Map, found a string' },
    ]);
    updateDora(doc, stateId, { leadTimeForChangesMinutes: 480 });
    expect(readClean(doc).states[stateId]?.dora).toEqual({ leadTimeForChangesMinutes: 480 });
  });

  it.each([
    ['a failure rate above 1', { changeFailureRate: 1.5 }, 'changeFailureRate'],
    ['negative deployments', { deploymentsPerWeek: -1 }, 'deploymentsPerWeek'],
    ['NaN minutes', { timeToRestoreMinutes: Number.NaN }, 'timeToRestoreMinutes'],
    ['an unknown field', { mttr: 3 } as never, 'mttr'],
  ])('refuses %s, writing nothing', (_, patch, field) => {
    const { doc, stateId } = freshMap();
    expect(paths(expectRefused(doc, () => updateDora(doc, stateId, patch)))).toEqual([field]);
  });

  it('refuses an unknown state', () => {
    const { doc } = freshMap();
    expect(
      paths(expectRefused(doc, () => updateDora(doc, 'zz', { deploymentsPerWeek: 1 }))),
    ).toEqual(['stateId']);
  });
});
