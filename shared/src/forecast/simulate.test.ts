// Property tests of the simulation against what the math says: no variability gives the
// deterministic figure at every percentile; rework, routes, ranges and parallel branches give the
// means they must; the same seed gives the same numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStateMetrics } from '../metrics/stateMetrics.ts';
import {
  chain,
  flowEdge,
  META,
  makeNode,
  makeStage,
  makeState,
  reworkEdge,
} from '../metrics/testing.ts';
import type { MapEdge, MapNode, MapState } from '../model/types.ts';
import { compileState } from './compile.ts';
import { runTrials } from './simulate.ts';
import { simulateState } from './simulateState.ts';

const start = () => makeNode('start', 'start');
const end = () => makeNode('end', 'end');

function withRate(edge: MapEdge, rate: number): MapEdge {
  return { ...edge, rate };
}

function withShare(edge: MapEdge, share: number): MapEdge {
  return { ...edge, share };
}

function summary(state: MapState, trials = 20_000, seed = 7) {
  const result = simulateState(state, META, { trials, seed });
  if (!result.distribution) throw new Error(`no distribution: ${result.errors.join('; ')}`);
  return result.distribution.leadTimeMinutes;
}

/** A random DAG of stages (arrows only forward), with or without start/end nodes. */
const dagArbitrary = fc
  .record({
    lts: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 12 }),
    density: fc.double({ min: 0, max: 0.6, noNaN: true }),
    seed: fc.integer(),
    startEnd: fc.boolean(),
  })
  .map(({ lts, density, seed, startEnd }) => {
    let s = seed >>> 0;
    const coin = () => {
      s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
      return s / 4_294_967_296;
    };
    const nodes: MapNode[] = lts.map((lt, i) =>
      i % 4 === 3
        ? makeNode(`n${i}`, 'queue', { waitMinutes: lt })
        : makeStage(`n${i}`, lt, Math.floor(lt / 2), 90),
    );
    const edges: MapEdge[] = [];
    for (let i = 0; i < lts.length; i++) {
      for (let j = i + 1; j < lts.length; j++) {
        if (j === i + 1 || coin() < density) edges.push(flowEdge(`n${i}`, `n${j}`));
      }
    }
    if (startEnd) {
      nodes.push(start(), end());
      edges.push(flowEdge('start', 'n0'), flowEdge(`n${lts.length - 1}`, 'end'));
    }
    return makeState(nodes, edges);
  });

describe('the simulation', () => {
  it('without variability, every percentile and the mean are the deterministic lead time', () => {
    fc.assert(
      fc.property(dagArbitrary, fc.integer(), (state, seed) => {
        const expected = computeStateMetrics(state, META).expectedLeadTimeMinutes;
        const figures = summary(state, 200, seed);
        for (const value of [figures.mean, figures.p50, figures.p85, figures.p95]) {
          expect(value).toBeCloseTo(expected, 6);
        }
      }),
      { numRuns: 60, seed: 18 },
    );
  });

  it('a rework loop at rate r makes the mean LT / (1 − r), queues in the loop included', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.8, noNaN: true }), (rate) => {
        const state = makeState(
          [
            start(),
            makeStage('a', 100, 10, 90),
            makeNode('q', 'queue', { waitMinutes: 50 }),
            makeStage('b', 200, 10, 90),
            makeStage('c', 300, 10, 90),
            end(),
          ],
          [...chain('start', 'a', 'q', 'b', 'c', 'end'), withRate(reworkEdge('c', 'a'), rate)],
        );
        const { mean, p50 } = summary(state, 40_000);
        expect(Math.abs(mean / (650 / (1 - rate)) - 1)).toBeLessThan(0.04);
        // Most items pass once when the rate is below one half: the median is one pass.
        if (rate < 0.45) expect(p50).toBe(650);
      }),
      { numRuns: 8, seed: 18 },
    );
  });

  it('on a chain with any rework loops, the mean is the metrics engine’s expected lead time', () => {
    const arbitrary = fc.record({
      lts: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 8 }),
      loops: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.nat(),
          rate: fc.double({ min: 0.01, max: 0.4, noNaN: true }),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(arbitrary, ({ lts, loops }) => {
        const ids = lts.map((_, i) => `s${i}`);
        const nodes = [start(), ...lts.map((lt, i) => makeStage(`s${i}`, lt, 1, 90)), end()];
        const edges = chain('start', ...ids, 'end');
        loops.forEach((loop, k) => {
          const a = loop.from % lts.length;
          const b = loop.to % lts.length;
          const edge = reworkEdge(`s${Math.max(a, b)}`, `s${Math.min(a, b)}`);
          edges.push({ ...withRate(edge, loop.rate), id: `r${k}` });
        });
        const state = makeState(nodes, edges);
        const expected = computeStateMetrics(state, META).expectedLeadTimeMinutes;
        const { mean } = summary(state, 30_000, 3);
        expect(Math.abs(mean / expected - 1)).toBeLessThan(0.05);
      }),
      { numRuns: 12, seed: 18 },
    );
  });

  it('sends an item back only through the loop steps on its own route', () => {
    // p is on every route (start → p), but inside the loop i…j only when i's route goes via p:
    // the route i → j passes i and j again, never p.
    const state = makeState(
      [
        start(),
        makeStage('i', 10, 1, 90),
        makeStage('p', 1000, 1, 90),
        makeStage('j', 10, 1, 90),
        end(),
      ],
      [
        flowEdge('start', 'i'),
        flowEdge('start', 'p'),
        withShare(flowEdge('i', 'p'), 0.5),
        withShare(flowEdge('i', 'j'), 0.5),
        flowEdge('p', 'j'),
        flowEdge('j', 'end'),
        withRate(reworkEdge('j', 'i'), 0.3),
      ],
    );
    const expected = computeStateMetrics(state, META).expectedLeadTimeMinutes;
    // Route i → j: 1000 + 10 / 0.7; route i → p: (10 + 1000 + 10) / 0.7.
    expect(expected).toBeCloseTo(0.5 * (1000 + 10 / 0.7) + 0.5 * (1020 / 0.7), 6);
    const { mean } = summary(state, 40_000);
    expect(Math.abs(mean / expected - 1)).toBeLessThan(0.015);
  });

  it('either/or routes give the share-weighted mean', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (share, x, y) => {
          const state = makeState(
            [start(), makeStage('a', 60, 6, 90), makeStage('x', x), makeStage('y', y), end()],
            [
              flowEdge('start', 'a'),
              withShare(flowEdge('a', 'x'), share),
              withShare(flowEdge('a', 'y'), 1 - share),
              flowEdge('x', 'end'),
              flowEdge('y', 'end'),
            ],
          );
          const weighted = 60 + share * x + (1 - share) * y;
          const { mean, p95 } = summary(state);
          // Standard error of the mean: |x − y|·√(share(1 − share)/n) ≤ 5000 × 0.5 / 141 ≈ 18.
          expect(Math.abs(mean - weighted)).toBeLessThan(75);
          expect(computeStateMetrics(state, META).expectedLeadTimeMinutes).toBeCloseTo(weighted, 6);
          // Every trial took one whole route.
          expect([60 + x, 60 + y]).toContain(p95);
        },
      ),
      { numRuns: 15, seed: 18 },
    );
  });

  it('a triangular stage has the mean (low + likely + high) / 3 and its quantiles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 4000 }),
        (low, aboveLow, spread) => {
          const likely = low + aboveLow;
          const high = likely + spread;
          const state = makeState(
            [
              start(),
              makeStage('t', likely, 0, 90, {
                elapsedLowMinutes: low,
                elapsedHighMinutes: high,
              }),
              end(),
            ],
            chain('start', 't', 'end'),
          );
          const { mean, p85 } = summary(state, 40_000);
          const sd = Math.sqrt(
            (low ** 2 + likely ** 2 + high ** 2 - low * likely - low * high - likely * high) / 18,
          );
          expect(Math.abs(mean - (low + likely + high) / 3)).toBeLessThan(5 * (sd / 200) + 1e-9);
          // The inverse CDF at 0.85 (the right-hand side of the triangle when the mode is below).
          const split = (likely - low) / (high - low);
          const exact =
            0.85 < split
              ? low + Math.sqrt(0.85 * (high - low) * (likely - low))
              : high - Math.sqrt(0.15 * (high - low) * (high - likely));
          expect(Math.abs(p85 - exact)).toBeLessThan(0.02 * (high - low) + 1e-9);
        },
      ),
      { numRuns: 15, seed: 18 },
    );
  });

  it('parallel branches wait for the longest one', () => {
    const stage = (id: string) =>
      makeStage(id, 0, 0, 90, { elapsedLowMinutes: 0, elapsedHighMinutes: 300 });
    const state = makeState(
      [start(), stage('x'), stage('y'), makeStage('fixed', 50, 0, 90), end()],
      [
        flowEdge('start', 'x'),
        flowEdge('start', 'y'),
        flowEdge('start', 'fixed'),
        flowEdge('x', 'end'),
        flowEdge('y', 'end'),
        flowEdge('fixed', 'end'),
      ],
    );
    const { mean } = summary(state, 40_000);
    // One triangular(0, 0, 300) has mean 100; the longer of two has mean 300 × 7/15 = 140
    // (∫ 1 − F(x)² dx with F(x) = 1 − (1 − x/300)²), and the 50-minute branch rarely matters.
    const exact = 300 * (7 / 15) + correctionFor50();
    expect(Math.abs(mean - exact)).toBeLessThan(2);
  });

  it('draws a stage from its measured quantiles when it has no range, and prefers the range', () => {
    const state = makeState(
      [start(), makeStage('m', 120, 0, 90), end()],
      chain('start', 'm', 'end'),
    );
    const measured = { m: { p50: 100, p85: 250 } };
    const result = simulateState(state, META, { trials: 40_000, seed: 5, inputs: { measured } });
    const figures = result.distribution?.leadTimeMinutes;
    expect(Math.abs((figures?.p50 ?? 0) / 100 - 1)).toBeLessThan(0.03);
    expect(Math.abs((figures?.p85 ?? 0) / 250 - 1)).toBeLessThan(0.03);

    const ranged = makeState(
      [
        start(),
        makeStage('m', 120, 0, 90, { elapsedLowMinutes: 60, elapsedHighMinutes: 180 }),
        end(),
      ],
      chain('start', 'm', 'end'),
    );
    const withRange = simulateState(ranged, META, { trials: 40_000, inputs: { measured } });
    expect(Math.abs((withRange.distribution?.leadTimeMinutes.mean ?? 0) - 120)).toBeLessThan(1);
    expect(withRange.distribution?.histogram.toMinutes).toBeLessThanOrEqual(180);
  });

  it('uses the quantiles a stage keeps from its last import, unless others are given', () => {
    const stored = {
      from: '2026-01-01T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
      items: 40,
      passes: 44,
      leadTimeMinutes: { p50: 300, p85: 900, mean: 450 },
      pctCA: 90,
    };
    const state = makeState(
      [start(), makeStage('m', 300, 0, 90, { measured: stored, timeSource: 'measured' }), end()],
      chain('start', 'm', 'end'),
    );
    const figures = summary(state, 40_000);
    expect(Math.abs(figures.p50 / 300 - 1)).toBeLessThan(0.03);
    expect(Math.abs(figures.p85 / 900 - 1)).toBeLessThan(0.03);
    const given = simulateState(state, META, {
      trials: 40_000,
      inputs: { measured: { m: { p50: 100, p85: 100 } } },
    });
    expect(given.distribution?.leadTimeMinutes.p95).toBeCloseTo(100, 6);
  });

  it('counts only the start→end paths, like the metrics', () => {
    const state = makeState(
      [start(), makeStage('a', 100, 10, 90), makeStage('stray', 99_999, 0, 90), end()],
      chain('start', 'a', 'end'),
    );
    expect(summary(state, 100).p95).toBe(100);
  });

  it('says why there is no distribution for a state with a flow cycle', () => {
    const state = makeState(
      [start(), makeStage('a', 100), makeStage('b', 100), end()],
      [...chain('start', 'a', 'b', 'end'), flowEdge('b', 'a')],
    );
    const result = simulateState(state, META, { trials: 100 });
    expect(result.distribution).toBeNull();
    expect(result.errors[0]).toContain('Flow edges form a cycle');
  });

  it('treats a range that does not hold the likely LT as no range, and says so', () => {
    const state = makeState(
      [
        start(),
        makeStage('a', 100, 0, 90, { elapsedLowMinutes: 150, elapsedHighMinutes: 200 }),
        end(),
      ],
      chain('start', 'a', 'end'),
    );
    const result = simulateState(state, META, { trials: 100 });
    expect(result.distribution?.leadTimeMinutes.p95).toBe(100);
    expect(result.problems.map((p) => p.path)).toContain('nodes.a.elapsedLowMinutes');
  });

  it('gives the same numbers for the same seed and different ones for another', () => {
    const state = makeState(
      [
        start(),
        makeStage('a', 100, 0, 90, { elapsedLowMinutes: 50, elapsedHighMinutes: 400 }),
        makeStage('b', 200, 0, 90),
        end(),
      ],
      [...chain('start', 'a', 'b', 'end'), withRate(reworkEdge('b', 'a'), 0.3)],
    );
    const { model } = compileState(state, META);
    if (!model) throw new Error('no model');
    const first = runTrials(model, 500, 42);
    expect(Array.from(runTrials(model, 500, 42))).toEqual(Array.from(first));
    const other = runTrials(model, 500, 43);
    const same = first.filter((v, i) => v === other[i]).length;
    expect(same).toBeLessThan(50);
    expect(simulateState(state, META, { trials: 1000, seed: 9 })).toEqual(
      simulateState(state, META, { trials: 1000, seed: 9 }),
    );
  });

  it('refuses a number of trials that is not a whole number from 1', () => {
    const state = makeState([start(), makeStage('a', 1), end()], chain('start', 'a', 'end'));
    expect(() => simulateState(state, META, { trials: 0 })).toThrow(/trials must be/);
    expect(() => simulateState(state, META, { trials: 2.5 })).toThrow(/trials must be/);
  });
});

/**
 * The 50-minute branch lifts the mean where both triangular branches finish under 50:
 * E[max(M, 50)] − E[M] = ∫₀⁵⁰ F_M(x) dx with F_M = F² and F(x) = 1 − (1 − x/300)².
 */
function correctionFor50(): number {
  let sum = 0;
  const steps = 10_000;
  for (let i = 0; i < steps; i++) {
    const x = ((i + 0.5) / steps) * 50;
    const f = 1 - (1 - x / 300) ** 2;
    sum += f * f * (50 / steps);
  }
  return sum;
}
