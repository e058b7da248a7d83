import { describe, expect, it } from 'vitest';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import { mapHeadline, type StateHeadline } from './headline.ts';
import { DAY, flowEdge, HOUR, makeStage } from './testing.ts';

describe('mapHeadline', () => {
  it('quotes the template’s totals, ratios and DORA levels exactly', () => {
    const headline = mapHeadline(softwareDeliveryTemplate({ title: 'Payments' }));
    expect(headline.title).toBe('Payments');
    expect(headline.workingTime).toEqual({ hoursPerDay: 8, daysPerWeek: 5 });
    expect(headline.states).toHaveLength(1);
    const [current] = headline.states;
    // LT 2h + 1d + 5d + 10d + 5d + 1d; PT 20m + 45m + 1d + 4h + 30m + 2h.
    expect(current).toMatchObject({
      stateId: 'current',
      name: 'Current state',
      kind: 'current',
      order: 0,
      totalLeadTimeMinutes: 22 * DAY + 2 * HOUR,
      totalValueAddMinutes: 935,
      stageCount: 6,
    });
    expect(current?.flowEfficiency).toBeCloseTo(935 / 10_680, 12);
    expect(current?.rolledPctCA).toBeCloseTo(0.95 * 0.9 * 0.7 * 0.8 * 0.95 * 0.85, 12);
    expect(current?.dora).toEqual({
      deploymentFrequency: { value: 0.5, level: 'medium', source: 'entered' },
      leadTimeForChanges: { value: 10_680, level: 'low', source: 'computed' },
      changeFailureRate: { value: 0.15, level: 'high', source: 'entered' },
      timeToRestore: { value: 12 * HOUR, level: 'medium', source: 'entered' },
    });
  });

  it('takes an entered lead time for changes over the map’s total', () => {
    const map = softwareDeliveryTemplate();
    const state = map.states.current;
    if (!state) throw new Error('template without current state');
    state.dora = { ...state.dora, leadTimeForChangesMinutes: 4 * HOUR };
    const [current] = mapHeadline(map).states;
    expect(current?.dora.leadTimeForChanges).toEqual({
      value: 4 * HOUR,
      level: 'elite',
      source: 'entered',
    });
  });

  it('lists states in tab order and reports no totals for a flow cycle', () => {
    const map = softwareDeliveryTemplate();
    map.states.later = {
      id: 'later',
      name: 'Cyclic',
      kind: 'future',
      order: 1,
      nodes: { a: makeStage('a', DAY, HOUR, 90), b: makeStage('b', DAY, HOUR, 90) },
      edges: { ab: flowEdge('a', 'b'), ba: flowEdge('b', 'a') },
    };
    map.states.first = { ...map.states.later, id: 'first', name: 'First', order: -1, edges: {} };
    const headline = mapHeadline(map);
    expect(headline.states.map((s) => s.stateId)).toEqual(['first', 'current', 'later']);
    const cyclic = headline.states[2];
    expect(cyclic).toMatchObject({
      totalLeadTimeMinutes: null,
      totalValueAddMinutes: null,
      flowEfficiency: null,
      rolledPctCA: null,
      stageCount: 2,
    });
    expect(cyclic?.dora.leadTimeForChanges).toEqual({
      value: null,
      level: null,
      source: 'computed',
    });
  });

  it('carries the v2 figures: expected and projected, takt, incomplete and disconnected', () => {
    const map = softwareDeliveryTemplate();
    map.meta.demandPerDay = 4;
    const state = map.states.current;
    if (!state) throw new Error('template without current state');
    const [plain] = mapHeadline(softwareDeliveryTemplate()).states;
    // Without routes, rates or kaizens, expected and projected repeat the totals.
    expect(plain).toMatchObject({
      expectedLeadTimeMinutes: plain?.totalLeadTimeMinutes,
      expectedValueAddMinutes: plain?.totalValueAddMinutes,
      expectedFlowEfficiency: plain?.flowEfficiency,
      taktMinutes: null,
      disconnectedCount: 0,
      incompleteCount: 0,
    });
    expect(plain?.projected?.totalLeadTimeMinutes).toBe(plain?.totalLeadTimeMinutes);

    // A stray stage nobody connected, and one without numbers.
    state.nodes.stray = makeStage('stray', DAY, HOUR, 90);
    state.nodes.todo = makeStage('todo');
    const [v2] = mapHeadline(map).states;
    expect(v2).toMatchObject({
      taktMinutes: 2 * HOUR,
      disconnectedCount: 2,
      incompleteCount: 1,
      totalLeadTimeMinutes: plain?.totalLeadTimeMinutes,
    });
    expect(Object.keys(v2?.projected ?? {}).sort()).toEqual([
      'expectedFlowEfficiency',
      'expectedLeadTimeMinutes',
      'expectedValueAddMinutes',
      'flowEfficiency',
      'rolledPctCA',
      'totalLeadTimeMinutes',
      'totalValueAddMinutes',
    ]);
  });

  it('weighs rework into the expected figures and kaizens into the projected ones', () => {
    const map = softwareDeliveryTemplate();
    const state = map.states.current;
    if (!state) throw new Error('template without current state');
    const stages = Object.values(state.nodes).filter((n) => n.type === 'stage');
    const [first, last] = [stages[0], stages.at(-1)];
    if (!first || !last) throw new Error('template without stages');
    state.edges.back = { id: 'back', source: last.id, target: first.id, kind: 'rework', rate: 0.5 };
    state.nodes.idea = {
      id: 'idea',
      type: 'kaizen',
      x: 0,
      y: 0,
      name: 'Automate',
      status: 'planned',
      effectElapsedMinutes: HOUR,
    };
    state.edges.idea = { id: 'idea', source: 'idea', target: last.id, kind: 'flow' };
    const [headline] = mapHeadline(map).states;
    const total = headline?.totalLeadTimeMinutes as number;
    expect(headline?.expectedLeadTimeMinutes).toBeGreaterThan(total);
    expect(headline?.projected?.totalLeadTimeMinutes).toBeLessThan(total);
  });

  it('has no expected or projected figures with a flow cycle', () => {
    const map = softwareDeliveryTemplate();
    map.states.cyclic = {
      id: 'cyclic',
      name: 'Cyclic',
      kind: 'future',
      order: 1,
      nodes: { a: makeStage('a', DAY, HOUR, 90), b: makeStage('b', DAY, HOUR, 90) },
      edges: { ab: flowEdge('a', 'b'), ba: flowEdge('b', 'a') },
    };
    const cyclic = mapHeadline(map).states[1];
    expect(cyclic).toMatchObject({
      expectedLeadTimeMinutes: null,
      expectedValueAddMinutes: null,
      expectedFlowEfficiency: null,
      projected: null,
    });
  });

  it('still reads a headline from before v2, which has none of the new fields', () => {
    const old: StateHeadline = {
      stateId: 'current',
      name: 'Current state',
      kind: 'current',
      order: 0,
      totalLeadTimeMinutes: DAY,
      totalValueAddMinutes: HOUR,
      flowEfficiency: 0.125,
      rolledPctCA: 0.9,
      stageCount: 1,
      dora: mapHeadline(softwareDeliveryTemplate()).states[0]?.dora as StateHeadline['dora'],
    };
    expect(old.expectedLeadTimeMinutes ?? null).toBeNull();
  });
});
