// DORA's four key metrics of software delivery, each placed in a published performance level.
// DORA_THRESHOLDS is the one place that holds the published table, its source, and the bands
// Flowmap derives from it; update them together when DORA publishes new clusters.
import { displayT } from '../i18n/translator.ts';
import { formatDuration, MAX_DURATION_MINUTES, unitMinutes } from '../model/durations.ts';
import type { DoraInputs, WorkingTime } from '../model/types.ts';
import { formatPercentage } from './percent.ts';
import { safeWorkingTime } from './settings.ts';

export const DORA_LEVELS = ['elite', 'high', 'medium', 'low'] as const;
export type DoraLevel = (typeof DORA_LEVELS)[number];

export const DORA_KEYS = [
  'deploymentFrequency',
  'leadTimeForChanges',
  'changeFailureRate',
  'timeToRestore',
] as const;
export type DoraKey = (typeof DORA_KEYS)[number];

/** A span of working time: days and weeks follow the map's working time like every duration. */
export interface WorkingSpan {
  amount: number;
  unit: 'h' | 'd' | 'w' | 'month';
}

export const DORA_THRESHOLDS = {
  source: {
    title: 'Accelerate State of DevOps Report 2024',
    publisher: 'DORA (DevOps Research and Assessment), Google Cloud',
    year: 2024,
    table: 'Software delivery performance levels',
    url: 'https://dora.dev/research/2024/dora-report/',
  },
  // The clusters as published. Each change failure rate is the cluster's median, not a bound.
  published: {
    elite: {
      deploymentFrequency: 'On demand (multiple deploys per day)',
      leadTimeForChanges: 'Less than one day',
      changeFailureRate: 0.05,
      failedDeploymentRecoveryTime: 'Less than one hour',
    },
    high: {
      deploymentFrequency: 'Between once per day and once per week',
      leadTimeForChanges: 'Between one day and one week',
      changeFailureRate: 0.2,
      failedDeploymentRecoveryTime: 'Less than one day',
    },
    medium: {
      deploymentFrequency: 'Between once per week and once per month',
      leadTimeForChanges: 'Between one week and one month',
      changeFailureRate: 0.1,
      failedDeploymentRecoveryTime: 'Less than one day',
    },
    low: {
      deploymentFrequency: 'Between once per month and once every six months',
      leadTimeForChanges: 'Between one month and six months',
      changeFailureRate: 0.4,
      failedDeploymentRecoveryTime: 'Between one week and one month',
    },
  },
  // The bands Flowmap classifies by. Levels are tried from elite down and the first bound met
  // (…AtLeast, …AtMost, …Below) wins; a value meeting none is low. Days and weeks are working days
  // and weeks of the map (DORA_TIME_BASIS); a month is 52/12 working weeks. The
  // published clusters describe typical teams rather than cut-offs, so:
  // - deployment frequency counts deployments per week: 7 a week is at least daily, 1 a week is
  //   the high/medium edge, 12 a year (12/52 a week) is monthly, the medium/low edge;
  // - lead time bounds are inclusive (a change delivered in exactly one day is elite);
  // - the change failure rates are medians and not monotonic (medium 10% is below high 20%), so
  //   the rate alone cannot separate high from medium: ≤ 5% is elite, ≤ 20% high, below the low
  //   cluster's 40% medium, and 40% or more low;
  // - recovery bounds are exclusive ("less than one hour"); high and medium are both published as
  //   "less than one day", so medium is taken up to the low cluster's lower end of one week.
  bands: {
    deploymentsPerWeek: { eliteAtLeast: 7, highAtLeast: 1, mediumAtLeast: 12 / 52 },
    leadTimeForChanges: {
      eliteAtMost: { amount: 1, unit: 'd' },
      highAtMost: { amount: 1, unit: 'w' },
      mediumAtMost: { amount: 1, unit: 'month' },
    },
    changeFailureRate: { eliteAtMost: 0.05, highAtMost: 0.2, mediumBelow: 0.4 },
    timeToRestore: {
      eliteBelow: { amount: 1, unit: 'h' },
      highBelow: { amount: 1, unit: 'd' },
      mediumBelow: { amount: 1, unit: 'w' },
    },
  },
} as const;

/**
 * The clock DORA's bands are read on: the map's working time, like every duration in Flowmap.
 * DORA's "one day" is one working day of the map and its "one week" one working week, so a lead
 * time and its level are in the units the map shows it in ("1d" is elite, "1d 1m" is not). Read
 * by the calendar, a span of n working days within a week is still about n days (a change done
 * between 9:00 and 17:00 went out the same day), while scaling by the week's average (168 h for
 * 40 h) would turn that 8-hour change into about 34 hours and call it high. Entered durations (time to
 * restore, lead time for changes) are working time too, as everywhere in the app.
 */
export const DORA_TIME_BASIS = 'working' as const;

/** What every view that shows a DORA level says about the clock it was read on (one line). */
export function doraTimeBasisNote(wt: WorkingTime): string {
  const { hoursPerDay, daysPerWeek } = safeWorkingTime(wt);
  return `DORA levels are applied to working time: a day in DORA's bands is one working day (${hoursPerDay} h), a week one working week (${daysPerWeek} d), a month 52/12 working weeks.`;
}

/** Minutes of working time in a span; a month is 52/12 working weeks. */
export function spanMinutes(span: WorkingSpan, wt: WorkingTime): number {
  // Multiply before dividing so that one month of a 5 × 8 h week is exactly 10,400 minutes.
  if (span.unit === 'month') return (span.amount * unitMinutes('w', wt) * 52) / 12;
  return span.amount * unitMinutes(span.unit, wt);
}

export interface DoraMetricAssessment {
  key: DoraKey;
  label: string;
  value: number | null;
  /** The value for people ("3 per week", "2d 4h", "12.5%"), or "—" when there is none. */
  display: string;
  level: DoraLevel | null;
  source: 'entered' | 'computed';
  /** Why an entered value was not used, or null. */
  problem: string | null;
}

export type DoraAssessment = Record<DoraKey, DoraMetricAssessment>;

/** A metric's name in the display language ("Deployment frequency", "배포 빈도"). */
function label(key: DoraKey): string {
  return displayT('common')(`dora.labels.${key}`);
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** "3 per week", "2 per month", "4 per year" in the display language. */
function displayFrequency(perWeek: number): string {
  const t = displayT('common');
  if (perWeek === 0) return t('dora.none');
  if (perWeek >= 1) return t('dora.perWeek', { value: round(perWeek, 1) });
  const perMonth = (perWeek * 52) / 12;
  if (perMonth >= 1) return t('dora.perMonth', { value: round(perMonth, 1) });
  return t('dora.perYear', { value: round(perWeek * 52, 1) });
}

export function deploymentFrequencyLevel(perWeek: number): DoraLevel {
  const b = DORA_THRESHOLDS.bands.deploymentsPerWeek;
  if (perWeek >= b.eliteAtLeast) return 'elite';
  if (perWeek >= b.highAtLeast) return 'high';
  if (perWeek >= b.mediumAtLeast) return 'medium';
  return 'low';
}

export function leadTimeLevel(minutes: number, wt: WorkingTime): DoraLevel {
  const b = DORA_THRESHOLDS.bands.leadTimeForChanges;
  if (minutes <= spanMinutes(b.eliteAtMost, wt)) return 'elite';
  if (minutes <= spanMinutes(b.highAtMost, wt)) return 'high';
  if (minutes <= spanMinutes(b.mediumAtMost, wt)) return 'medium';
  return 'low';
}

export function changeFailureRateLevel(rate: number): DoraLevel {
  const b = DORA_THRESHOLDS.bands.changeFailureRate;
  if (rate <= b.eliteAtMost) return 'elite';
  if (rate <= b.highAtMost) return 'high';
  if (rate < b.mediumBelow) return 'medium';
  return 'low';
}

export function timeToRestoreLevel(minutes: number, wt: WorkingTime): DoraLevel {
  const b = DORA_THRESHOLDS.bands.timeToRestore;
  if (minutes < spanMinutes(b.eliteBelow, wt)) return 'elite';
  if (minutes < spanMinutes(b.highBelow, wt)) return 'high';
  if (minutes < spanMinutes(b.mediumBelow, wt)) return 'medium';
  return 'low';
}

type Checked = { value: number; problem: null } | { value: null; problem: string | null };

/** Entered values come from the untrusted document: anything but a sensible number is unused. */
function check(raw: unknown, max: number, what: string): Checked {
  if (raw === undefined) return { value: null, problem: null };
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > max) {
    const shown = typeof raw === 'number' ? String(raw) : `a value of type ${typeof raw}`;
    return { value: null, problem: `${what}, got ${shown}` };
  }
  return { value: raw + 0, problem: null };
}

function assess(
  key: DoraKey,
  checked: Checked,
  source: 'entered' | 'computed',
  display: (value: number) => string,
  level: (value: number) => DoraLevel,
): DoraMetricAssessment {
  const { value, problem } = checked;
  return {
    key,
    label: label(key),
    value,
    display: value === null ? '—' : display(value),
    level: value === null ? null : level(value),
    source,
    problem,
  };
}

/**
 * Places each of the four key metrics in its DORA level. Lead time for changes is the entered
 * value when there is one, else the state's total lead time; a computed total of 0 means the map
 * has no timed stages on its critical path (or a flow cycle), so it is treated as unknown rather
 * than as an elite lead time. A missing or invalid value has level null.
 */
export function classifyDora(
  inputs: DoraInputs | undefined,
  totalLeadTimeMinutes: number,
  wt: WorkingTime,
): DoraAssessment {
  const time = safeWorkingTime(wt);
  const raw: Partial<Record<keyof DoraInputs, unknown>> =
    typeof inputs === 'object' && inputs !== null ? inputs : {};
  // Full precision, unlike the rounded bottleneck reasons: near a band edge "1d" would hide why
  // 1d 1m is not elite.
  const duration = (minutes: number) => formatDuration(minutes, time);
  const durationRule = 'Must be a duration from 0 minutes to 100 years';

  const enteredLead = raw.leadTimeForChangesMinutes !== undefined;
  const lead = enteredLead
    ? check(raw.leadTimeForChangesMinutes, MAX_DURATION_MINUTES, durationRule)
    : check(totalLeadTimeMinutes > 0 ? totalLeadTimeMinutes : undefined, Infinity, durationRule);

  return {
    deploymentFrequency: assess(
      'deploymentFrequency',
      check(
        raw.deploymentsPerWeek,
        Number.MAX_SAFE_INTEGER,
        'Must be a number of deployments per week, 0 or more',
      ),
      'entered',
      displayFrequency,
      deploymentFrequencyLevel,
    ),
    leadTimeForChanges: assess(
      'leadTimeForChanges',
      lead,
      enteredLead ? 'entered' : 'computed',
      duration,
      (m) => leadTimeLevel(m, time),
    ),
    changeFailureRate: assess(
      'changeFailureRate',
      check(raw.changeFailureRate, 1, 'Must be a fraction from 0 to 1'),
      'entered',
      (rate) => formatPercentage(rate * 100, 1),
      changeFailureRateLevel,
    ),
    timeToRestore: assess(
      'timeToRestore',
      check(raw.timeToRestoreMinutes, MAX_DURATION_MINUTES, durationRule),
      'entered',
      duration,
      (m) => timeToRestoreLevel(m, time),
    ),
  };
}
