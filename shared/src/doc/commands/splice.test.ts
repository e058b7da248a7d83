import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeStateMetrics } from '../../metrics/stateMetrics.ts';
import type { MapEdge, NodeType } from '../../model/types.ts';
import { ORIGINS } from '../origins.ts';
import {
  expectRefused,
  freshMap,
  makeStage,
  paths,
  readClean,
  recordTransactions,
  sync,
} from '../test-helpers.ts';
import { createUndoManager } from '../undo.ts';
import { connect, updateEdge } from './edges.ts';
import { addNode, updateNode } from './nodes.ts';
import { insertQueueOnEdge, removeNodesReconnecting } from './splice.ts';

/** start → a → b → c → end on one row, 100/200/300 minutes, each edge named "x-y". */
function chain(extra: (doc: Y.Doc, stateId: string) => void = () => {}) {
  const { doc, stateId } = freshMap();
  const node = (id: string, type: NodeType, x: number, lt = 0) =>
    addNode(
      doc,
      stateId,
      type === 'stage'
        ? makeStage({ id, name: id.toUpperCase(), x, elapsedMinutes: lt, valueAddMinutes: 10 })
        : { id, type, x, y: 0, name: id },
    );
  node('start', 'start', 0);
  node('a', 'stage', 260, 100);
  node('b', 'stage', 520, 200);
  node('c', 'stage', 780, 300);
  node('end', 'end', 1040);
  for (const [s, t] of [
    ['start', 'a'],
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'end'],
  ] as const) {
    connect(doc, stateId, { source: s, target: t, id: `${s}-${t}` });
  }
  extra(doc, stateId);
  return { doc, stateId };
}

function edgeList(doc: Y.Doc, stateId: string): Omit<MapEdge, 'id'>[] {
  const edges = readClean(doc).states[stateId]?.edges ?? {};
  return Object.values(edges)
    .map(({ id: _id, ...rest }) => rest)
    .sort((x, y) => `${x.source}>${x.target}`.localeCompare(`${y.source}>${y.target}`));
}

function leadTime(doc: Y.Doc, stateId: string): number {
  const map = readClean(doc);
  const state = map.states[stateId];
  if (!state) throw new Error('no state');
  return computeStateMetrics(state, map.meta).totalLeadTimeMinutes;
}

describe('insertQueueOnEdge', () => {
  it('splits a→b into a→queue→b in one local transaction, the arrow keeping its id and share', () => {
    const { doc, stateId } = chain();
    updateEdge(doc, stateId, 'a-b', { share: 1 });
    const seen = recordTransactions(doc);
    const done = insertQueueOnEdge(doc, stateId, 'a-b', { id: 'q' });
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    expect(done).toEqual({ queueId: 'q', inEdgeId: 'a-b', outEdgeId: expect.any(String) });
    const state = readClean(doc).states[stateId];
    expect(state?.nodes.q).toEqual({
      id: 'q',
      type: 'queue',
      x: 390,
      y: 0,
      name: 'Waiting for B',
    });
    expect(state?.edges['a-b']).toEqual({
      id: 'a-b',
      source: 'a',
      target: 'q',
      kind: 'flow',
      share: 1,
    });
    expect(state?.edges[done.outEdgeId]).toEqual({
      id: done.outEdgeId,
      source: 'q',
      target: 'b',
      kind: 'flow',
    });
  });

  it('puts the queue where it is asked, moves the nodes downstream, and its wait counts', () => {
    const { doc, stateId } = chain();
    expect(leadTime(doc, stateId)).toBe(600);
    insertQueueOnEdge(doc, stateId, 'b-c', {
      id: 'q',
      name: 'Waiting for security',
      x: 700,
      y: 20,
      moves: [
        { id: 'c', x: 900, y: 0 },
        { id: 'end', x: 1160, y: 0 },
      ],
    });
    const state = readClean(doc).states[stateId];
    expect(state?.nodes.q).toMatchObject({ x: 700, y: 20, name: 'Waiting for security' });
    expect([state?.nodes.c?.x, state?.nodes.end?.x]).toEqual([900, 1160]);
    updateNode(doc, stateId, 'q', { waitMinutes: 480 });
    expect(leadTime(doc, stateId)).toBe(1080);
  });

  it('is one undo step', () => {
    const { doc, stateId } = chain();
    const undo = createUndoManager(doc);
    insertQueueOnEdge(doc, stateId, 'a-b', { id: 'q' });
    undo.undo();
    const state = readClean(doc).states[stateId];
    expect(state?.nodes.q).toBeUndefined();
    expect(state?.edges['a-b']?.target).toBe('b');
    expect(Object.keys(state?.edges ?? {})).toHaveLength(4);
  });

  it('two people splitting the same arrow at once converge on one counted queue', () => {
    const { doc: ada, stateId } = chain();
    const grace = new Y.Doc();
    sync(ada, grace);
    insertQueueOnEdge(ada, stateId, 'b-c', { id: 'qa' });
    insertQueueOnEdge(grace, stateId, 'b-c', { id: 'qg' });
    updateNode(ada, stateId, 'qa', { waitMinutes: 60 });
    updateNode(grace, stateId, 'qg', { waitMinutes: 60 });
    sync(ada, grace);
    expect(Y.encodeStateAsUpdate(ada)).toEqual(Y.encodeStateAsUpdate(grace));
    // The arrow b→… ends at one of the queues (the last writer wins); the other is left with
    // only its way out, not connected, and counts for nothing: the lead time grows once.
    const map = readClean(ada);
    const state = map.states[stateId];
    if (!state) throw new Error('no state');
    const metrics = computeStateMetrics(state, map.meta);
    expect(metrics.totalLeadTimeMinutes).toBe(660);
    expect(metrics.disconnected).toHaveLength(1);
  });

  it('refuses a rework arrow, a kaizen link, an unknown arrow and a bad position, writing nothing', () => {
    const { doc, stateId } = chain((d, s) => {
      connect(d, s, { source: 'c', target: 'a', kind: 'rework', id: 'back' });
      addNode(d, s, { id: 'k', type: 'kaizen', x: 0, y: -200, name: 'Idea' });
      connect(d, s, { source: 'k', target: 'b', id: 'link' });
    });
    expect(paths(expectRefused(doc, () => insertQueueOnEdge(doc, stateId, 'back')))).toEqual([
      'edgeId',
    ]);
    expect(paths(expectRefused(doc, () => insertQueueOnEdge(doc, stateId, 'link')))).toEqual([
      'source',
    ]);
    expect(paths(expectRefused(doc, () => insertQueueOnEdge(doc, stateId, 'zz')))).toEqual([
      'edgeId',
    ]);
    expect(
      paths(expectRefused(doc, () => insertQueueOnEdge(doc, stateId, 'a-b', { x: Number.NaN }))),
    ).toEqual(['x']);
    expect(paths(expectRefused(doc, () => insertQueueOnEdge(doc, 'nope', 'a-b')))).toEqual([
      'stateId',
    ]);
  });
});

describe('removeNodesReconnecting', () => {
  it('joins the neighbours of a stage deleted from the middle, in one undo step', () => {
    const { doc, stateId } = chain();
    const undo = createUndoManager(doc);
    const seen = recordTransactions(doc);
    const removed = removeNodesReconnecting(doc, stateId, ['b']);
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    expect(removed.nodes).toEqual(['b']);
    expect(removed.edges.sort()).toEqual(['a-b', 'b-c']);
    expect(removed.reconnected).toEqual([{ id: expect.any(String), source: 'a', target: 'c' }]);
    expect(edgeList(doc, stateId)).toEqual([
      { source: 'a', target: 'c', kind: 'flow' },
      { source: 'c', target: 'end', kind: 'flow' },
      { source: 'start', target: 'a', kind: 'flow' },
    ]);
    expect(leadTime(doc, stateId)).toBe(400);
    undo.undo();
    expect(Object.keys(readClean(doc).states[stateId]?.edges ?? {}).sort()).toEqual([
      'a-b',
      'b-c',
      'c-end',
      'start-a',
    ]);
    expect(leadTime(doc, stateId)).toBe(600);
  });

  it('bypasses a queue, and several steps in a row deleted together', () => {
    const { doc, stateId } = chain();
    insertQueueOnEdge(doc, stateId, 'b-c', { id: 'q' });
    removeNodesReconnecting(doc, stateId, ['q']);
    expect(edgeList(doc, stateId)).toContainEqual({ source: 'b', target: 'c', kind: 'flow' });
    const removed = removeNodesReconnecting(doc, stateId, ['a', 'b']);
    expect(removed.reconnected.map((r) => [r.source, r.target])).toEqual([['start', 'c']]);
    expect(edgeList(doc, stateId)).toEqual([
      { source: 'c', target: 'end', kind: 'flow' },
      { source: 'start', target: 'c', kind: 'flow' },
    ]);
  });

  it('draws nothing for a start or an end, a step with no through-flow, or an existing arrow', () => {
    const { doc, stateId } = chain((d, s) => {
      addNode(d, s, makeStage({ id: 'stray', x: 0, y: 300 }));
      connect(d, s, { source: 'a', target: 'stray', id: 'a-stray' });
      connect(d, s, { source: 'a', target: 'c', id: 'a-c' });
    });
    expect(removeNodesReconnecting(doc, stateId, ['start']).reconnected).toEqual([]);
    expect(removeNodesReconnecting(doc, stateId, ['end']).reconnected).toEqual([]);
    expect(removeNodesReconnecting(doc, stateId, ['stray']).reconnected).toEqual([]);
    expect(removeNodesReconnecting(doc, stateId, ['b']).reconnected).toEqual([]);
    expect(edgeList(doc, stateId)).toEqual([{ source: 'a', target: 'c', kind: 'flow' }]);
  });

  it("keeps shares: a new arrow takes p's share, an existing one adds it, a split multiplies", () => {
    const { doc, stateId } = chain((d, s) => {
      // a sends 70 % to b and 30 % straight to c; b splits 60/40 between c and x.
      addNode(d, s, makeStage({ id: 'x', x: 780, y: 300 }));
      connect(d, s, { source: 'a', target: 'c', id: 'a-c' });
      connect(d, s, { source: 'b', target: 'x', id: 'b-x' });
      connect(d, s, { source: 'x', target: 'end', id: 'x-end' });
      updateEdge(d, s, 'a-b', { share: 0.7 });
      updateEdge(d, s, 'a-c', { share: 0.3 });
      updateEdge(d, s, 'b-c', { share: 0.6 });
      updateEdge(d, s, 'b-x', { share: 0.4 });
    });
    const removed = removeNodesReconnecting(doc, stateId, ['b']);
    expect(removed.reconnected.map((r) => [r.source, r.target])).toEqual([['a', 'x']]);
    const out = edgeList(doc, stateId).filter((e) => e.source === 'a');
    expect(out).toEqual([
      { source: 'a', target: 'c', kind: 'flow', share: 0.72 },
      { source: 'a', target: 'x', kind: 'flow', share: 0.28 },
    ]);
  });

  it('joins neither a kaizen link nor a rework arrow, and removes them with the stage', () => {
    const { doc, stateId } = chain((d, s) => {
      connect(d, s, { source: 'c', target: 'b', kind: 'rework', id: 'back' });
      addNode(d, s, { id: 'k', type: 'kaizen', x: 0, y: -200, name: 'Idea' });
      connect(d, s, { source: 'k', target: 'b', id: 'link' });
    });
    const removed = removeNodesReconnecting(doc, stateId, ['b']);
    expect(removed.edges.sort()).toEqual(['a-b', 'b-c', 'back', 'link']);
    expect(removed.reconnected.map((r) => [r.source, r.target])).toEqual([['a', 'c']]);
  });

  it('skips ids already gone and refuses an unknown state, writing nothing', () => {
    const { doc, stateId } = chain();
    expect(removeNodesReconnecting(doc, stateId, ['gone'])).toEqual({
      nodes: [],
      edges: [],
      reconnected: [],
    });
    expect(paths(expectRefused(doc, () => removeNodesReconnecting(doc, 'nope', ['a'])))).toEqual([
      'stateId',
    ]);
  });
});
