// The trend across a map's quarterly reviews: one point per snapshot (oldest first) plus the live
// map ("now"), for one state followed by its id, as plain series the chart and the data table
// both draw from. Pure, so the numbers a team reads are tested.
import {
  DORA_KEYS,
  DORA_THRESHOLDS,
  type DoraKey,
  type DoraLevel,
  formatDuration,
  type MapHeadline,
  type StateHeadline,
  type StateKind,
  spanMinutes,
  type Unit,
  unitMinutes,
  type WorkingTime,
} from '@flowmap/shared';
import { formatNumber } from '@flowmap/shared/i18n';
import type { TFunction } from 'i18next';
import type { SnapshotSummary } from '../../api/http.ts';
import { formatPercent } from '../metrics/format.ts';

export type TrendKey = 'totalLeadTimeMinutes' | 'flowEfficiency' | 'rolledPctCA' | DoraKey;
export type TrendUnit = 'duration' | 'ratio' | 'perWeek';

type SnapshotsT = TFunction<'snapshots'>;

/** A metric the trend follows; its name is the catalog's (trendLabel). */
export interface TrendMetric {
  key: TrendKey;
  unit: TrendUnit;
  better: 'lower' | 'higher';
  group: 'flow' | 'dora';
}

export const TREND_METRICS: readonly TrendMetric[] = [
  {
    key: 'totalLeadTimeMinutes',
    unit: 'duration',
    better: 'lower',
    group: 'flow',
  },
  {
    key: 'flowEfficiency',
    unit: 'ratio',
    better: 'higher',
    group: 'flow',
  },
  { key: 'rolledPctCA', unit: 'ratio', better: 'higher', group: 'flow' },
  {
    key: 'deploymentFrequency',
    unit: 'perWeek',
    better: 'higher',
    group: 'dora',
  },
  {
    key: 'leadTimeForChanges',
    unit: 'duration',
    better: 'lower',
    group: 'dora',
  },
  {
    key: 'changeFailureRate',
    unit: 'ratio',
    better: 'lower',
    group: 'dora',
  },
  {
    key: 'timeToRestore',
    unit: 'duration',
    better: 'lower',
    group: 'dora',
  },
];

/** A trend metric's name: "Total lead time", "총 리드 타임". */
export function trendLabel(t: SnapshotsT, key: TrendKey): string {
  return t(`trend.metrics.${key}`);
}

export const NOW_ID = 'now';

export interface TrendPoint {
  /** The snapshot's id, or NOW_ID for the live map. */
  id: string;
  /** The snapshot's name, or "Now". */
  label: string;
  createdAt: number | null;
  isNow: boolean;
  /** The state's name in this snapshot; null when the snapshot does not have the state. */
  stateName: string | null;
  values: Record<TrendKey, number | null>;
  levels: Record<DoraKey, DoraLevel | null>;
}

export interface TrendStateOption {
  id: string;
  name: string;
  kind: StateKind;
}

function emptyPoint(): Pick<TrendPoint, 'values' | 'levels'> {
  const values = {} as Record<TrendKey, number | null>;
  const levels = {} as Record<DoraKey, DoraLevel | null>;
  for (const metric of TREND_METRICS) values[metric.key] = null;
  for (const key of DORA_KEYS) levels[key] = null;
  return { values, levels };
}

function valuesOf(state: StateHeadline): Pick<TrendPoint, 'values' | 'levels'> {
  const { values, levels } = emptyPoint();
  values.totalLeadTimeMinutes = state.totalLeadTimeMinutes;
  values.flowEfficiency = state.flowEfficiency;
  values.rolledPctCA = state.rolledPctCA;
  for (const key of DORA_KEYS) {
    values[key] = state.dora[key].value;
    levels[key] = state.dora[key].level;
  }
  return { values, levels };
}

/**
 * The states a trend can follow, matched by id across reviews (a state keeps its id for life):
 * the live map's in tab order, then those only older snapshots have, named as last seen.
 */
export function trendStateOptions(
  snapshots: readonly SnapshotSummary[],
  now: MapHeadline | null,
): TrendStateOption[] {
  const seen = new Map<string, TrendStateOption>();
  for (const state of now?.states ?? []) {
    seen.set(state.stateId, { id: state.stateId, name: state.name, kind: state.kind });
  }
  for (const snapshot of [...snapshots].reverse()) {
    for (const state of snapshot.headline.states) {
      if (!seen.has(state.stateId)) {
        seen.set(state.stateId, { id: state.stateId, name: state.name, kind: state.kind });
      }
    }
  }
  return [...seen.values()];
}

/** The state a quarterly review follows: the first current state (the one re-measured). */
export function defaultTrendState(options: readonly TrendStateOption[]): string | null {
  return (options.find((o) => o.kind === 'current') ?? options[0])?.id ?? null;
}

export function buildTrend(
  snapshots: readonly SnapshotSummary[],
  now: MapHeadline | null,
  stateId: string,
  /** What the live map's point is called. */
  nowLabel = 'Now',
): TrendPoint[] {
  const point = (
    id: string,
    label: string,
    createdAt: number | null,
    headline: MapHeadline,
  ): TrendPoint => {
    const state = headline.states.find((s) => s.stateId === stateId) ?? null;
    return {
      id,
      label,
      createdAt,
      isNow: id === NOW_ID,
      stateName: state?.name ?? null,
      ...(state ? valuesOf(state) : emptyPoint()),
    };
  };
  const points = [...snapshots]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((s) => point(s.id, s.name, s.createdAt, s.headline));
  if (now) points.push(point(NOW_ID, nowLabel, null, now));
  return points;
}

/** The unit a duration axis counts in: the largest one that still gives two or more steps. */
export interface DurationAxis {
  unit: Unit;
  /** Minutes per axis unit, in the map's working time. */
  size: number;
  /** For the axis title: "working weeks (5 d × 8 h)". */
  title: string;
}

export function durationAxis(maxMinutes: number, wt: WorkingTime, t: SnapshotsT): DurationAxis {
  const units: Unit[] = ['w', 'd', 'h', 'm'];
  const unit = units.find((u) => maxMinutes / unitMinutes(u, wt) >= 2) ?? 'm';
  const title = t(`axis.${unit}`, {
    days: formatNumber(wt.daysPerWeek),
    hours: formatNumber(wt.hoursPerDay),
  });
  return { unit, size: unitMinutes(unit, wt), title };
}

/** A tick of a duration axis: "2.5w", "2.5주". */
export function axisTick(t: SnapshotsT, value: number, unit: Unit): string {
  return t(`axis.tick.${unit}`, { value: formatNumber(value) });
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function formatPerWeek(t: SnapshotsT, perWeek: number): string {
  return t('trend.perWeek', { value: formatNumber(round(perWeek, perWeek < 1 ? 2 : 1)) });
}

/** A value as the table and the tooltips show it: "4w 2d 3h", "8.8%", "0.5 per week", or "—". */
export function formatTrendValue(
  t: SnapshotsT,
  metric: Pick<TrendMetric, 'unit'>,
  value: number | null,
  wt: WorkingTime,
): string {
  if (value === null) return '—';
  if (metric.unit === 'duration') return formatDuration(value, wt);
  if (metric.unit === 'ratio') return formatPercent(value);
  return formatPerWeek(t, value);
}

export interface TrendChange {
  from: TrendPoint;
  to: TrendPoint;
  /** (last − first) / first; null from zero. */
  relative: number | null;
  tone: 'better' | 'worse' | 'same';
}

/** From the first point with a value to the last one: what the chart's heading quotes. */
export function trendChange(
  points: readonly TrendPoint[],
  metric: TrendMetric,
): TrendChange | null {
  const valued = points.filter((p) => p.values[metric.key] !== null);
  const from = valued[0];
  const to = valued.at(-1);
  if (!from || !to || from === to) return null;
  const a = from.values[metric.key] as number;
  const b = to.values[metric.key] as number;
  const tone = a === b ? 'same' : (metric.better === 'lower' ? b < a : b > a) ? 'better' : 'worse';
  return { from, to, relative: a === 0 ? null : (b - a) / Math.abs(a), tone };
}

export interface LevelBand {
  level: DoraLevel;
  /** In the metric's own unit (minutes, a 0–1 fraction, deployments per week). */
  from: number;
  /** Infinity for the open-ended band. */
  to: number;
}

/** The DORA levels as bands of the metric's values, from the one shared table. */
export function doraBands(key: DoraKey, wt: WorkingTime): LevelBand[] {
  const b = DORA_THRESHOLDS.bands;
  switch (key) {
    case 'deploymentFrequency': {
      const d = b.deploymentsPerWeek;
      return [
        { level: 'low', from: 0, to: d.mediumAtLeast },
        { level: 'medium', from: d.mediumAtLeast, to: d.highAtLeast },
        { level: 'high', from: d.highAtLeast, to: d.eliteAtLeast },
        { level: 'elite', from: d.eliteAtLeast, to: Number.POSITIVE_INFINITY },
      ];
    }
    case 'leadTimeForChanges': {
      const l = b.leadTimeForChanges;
      const elite = spanMinutes(l.eliteAtMost, wt);
      const high = spanMinutes(l.highAtMost, wt);
      const medium = spanMinutes(l.mediumAtMost, wt);
      return [
        { level: 'elite', from: 0, to: elite },
        { level: 'high', from: elite, to: high },
        { level: 'medium', from: high, to: medium },
        { level: 'low', from: medium, to: Number.POSITIVE_INFINITY },
      ];
    }
    case 'changeFailureRate': {
      const c = b.changeFailureRate;
      return [
        { level: 'elite', from: 0, to: c.eliteAtMost },
        { level: 'high', from: c.eliteAtMost, to: c.highAtMost },
        { level: 'medium', from: c.highAtMost, to: c.mediumBelow },
        { level: 'low', from: c.mediumBelow, to: 1 },
      ];
    }
    case 'timeToRestore': {
      const t = b.timeToRestore;
      const elite = spanMinutes(t.eliteBelow, wt);
      const high = spanMinutes(t.highBelow, wt);
      const medium = spanMinutes(t.mediumBelow, wt);
      return [
        { level: 'elite', from: 0, to: elite },
        { level: 'high', from: elite, to: high },
        { level: 'medium', from: high, to: medium },
        { level: 'low', from: medium, to: Number.POSITIVE_INFINITY },
      ];
    }
  }
}
