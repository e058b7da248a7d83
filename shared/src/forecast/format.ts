// The forecast's sentences, in one place so the editor, the CLI and the exports say the same thing:
// "85% of changes within 3w 2d", "Automate the regression suite: −3d 4h expected, −1w at p85".
// Durations through formatDuration and percentages through formatPercentage, like every figure.
import { formatPercentage } from '../metrics/percent.ts';
import { safeWorkingTime } from '../metrics/settings.ts';
import { formatDuration } from '../model/durations.ts';
import type { MapMeta, WorkingTime } from '../model/types.ts';
import type { KaizenEffect } from './forecast.ts';
import { unitsOf } from './forecast.ts';
import type { LeadTimeDistribution } from './summary.ts';

/** Two units at most: a forecast is not exact to the minute ("3w 2d", "4d 6h"). */
export function formatForecastDuration(minutes: number, wt: WorkingTime): string {
  return formatDuration(minutes, safeWorkingTime(wt), { maxParts: 2 });
}

/** "−3d 4h", "+2h", or "no change" when it rounds to nothing. */
export function formatDurationChange(minutes: number, wt: WorkingTime): string {
  const text = formatForecastDuration(Math.abs(minutes), wt);
  if (Math.round(Math.abs(minutes)) === 0) return 'no change';
  return `${minutes < 0 ? '\u2212' : '+'}${text}`;
}

/** "85% of changes within 3w 2d". */
export function formatWithin(
  distribution: LeadTimeDistribution,
  meta: Pick<MapMeta, 'hoursPerDay' | 'daysPerWeek'> & Partial<Pick<MapMeta, 'unitOfWork'>>,
  percentile: 50 | 85 | 95 = 85,
): string {
  const minutes = distribution.leadTimeMinutes[`p${percentile}`];
  return `${formatPercentage(percentile, 0)} of ${unitsOf(meta)} within ${formatForecastDuration(minutes, meta)}`;
}

/** "Automate the regression suite: −3d 4h expected, −1w at p85". */
export function formatKaizenEffect(effect: KaizenEffect, wt: WorkingTime): string {
  return `${effect.name}: ${formatDurationChange(effect.expectedChangeMinutes, wt)} expected, ${formatDurationChange(effect.p85ChangeMinutes, wt)} at p85`;
}
