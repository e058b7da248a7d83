import {
  computeStateMetrics,
  DEFAULT_META,
  type MapState,
  type StateMetrics,
} from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { formatExact, formatPercent, formatStep, formatTotal } from './format.ts';
import {
  fitLabel,
  heatOf,
  LADDER,
  ladderPath,
  ladderSteps,
  ladderWidth,
  stepGeometry,
  stepsInView,
} from './ladder.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };
const META = { ...DEFAULT_META, title: 'Test' };
const H = 60;
const D = 8 * H;

type Stage = [id: string, lt: number, pt: number];

function linearPipeline(stages: Stage[]): MapState {
  const ids = ['start', ...stages.map(([id]) => id), 'end'];
  const state: MapState = {
    id: 's',
    name: 'Current',
    kind: 'current',
    order: 0,
    nodes: {},
    edges: {},
  };
  state.nodes.start = { id: 'start', type: 'start', x: 0, y: 0, name: 'Commit' };
  state.nodes.end = { id: 'end', type: 'end', x: 0, y: 0, name: 'Production' };
  for (const [id, lt, pt] of stages) {
    state.nodes[id] = {
      id,
      type: 'stage',
      x: 0,
      y: 0,
      name: id.toUpperCase(),
      elapsedMinutes: lt,
      valueAddMinutes: pt,
      pctCA: 90,
    };
  }
  for (let i = 0; i + 1 < ids.length; i++) {
    const id = `e${i}`;
    state.edges[id] = { id, source: ids[i] as string, target: ids[i + 1] as string, kind: 'flow' };
  }
  return state;
}

function metricsOf(state: MapState): StateMetrics {
  return computeStateMetrics(state, META);
}

describe('ladderSteps', () => {
  it('has one step per stage of the critical path, in order, without start and end', () => {
    const metrics = metricsOf(
      linearPipeline([
        ['build', 2 * H, 20],
        ['test', 5 * D, 1 * D],
        ['review', 10 * D, 4 * H],
      ]),
    );
    const steps = ladderSteps(metrics);
    expect(steps.map((s) => s.nodeId)).toEqual(['build', 'test', 'review']);
    expect(steps.map((s) => [s.elapsedMinutes, s.valueAddMinutes])).toEqual([
      [120, 20],
      [2400, 480],
      [4800, 240],
    ]);
    expect(steps.map((s) => s.name)).toEqual(['BUILD', 'TEST', 'REVIEW']);
  });

  it('puts a queue on the path in its place, waiting on the upper rung with no value added', () => {
    const state = linearPipeline([
      ['build', 2 * H, 20],
      ['review', 10 * D, 4 * H],
    ]);
    // Build → [3d in the review queue] → review.
    state.nodes.queue = {
      id: 'queue',
      type: 'queue',
      x: 0,
      y: 0,
      name: 'Review queue',
      waitMinutes: 3 * D,
    };
    const into = Object.values(state.edges).find((e) => e.target === 'review');
    if (!into) throw new Error('no edge into review');
    into.target = 'queue';
    state.edges.q = { id: 'q', source: 'queue', target: 'review', kind: 'flow' };
    const steps = ladderSteps(metricsOf(state));
    expect(steps.map((s) => [s.nodeId, s.kind, s.elapsedMinutes, s.valueAddMinutes])).toEqual([
      ['build', 'stage', 120, 20],
      ['queue', 'queue', 3 * D, 0],
      ['review', 'stage', 10 * D, 4 * H],
    ]);
    expect(steps[1]?.name).toBe('Review queue');
  });

  it('marks bottlenecks with their rank and heat, other steps untinted', () => {
    // Waiting: build 100m, test 1920m, review 4560m of 6580m in all.
    const steps = ladderSteps(
      metricsOf(
        linearPipeline([
          ['build', 2 * H, 20],
          ['test', 5 * D, 1 * D],
          ['review', 10 * D, 4 * H],
          ['ship', 30, 30],
        ]),
      ),
    );
    const byId = Object.fromEntries(steps.map((s) => [s.nodeId, s]));
    expect(byId.review?.bottleneckRank).toBe(1);
    expect(byId.review?.heat).toBe(4); // 69% of all waiting
    expect(byId.test?.bottleneckRank).toBe(2);
    expect(byId.test?.heat).toBe(3); // 29%
    expect(byId.build?.bottleneckRank).toBe(3);
    expect(byId.build?.heat).toBe(1); // 1.5%, still tinted as a bottleneck
    expect(byId.ship?.bottleneckRank).toBeNull(); // never waits
    expect(byId.ship?.heat).toBe(0);
  });

  it('has no steps when flow edges form a cycle', () => {
    const state = linearPipeline([
      ['build', 60, 30],
      ['test', 60, 30],
    ]);
    state.edges.back = { id: 'back', source: 'test', target: 'build', kind: 'flow' };
    const metrics = metricsOf(state);
    expect(metrics.errors).toHaveLength(1);
    expect(ladderSteps(metrics)).toEqual([]);
  });

  it('takes the longer branch only', () => {
    const state = linearPipeline([['build', 60, 30]]);
    state.nodes.slow = { id: 'slow', type: 'stage', x: 0, y: 0, name: 'Slow', elapsedMinutes: 600 };
    state.edges.a = { id: 'a', source: 'start', target: 'slow', kind: 'flow' };
    state.edges.b = { id: 'b', source: 'slow', target: 'end', kind: 'flow' };
    expect(ladderSteps(metricsOf(state)).map((s) => s.nodeId)).toEqual(['slow']);
  });
});

describe('heatOf', () => {
  it('maps a share of waiting onto five steps', () => {
    expect([0, 0.05, 0.1, 0.25, 0.4, 1].map(heatOf)).toEqual([0, 1, 2, 3, 4, 4]);
    expect(heatOf(Number.NaN)).toBe(0);
  });
});

describe('ladder geometry', () => {
  it('gives every step the same width whatever its duration', () => {
    const a = stepGeometry(0);
    const b = stepGeometry(1);
    expect(a.x).toBe(LADDER.gutter);
    expect(b.x - a.x).toBe(LADDER.stepWidth);
    expect(a.endX).toBe(b.x);
    expect(a.dropX).toBe(LADDER.gutter + Math.round(LADDER.stepWidth * LADDER.upperShare));
  });

  it('draws the ladder up on LT and down on PT for each step', () => {
    const { x, dropX, endX } = stepGeometry(0);
    const next = stepGeometry(1);
    const stage = { kind: 'stage' } as const;
    expect(ladderPath([stage, stage])).toBe(
      `M${x} 34 L${dropX} 34 L${dropX} 70 L${endX} 70 ` +
        `L${next.x} 34 L${next.dropX} 34 L${next.dropX} 70 L${next.endX} 70`,
    );
    expect(ladderPath([])).toBe('');
    // A queue stays up: all of it is waiting.
    expect(ladderPath([{ kind: 'queue' }, stage])).toBe(
      `M${x} 34 L${endX} 34 L${next.x} 34 L${next.dropX} 34 L${next.dropX} 70 L${next.endX} 70`,
    );
  });

  it('grows by one step width per step', () => {
    expect(ladderWidth(3)).toBe(LADDER.gutter + 3 * LADDER.stepWidth + LADDER.padding);
    expect(ladderWidth(4) - ladderWidth(3)).toBe(LADDER.stepWidth);
  });
});

describe('labels', () => {
  it('cuts long names with an ellipsis', () => {
    expect(fitLabel('Release to production now', 19)).toBe('Release to product…');
    expect(fitLabel('Version control', 19)).toBe('Version control');
  });

  it('writes the totals of the software delivery template exactly, as every other view does', () => {
    // Σ LT = 22d 2h, Σ PT = 1d 7h 35m (the template's critical path).
    expect(formatTotal(22 * D + 2 * H, WT)).toBe('4w 2d 2h');
    // Never rounded: 3w 4d 4h is not "4w", 1d 7h 35m is not "2d".
    expect(formatTotal(19 * D + 4 * H, WT)).toBe('3w 4d 4h');
    expect(formatTotal(D + 7 * H + 35, WT)).toBe('1d 7h 35m');
    expect(formatExact(D + 7 * H + 35, WT)).toBe('1d 7h 35m');
    expect(formatTotal(2 * H + 35, WT)).toBe('2h 35m');
    expect(formatPercent((D + 7 * H + 35) / (22 * D + 2 * H))).toBe('8.8%');
    expect(formatStep(10 * D, WT)).toBe('2w');
    expect(formatStep(9 * D + 4 * H, WT)).toBe('1w 4d 4h');
    expect(formatStep(45, WT)).toBe('45m');
  });

  it('writes shares as percentages people trust', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0)).toBe('0%');
    // Two significant digits below 1 %: a share that small is still there.
    expect(formatPercent(0.0004)).toBe('0.04%');
    expect(formatPercent(0.0025)).toBe('0.25%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0.9996)).toBe('>99%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.3654)).toBe('37%');
  });
});

describe('stepsInView', () => {
  it('draws the steps in view and a view either side, never past the ends', () => {
    const w = LADDER.stepWidth;
    // At the start, 4 steps wide: nothing before, the view and one more view after.
    expect(stepsInView(0, 4 * w, 300)).toEqual({ first: 0, end: 8 });
    // Scrolled to step 100: from step 96 (one view back, the gutter rounding down) to 108.
    expect(stepsInView(100 * w, 4 * w, 300)).toEqual({ first: 95, end: 108 });
    // Near the end it stops at the last step; a short ladder is drawn whole.
    expect(stepsInView(298 * w, 4 * w, 300)).toEqual({ first: 293, end: 300 });
    expect(stepsInView(0, 1440, 5)).toEqual({ first: 0, end: 5 });
    expect(stepsInView(0, 1440, 0)).toEqual({ first: 0, end: 0 });
  });

  it('covers every step in view whatever the scroll position', () => {
    const width = 900;
    for (let left = 0; left < 200 * LADDER.stepWidth; left += 37) {
      const { first, end } = stepsInView(left, width, 200);
      for (let i = 0; i < 200; i++) {
        const { x, endX } = stepGeometry(i);
        const visible = endX > left && x < left + width;
        if (visible) expect(i >= first && i < end, `step ${i} at scroll ${left}`).toBe(true);
      }
    }
  });
});
