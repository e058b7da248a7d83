// The forecast's sentences in the reader's language: "85% of items within 3w 2d", "Automate the
// regression suite: −3d 4h expected, −1w at p85". Shared words them in English for the CLI and the
// exports (forecast/format.ts); the panel words them through the 'forecast' catalog from the same
// figures, durations and percentages through shared's formatters.
import {
  formatForecastDuration,
  formatPercentage,
  type KaizenEffect,
  type LeadTimeDistribution,
  type MapMeta,
  metricSettings,
  unitsOf,
  unitWord,
  type WorkingTime,
} from '@flowmap/shared';
import type { Locale } from '@flowmap/shared/i18n';
import type { TFunction } from 'i18next';

type ForecastT = TFunction<'forecast'>;
type UnitMeta = Pick<MapMeta, 'hoursPerDay' | 'daysPerWeek'> & Partial<Pick<MapMeta, 'unitOfWork'>>;

/** What is counted, in the plural: the catalog's "items", or the map's own unit of work. */
function units(t: ForecastT, meta: UnitMeta, locale: Locale): string {
  const custom = meta.unitOfWork;
  if (typeof custom !== 'string' || custom.trim() === '') return t('defaultUnits');
  return unitWord(metricSettings(meta).unitOfWork, unitsOf(meta), 2, locale);
}

/** "85% of items within 3w 2d". */
export function withinSentence(
  t: ForecastT,
  locale: Locale,
  distribution: LeadTimeDistribution,
  meta: UnitMeta,
  percentile: 50 | 85 | 95 = 85,
): string {
  return t('within', {
    percent: formatPercentage(percentile, 0),
    units: units(t, meta, locale),
    duration: formatForecastDuration(distribution.leadTimeMinutes[`p${percentile}`], meta),
  });
}

/** "−3d 4h", "+2h", or "no change" when it rounds to nothing. */
export function durationChange(t: ForecastT, minutes: number, wt: WorkingTime): string {
  if (Math.round(Math.abs(minutes)) === 0) return t('noChange');
  return `${minutes < 0 ? '\u2212' : '+'}${formatForecastDuration(Math.abs(minutes), wt)}`;
}

/** "Automate the regression suite: −3d 4h expected, −1w at p85". */
export function kaizenEffectSentence(t: ForecastT, effect: KaizenEffect, wt: WorkingTime): string {
  return t('kaizenEffect', {
    name: effect.name,
    expected: durationChange(t, effect.expectedChangeMinutes, wt),
    p85: durationChange(t, effect.p85ChangeMinutes, wt),
  });
}
