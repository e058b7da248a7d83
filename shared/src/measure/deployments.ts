// A deployment log → the four key metrics measured (PRODUCT.md, "Measured reality and
// forecasts"): deployments per week, change failure rate, median time to restore and median lead
// time for changes. Durations are scaled to working time like every duration in a map, since the
// DORA levels are read on working time (metrics/dora.ts, DORA_TIME_BASIS).
import type { WorkingTime } from '../model/types.ts';
import { workingConversion } from './aggregate.ts';
import { toIsoUtc } from './dates.ts';
import { median, sortedCopy } from './stats.ts';
import type { DeploymentRow, DoraMeasurement } from './types.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The period is whole days: from the first deployment to the last one plus a day, so a team that
 * deploys once a day for two weeks deploys 7 times a week, not 14 / 13 × 7.
 */
export function aggregateDeployments(
  rows: readonly DeploymentRow[],
  wt: WorkingTime,
): DoraMeasurement {
  const { share } = workingConversion(wt);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let failed = 0;
  const restore: number[] = [];
  const lead: number[] = [];
  for (const row of rows) {
    if (row.deployedAt < first) first = row.deployedAt;
    if (row.deployedAt > last) last = row.deployedAt;
    if (row.failed) {
      failed++;
      if (row.restoredAt !== undefined) restore.push((row.restoredAt - row.deployedAt) / MINUTE);
    }
    if (row.committedAt !== undefined) lead.push((row.deployedAt - row.committedAt) / MINUTE);
  }
  const n = rows.length;
  const periodWeeks = n > 0 ? (last - first + DAY) / (7 * DAY) : 0;
  const medianOf = (values: number[]) =>
    values.length > 0 ? median(sortedCopy(values)) * share : null;
  return {
    deployments: n,
    period: { from: n > 0 ? toIsoUtc(first) : '', to: n > 0 ? toIsoUtc(last) : '' },
    deploymentsPerWeek: periodWeeks > 0 ? n / periodWeeks : 0,
    changeFailureRate: n > 0 ? failed / n : 0,
    timeToRestoreMinutes: medianOf(restore),
    leadTimeForChangesMinutes: medianOf(lead),
  };
}
