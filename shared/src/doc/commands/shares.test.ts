import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { computeStateMetrics } from '../../metrics/stateMetrics.ts';
import { ORIGINS } from '../origins.ts';
import {
  expectRefused,
  freshMap,
  makeStage,
  paths,
  readClean,
  recordTransactions,
} from '../test-helpers.ts';
import { createUndoManager } from '../undo.ts';
import { connect } from './edges.ts';
import { addNode } from './nodes.ts';
import { setRouteMode, setRouteShare } from './shares.ts';

/** start → review, which sends changes to cab (standard) or straight to release (emergency). */
function split() {
  const { doc, stateId } = freshMap();
  addNode(doc, stateId, { id: 'start', type: 'start', x: 0, y: 0, name: 'Commit' });
  addNode(doc, stateId, makeStage({ id: 'review', pctCA: 100 }));
  addNode(doc, stateId, makeStage({ id: 'cab', pctCA: 50 }));
  addNode(doc, stateId, makeStage({ id: 'release', pctCA: 100 }));
  addNode(doc, stateId, { id: 'end', type: 'end', x: 0, y: 0, name: 'Production' });
  addNode(doc, stateId, { id: 'k', type: 'kaizen', x: 0, y: 0, name: 'Idea' });
  for (const [source, target] of [
    ['start', 'review'],
    ['review', 'cab'],
    ['review', 'release'],
    ['cab', 'release'],
    ['release', 'end'],
    ['k', 'review'],
  ]) {
    connect(doc, stateId, {
      source: source as string,
      target: target as string,
      id: `${source}-${target}`,
    });
  }
  return { doc, stateId };
}

function shares(doc: Y.Doc, stateId: string): Record<string, number | undefined> {
  const edges = readClean(doc).states[stateId]?.edges ?? {};
  return Object.fromEntries(Object.values(edges).map((e) => [e.id, e.share]));
}

function rolledPctCA(doc: Y.Doc, stateId: string): number {
  const map = readClean(doc);
  const state = map.states[stateId];
  if (!state) throw new Error('no state');
  return computeStateMetrics(state, map.meta).rolledPctCA ?? Number.NaN;
}

describe('setRouteMode', () => {
  it('makes a split either/or with equal shares, and parallel again, one transaction each', () => {
    const { doc, stateId } = split();
    // Parallel: every item passes cab (50 %).
    expect(rolledPctCA(doc, stateId)).toBeCloseTo(0.5, 9);
    const seen = recordTransactions(doc);
    setRouteMode(doc, stateId, 'review', 'either-or');
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    expect(shares(doc, stateId)).toMatchObject({ 'review-cab': 0.5, 'review-release': 0.5 });
    // Half the items skip cab: 0.5 × 0.5 + 0.5 × 1.
    expect(rolledPctCA(doc, stateId)).toBeCloseTo(0.75, 9);
    setRouteMode(doc, stateId, 'review', 'parallel');
    expect(shares(doc, stateId)).toMatchObject({
      'review-cab': undefined,
      'review-release': undefined,
    });
    expect(rolledPctCA(doc, stateId)).toBeCloseTo(0.5, 9);
  });

  it('refuses either/or with fewer than two arrows (a kaizen link is not one), and an unknown node', () => {
    const { doc, stateId } = split();
    expect(paths(expectRefused(doc, () => setRouteMode(doc, stateId, 'cab', 'either-or')))).toEqual(
      ['nodeId'],
    );
    expect(paths(expectRefused(doc, () => setRouteMode(doc, stateId, 'k', 'either-or')))).toEqual([
      'nodeId',
    ]);
    expect(paths(expectRefused(doc, () => setRouteMode(doc, stateId, 'zz', 'parallel')))).toEqual([
      'nodeId',
    ]);
    connect(doc, stateId, { source: 'k', target: 'cab', id: 'k-cab' });
    expect(
      expectRefused(doc, () => setRouteMode(doc, stateId, 'k', 'either-or')).map((p) => p.message),
    ).toEqual(['only a step of the flow has routes']);
    expect(paths(expectRefused(doc, () => setRouteShare(doc, stateId, 'k-cab', 0.5)))).toEqual([
      'share',
    ]);
  });
});

describe('setRouteShare', () => {
  it('adjusts the other arrows so the split adds up, one undo step', () => {
    const { doc, stateId } = split();
    setRouteMode(doc, stateId, 'review', 'either-or');
    const undo = createUndoManager(doc);
    setRouteShare(doc, stateId, 'review-cab', 0.8);
    expect(shares(doc, stateId)).toMatchObject({ 'review-cab': 0.8, 'review-release': 0.2 });
    // 80 % pass cab (50 %), 20 % do not: 0.8 × 0.5 + 0.2 = 0.6.
    expect(rolledPctCA(doc, stateId)).toBeCloseTo(0.6, 9);
    undo.undo();
    expect(shares(doc, stateId)).toMatchObject({ 'review-cab': 0.5, 'review-release': 0.5 });
  });

  it('makes a parallel split either/or when one of its arrows gets a share', () => {
    const { doc, stateId } = split();
    setRouteShare(doc, stateId, 'review-release', 0.25);
    expect(shares(doc, stateId)).toMatchObject({ 'review-cab': 0.75, 'review-release': 0.25 });
  });

  it('takes the share as given on an arrow alone out of its step, and clears one share', () => {
    const { doc, stateId } = split();
    setRouteShare(doc, stateId, 'cab-release', 0.4);
    expect(shares(doc, stateId)['cab-release']).toBe(0.4);
    setRouteShare(doc, stateId, 'cab-release', undefined);
    expect(shares(doc, stateId)['cab-release']).toBeUndefined();
  });

  it('refuses a share outside 0–1, a rework arrow and an unknown arrow, writing nothing', () => {
    const { doc, stateId } = split();
    connect(doc, stateId, { source: 'cab', target: 'review', kind: 'rework', id: 'back' });
    expect(paths(expectRefused(doc, () => setRouteShare(doc, stateId, 'review-cab', 1.5)))).toEqual(
      ['share'],
    );
    expect(paths(expectRefused(doc, () => setRouteShare(doc, stateId, 'back', 0.5)))).toEqual([
      'share',
    ]);
    expect(paths(expectRefused(doc, () => setRouteShare(doc, stateId, 'zz', 0.5)))).toEqual([
      'edgeId',
    ]);
  });
});
