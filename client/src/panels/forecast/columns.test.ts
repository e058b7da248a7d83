import type { LeadTimeDistribution, MapState, StateForecast } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { forecastColumns } from './columns.ts';
import { outlinePoints } from './distributionChartConfig.ts';

function distribution(p85: number): LeadTimeDistribution {
  return {
    trials: 4,
    seed: 1,
    leadTimeMinutes: { mean: p85, p50: p85, p85, p95: p85 },
    histogram: { fromMinutes: p85, toMinutes: p85, counts: [4] },
  };
}

function state(id: string, kind: MapState['kind'], basedOn?: string): MapState {
  return {
    id,
    name: id,
    kind,
    order: 0,
    nodes: {},
    edges: {},
    ...(basedOn ? { basedOn } : {}),
  };
}

function forecast(id: string, kind: MapState['kind'], projected = false): StateForecast {
  return {
    stateId: id,
    name: id,
    kind,
    distribution: distribution(id.length * 100),
    expectedLeadTimeMinutes: 0,
    projected: projected
      ? { distribution: distribution(50), expectedLeadTimeMinutes: 50, stageIds: ['a'] }
      : null,
    kaizenEffects: [],
    problems: [],
    errors: [],
  };
}

describe('forecastColumns', () => {
  const states = [
    state('now', 'current'),
    state('later', 'future', 'now'),
    state('other', 'current'),
    state('dream', 'future', 'other'),
  ];
  const forecasts = [
    forecast('now', 'current', true),
    forecast('later', 'future'),
    forecast('other', 'current'),
    forecast('dream', 'future'),
  ];

  it('puts the current state, its projection and its future side by side', () => {
    const view = forecastColumns(forecasts, states, 'now');
    expect(view.current?.stateId).toBe('now');
    expect(view.columns.map((c) => [c.key, c.stateId])).toEqual([
      ['current', 'now'],
      ['projected', 'now'],
      ['future', 'later'],
    ]);
    expect(view.columns[1]?.distribution?.leadTimeMinutes.p85).toBe(50);
  });

  it('follows the active tab: a future state next to the state it is based on', () => {
    const view = forecastColumns(forecasts, states, 'dream');
    expect(view.columns.map((c) => [c.key, c.stateId])).toEqual([
      ['current', 'other'],
      ['future', 'dream'],
    ]);
    expect(forecastColumns(forecasts, states, 'other').columns.at(-1)?.stateId).toBe('dream');
  });
});

describe('outlinePoints', () => {
  it('outlines the bins as densities per axis unit, closed at both ends', () => {
    const points = outlinePoints(
      { fromMinutes: 0, toMinutes: 960, counts: [1, 3] },
      4,
      480, // days
      1,
    );
    // Two bins of one day each: 1/4 and 3/4 of the items per day.
    expect(points).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 0.25 },
      { x: 1, y: 0.75 },
      { x: 2, y: 0.75 },
      { x: 2, y: 0 },
    ]);
  });

  it('draws a distribution without spread as a spike', () => {
    expect(outlinePoints({ fromMinutes: 960, toMinutes: 960, counts: [4] }, 4, 480, 3)).toEqual([
      { x: 2, y: 0 },
      { x: 2, y: 3 },
      { x: 2, y: 0 },
    ]);
  });
});
