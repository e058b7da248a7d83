import { describe, expect, it } from 'vitest';
import type { FlowMap } from '../model/types.ts';
import { EMPTY_WORKSHOP, type Workshop } from '../workshop/types.ts';
import { planState, planToCsv } from './planCsv.ts';

const map: FlowMap = {
  meta: {
    schemaVersion: 2,
    title: 'Plan',
    description: '',
    hoursPerDay: 8,
    daysPerWeek: 5,
    lowPctCAThreshold: 80,
    bottleneckCount: 3,
  },
  states: {
    cur: {
      id: 'cur',
      name: 'Current',
      kind: 'current',
      order: 0,
      nodes: {
        sec: { id: 'sec', type: 'stage', x: 0, y: 0, name: 'Security', elapsedMinutes: 960 },
        k1: {
          id: 'k1',
          type: 'kaizen',
          x: 0,
          y: 0,
          name: 'Automate scans, nightly',
          owner: '=HYPERLINK("http://x")',
          dueDate: '2027-01-15',
          status: 'planned',
          effectElapsedMinutes: 480,
        },
      },
      edges: { e: { id: 'e', source: 'k1', target: 'sec', kind: 'flow' } },
    },
    fut: { id: 'fut', name: 'Future', kind: 'future', order: 1, nodes: {}, edges: {} },
  },
};

const workshop: Workshop = {
  ...EMPTY_WORKSHOP,
  stateId: 'cur',
  votes: [
    {
      id: 'v',
      stateId: 'cur',
      subject: 'stages',
      dots: 3,
      stackLimit: 3,
      closed: true,
      openedAt: 0,
      itemIds: ['sec'],
      ballots: { a: { sec: 3 }, b: { sec: 1 } },
      candidates: { sec: 'k1' },
    },
  ],
};

describe('planToCsv', () => {
  it('writes one row per kaizen with its stage, dots and effect; formulas stay text', () => {
    const state = planState(map, workshop);
    if (!state) throw new Error('no state');
    expect(planToCsv(map, workshop, state)).toBe(
      'kaizen,stage,owner,due,status,votes,expected_effect,expected_lt_change_minutes,p85_lt_change_minutes\r\n' +
        '"Automate scans, nightly",Security,"\'=HYPERLINK(""http://x"")",2027-01-15,planned,4,LT 2d → 1d,-480,-480\r\n',
    );
  });

  it("covers the workshop's state, a named state, or the first current state", () => {
    expect(planState(map, workshop)?.id).toBe('cur');
    expect(planState(map, workshop, 'fut')?.id).toBe('fut');
    expect(planState(map, workshop, 'nope')).toBeNull();
    expect(planState(map, { ...workshop, stateId: 'gone' })?.id).toBe('cur');
    const futureOnly = planState(map, EMPTY_WORKSHOP, 'fut');
    expect(futureOnly && planToCsv(map, EMPTY_WORKSHOP, futureOnly)).toBe(
      'kaizen,stage,owner,due,status,votes,expected_effect,expected_lt_change_minutes,p85_lt_change_minutes\r\n',
    );
  });
});
