// The forecast of a state with kaizens: the projected distribution, each kaizen's effect alone
// (exact where common random numbers make it exact), the ordering, and the sentences.
import { describe, expect, it } from 'vitest';
import { chain, flowEdge, META, makeNode, makeStage, makeState } from '../metrics/testing.ts';
import type { FlowMap, MapNode, MapState } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import { forecastMap, forecastState, unitsOf } from './forecast.ts';
import { formatDurationChange, formatKaizenEffect, formatWithin } from './format.ts';

const meta = { ...DEFAULT_META, title: 'Forecast' };

function kaizen(id: string, extra: Partial<MapNode>): MapNode {
  return makeNode(id, 'kaizen', extra);
}

/** start → a (500–1000–3000) → b (2000) → c (500) → end, with four kaizens on the wall. */
function plannedState(): MapState {
  return makeState(
    [
      makeNode('start', 'start'),
      makeStage('a', 1000, 100, 90, { elapsedLowMinutes: 500, elapsedHighMinutes: 3000 }),
      makeStage('b', 2000, 100, 90),
      makeStage('c', 500, 100, 90),
      makeNode('end', 'end'),
      kaizen('k1', { name: 'Halve the build', effectElapsedMinutes: 500 }),
      kaizen('k2', { name: 'Review daily', effectElapsedMinutes: 1000 }),
      kaizen('k3', { name: 'Script the release', effectElapsedMinutes: 400 }),
      kaizen('k4', { name: 'Already done', effectElapsedMinutes: 1, status: 'done' }),
      kaizen('k5', { name: 'Just an idea' }),
    ],
    [
      ...chain('start', 'a', 'b', 'c', 'end'),
      flowEdge('k1', 'a'),
      flowEdge('k2', 'b'),
      flowEdge('k3', 'c'),
      flowEdge('k4', 'c'),
      flowEdge('k5', 'c'),
    ],
    'current',
  );
}

describe('forecastState', () => {
  const forecast = forecastState(plannedState(), meta, { trials: 20_000, seed: 11 });

  it('orders the open kaizens with an effect by what they buy alone', () => {
    expect(forecast.kaizenEffects.map((k) => k.kaizenId)).toEqual(['k2', 'k1', 'k3']);
    const [k2, k1, k3] = forecast.kaizenEffects;
    // Expected figures are the metrics engine's (likely values): exact.
    expect(k2?.expectedChangeMinutes).toBe(-1000);
    expect(k1?.expectedChangeMinutes).toBe(-500);
    expect(k3?.expectedChangeMinutes).toBe(-100);
    // Same seed, same draws: a fixed stage's cut moves every trial, so p85 moves by exactly it.
    expect(k2?.p85ChangeMinutes).toBeCloseTo(-1000, 9);
    expect(k3?.p85ChangeMinutes).toBeCloseTo(-100, 9);
    expect(k2?.stageIds).toEqual(['b']);
  });

  it('keeps a ranged stage’s uncertainty in proportion when a kaizen moves its likely LT', () => {
    // a's range scales by 500/1000 with it: the draws halve, and so does a's part of p85, whose
    // exact value for triangular(500, 1000, 3000) is 3000 − √(0.15 × 2500 × 2000) ≈ 2134.
    const p85a = 3000 - Math.sqrt(0.15 * 2500 * 2000);
    const k1 = forecast.kaizenEffects.find((k) => k.kaizenId === 'k1');
    expect(Math.abs((k1?.p85ChangeMinutes ?? 0) + p85a / 2)).toBeLessThan(0.02 * p85a);
  });

  it('projects the whole plan next to the current distribution', () => {
    expect(forecast.expectedLeadTimeMinutes).toBe(3500);
    expect(forecast.projected?.expectedLeadTimeMinutes).toBe(1900);
    expect(forecast.projected?.stageIds.sort()).toEqual(['a', 'b', 'c']);
    const now = forecast.distribution?.leadTimeMinutes;
    const then = forecast.projected?.distribution?.leadTimeMinutes;
    // a ~ triangular(500, 1000, 3000): mean 1500, so the mean is 4000 now and 750 + 1400 after.
    expect(Math.abs((now?.mean ?? 0) - 4000)).toBeLessThan(20);
    expect(Math.abs((then?.mean ?? 0) - 2150)).toBeLessThan(10);
    expect(then?.p85).toBeLessThan(now?.p50 ?? 0);
  });

  it('has no projection and no effects when no kaizen has an effect', () => {
    const bare = makeState(
      [makeNode('start', 'start'), makeStage('a', 100, 10, 90), makeNode('end', 'end')],
      chain('start', 'a', 'end'),
    );
    const result = forecastState(bare, meta, { trials: 100 });
    expect(result.projected).toBeNull();
    expect(result.kaizenEffects).toEqual([]);
    expect(result.distribution?.leadTimeMinutes.p85).toBe(100);
  });

  it('scales measured quantiles with the kaizen’s LT', () => {
    const state = makeState(
      [
        makeNode('start', 'start'),
        makeStage('m', 1000, 10, 90),
        makeNode('end', 'end'),
        kaizen('k', { name: 'Pairing', effectElapsedMinutes: 500 }),
      ],
      [...chain('start', 'm', 'end'), flowEdge('k', 'm')],
    );
    const result = forecastState(state, meta, {
      trials: 20_000,
      measured: { s1: { m: { p50: 800, p85: 2000 } } },
    });
    const now = result.distribution?.leadTimeMinutes.p85 ?? 0;
    const then = result.projected?.distribution?.leadTimeMinutes.p85 ?? 0;
    expect(Math.abs(now / 2000 - 1)).toBeLessThan(0.05);
    expect(then).toBeCloseTo(now / 2, 6);
  });
});

describe('forecastState with stored measurements', () => {
  it('scales what the stage keeps from its import with the kaizen’s LT', () => {
    const measured = {
      from: '2026-01-01T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
      items: 40,
      passes: 40,
      leadTimeMinutes: { p50: 800, p85: 2000, mean: 1100 },
      pctCA: 90,
    };
    const state = makeState(
      [
        makeNode('start', 'start'),
        makeStage('m', 800, 10, 90, { measured }),
        makeNode('end', 'end'),
        kaizen('k', { name: 'Pairing', effectElapsedMinutes: 200 }),
      ],
      [...chain('start', 'm', 'end'), flowEdge('k', 'm')],
    );
    const result = forecastState(state, meta, { trials: 20_000 });
    const now = result.distribution?.leadTimeMinutes.p85 ?? 0;
    expect(Math.abs(now / 2000 - 1)).toBeLessThan(0.05);
    expect(result.projected?.distribution?.leadTimeMinutes.p85).toBeCloseTo(now / 4, 6);
  });
});

describe('forecastMap', () => {
  const map: FlowMap = {
    meta,
    states: {
      future: { ...plannedState(), id: 'future', name: 'Future', kind: 'future', order: 1 },
      current: plannedState(),
    },
  };

  it('forecasts every state in order, or the one asked for, the same for the same seed', () => {
    const all = forecastMap(map, { trials: 500, seed: 3 });
    expect(all.map((s) => s.stateId)).toEqual(['current', 'future']);
    expect(forecastMap(map, { trials: 500, seed: 3 })).toEqual(all);
    const one = forecastMap(map, { trials: 500, seed: 3, stateId: 'future' });
    expect(one.map((s) => s.stateId)).toEqual(['future']);
    expect(forecastMap(map, { trials: 500, seed: 4 })[0]?.distribution).not.toEqual(
      all[0]?.distribution,
    );
  });
});

describe('the sentences', () => {
  const wt = { hoursPerDay: 8, daysPerWeek: 5 };

  it('say what 85% of the items wait at most, in the map’s unit of work', () => {
    const distribution = {
      trials: 10,
      seed: 1,
      leadTimeMinutes: { mean: 3000, p50: 2400, p85: 8 * 60 * 7 + 200, p95: 9000 },
      histogram: { fromMinutes: 0, toMinutes: 9000, counts: [10] },
    };
    expect(formatWithin(distribution, meta)).toBe('85% of items within 1w 2d');
    expect(formatWithin(distribution, { ...META, unitOfWork: 'change' })).toBe(
      '85% of changes within 1w 2d',
    );
    expect(formatWithin(distribution, meta, 50)).toBe('50% of items within 1w');
    expect(unitsOf({ unitOfWork: 'story' })).toBe('stories');
  });

  it('write a kaizen’s effect with signs and two units', () => {
    expect(
      formatKaizenEffect(
        {
          kaizenId: 'k',
          name: 'Automate the regression suite',
          stageIds: ['t'],
          expectedChangeMinutes: -(3 * 480 + 4 * 60),
          p85ChangeMinutes: -2400,
        },
        wt,
      ),
    ).toBe('Automate the regression suite: \u22123d 4h expected, \u22121w at p85');
    expect(formatDurationChange(90, wt)).toBe('+1h 30m');
    expect(formatDurationChange(0.2, wt)).toBe('no change');
  });
});
