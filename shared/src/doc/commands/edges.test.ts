import { describe, expect, it } from 'vitest';
import { ORIGINS } from '../origins.ts';
import {
  expectRefused,
  freshMap,
  makeStage,
  paths,
  readClean,
  recordTransactions,
} from '../test-helpers.ts';
import { connect, removeEdges, setEdgeKind, updateEdge } from './edges.ts';
import { addNode } from './nodes.ts';

function threeStages() {
  const { doc, stateId } = freshMap();
  for (const id of ['a', 'b', 'c']) addNode(doc, stateId, makeStage({ id }));
  return { doc, stateId };
}

describe('connect', () => {
  it('adds a flow edge by default and returns its id', () => {
    const { doc, stateId } = threeStages();
    const id = connect(doc, stateId, { source: 'a', target: 'b' });
    expect(id).toMatch(/^e_[A-Za-z0-9]{14}$/);
    expect(readClean(doc).states[stateId]?.edges).toEqual({
      [id]: { id, source: 'a', target: 'b', kind: 'flow' },
    });
  });

  it('adds a rework edge with a requested id, and allows a flow and a rework edge in parallel', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'b', target: 'a', id: 'ba' });
    connect(doc, stateId, { source: 'b', target: 'a', kind: 'rework', id: 'back' });
    expect(readClean(doc).states[stateId]?.edges.back).toEqual({
      id: 'back',
      source: 'b',
      target: 'a',
      kind: 'rework',
    });
  });

  it.each([
    ['a missing source', { source: 'zz', target: 'b' }, ['source']],
    ['a missing target', { source: 'a', target: 'zz' }, ['target']],
    ['a self-loop', { source: 'a', target: 'a' }, ['target']],
    ['an unknown kind', { source: 'a', target: 'b', kind: 'dotted' as never }, ['kind']],
    ['a bad id', { source: 'a', target: 'b', id: '' }, ['id']],
  ])('refuses %s, writing nothing', (_, input, expected) => {
    const { doc, stateId } = threeStages();
    expect(paths(expectRefused(doc, () => connect(doc, stateId, input)))).toEqual(expected);
  });

  it('refuses a duplicate edge of the same kind and an unknown state', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' });
    expect(expectRefused(doc, () => connect(doc, stateId, { source: 'a', target: 'b' }))).toEqual([
      { path: 'target', message: 'these nodes are already joined by a flow edge' },
    ]);
    expect(
      paths(
        expectRefused(doc, () => connect(doc, stateId, { source: 'b', target: 'c', id: 'ab' })),
      ),
    ).toEqual(['id']);
    expect(
      paths(expectRefused(doc, () => connect(doc, 'nope', { source: 'a', target: 'b' }))),
    ).toEqual(['stateId']);
  });
});

describe('setEdgeKind', () => {
  it('turns a flow edge into a rework edge in one local transaction', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'b', target: 'a', id: 'ba' });
    const seen = recordTransactions(doc);
    setEdgeKind(doc, stateId, 'ba', 'rework');
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    expect(readClean(doc).states[stateId]?.edges.ba?.kind).toBe('rework');
  });

  it('refuses an unknown edge or kind, and a change that would duplicate an edge', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'a', target: 'b', id: 'f' });
    connect(doc, stateId, { source: 'a', target: 'b', kind: 'rework', id: 'r' });
    expect(paths(expectRefused(doc, () => setEdgeKind(doc, stateId, 'zz', 'flow')))).toEqual([
      'edgeId',
    ]);
    expect(
      paths(expectRefused(doc, () => setEdgeKind(doc, stateId, 'f', 'curly' as never))),
    ).toEqual(['kind']);
    expect(paths(expectRefused(doc, () => setEdgeKind(doc, stateId, 'r', 'flow')))).toEqual([
      'kind',
    ]);
    expect(paths(expectRefused(doc, () => setEdgeKind(doc, 'nope', 'f', 'flow')))).toEqual([
      'stateId',
    ]);
  });
});

describe('updateEdge', () => {
  it("sets a rework arrow's rate and a flow arrow's share, clears them, and drops them with the kind", () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'a', target: 'b', id: 'f' });
    connect(doc, stateId, { source: 'c', target: 'a', kind: 'rework', id: 'r' });
    updateEdge(doc, stateId, 'r', { rate: 0.2 });
    updateEdge(doc, stateId, 'f', { share: 0.8 });
    expect(readClean(doc).states[stateId]?.edges).toMatchObject({
      f: { kind: 'flow', share: 0.8 },
      r: { kind: 'rework', rate: 0.2 },
    });
    updateEdge(doc, stateId, 'r', { rate: undefined });
    expect(readClean(doc).states[stateId]?.edges.r).toEqual({
      id: 'r',
      source: 'c',
      target: 'a',
      kind: 'rework',
    });
    setEdgeKind(doc, stateId, 'f', 'rework');
    expect(readClean(doc).states[stateId]?.edges.f).not.toHaveProperty('share');
  });

  it('refuses a rate of 1, a rate on a flow arrow and a share on a rework arrow', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'a', target: 'b', id: 'f' });
    connect(doc, stateId, { source: 'c', target: 'a', kind: 'rework', id: 'r' });
    expect(paths(expectRefused(doc, () => updateEdge(doc, stateId, 'r', { rate: 1 })))).toEqual([
      'rate',
    ]);
    expect(paths(expectRefused(doc, () => updateEdge(doc, stateId, 'f', { rate: 0.1 })))).toEqual([
      'rate',
    ]);
    expect(paths(expectRefused(doc, () => updateEdge(doc, stateId, 'r', { share: 0.5 })))).toEqual([
      'share',
    ]);
  });
});

describe('removeEdges', () => {
  it('removes the listed edges, skipping ids already gone, and keeps the nodes', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' });
    connect(doc, stateId, { source: 'b', target: 'c', id: 'bc' });
    expect(removeEdges(doc, stateId, ['ab', 'gone', 'ab'])).toEqual(['ab']);
    const state = readClean(doc).states[stateId];
    expect(Object.keys(state?.edges ?? {})).toEqual(['bc']);
    expect(Object.keys(state?.nodes ?? {})).toEqual(['a', 'b', 'c']);
  });

  it('refuses an unknown state, writing nothing', () => {
    const { doc, stateId } = threeStages();
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' });
    expect(paths(expectRefused(doc, () => removeEdges(doc, 'nope', ['ab'])))).toEqual(['stateId']);
  });
});
