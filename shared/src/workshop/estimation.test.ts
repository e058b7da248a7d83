import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, MapState } from '../model/types.ts';
import { acceptedPatch, answerStats, downstreamStage, promptFor, raterOf } from './estimation.ts';
import type { EstimationRound } from './types.ts';

const stage = (id: string, name: string, team?: string): MapNode => ({
  id,
  type: 'stage',
  x: 0,
  y: 0,
  name,
  ...(team ? { team } : {}),
});
const flow = (source: string, target: string): MapEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  kind: 'flow',
});

/** build → manual QA → (queue) → security → deploy */
const state: MapState = {
  id: 's',
  name: 'Current',
  kind: 'current',
  order: 0,
  nodes: {
    build: stage('build', 'Build', 'Dev'),
    qa: stage('qa', 'Manual QA', 'QA'),
    q: { id: 'q', type: 'queue', x: 0, y: 0, name: 'Waiting' },
    sec: stage('sec', 'Security', 'AppSec'),
    deploy: stage('deploy', 'Deploy'),
  },
  edges: {
    a: flow('build', 'qa'),
    b: flow('qa', 'q'),
    c: flow('q', 'sec'),
    d: flow('sec', 'deploy'),
    r: { id: 'r', source: 'sec', target: 'build', kind: 'rework' },
  },
};

const round = (
  field: EstimationRound['field'],
  answers: Record<string, Record<string, number>>,
): EstimationRound => ({
  id: 'r1',
  stateId: 's',
  field,
  stageIds: ['qa'],
  named: true,
  revealed: true,
  closed: false,
  openedAt: 0,
  answers,
  accepted: {},
});

describe('answerStats', () => {
  it('gives min, median and max, and flags a spread above 3×', () => {
    expect(answerStats([240, 60, 120])).toEqual({
      count: 3,
      min: 60,
      median: 120,
      max: 240,
      spread: 4,
      wideSpread: true,
    });
    const even = answerStats([100, 300, 200, 250]);
    expect(even?.median).toBe(225);
    expect(even?.wideSpread).toBe(false); // exactly 3× is not above 3×
    expect(answerStats([0, 5])?.wideSpread).toBe(true);
    expect(answerStats([])).toBeNull();
  });
});

describe('downstream %C/A', () => {
  it('addresses the team of the next stage, passing through queues, never the stage itself', () => {
    expect(downstreamStage(state, 'qa')?.id).toBe('sec');
    expect(raterOf(state, 'qa')).toBe('AppSec');
    expect(raterOf(state, 'sec')).toBe('Deploy'); // no team: the stage's name
    expect(raterOf(state, 'deploy')).toBeNull();
    expect(promptFor(state, 'pctCA', 'qa')).toBe(
      'AppSec: what share of what you receive from Manual QA is usable as is?',
    );
  });

  it('accepting a %C/A records who rated it', () => {
    expect(acceptedPatch(state, round('pctCA', {}), 'qa', 70)).toEqual({
      pctCA: 70,
      ratedBy: 'AppSec',
    });
  });
});

describe('acceptedPatch for lead time', () => {
  it('turns low and high into the three-point range and marks an estimate', () => {
    const r = round('elapsedMinutes', { p1: { qa: 60 }, p2: { qa: 480 }, p3: { qa: 120 } });
    expect(acceptedPatch(state, r, 'qa', 120)).toEqual({
      elapsedMinutes: 120,
      elapsedLowMinutes: 60,
      elapsedHighMinutes: 480,
      timeSource: 'estimate',
    });
    // A typed value outside the answers widens the range so low ≤ LT ≤ high holds.
    expect(acceptedPatch(state, r, 'qa', 600).elapsedHighMinutes).toBe(600);
  });
});
