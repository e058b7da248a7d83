// How the panels write figures: durations in the map's working time, shares as percentages.
import { formatDuration, formatRatio, type WorkingTime } from '@flowmap/shared';

/**
 * 0.0875 → "8.8%", 0.5 → "50%"; null (no lead time, no %C/A) → "—". Shared's rule, the one a
 * comparison uses, so a state's figures read the same in the panels and in Compare.
 */
export const formatPercent = formatRatio;

/**
 * A total for the summary and the ladder's totals box. Exact to the minute, largest units first
 * ("3w 4d 4h"), as everywhere else: rounding it to two units made the headline read "4w" for
 * 3w 4d 4h while Compare and the exports said otherwise.
 */
export function formatTotal(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, wt);
}

export function formatExact(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, wt);
}

/** A step of the ladder or a snapshot's stage: the one duration format ("1w 4d 4h", "45m"). */
export function formatStep(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, wt);
}
