import { describe, expect, it } from 'vitest';
import type { MapNode, MapState } from '../model/types.ts';
import { compareStates } from './compare.ts';
import { computeStateMetrics } from './stateMetrics.ts';
import { chain, META, makeNode, makeStage, makeState } from './testing.ts';

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
