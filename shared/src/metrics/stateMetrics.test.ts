import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, MapState } from '../model/types.ts';
import { computeStateMetrics } from './stateMetrics.ts';
import {
  chain,
  DAY,
  flowEdge,
  HOUR,
  linearPipeline,
  META,
  makeNode,
  makeStage,
  makeState,
  meta,
  reworkEdge,
} from './testing.ts';
import type { StateMetrics } from './types.ts';

/** Every number anywhere in a result, to prove none is NaN or infinite. */
function numbersIn(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'number') found.push(value);
  else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) numbersIn(v, found);
  }
  return found;
}

function expectAllFinite(metrics: StateMetrics) {
  for (const x of numbersIn(metrics)) expect(Number.isFinite(x)).toBe(true);
}

describe('computeStateMetrics: linear pipeline', () => {
  // s1..s4: LT 1h..4h, PT 10..40 min, %C/A 90 each
  const m = computeStateMetrics(linearPipeline(4), META);

  it('totals the critical path', () => {
    expect(m.stateId).toBe('s1');
    expect(m.criticalPath).toEqual(['start', 's1', 's2', 's3', 's4', 'end']);
    expect(m.totalLeadTimeMinutes).toBe(600);
    expect(m.totalValueAddMinutes).toBe(100);
    expect(m.totalWaitingMinutes).toBe(500);
    expect(m.flowEfficiency).toBeCloseTo(1 / 6, 12);
    expect(m.rolledPctCA).toBeCloseTo(0.6561, 12);
    expect(m.stageCount).toBe(4);
    expect(m.errors).toEqual([]);
    expect(m.problems).toEqual([]);
    expect(m.incomplete).toEqual([]);
  });

  it('computes each stage', () => {
    expect(Object.keys(m.stages)).toEqual(['s1', 's2', 's3', 's4']);
    expect(m.stages.s4).toEqual({
      nodeId: 's4',
      kind: 'stage',
      counted: true,
      name: 's4',
      elapsedMinutes: 240,
      valueAddMinutes: 40,
      waitingMinutes: 200,
      efficiency: 40 / 240,
      waitingShare: 0.4,
      onCriticalPath: true,
      pctCA: 90,
    });
    expect(m.stages.s1?.waitingShare).toBe(0.1);
  });

  it('ranks the top three waiting stages with readable reasons', () => {
    expect(m.bottlenecks).toEqual([
      {
        nodeId: 's4',
        name: 's4',
        rank: 1,
        waitingMinutes: 200,
        elapsedMinutes: 240,
        waitingShare: 0.4,
        reason: 'waits 3h 20m of 4h (40% of all waiting)',
      },
      {
        nodeId: 's3',
        name: 's3',
        rank: 2,
        waitingMinutes: 150,
        elapsedMinutes: 180,
        waitingShare: 0.3,
        reason: 'waits 2h 30m of 3h (30% of all waiting)',
      },
      {
        nodeId: 's2',
        name: 's2',
        rank: 3,
        waitingMinutes: 100,
        elapsedMinutes: 120,
        waitingShare: 0.2,
        reason: 'waits 1h 40m of 2h (20% of all waiting)',
      },
    ]);
    expect(m.qualityBottlenecks).toEqual([]);
  });

  it('follows the bottleneck count and threshold settings', () => {
    const state = linearPipeline(4);
    expect(computeStateMetrics(state, meta({ bottleneckCount: 1 })).bottlenecks).toHaveLength(1);
    expect(computeStateMetrics(state, meta({ bottleneckCount: 0 })).bottlenecks).toEqual([]);
    expect(computeStateMetrics(state, meta({ bottleneckCount: 10 })).bottlenecks).toHaveLength(4);
    const strict = computeStateMetrics(state, meta({ lowPctCAThreshold: 95 }));
    expect(strict.qualityBottlenecks.map((q) => q.nodeId)).toEqual(['s1', 's2', 's3', 's4']);
    // a value at the threshold is not below it
    expect(computeStateMetrics(state, meta({ lowPctCAThreshold: 90 })).qualityBottlenecks).toEqual(
      [],
    );
  });

  it('formats the reason in the map working time', () => {
    // 6-day week so 5d stays "5d"; Review waits 4d 6h of 5d, 2280 of 2680 minutes of waiting
    const state = makeState(
      [makeStage('review', 5 * DAY, 2 * HOUR, 100, { name: 'Review' }), makeStage('qa', 400, 0)],
      [flowEdge('review', 'qa')],
    );
    const [first] = computeStateMetrics(state, meta({ daysPerWeek: 6 })).bottlenecks;
    expect(first?.reason).toBe('waits 4d 6h of 5d (85% of all waiting)');
    expect(first?.waitingShare).toBeCloseTo(2280 / 2680, 12);
  });
});

describe('computeStateMetrics: branching', () => {
  // start → a → (b | c) → d → end; b is the longer branch
  const state = makeState(
    [
      makeNode('start', 'start'),
      makeStage('a', 60, 30, 90, { name: 'Plan' }),
      makeStage('b', 300, 60, 80, { name: 'Build' }),
      makeStage('c', 120, 100, 50, { name: 'Docs' }),
      makeStage('d', 60, 60, 100, { name: 'Release' }),
      makeNode('end', 'end'),
    ],
    [...chain('start', 'a', 'b', 'd', 'end'), ...chain('a', 'c', 'd')],
  );
  const m = computeStateMetrics(state, META);

  it('takes the longer branch as the critical path', () => {
    expect(m.criticalPath).toEqual(['start', 'a', 'b', 'd', 'end']);
    expect(m.totalLeadTimeMinutes).toBe(420);
    expect(m.totalValueAddMinutes).toBe(150);
    expect(m.totalWaitingMinutes).toBe(270);
    expect(m.flowEfficiency).toBeCloseTo(150 / 420, 12);
  });

  it('rolls %C/A over the parallel branch too', () => {
    expect(m.rolledPctCA).toBeCloseTo(0.9 * 0.8 * 0.5 * 1, 12);
  });

  it('computes the off-path stage without a waiting share', () => {
    expect(m.stages.c).toEqual({
      nodeId: 'c',
      kind: 'stage',
      counted: true,
      name: 'Docs',
      elapsedMinutes: 120,
      valueAddMinutes: 100,
      waitingMinutes: 20,
      efficiency: 100 / 120,
      waitingShare: 0,
      onCriticalPath: false,
      pctCA: 50,
    });
  });

  it('ranks only waiting stages on the critical path', () => {
    expect(m.bottlenecks.map((b) => [b.nodeId, b.rank, b.waitingMinutes])).toEqual([
      ['b', 1, 240],
      ['a', 2, 30],
    ]);
    expect(m.bottlenecks[0]?.reason).toBe('waits 4h of 5h (89% of all waiting)');
  });

  it('flags low %C/A on any branch as a quality bottleneck', () => {
    expect(m.qualityBottlenecks).toEqual([
      { nodeId: 'c', name: 'Docs', pctCA: 50, reason: 'only 50% complete and accurate' },
    ]);
  });

  it('sorts quality bottlenecks by %C/A, then id', () => {
    const s = makeState([
      makeStage('x', 1, 1, 70),
      makeStage('y', 1, 1, 60.25),
      makeStage('w', 1, 1, 70),
      makeStage('z', 1, 1, 0),
    ]);
    const q = computeStateMetrics(s, META).qualityBottlenecks;
    expect(q.map((b) => [b.nodeId, b.reason])).toEqual([
      ['z', 'only 0% complete and accurate'],
      ['y', 'only 60.25% complete and accurate'],
      ['w', 'only 70% complete and accurate'],
      ['x', 'only 70% complete and accurate'],
    ]);
  });

  it('ranks bottleneck ties by node id', () => {
    const s = makeState(
      [makeStage('b', 100, 0), makeStage('a', 100, 0), makeStage('c', 50, 0)],
      chain('b', 'a', 'c'),
    );
    expect(computeStateMetrics(s, META).bottlenecks.map((b) => b.nodeId)).toEqual(['a', 'b', 'c']);
  });
});

describe('computeStateMetrics: what is not on the pipeline', () => {
  it('ignores rework edges for paths', () => {
    const state = makeState(
      [makeStage('a', 10, 5), makeStage('b', 20, 5), makeStage('c', 30, 5)],
      [...chain('a', 'b', 'c'), reworkEdge('c', 'a'), reworkEdge('b', 'b')],
    );
    const m = computeStateMetrics(state, META);
    expect(m.errors).toEqual([]);
    expect(m.criticalPath).toEqual(['a', 'b', 'c']);
    expect(m.totalLeadTimeMinutes).toBe(60);
  });

  it('does not join stages that only a rework edge connects', () => {
    const state = makeState([makeStage('a', 10), makeStage('b', 20)], [reworkEdge('a', 'b')]);
    expect(computeStateMetrics(state, META).criticalPath).toEqual(['b']);
  });

  it('ignores kaizen bursts and notes entirely', () => {
    const state = makeState(
      [
        makeStage('a', 10, 5, 90),
        makeNode('k', 'kaizen', { elapsedMinutes: 10_000, valueAddMinutes: Number.NaN, pctCA: 5 }),
        makeNode('n', 'note', { elapsedMinutes: -1, pctCA: 500 }),
        makeStage('b', 20, 5, 90),
      ],
      [flowEdge('a', 'k'), flowEdge('k', 'b'), flowEdge('n', 'a'), flowEdge('a', 'b')],
    );
    const m = computeStateMetrics(state, META);
    expect(m.criticalPath).toEqual(['a', 'b']);
    expect(m.totalLeadTimeMinutes).toBe(30);
    expect(m.stageCount).toBe(2);
    expect(Object.keys(m.stages)).toEqual(['a', 'b']);
    expect(m.problems).toEqual([]);
    expect(m.qualityBottlenecks).toEqual([]);
    expect(m.rolledPctCA).toBeCloseTo(0.81, 12);
  });

  it('ignores edges to missing nodes', () => {
    const state = makeState([makeStage('a', 10)], [flowEdge('a', 'gone'), flowEdge('gone', 'a')]);
    expect(computeStateMetrics(state, META).criticalPath).toEqual(['a']);
  });
});

describe('computeStateMetrics: cycles', () => {
  const state = makeState(
    [
      makeNode('start', 'start'),
      makeStage('build', 120, 60, 90, { name: 'Build' }),
      makeStage('test', 60, 30, 50, { name: 'Test' }),
      makeNode('end', 'end'),
    ],
    [...chain('start', 'build', 'test', 'end'), flowEdge('test', 'build')],
  );
  const m = computeStateMetrics(state, META);

  it('names the stages on the cycle', () => {
    expect(m.errors).toEqual([
      {
        kind: 'cycle',
        nodeIds: ['build', 'test'],
        message:
          'Flow edges form a cycle: Build → Test → Build. Mark the edge that sends work back as rework.',
      },
    ]);
  });

  it('reports no path and no totals', () => {
    expect(m.criticalPath).toEqual([]);
    expect(m.totalLeadTimeMinutes).toBe(0);
    expect(m.totalValueAddMinutes).toBe(0);
    expect(m.totalWaitingMinutes).toBe(0);
    expect(m.flowEfficiency).toBeNull();
    expect(m.bottlenecks).toEqual([]);
  });

  it('still computes stages, rolled %C/A and quality bottlenecks', () => {
    expect(m.stages.build).toMatchObject({ waitingMinutes: 60, efficiency: 0.5, waitingShare: 0 });
    expect(m.stages.build?.onCriticalPath).toBe(false);
    expect(m.rolledPctCA).toBeCloseTo(0.45, 12);
    expect(m.qualityBottlenecks.map((q) => q.nodeId)).toEqual(['test']);
  });

  it('reports a self-loop, falling back to the id for a nameless stage', () => {
    const s = makeState(
      [makeStage('deploy', 10, 0, 100, { name: '  ' })],
      [flowEdge('deploy', 'deploy')],
    );
    expect(computeStateMetrics(s, META).errors[0]?.message).toBe(
      'Flow edges form a cycle: deploy → deploy. Mark the edge that sends work back as rework.',
    );
  });

  it('property: a graph with a flow cycle always yields a real cycle error', () => {
    const arb = fc.integer({ min: 1, max: 10 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        extra: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }),
        loop: fc.shuffledSubarray(
          Array.from({ length: n }, (_, i) => i),
          { minLength: 1 },
        ),
        lts: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ n, extra, loop, lts }) => {
        const nodes: MapNode[] = Array.from({ length: n }, (_, i) =>
          makeStage(`v${i}`, lts[i], 0, 90, { name: `Stage ${i}` }),
        );
        const edges: MapEdge[] = [
          ...extra.map(([s, t]) => flowEdge(`v${s}`, `v${t}`)),
          ...loop.map((s, k) => flowEdge(`v${s}`, `v${loop[(k + 1) % loop.length]}`)),
        ].map((e, k) => ({ ...e, id: `e${k}` }));
        const m = computeStateMetrics(makeState(nodes, edges), META);
        expect(m.errors).toHaveLength(1);
        const [error] = m.errors;
        const ids = error?.nodeIds ?? [];
        expect(ids.length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        ids.forEach((id, k) => {
          const next = ids[(k + 1) % ids.length];
          expect(edges.some((e) => e.source === id && e.target === next)).toBe(true);
        });
        const names = [...ids, ids[0]].map((id) => `Stage ${id?.slice(1)}`).join(' → ');
        expect(error?.message).toContain(names);
        expect(m.criticalPath).toEqual([]);
        expect(m.totalLeadTimeMinutes).toBe(0);
        expect(m.stageCount).toBe(n);
        expect(m.rolledPctCA).toBeCloseTo(0.9 ** n, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('computeStateMetrics: empty and partial data', () => {
  it('returns zeros and nulls for an empty state', () => {
    expect(computeStateMetrics(makeState([], [], 'empty'), META)).toEqual({
      stateId: 'empty',
      criticalPath: [],
      totalLeadTimeMinutes: 0,
      totalValueAddMinutes: 0,
      totalWaitingMinutes: 0,
      flowEfficiency: null,
      expectedLeadTimeMinutes: 0,
      expectedValueAddMinutes: 0,
      expectedFlowEfficiency: null,
      rolledPctCA: null,
      stageCount: 0,
      stages: {},
      queues: {},
      bottlenecks: [],
      qualityBottlenecks: [],
      capacityBottlenecks: [],
      disconnected: [],
      routeCount: 0,
      taktMinutes: null,
      utilisation: {},
      projected: {
        totalLeadTimeMinutes: 0,
        totalValueAddMinutes: 0,
        flowEfficiency: null,
        expectedLeadTimeMinutes: 0,
        expectedValueAddMinutes: 0,
        expectedFlowEfficiency: null,
        rolledPctCA: null,
      },
      errors: [],
      problems: [],
      incomplete: [],
    });
  });

  it('counts missing values as 0 and lists the incomplete stages', () => {
    const state = makeState(
      [
        makeStage('a', 100),
        makeStage('b', undefined, 30, 75),
        makeStage('c'),
        makeStage('d', 50, 50, 100),
      ],
      chain('a', 'b', 'c', 'd'),
    );
    const m = computeStateMetrics(state, META);
    expect(m.incomplete).toEqual(['a', 'b', 'c']);
    expect(m.totalLeadTimeMinutes).toBe(150);
    expect(m.totalValueAddMinutes).toBe(50);
    expect(m.totalWaitingMinutes).toBe(100);
    expect(m.stages.a).toMatchObject({ waitingMinutes: 100, efficiency: 0, pctCA: null });
    // PT without LT counts as 0, so no efficiency can pass 100%
    expect(m.stages.b).toMatchObject({ elapsedMinutes: 0, valueAddMinutes: 0, efficiency: null });
    expect(m.stages.c).toMatchObject({ elapsedMinutes: 0, waitingMinutes: 0, efficiency: null });
    expect(m.rolledPctCA).toBeCloseTo(0.75, 12);
    expect(m.problems).toEqual([]);
  });

  it('gives no flow efficiency when the path has no lead time', () => {
    const m = computeStateMetrics(makeState([makeStage('a', 0, 0, 100)]), META);
    expect(m.criticalPath).toEqual(['a']);
    expect(m.flowEfficiency).toBeNull();
    expect(m.bottlenecks).toEqual([]);
  });

  it('gives a 0 rolled %C/A when a stage has 0%', () => {
    const m = computeStateMetrics(
      makeState([makeStage('a', 1, 1, 0), makeStage('b', 1, 1, 90)]),
      META,
    );
    expect(m.rolledPctCA).toBe(0);
  });
});

describe('computeStateMetrics: invalid values', () => {
  it('reports PT > LT and counts PT as LT', () => {
    const state = makeState(
      [makeStage('a', 60, 90, 100), makeStage('b', 60, 30, 100)],
      chain('a', 'b'),
    );
    const m = computeStateMetrics(state, META);
    expect(m.problems).toEqual([
      {
        path: 'nodes.a.valueAddMinutes',
        message: 'Process time (PT) 1h 30m is longer than lead time (LT) 1h; PT is counted as 1h',
      },
    ]);
    expect(m.stages.a).toMatchObject({ valueAddMinutes: 60, waitingMinutes: 0, efficiency: 1 });
    expect(m.totalValueAddMinutes).toBe(90);
    expect(m.totalWaitingMinutes).toBe(30);
    expect(m.flowEfficiency).toBe(0.75);
  });

  it('reports hostile values, treats them as missing and never crashes', () => {
    const hostile = (extra: Record<string, unknown>) =>
      ({ ...makeStage('x'), ...extra }) as unknown as MapNode;
    const state = makeState(
      [
        hostile({ id: 'a', elapsedMinutes: Number.NaN, valueAddMinutes: -5, pctCA: 150 }),
        hostile({ id: 'b', elapsedMinutes: 'abc', valueAddMinutes: null, pctCA: '90' }),
        hostile({
          id: 'c',
          elapsedMinutes: Number.POSITIVE_INFINITY,
          valueAddMinutes: 1e300,
          pctCA: -1,
        }),
        hostile({ id: 'd', elapsedMinutes: 120, valueAddMinutes: {}, pctCA: Number.NaN, name: 42 }),
        makeStage('e', 60, 30, 80),
      ],
      chain('a', 'b', 'c', 'd', 'e'),
    );
    const m = computeStateMetrics(state, META);
    expect(m.problems).toEqual([
      {
        path: 'nodes.a.elapsedMinutes',
        message: 'Lead time (LT) must be a finite number, got NaN; treated as missing',
      },
      {
        path: 'nodes.a.valueAddMinutes',
        message: 'Process time (PT) cannot be negative (-5); treated as missing',
      },
      { path: 'nodes.a.pctCA', message: '%C/A must be from 0 to 100, got 150; treated as missing' },
      {
        path: 'nodes.b.elapsedMinutes',
        message: 'Lead time (LT) must be a number of minutes, got "abc"; treated as missing',
      },
      {
        path: 'nodes.b.valueAddMinutes',
        message: 'Process time (PT) must be a number of minutes, got null; treated as missing',
      },
      {
        path: 'nodes.b.pctCA',
        message: '%C/A must be a number from 0 to 100, got "90"; treated as missing',
      },
      {
        path: 'nodes.c.elapsedMinutes',
        message: 'Lead time (LT) must be a finite number, got Infinity; treated as missing',
      },
      {
        path: 'nodes.c.valueAddMinutes',
        message: 'Process time (PT) of 1e+300 minutes is too large; treated as missing',
      },
      { path: 'nodes.c.pctCA', message: '%C/A must be from 0 to 100, got -1; treated as missing' },
      {
        path: 'nodes.d.valueAddMinutes',
        message:
          'Process time (PT) must be a number of minutes, got a value of type object; treated as missing',
      },
      { path: 'nodes.d.pctCA', message: '%C/A must be from 0 to 100, got NaN; treated as missing' },
    ]);
    expect(m.incomplete).toEqual(['a', 'b', 'c', 'd']);
    expect(m.criticalPath).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(m.totalLeadTimeMinutes).toBe(180);
    expect(m.totalValueAddMinutes).toBe(30);
    expect(m.rolledPctCA).toBe(0.8);
    expect(m.stages.d?.name).toBe('d');
    expectAllFinite(m);
  });

  it('survives a structurally broken document', () => {
    const state = {
      id: 7,
      nodes: { a: null, b: 'x', c: makeStage('c', 10), __proto__: makeStage('__proto__', 5) },
      edges: [flowEdge('c', 'a')],
    } as unknown as MapState;
    const m = computeStateMetrics(state, META);
    expect(m.stateId).toBe('');
    expect(m.criticalPath).toEqual(['c']);
    expectAllFinite(m);
    const polluted = JSON.parse(
      '{"id":"s","nodes":{"__proto__":{"id":"__proto__","type":"stage","name":"P","elapsedMinutes":5}},"edges":{}}',
    ) as MapState;
    const p = computeStateMetrics(polluted, META);
    expect(Object.keys(p.stages)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(p.stages)).toBe(Object.prototype);
    expect(p.totalLeadTimeMinutes).toBe(5);
  });

  it('falls back to default settings when the meta is invalid', () => {
    const bad = {
      hoursPerDay: 0,
      daysPerWeek: Number.NaN,
      lowPctCAThreshold: 500,
      bottleneckCount: -1,
    };
    const m = computeStateMetrics(linearPipeline(4), bad);
    expect(m.bottlenecks).toHaveLength(3);
    expect(m.bottlenecks[0]?.reason).toBe('waits 3h 20m of 4h (40% of all waiting)');
    expect(m.qualityBottlenecks).toEqual([]);
  });

  it('property: any values at all yield finite numbers and never throw', () => {
    const anyValue = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.constant(undefined),
      fc.constant(null),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_VALUE, 1e308),
    );
    const arb = fc.array(fc.tuple(anyValue, anyValue, anyValue), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(arb, (values) => {
        const nodes = values.map(
          ([lt, pt, pct], i) =>
            ({
              ...makeStage(`n${i}`),
              elapsedMinutes: lt,
              valueAddMinutes: pt,
              pctCA: pct,
            }) as unknown as MapNode,
        );
        const ids = nodes.map((n) => n.id);
        const m = computeStateMetrics(makeState(nodes, chain(...ids)), META);
        expectAllFinite(m);
        expect(m.totalWaitingMinutes).toBeGreaterThanOrEqual(0);
        if (m.flowEfficiency !== null) expect(m.flowEfficiency).toBeLessThanOrEqual(1);
        if (m.rolledPctCA !== null) expect(m.rolledPctCA).toBeLessThanOrEqual(1);
        for (const s of Object.values(m.stages)) {
          expect(s.waitingMinutes).toBeGreaterThanOrEqual(0);
          expect(Object.is(s.elapsedMinutes, -0)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('computeStateMetrics: scale', () => {
  /** n stages in a ladder: two parallel lanes with rungs, plus start and end. */
  function ladder(n: number): MapState {
    const nodes: MapNode[] = [makeNode('start', 'start'), makeNode('end', 'end')];
    const edges: MapEdge[] = [];
    const half = n / 2;
    for (let i = 0; i < half; i++) {
      for (const lane of ['l', 'r']) {
        const id = `${lane}${i}`;
        nodes.push(makeStage(id, lane === 'l' ? 10 : 11, 5, 99));
        edges.push(i === 0 ? flowEdge('start', id) : flowEdge(`${lane}${i - 1}`, id));
        if (i === half - 1) edges.push(flowEdge(id, 'end'));
      }
      edges.push(flowEdge(`l${i}`, `r${i}`));
    }
    return makeState(
      nodes,
      edges.map((e, k) => ({ ...e, id: `e${k}` })),
    );
  }

  // Speed is measured by `pnpm bench`, never asserted here: CI machines are shared and noisy.
  it('computes 5,000 stages correctly', () => {
    const state = ladder(5000);
    const first = computeStateMetrics(state, META);
    // the best path takes lane l for one stage, then crosses to the slower lane r
    expect(first.criticalPath).toHaveLength(2503);
    expect(first.criticalPath.slice(0, 3)).toEqual(['start', 'l0', 'r0']);
    expect(first.totalLeadTimeMinutes).toBe(10 + 11 * 2500);
    expect(first.stageCount).toBe(5000);
  });

  it('handles a 50,000-stage chain without deep recursion', () => {
    const m = computeStateMetrics(linearPipeline(50_000), META);
    expect(m.criticalPath).toHaveLength(50_002);
    expect(m.errors).toEqual([]);
  });
});
