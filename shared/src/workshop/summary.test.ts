import { describe, expect, it } from 'vitest';
import type { FlowMap } from '../model/types.ts';
import { workshopSummary } from './summary.ts';
import { EMPTY_WORKSHOP, type Workshop } from './types.ts';

const map: FlowMap = {
  meta: {
    schemaVersion: 2,
    title: 'W',
    description: '',
    hoursPerDay: 8,
    daysPerWeek: 5,
    lowPctCAThreshold: 80,
    bottleneckCount: 3,
  },
  states: {
    s: {
      id: 's',
      name: 'Current',
      kind: 'current',
      order: 0,
      nodes: {
        qa: {
          id: 'qa',
          type: 'stage',
          x: 0,
          y: 0,
          name: 'Manual tests',
          pctCA: 70,
          ratedBy: 'Security',
        },
        sec: { id: 'sec', type: 'stage', x: 1, y: 0, name: 'Security review' },
      },
      edges: {},
    },
  },
};

const workshop: Workshop = {
  ...EMPTY_WORKSHOP,
  startedAt: 1,
  participants: { a: { id: 'a', name: 'Bo', team: 'Security' }, b: { id: 'b', name: 'Ana' } },
  rounds: [
    {
      id: 'r',
      stateId: 's',
      field: 'elapsedMinutes',
      stageIds: ['qa', 'sec'],
      named: true,
      revealed: true,
      closed: true,
      openedAt: 1,
      answers: { a: { qa: 240, sec: 60 }, b: { qa: 960 } },
      accepted: { qa: 480 },
    },
    {
      id: 'r2',
      stateId: 's',
      field: 'pctCA',
      stageIds: ['qa'],
      named: false,
      revealed: true,
      closed: false,
      openedAt: 2,
      answers: { a: { qa: 70 } },
      accepted: { qa: 70 },
    },
  ],
  votes: [
    {
      id: 'v',
      stateId: 's',
      subject: 'stages',
      dots: 3,
      stackLimit: 2,
      closed: true,
      openedAt: 3,
      itemIds: ['qa', 'sec'],
      ballots: { a: { sec: 2, qa: 1 }, b: { sec: 1 } },
      candidates: {},
    },
  ],
};

describe('workshopSummary', () => {
  it('lists participants, the accepted figures with their range and rater, and ranked votes', () => {
    const state = map.states.s;
    if (!state) throw new Error('no state');
    const summary = workshopSummary(map, workshop, state);
    expect(summary.participants).toEqual(['Ana', 'Bo (Security)']);
    expect(summary.agreed).toEqual([
      {
        stage: 'Manual tests',
        field: 'Lead time',
        value: '1d',
        range: '4h – 2d',
        answers: 2,
        ratedBy: '',
      },
      {
        stage: 'Manual tests',
        field: '%C/A',
        value: '70%',
        range: '70% – 70%',
        answers: 1,
        ratedBy: 'Security',
      },
    ]);
    expect(summary.votes).toEqual([
      {
        title: 'Bottlenecks',
        rows: [
          { rank: 1, item: 'Security review', dots: 3 },
          { rank: 2, item: 'Manual tests', dots: 1 },
        ],
      },
    ]);
  });
});
