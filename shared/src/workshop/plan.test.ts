import { describe, expect, it } from 'vitest';
import type { MapState } from '../model/types.ts';
import { planRows } from './plan.ts';
import type { DotVote } from './types.ts';

const state: MapState = {
  id: 's',
  name: 'Current',
  kind: 'current',
  order: 0,
  nodes: {
    sec: { id: 'sec', type: 'stage', x: 0, y: 0, name: 'Security', elapsedMinutes: 960, pctCA: 60 },
    k1: {
      id: 'k1',
      type: 'kaizen',
      x: 0,
      y: 0,
      name: 'Automate scans',
      owner: 'Ana',
      dueDate: '2027-01-15',
      status: 'planned',
      effectElapsedMinutes: 480,
      effectPctCA: 90,
    },
    k2: { id: 'k2', type: 'kaizen', x: 0, y: 0, name: 'Pairing', status: 'doing' },
    k3: { id: 'k3', type: 'kaizen', x: 0, y: 0, name: 'Old idea', status: 'done' },
  },
  edges: { e: { id: 'e', source: 'k1', target: 'sec', kind: 'flow' } },
};

describe('planRows', () => {
  it('lists kaizens with stage, owner, due date, dots and the effect in words', () => {
    const vote: DotVote = {
      id: 'v',
      stateId: 's',
      subject: 'stages',
      dots: 3,
      stackLimit: 3,
      closed: true,
      openedAt: 0,
      itemIds: ['sec'],
      ballots: { p1: { sec: 3 }, p2: { sec: 2 } },
      candidates: { sec: 'k1' },
    };
    const rows = planRows(state, [vote], { hoursPerDay: 8, daysPerWeek: 5 });
    expect(rows.map((r) => r.kaizen)).toEqual(['Pairing', 'Automate scans', 'Old idea']);
    expect(rows[1]).toEqual({
      kaizenId: 'k1',
      kaizen: 'Automate scans',
      stageIds: ['sec'],
      stages: ['Security'],
      owner: 'Ana',
      dueDate: '2027-01-15',
      status: 'planned',
      votes: 5,
      effect: 'LT 2d → 1d; %C/A 60% → 90%',
    });
    expect(rows[0]?.votes).toBe(0);
    expect(rows[0]?.effect).toBe('');
  });
});
