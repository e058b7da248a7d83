// How the panels write figures: durations in the map's working time, shares as percentages.
import { formatDuration, type WorkingTime } from '@flowmap/shared';

/** 0.0875 → "8.8%", 0.5 → "50%"; null (no lead time, no %C/A) → "—". */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const pct = fraction * 100;
  // One decimal below 10% (where it matters), whole numbers above; never a misleading "0%".
  if (pct > 0 && pct < 0.1) return '<0.1%';
  const rounded = pct < 10 ? Math.round(pct * 10) / 10 : Math.round(pct);
  if (rounded === 100 && fraction < 1) return '>99%';
  return `${rounded}%`;
}

/**
 * A total for the summary and the ladder's totals box, rounded to two units as people quote it
 * ("4w 2d", "1d 8h"); formatExact gives the full value for a tooltip.
 */
export function formatTotal(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, wt, { maxParts: 2 });
}

export function formatExact(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, wt);
}

/** A step of the ladder: two units at most, in days rather than weeks ("9d 4h", "45m"). */
export function formatStep(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, wt, { maxParts: 2, largestUnit: 'd' });
}
