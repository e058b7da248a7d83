// How a comparison of two states reads: each metric and each changed stage field as text, with a
// tone (better / worse) the view turns into colour and an arrow. Pure, so the wording is tested.
import {
  type ComparedField,
  type ComparedMetricKey,
  type FieldValue,
  formatDuration,
  formatPctCA,
  type MetricChange,
  type WorkingTime,
} from '@flowmap/shared';

export type Tone = 'better' | 'worse' | 'same' | 'neutral';

const MINUS = '\u2212';

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

const DURATION_KEYS: ReadonlySet<ComparedMetricKey> = new Set([
  'totalLeadTimeMinutes',
  'totalValueAddMinutes',
  'totalWaitingMinutes',
]);
const RATIO_KEYS: ReadonlySet<ComparedMetricKey> = new Set(['flowEfficiency', 'rolledPctCA']);

const sign = (n: number) => (n < 0 ? MINUS : n > 0 ? '+' : '');

/** 0.052 → "5.2%", 0.5 → "50%": one decimal below 10 %, where it still matters. */
export function formatRatio(fraction: number): string {
  const pct = fraction * 100;
  const rounded = Math.abs(pct) < 10 ? Math.round(pct * 10) / 10 : Math.round(pct);
  return `${rounded}%`;
}

/** Relative change as people read it: −0.62 → "−62%", 0.004 → "+0.4%", 0 → "0%". */
export function formatRelativeChange(relative: number): string {
  const pct = relative * 100;
  if (pct === 0) return '0%';
  const magnitude = Math.abs(pct);
  const rounded = magnitude < 1 ? Math.round(magnitude * 10) / 10 : Math.round(magnitude);
  return `${sign(pct)}${rounded}%`;
}

export function formatMetricValue(
  key: ComparedMetricKey,
  value: number | null,
  wt: WorkingTime,
): string {
  if (value === null) return '—';
  if (DURATION_KEYS.has(key)) return formatDuration(value, wt, { maxParts: 2 });
  if (RATIO_KEYS.has(key)) return formatRatio(value);
  return String(value);
}

function formatAbsolute(key: ComparedMetricKey, change: number, wt: WorkingTime): string {
  if (change === 0) return 'no change';
  if (DURATION_KEYS.has(key)) {
    return `${sign(change)}${formatDuration(Math.abs(change), wt, { maxParts: 2 })}`;
  }
  if (RATIO_KEYS.has(key)) {
    // Percentage points, not percent: 20 % → 30 % is +10 pp (and +50 %).
    const points = Math.round(Math.abs(change) * 1000) / 10;
    return `${sign(change)}${points} pp`;
  }
  return `${sign(change)}${Math.abs(change)}`;
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
  const absolute = abs === null ? '' : formatAbsolute(change.key, abs, wt);
  const label = change.key === 'totalLeadTimeMinutes' ? 'Lead time' : change.label;
  const tail = abs === 0 ? ', no change' : relative ? `, ${relative}` : '';
  return {
    key: change.key,
    label: change.label,
    before,
    after,
    absolute,
    relative,
    tone: toneOf(change),
    arrow: abs === null || abs === 0 ? '' : abs < 0 ? '↓' : '↑',
    summary: `${label} ${before} → ${after}${tail}`,
  };
}

export const FIELD_LABELS: Record<ComparedField, string> = {
  name: 'Name',
  team: 'Team',
  elapsedMinutes: 'Lead time (LT)',
  valueAddMinutes: 'Value-add time (PT)',
  pctCA: '%C/A',
  notes: 'Notes',
};

const NOTE_PREVIEW = 80;

export function formatFieldValue(field: ComparedField, value: FieldValue, wt: WorkingTime): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'number') {
    if (field === 'pctCA') return formatPctCA(value);
    // Exact, so that a small change never formats the same on both sides; in days like every
    // stage figure in the editor ("10d", not "2w").
    if (field === 'elapsedMinutes' || field === 'valueAddMinutes') {
      return formatDuration(value, wt, { largestUnit: 'd' });
    }
    return String(value);
  }
  const chars = Array.from(value);
  return chars.length > NOTE_PREVIEW ? `${chars.slice(0, NOTE_PREVIEW - 1).join('')}…` : value;
}

/** Lower LT and PT are better (less time for the same change), higher %C/A is; text is neutral. */
export function fieldTone(field: ComparedField, before: FieldValue, after: FieldValue): Tone {
  if (typeof before !== 'number' || typeof after !== 'number') return 'neutral';
  if (before === after) return 'same';
  if (field === 'pctCA') return after > before ? 'better' : 'worse';
  if (field === 'elapsedMinutes' || field === 'valueAddMinutes') {
    return after < before ? 'better' : 'worse';
  }
  return 'neutral';
}

/** "−80%" for numeric fields with a non-zero before; "" otherwise. */
export function fieldRelative(before: FieldValue, after: FieldValue): string {
  if (typeof before !== 'number' || typeof after !== 'number' || before === 0) return '';
  return formatRelativeChange((after - before) / Math.abs(before));
}
