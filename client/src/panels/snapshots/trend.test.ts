import { type FlowMap, mapHeadline, softwareDeliveryTemplate } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../../api/http.ts';
import { translator } from '../testing/translators.ts';
import {
  buildTrend,
  defaultTrendState,
  doraBands,
  durationAxis,
  formatTrendValue,
  NOW_ID,
  TREND_METRICS,
  trendChange,
  trendStateOptions,
} from './trend.ts';

const en = translator('en', 'snapshots');
const ko = translator('ko', 'snapshots');

const WT = { hoursPerDay: 8, daysPerWeek: 5 };
const DAY = 480;

/** The template with security review taking `securityDays` and `deploys` releases a week. */
function mapWith(securityDays: number, deploys: number, extra?: (map: FlowMap) => void): FlowMap {
  const map = softwareDeliveryTemplate({ title: 'Payments' });
  const current = map.states.current;
  const security = current?.nodes['security-review'];
  if (!current || !security) throw new Error('template changed');
  security.elapsedMinutes = securityDays * DAY;
  current.dora = { ...current.dora, deploymentsPerWeek: deploys };
  extra?.(map);
  return map;
}

function snapshot(id: string, createdAt: number, map: FlowMap): SnapshotSummary {
  return { id, name: `Review ${id}`, createdAt, headline: mapHeadline(map) };
}

const lead = TREND_METRICS.find((m) => m.key === 'totalLeadTimeMinutes');
const deploys = TREND_METRICS.find((m) => m.key === 'deploymentFrequency');

describe('buildTrend', () => {
  it('gives one point per snapshot, oldest first, then now, for the followed state', () => {
    const snapshots = [
      snapshot('q3', 3_000, mapWith(5, 1)),
      snapshot('q1', 1_000, mapWith(10, 0.5)),
      snapshot('q2', 2_000, mapWith(8, 0.5)),
    ];
    const points = buildTrend(snapshots, mapHeadline(mapWith(2, 7)), 'current');
    expect(points.map((p) => p.id)).toEqual(['q1', 'q2', 'q3', NOW_ID]);
    expect(points.map((p) => p.label)).toEqual(['Review q1', 'Review q2', 'Review q3', 'Now']);
    expect(points.map((p) => p.isNow)).toEqual([false, false, false, true]);
    expect(points.map((p) => p.createdAt)).toEqual([1_000, 2_000, 3_000, null]);
    // 10 680 minutes with a 10-day security review; each day less is 480 fewer.
    expect(points.map((p) => p.values.totalLeadTimeMinutes)).toEqual([
      10_680,
      10_680 - 2 * DAY,
      10_680 - 5 * DAY,
      10_680 - 8 * DAY,
    ]);
    expect(points.map((p) => p.values.leadTimeForChanges)).toEqual(
      points.map((p) => p.values.totalLeadTimeMinutes),
    );
    expect(points.map((p) => p.values.deploymentFrequency)).toEqual([0.5, 0.5, 1, 7]);
    expect(points.map((p) => p.levels.deploymentFrequency)).toEqual([
      'medium',
      'medium',
      'high',
      'elite',
    ]);
    expect(points[0]?.values.flowEfficiency).toBeCloseTo(935 / 10_680, 12);
    expect(points[0]?.values.rolledPctCA).toBeCloseTo(0.386631, 12);
    expect(points[0]?.values.changeFailureRate).toBe(0.15);
    expect(points[0]?.values.timeToRestore).toBe(720);
    expect(points[0]?.stateName).toBe('Current state');
  });

  it('leaves gaps where a snapshot lacks the state, and can leave now out', () => {
    const withFuture = mapWith(10, 0.5, (map) => {
      const current = map.states.current;
      if (current)
        map.states.future = { ...current, id: 'future', name: 'Future', kind: 'future', order: 1 };
    });
    const snapshots = [snapshot('a', 1, mapWith(10, 0.5)), snapshot('b', 2, withFuture)];
    const points = buildTrend(snapshots, null, 'future');
    expect(points.map((p) => p.id)).toEqual(['a', 'b']);
    expect(points[0]?.stateName).toBeNull();
    expect(points[0]?.values.totalLeadTimeMinutes).toBeNull();
    expect(points[0]?.levels.changeFailureRate).toBeNull();
    expect(points[1]?.values.totalLeadTimeMinutes).toBe(10_680);
  });
});

describe('trend states', () => {
  it('offers the live map’s states first, then those only older snapshots had', () => {
    const old = mapWith(10, 0.5, (map) => {
      const current = map.states.current;
      if (current)
        map.states.gone = { ...current, id: 'gone', name: 'Old plan', kind: 'future', order: 1 };
    });
    const renamed = mapWith(10, 0.5, (map) => {
      if (map.states.current) map.states.current.name = 'As is';
    });
    const options = trendStateOptions([snapshot('a', 1, old)], mapHeadline(renamed));
    expect(options).toEqual([
      { id: 'current', name: 'As is', kind: 'current' },
      { id: 'gone', name: 'Old plan', kind: 'future' },
    ]);
    expect(defaultTrendState(options)).toBe('current');
    expect(defaultTrendState([{ id: 'x', name: 'X', kind: 'future' }])).toBe('x');
    expect(defaultTrendState([])).toBeNull();
  });
});

describe('axes, values and bands', () => {
  it('counts a duration axis in the largest unit that gives two steps', () => {
    expect(durationAxis(10_680, WT, en)).toEqual({
      unit: 'w',
      size: 2400,
      title: 'working weeks (5 d × 8 h)',
    });
    expect(durationAxis(10_680, WT, ko).title).toBe('근무 주 (5일 × 8시간)');
    expect(durationAxis(4 * DAY, WT, ko).title).toBe('근무일 (8시간)');
    expect(durationAxis(4 * DAY, WT, en)).toMatchObject({
      unit: 'd',
      size: 480,
      title: 'working days (8 h)',
    });
    expect(durationAxis(720, WT, en)).toMatchObject({ unit: 'h', size: 60 });
    expect(durationAxis(90, WT, en)).toMatchObject({ unit: 'm', size: 1 });
    expect(durationAxis(0, WT, en)).toMatchObject({ unit: 'm' });
    expect(durationAxis(720, { hoursPerDay: 6, daysPerWeek: 4 }, en)).toMatchObject({
      unit: 'd',
      size: 360,
    });
  });

  it('formats values in the map’s working time', () => {
    if (!lead || !deploys) throw new Error('metrics missing');
    expect(formatTrendValue(en, lead, 10_680, WT)).toBe('4w 2d 2h');
    expect(formatTrendValue(en, lead, null, WT)).toBe('—');
    expect(formatTrendValue(en, { unit: 'ratio' }, 935 / 10_680, WT)).toBe('8.8%');
    expect(formatTrendValue(en, deploys, 0.5, WT)).toBe('0.5 per week');
    expect(formatTrendValue(en, deploys, 12 / 52, WT)).toBe('0.23 per week');
    expect(formatTrendValue(en, deploys, 10, WT)).toBe('10 per week');
    expect(formatTrendValue(ko, deploys, 0.5, WT)).toBe('주당 0.5회');
  });

  it('quotes the change from the first valued point to the last', () => {
    if (!lead || !deploys) throw new Error('metrics missing');
    const points = buildTrend(
      [snapshot('a', 1, mapWith(10, 1)), snapshot('b', 2, mapWith(5, 1))],
      mapHeadline(mapWith(10, 0.5)),
      'current',
    );
    expect(trendChange(points.slice(0, 2), lead)).toMatchObject({
      relative: -(5 * DAY) / 10_680,
      tone: 'better',
    });
    expect(trendChange(points, lead)).toMatchObject({ relative: 0, tone: 'same' });
    expect(trendChange(points, deploys)).toMatchObject({ relative: -0.5, tone: 'worse' });
    expect(trendChange(points.slice(0, 1), lead)).toBeNull();
  });

  it('draws the DORA levels as bands from the shared table', () => {
    expect(doraBands('leadTimeForChanges', WT)).toEqual([
      { level: 'elite', from: 0, to: 480 },
      { level: 'high', from: 480, to: 2400 },
      { level: 'medium', from: 2400, to: 10_400 },
      { level: 'low', from: 10_400, to: Number.POSITIVE_INFINITY },
    ]);
    expect(doraBands('deploymentFrequency', WT).map((b) => [b.level, b.from])).toEqual([
      ['low', 0],
      ['medium', 12 / 52],
      ['high', 1],
      ['elite', 7],
    ]);
    expect(doraBands('changeFailureRate', WT).map((b) => b.to)).toEqual([0.05, 0.2, 0.4, 1]);
    expect(doraBands('timeToRestore', WT).map((b) => b.to)).toEqual([
      60,
      480,
      2400,
      Number.POSITIVE_INFINITY,
    ]);
  });
});
