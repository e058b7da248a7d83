import { describe, expect, it } from 'vitest';
import type { MapNode, MapState } from '../model/types.ts';
import { compareStates, EXPECTED_METRIC_KEYS } from './compare.ts';
import { computeStateMetrics } from './stateMetrics.ts';
import {
  chain,
  DAY,
  flowEdge,
  HOUR,
  META,
  makeNode,
  makeStage,
  makeState,
  reworkEdge,
} from './testing.ts';

function side(state: MapState) {
  return { state, metrics: computeStateMetrics(state, META) };
}

// current: a (LT 120, PT 20, 90%) → b (LT 300, PT 60, 80%) → c (LT 180, PT 20, 50%)
const current = makeState(
  [
    makeStage('a', 120, 20, 90, { name: 'Plan', team: 'Product' }),
    makeStage('b', 300, 60, 80, { name: 'Build' }),
    makeStage('c', 180, 20, 50, { name: 'Test', notes: 'manual' }),
    makeNode('k', 'kaizen'),
  ],
  chain('a', 'b', 'c'),
  'current',
);

// future: b removed, d added, a renamed and faster and moved, c's notes cleared
const future = makeState(
  [
    makeStage('a', 60, 20, 90, { name: 'Refine', team: 'Product', x: 500, y: 40 }),
    makeStage('c', 180, 20, 50, { name: 'Test' }),
    makeStage('d', 60, 30, 100, { name: 'Automated build' }),
  ],
  chain('a', 'd', 'c'),
  'future',
);

describe('compareStates', () => {
  const result = compareStates(side(current), side(future));

  it('puts each headline metric side by side', () => {
    const byKey = Object.fromEntries(result.metrics.map((m) => [m.key, m]));
    expect(result.metrics.map((m) => m.key)).toEqual([
      'totalLeadTimeMinutes',
      'totalValueAddMinutes',
      'totalWaitingMinutes',
      'flowEfficiency',
      'rolledPctCA',
      'stageCount',
    ]);
    expect(byKey.totalLeadTimeMinutes).toEqual({
      key: 'totalLeadTimeMinutes',
      label: 'Total lead time',
      before: 600,
      after: 300,
      absoluteChange: -300,
      relativeChange: -0.5,
      better: 'lower',
      improved: true,
    });
    expect(byKey.totalValueAddMinutes).toMatchObject({
      before: 100,
      after: 70,
      absoluteChange: -30,
      relativeChange: -0.3,
      improved: true,
    });
    expect(byKey.totalWaitingMinutes).toMatchObject({
      before: 500,
      after: 230,
      absoluteChange: -270,
      relativeChange: -0.54,
      improved: true,
    });
    expect(byKey.flowEfficiency?.before).toBeCloseTo(1 / 6, 12);
    expect(byKey.flowEfficiency?.after).toBeCloseTo(70 / 300, 12);
    expect(byKey.flowEfficiency?.absoluteChange).toBeCloseTo(70 / 300 - 1 / 6, 12);
    expect(byKey.flowEfficiency?.relativeChange).toBeCloseTo(0.4, 12);
    expect(byKey.flowEfficiency).toMatchObject({ better: 'higher', improved: true });
    expect(byKey.rolledPctCA?.before).toBeCloseTo(0.36, 12);
    expect(byKey.rolledPctCA?.after).toBeCloseTo(0.45, 12);
    expect(byKey.rolledPctCA?.relativeChange).toBeCloseTo(0.25, 12);
    expect(byKey.rolledPctCA?.improved).toBe(true);
    expect(byKey.stageCount).toMatchObject({
      label: 'Stages',
      before: 3,
      after: 3,
      absoluteChange: 0,
      relativeChange: 0,
      better: 'lower',
      improved: false,
    });
  });

  it('lists added, removed and changed stages by id', () => {
    expect(result.stages).toEqual({
      added: [{ id: 'd', name: 'Automated build' }],
      removed: [{ id: 'b', name: 'Build' }],
      changed: [
        {
          id: 'a',
          name: 'Refine',
          changes: [
            { field: 'name', before: 'Plan', after: 'Refine' },
            { field: 'elapsedMinutes', before: 120, after: 60 },
          ],
        },
        {
          id: 'c',
          name: 'Test',
          changes: [{ field: 'notes', before: 'manual', after: null }],
        },
      ],
    });
  });

  it('reports nothing changed between identical states', () => {
    const same = compareStates(side(current), side(current));
    expect(same.stages).toEqual({ added: [], removed: [], changed: [] });
    expect(same.metrics.every((m) => m.absoluteChange === 0 && m.improved === false)).toBe(true);
  });

  it('has no relative change from 0 and no change at all from or to null', () => {
    const empty = side(makeState([]));
    const one = side(makeState([makeStage('a', 60, 30, 90)]));
    const byKey = Object.fromEntries(compareStates(empty, one).metrics.map((m) => [m.key, m]));
    expect(byKey.totalLeadTimeMinutes).toMatchObject({
      before: 0,
      after: 60,
      absoluteChange: 60,
      relativeChange: null,
      improved: false,
    });
    expect(byKey.flowEfficiency).toMatchObject({
      before: null,
      after: 0.5,
      absoluteChange: null,
      relativeChange: null,
      improved: null,
    });
    expect(compareStates(one, empty).metrics.find((m) => m.key === 'rolledPctCA')).toMatchObject({
      before: 0.9,
      after: null,
      absoluteChange: null,
      relativeChange: null,
      improved: null,
    });
  });

  it('compares stages only, and sanitises hostile field values', () => {
    const before = makeState([
      makeStage('a', 60),
      makeNode('n', 'note', { name: 'old note' }),
      makeStage('t', 10),
    ]);
    const after = makeState([
      { ...makeStage('a'), elapsedMinutes: Number.NaN, team: 7 } as unknown as MapNode,
      makeNode('n', 'note', { name: 'new note' }),
      makeNode('t', 'kaizen'),
    ]);
    expect(compareStates(side(before), side(after)).stages).toEqual({
      added: [],
      removed: [{ id: 't', name: 't' }],
      changed: [
        {
          id: 'a',
          name: 'a',
          changes: [
            { field: 'team', before: null, after: 7 },
            { field: 'elapsedMinutes', before: 60, after: null },
          ],
        },
      ],
    });
  });
});

describe('compareStates, model v2', () => {
  // start → build → tests → end, with rework tests → build: expected lead time above the total.
  const base = (rate: number | undefined, extra: Partial<MapNode> = {}) => {
    const rework = { ...reworkEdge('tests', 'build'), ...(rate === undefined ? {} : { rate }) };
    return makeState(
      [
        makeNode('start', 'start'),
        makeStage('build', 4 * HOUR, HOUR, 90, { name: 'Build' }),
        makeStage('tests', 2 * DAY, 2 * HOUR, 70, { name: 'Manual tests', ...extra }),
        makeNode('end', 'end'),
      ],
      [...chain('start', 'build', 'tests', 'end'), rework],
    );
  };

  it('puts the expected figures next to the worst-case ones when rework makes them differ', () => {
    const result = compareStates(side(base(0.2)), side(base(0.05)));
    expect(result.metrics.map((m) => m.key)).toEqual([
      'totalLeadTimeMinutes',
      'expectedLeadTimeMinutes',
      'totalValueAddMinutes',
      'expectedValueAddMinutes',
      'totalWaitingMinutes',
      'flowEfficiency',
      'expectedFlowEfficiency',
      'rolledPctCA',
      'stageCount',
    ]);
    const byKey = Object.fromEntries(result.metrics.map((m) => [m.key, m]));
    const total = 4 * HOUR + 2 * DAY;
    expect(byKey.totalLeadTimeMinutes).toMatchObject({ before: total, after: total });
    expect(byKey.totalLeadTimeMinutes?.absoluteChange).toBe(0);
    expect(byKey.expectedLeadTimeMinutes).toMatchObject({
      label: 'Expected lead time',
      better: 'lower',
      improved: true,
    });
    expect(byKey.expectedLeadTimeMinutes?.before).toBeCloseTo(total / 0.8, 9);
    expect(byKey.expectedLeadTimeMinutes?.after).toBeCloseTo(total / 0.95, 9);
    expect(byKey.expectedFlowEfficiency).toMatchObject({ label: 'Expected flow efficiency' });
  });

  it('leaves the expected figures out when they repeat the totals on both sides', () => {
    const result = compareStates(side(base(undefined)), side(base(undefined, { name: 'QA' })));
    for (const key of EXPECTED_METRIC_KEYS) {
      expect(result.metrics.some((m) => m.key === key)).toBe(false);
    }
    // One side is enough: the rework loop removed is exactly what the figures should show.
    const removed = compareStates(side(base(0.2)), side(base(undefined)));
    expect(removed.metrics.some((m) => m.key === 'expectedLeadTimeMinutes')).toBe(true);
  });

  it('lists rework-rate and route-share changes as their own entries', () => {
    const split = (a: number, b: number) => {
      const state = base(0.2);
      state.nodes.fast = makeStage('fast', HOUR, HOUR, 100, { name: 'Fast lane' });
      state.edges['tests->end'] = { ...flowEdge('tests', 'end'), share: a };
      state.edges['tests->fast'] = { ...flowEdge('tests', 'fast'), share: b };
      state.edges['fast->end'] = flowEdge('fast', 'end');
      return state;
    };
    const before = split(0.7, 0.3);
    const after = split(0.4, 0.6);
    const rework = after.edges['tests~>build'];
    if (rework) rework.rate = 0.05;
    expect(compareStates(side(before), side(after)).edges).toEqual([
      {
        kind: 'rework',
        from: { id: 'tests', name: 'Manual tests' },
        to: { id: 'build', name: 'Build' },
        before: 0.2,
        after: 0.05,
      },
      {
        kind: 'route',
        from: { id: 'tests', name: 'Manual tests' },
        to: { id: 'end', name: 'end' },
        before: 0.7,
        after: 0.4,
      },
      {
        kind: 'route',
        from: { id: 'tests', name: 'Manual tests' },
        to: { id: 'fast', name: 'Fast lane' },
        before: 0.3,
        after: 0.6,
      },
    ]);
  });

  it('matches a rework arrow by its ends, so one drawn again is the same loop', () => {
    const before = base(0.2);
    const after = base(undefined);
    delete after.edges['tests~>build'];
    after.edges.redrawn = {
      id: 'redrawn',
      source: 'tests',
      target: 'build',
      kind: 'rework',
      rate: 0.1,
    };
    expect(compareStates(side(before), side(after)).edges).toMatchObject([
      { kind: 'rework', before: 0.2, after: 0.1 },
    ]);
    // A loop removed: its rate goes to nothing.
    const none = base(undefined);
    delete none.edges['tests~>build'];
    expect(compareStates(side(before), side(none)).edges).toMatchObject([
      { kind: 'rework', before: 0.2, after: null },
    ]);
    expect(compareStates(side(before), side(base(0.2))).edges).toEqual([]);
  });

  it('compares the v2 stage fields, outside as yes or no', () => {
    const before = base(undefined, { people: 2, timeSource: 'estimate' });
    const after = base(undefined, {
      people: 3,
      timeSource: 'measured',
      elapsedLowMinutes: DAY,
      outside: true,
      ratedBy: 'Ops',
    });
    expect(compareStates(side(before), side(after)).stages.changed).toEqual([
      {
        id: 'tests',
        name: 'Manual tests',
        changes: [
          { field: 'elapsedLowMinutes', before: null, after: DAY },
          { field: 'ratedBy', before: null, after: 'Ops' },
          { field: 'timeSource', before: 'estimate', after: 'measured' },
          { field: 'people', before: 2, after: 3 },
          { field: 'outside', before: false, after: true },
        ],
      },
    ]);
    // outside: false is the same as not set.
    const unset = compareStates(side(base(undefined, { outside: false })), side(base(undefined)));
    expect(unset.stages.changed).toEqual([]);
  });

  it('matches queues by id: added, removed and changed, each with its wait', () => {
    const withQueues = (queues: MapNode[]) => {
      const state = base(undefined);
      for (const q of queues) state.nodes[q.id] = q;
      return state;
    };
    const before = withQueues([
      makeNode('q1', 'queue', { name: 'Before tests', waitMinutes: 2 * DAY }),
      makeNode('q2', 'queue', { name: 'Before release', items: 10 }),
      makeNode('q3', 'queue', { name: 'Gone', waitMinutes: HOUR }),
    ]);
    const after = withQueues([
      makeNode('q1', 'queue', { name: 'Before tests', waitMinutes: 4 * HOUR }),
      makeNode('q2', 'queue', { name: 'Before release', items: 5 }),
      makeNode('q4', 'queue', { name: 'New', waitMinutes: DAY }),
    ]);
    const withDemand = { ...META, demandPerDay: 5 };
    const result = compareStates(
      { state: before, metrics: computeStateMetrics(before, withDemand) },
      { state: after, metrics: computeStateMetrics(after, withDemand) },
    );
    expect(result.queues).toEqual({
      added: [{ id: 'q4', name: 'New', waitMinutes: DAY }],
      removed: [{ id: 'q3', name: 'Gone', waitMinutes: HOUR }],
      changed: [
        {
          id: 'q1',
          name: 'Before tests',
          waitMinutes: 4 * HOUR,
          changes: [{ field: 'wait', before: 2 * DAY, after: 4 * HOUR }],
        },
        {
          // 10 items at 5 a day are 2 working days; 5 are one.
          id: 'q2',
          name: 'Before release',
          waitMinutes: DAY,
          changes: [
            { field: 'wait', before: 2 * DAY, after: DAY },
            { field: 'items', before: 10, after: 5 },
          ],
        },
      ],
    });
    // Queues are not stages.
    expect(result.stages).toEqual({ added: [], removed: [], changed: [] });
  });

  it('gives a queue without a wait none', () => {
    const state = base(undefined);
    state.nodes.q = makeNode('q', 'queue', { items: 3 });
    const result = compareStates(side(base(undefined)), side(state));
    expect(result.queues.added).toEqual([{ id: 'q', name: 'q', waitMinutes: null }]);
  });
});
