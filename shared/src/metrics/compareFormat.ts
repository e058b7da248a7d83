// How a comparison of two states reads: each metric and each changed stage field as text, with a
// tone (better / worse) that a view turns into colour and an arrow. The app's Compare view and the
// PDF's comparison page both word their figures here, so the two never disagree about a change.
// Words and numbers follow the display locale ('common' catalog, `compare.*`): the client's UI
// language, or the map's locale while the server renders its PDF.
import { formatNumber } from '../i18n/intl.ts';
import { displayT } from '../i18n/translator.ts';
import { formatDuration } from '../model/durations.ts';
import type { WorkingTime } from '../model/types.ts';
import { formatPctCA } from './bottlenecks.ts';
import type { ComparedMetricKey, FieldValue, MetricChange, NodeField } from './compare.ts';
import type { EdgeChange } from './compareEdges.ts';
import { formatPercentage, percentDigits, percentOf } from './percent.ts';

const t = () => displayT('common');

export type Tone = 'better' | 'worse' | 'same' | 'neutral';

/** What a compared figure counts, which decides how its value and its change read. */
export type FigureUnit = 'duration' | 'ratio' | 'count' | 'perWeek';

export interface MetricRow {
  key: ComparedMetricKey;
  label: string;
  before: string;
  after: string;
  /** Signed difference in the metric's unit: "−2w 4d", "+12.5 pp", "−1"; "" when unknown. */
  absolute: string;
  /** Signed relative change: "−62%"; "" when it cannot be computed (e.g. from zero). */
  relative: string;
  tone: Tone;
  arrow: '↓' | '↑' | '';
  /** One line for the headline: "Total lead time 4w 2d → 1w 3d, −62%". */
  summary: string;
}

const METRIC_UNITS: Record<ComparedMetricKey, FigureUnit> = {
  totalLeadTimeMinutes: 'duration',
  expectedLeadTimeMinutes: 'duration',
  totalValueAddMinutes: 'duration',
  expectedValueAddMinutes: 'duration',
  totalWaitingMinutes: 'duration',
  flowEfficiency: 'ratio',
  expectedFlowEfficiency: 'ratio',
  rolledPctCA: 'ratio',
  stageCount: 'count',
};

/**
 * Under a comparison that shows expected figures: what they are, next to the totals. The English
 * text; views and exports call expectedNote() for the display locale's.
 */
export const EXPECTED_NOTE =
  'Totals follow the longest route with no work sent back (the worst case); expected figures weigh either/or routes by their shares and rework loops by their rates.';

/** EXPECTED_NOTE in the display locale. */
export function expectedNote(): string {
  return t()('compare.expectedNote');
}

/** A compared metric's name in the display locale ("Total lead time", "총 리드 타임"). */
export function metricLabel(key: ComparedMetricKey): string {
  return t()(`compare.metric.${key}`);
}

const MINUS = '\u2212';

/** The sign a change is written with: a real minus, a plus, nothing for zero. */
export const signOf = (n: number) => (n < 0 ? MINUS : n > 0 ? '+' : '');

/**
 * 0.0875 → "8.8%", 0.5 → "50%", 0.0008 → "0.08%"; null (no lead time, no %C/A) → "—". Two
 * significant digits below 1 %, one decimal below 10 % (where it matters), whole percents above,
 * and never "0%" or "100%" for a value that is neither.
 */
export function formatRatio(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return formatPercentage(fraction * 100, Math.abs(fraction) < 0.1 ? 1 : 0);
}

/** Relative change as people read it: −0.62 → "−62%", 0.004 → "+0.4%", 0 → "0%". */
export function formatRelativeChange(relative: number): string {
  const pct = relative * 100;
  if (pct === 0) return percentOf(0, 0);
  return `${signOf(pct)}${percentOf(Math.abs(pct), 0)}`;
}

/** A signed change in the figure's unit ("−2w 4d", "+12.5 pp", "+4.5 per week"), or "no change". */
export function formatChange(unit: FigureUnit, change: number, wt: WorkingTime): string {
  if (change === 0) return t()('compare.noChange');
  const magnitude = Math.abs(change);
  switch (unit) {
    case 'duration':
      return `${signOf(change)}${formatDuration(magnitude, wt)}`;
    case 'ratio':
      // Percentage points, not percent: 20 % → 30 % is +10 pp (and +50 %); Korean writes %p.
      return t()('compare.points', {
        value: `${signOf(change)}${percentDigits(magnitude * 100, 1)}`,
      });
    case 'perWeek':
      return t()('compare.perWeek', {
        value: `${signOf(change)}${formatNumber(Math.round(magnitude * 100) / 100)}`,
      });
    case 'count':
      return `${signOf(change)}${formatNumber(magnitude)}`;
  }
}

export function formatMetricValue(
  key: ComparedMetricKey,
  value: number | null,
  wt: WorkingTime,
): string {
  if (value === null) return '—';
  const unit = METRIC_UNITS[key];
  if (unit === 'duration') return formatDuration(value, wt);
  if (unit === 'ratio') return formatRatio(value);
  return formatNumber(value);
}

export function toneOf(change: Pick<MetricChange, 'absoluteChange' | 'improved'>): Tone {
  if (change.absoluteChange === null || change.improved === null) return 'neutral';
  if (change.absoluteChange === 0) return 'same';
  return change.improved ? 'better' : 'worse';
}

export function metricRow(change: MetricChange, wt: WorkingTime): MetricRow {
  const before = formatMetricValue(change.key, change.before, wt);
  const after = formatMetricValue(change.key, change.after, wt);
  const abs = change.absoluteChange;
  const relative =
    change.relativeChange === null ? '' : formatRelativeChange(change.relativeChange);
  const absolute = abs === null ? '' : formatChange(METRIC_UNITS[change.key], abs, wt);
  const named = metricLabel(change.key);
  const label = change.key === 'totalLeadTimeMinutes' ? t()('compare.leadTime') : named;
  const values = { label, before, after, relative };
  const summary =
    abs === 0
      ? t()('compare.summary.unchanged', values)
      : relative
        ? t()('compare.summary.relative', values)
        : t()('compare.summary.plain', values);
  return {
    key: change.key,
    label: named,
    before,
    after,
    absolute,
    relative,
    tone: toneOf(change),
    arrow: abs === null || abs === 0 ? '' : abs < 0 ? '↓' : '↑',
    summary,
  };
}

const NODE_FIELDS: readonly NodeField[] = [
  'name',
  'team',
  'elapsedMinutes',
  'elapsedLowMinutes',
  'elapsedHighMinutes',
  'valueAddMinutes',
  'pctCA',
  'ratedBy',
  'timeSource',
  'people',
  'batchSize',
  'wipItems',
  'outside',
  'notes',
  'wait',
  'items',
];

/** A stage field's name in the display locale: "Lead time (LT)", "리드 타임(LT)". */
export function fieldLabel(field: NodeField): string {
  return t()(`compare.field.${field}`);
}

/**
 * Every field's name, read when used: each property is a getter, so `FIELD_LABELS.team` is in the
 * display locale at the moment a view or an export reads it.
 */
export const FIELD_LABELS: Readonly<Record<NodeField, string>> = Object.defineProperties(
  {} as Record<NodeField, string>,
  Object.fromEntries(
    NODE_FIELDS.map((field) => [field, { enumerable: true, get: () => fieldLabel(field) }]),
  ),
);

const NOTE_PREVIEW = 80;

const DURATION_FIELDS: ReadonlySet<NodeField> = new Set([
  'elapsedMinutes',
  'elapsedLowMinutes',
  'elapsedHighMinutes',
  'valueAddMinutes',
  'wait',
]);

// Less of these is better: less time for the same change, smaller batches and less work in
// progress (Little's law: the same throughput with less waiting). People, names and the rest
// are neither.
const LOWER_IS_BETTER: ReadonlySet<NodeField> = new Set([
  ...DURATION_FIELDS,
  'batchSize',
  'wipItems',
  'items',
]);

export function formatFieldValue(field: NodeField, value: FieldValue, wt: WorkingTime): string {
  if (typeof value === 'boolean') return value ? t()('compare.yes') : t()('compare.no');
  if (value === null || value === '') return '—';
  if (typeof value === 'number') {
    if (field === 'pctCA') return formatPctCA(value);
    // Exact, so that a small change never formats the same on both sides; in days like every
    // stage figure in the editor ("10d", not "2w").
    if (DURATION_FIELDS.has(field)) return formatDuration(value, wt);
    return formatNumber(value);
  }
  if (field === 'timeSource') {
    if (value === 'estimate') return t()('compare.timeSource.estimate');
    if (value === 'measured') return t()('compare.timeSource.measured');
    return value;
  }
  const chars = Array.from(value);
  return chars.length > NOTE_PREVIEW ? `${chars.slice(0, NOTE_PREVIEW - 1).join('')}…` : value;
}

/** Higher %C/A is better, lower times, batches and queues are; text and people are neutral. */
export function fieldTone(field: NodeField, before: FieldValue, after: FieldValue): Tone {
  if (typeof before !== 'number' || typeof after !== 'number') return 'neutral';
  if (before === after) return 'same';
  if (field === 'pctCA') return after > before ? 'better' : 'worse';
  if (LOWER_IS_BETTER.has(field)) return after < before ? 'better' : 'worse';
  return 'neutral';
}

/** "−80%" for numeric fields with a non-zero before; "" otherwise. */
export function fieldRelative(before: FieldValue, after: FieldValue): string {
  if (typeof before !== 'number' || typeof after !== 'number' || before === 0) return '';
  return formatRelativeChange((after - before) / Math.abs(before));
}

export interface EdgeRow {
  kind: EdgeChange['kind'];
  /** "Rework Manual tests → Build", "Route Review → Advisory board". */
  label: string;
  /** "Rework rate", "Route share". */
  field: string;
  before: string;
  after: string;
  /** Percentage points: "−15 pp"; "" when a side has no value. */
  absolute: string;
  tone: Tone;
  /** The whole entry on one line: "Rework Manual tests → Build: 20% → 5%". */
  summary: string;
}

/** Less work sent back is better; a route's share is a choice, neither better nor worse. */
export function edgeRow(change: EdgeChange, wt: WorkingTime): EdgeRow {
  const rework = change.kind === 'rework';
  const names = { from: change.from.name, to: change.to.name };
  const label = rework ? t()('compare.edge.rework', names) : t()('compare.edge.route', names);
  const before = change.before === null ? '—' : formatRatio(change.before);
  const after = change.after === null ? '—' : formatRatio(change.after);
  const both = change.before !== null && change.after !== null;
  const diff = both ? (change.after as number) - (change.before as number) : null;
  return {
    kind: change.kind,
    label,
    field: rework ? t()('compare.edge.reworkRate') : t()('compare.edge.routeShare'),
    before,
    after,
    absolute: diff === null ? '' : formatChange('ratio', diff, wt),
    tone:
      !rework || diff === null ? 'neutral' : diff === 0 ? 'same' : diff < 0 ? 'better' : 'worse',
    summary: t()('compare.summary.edge', { label, before, after }),
  };
}
