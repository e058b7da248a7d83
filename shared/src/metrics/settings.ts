// Map settings as the metrics use them. Meta comes from the same untrusted document as the
// nodes, so a setting that is not a sensible number falls back to its default rather than
// poisoning every figure (a 0-hour day would make every duration format as infinite days).
import type { MapMeta, WorkingTime } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';

export type MetricsMeta = Pick<
  MapMeta,
  'hoursPerDay' | 'daysPerWeek' | 'lowPctCAThreshold' | 'bottleneckCount'
> &
  Partial<Pick<MapMeta, 'demandPerDay' | 'unitOfWork'>>;

export interface MetricSettings {
  wt: WorkingTime;
  lowPctCAThreshold: number;
  bottleneckCount: number;
  /** Items per working day, or null when unset or not a positive number. */
  demandPerDay: number | null;
  /** What one item is called, singular ("item" when unset). */
  unitOfWork: string;
}

/** Utilisation above this is a capacity bottleneck: queueing makes waits explode near 100 %. */
export const CAPACITY_THRESHOLD = 0.85;

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Working time with each part replaced by its default unless it is a positive, bounded number. */
export function safeWorkingTime(wt: Partial<WorkingTime> | undefined): WorkingTime {
  const hoursPerDay = wt?.hoursPerDay;
  const daysPerWeek = wt?.daysPerWeek;
  return {
    hoursPerDay: inRange(hoursPerDay, 1e-3, 24) ? hoursPerDay : DEFAULT_META.hoursPerDay,
    daysPerWeek: inRange(daysPerWeek, 1e-3, 7) ? daysPerWeek : DEFAULT_META.daysPerWeek,
  };
}

export function metricSettings(meta: Partial<MetricsMeta> | undefined): MetricSettings {
  const threshold = meta?.lowPctCAThreshold;
  const count = meta?.bottleneckCount;
  const demand = meta?.demandPerDay;
  const unit = meta?.unitOfWork;
  return {
    wt: safeWorkingTime(meta),
    lowPctCAThreshold: inRange(threshold, 0, 100) ? threshold : DEFAULT_META.lowPctCAThreshold,
    bottleneckCount: inRange(count, 0, Number.MAX_SAFE_INTEGER)
      ? Math.floor(count)
      : DEFAULT_META.bottleneckCount,
    demandPerDay: inRange(demand, 1e-9, 1_000_000) ? demand : null,
    unitOfWork: typeof unit === 'string' && unit.trim() !== '' ? unit.trim() : 'item',
  };
}
