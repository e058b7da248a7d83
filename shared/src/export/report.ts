// The numbers behind an export's metrics page, as text ready to print: every state's headline
// metrics and DORA levels, and each comparison (a future state against the state it is based on)
// with absolute and relative changes. Pure; the PDF only lays these strings out.
import {
  COMPARED_FIELDS,
  type ComparedField,
  type ComparedMetricKey,
  classifyDora,
  compareStates,
  computeStateMetrics,
  DORA_KEYS,
  DORA_LEVELS,
  DORA_THRESHOLDS,
  type DoraKey,
  type DoraLevel,
  type DoraMetricAssessment,
  type FieldValue,
  formatPctCA,
  metricSettings,
  type StateMetrics,
} from '../metrics/index.ts';
import { formatDuration } from '../model/durations.ts';
import type { FlowMap, MapState, WorkingTime } from '../model/types.ts';
import { formatPercent, num } from '../render/svg.ts';
import { comparisonPairs, sortedStates } from './states.ts';

export type Tone = 'better' | 'worse' | 'same' | 'neutral';

export const DORA_LEVEL_NAMES: Record<DoraLevel, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export interface DoraCell {
  key: DoraKey;
  label: string;
  /** "2.2 per month", "4w 2d 2h (map)" when computed from the map, "—" when unknown. */
  value: string;
  level: DoraLevel | null;
}

export interface StateReport {
  id: string;
  name: string;
  kind: 'current' | 'future';
  stages: string;
  leadTime: string;
  valueAdd: string;
  waiting: string;
  flowEfficiency: string;
  rolledPctCA: string;
  /** "Security review — waits 9d 4h of 10d (47% of all waiting)", or "—". */
  topBottleneck: string;
  dora: DoraCell[];
  /** Why some figures are missing: a flow cycle, stages without numbers. */
  notes: string[];
}

export interface MetricComparison {
  key: ComparedMetricKey | DoraKey;
  label: string;
  before: string;
  after: string;
  /** Signed change in the metric's unit ("−3w 4d", "+12.5 pp"), "no change", or "—". */
  absolute: string;
  /** Signed relative change ("−62%"), or "—" when it cannot be computed (e.g. from zero). */
  relative: string;
  tone: Tone;
}

export interface DoraComparison extends MetricComparison {
  beforeLevel: DoraLevel | null;
  afterLevel: DoraLevel | null;
}

export interface ComparisonReport {
  before: { id: string; name: string };
  after: { id: string; name: string };
  title: string;
  metrics: MetricComparison[];
  dora: DoraComparison[];
  /** One line per stage: "Manual tests: LT 5d → 1d, %C/A 70% → 90%". */
  stagesChanged: string[];
  stagesAdded: string[];
  stagesRemoved: string[];
  notes: string[];
}

export interface MapReport {
  title: string;
  workingTime: string;
  lowPctCAThreshold: number;
  states: StateReport[];
  comparisons: ComparisonReport[];
  doraSource: string;
}

const MINUS = '\u2212';
const sign = (n: number) => (n < 0 ? MINUS : n > 0 ? '+' : '');

const DURATIONS: ReadonlySet<string> = new Set([
  'totalLeadTimeMinutes',
  'totalValueAddMinutes',
  'totalWaitingMinutes',
  'leadTimeForChanges',
  'timeToRestore',
]);
const RATIOS: ReadonlySet<string> = new Set(['flowEfficiency', 'rolledPctCA', 'changeFailureRate']);

/** Relative change as people read it: −0.62 → "−62%", 0.004 → "+0.4%". */
export function formatRelativeChange(relative: number): string {
  const pct = relative * 100;
  if (pct === 0) return '0%';
  const magnitude = Math.abs(pct);
  const rounded = magnitude < 1 ? Math.round(magnitude * 10) / 10 : Math.round(magnitude);
  return `${sign(pct)}${rounded}%`;
}

function formatValue(key: string, value: number | null, wt: WorkingTime): string {
  if (value === null) return '—';
  if (DURATIONS.has(key)) return formatDuration(value, wt);
  if (RATIOS.has(key)) return formatPercent(value);
  if (key === 'deploymentFrequency') return `${num(value)} per week`;
  return num(value);
}

function formatAbsolute(key: string, change: number, wt: WorkingTime): string {
  if (change === 0) return 'no change';
  const magnitude = Math.abs(change);
  if (DURATIONS.has(key)) return `${sign(change)}${formatDuration(magnitude, wt)}`;
  // Percentage points, not percent: 20% → 30% is +10 pp (and +50%).
  if (RATIOS.has(key)) return `${sign(change)}${num(Math.round(magnitude * 1000) / 10)} pp`;
  if (key === 'deploymentFrequency') return `${sign(change)}${num(magnitude)} per week`;
  return `${sign(change)}${num(magnitude)}`;
}

function compareNumbers(
  key: ComparedMetricKey | DoraKey,
  label: string,
  before: number | null,
  after: number | null,
  better: 'lower' | 'higher',
  wt: WorkingTime,
): MetricComparison {
  const change = before !== null && after !== null ? after - before : null;
  const relative =
    change !== null && before !== null && before !== 0 ? change / Math.abs(before) : null;
  return {
    key,
    label,
    before: formatValue(key, before, wt),
    after: formatValue(key, after, wt),
    absolute: change === null ? '—' : formatAbsolute(key, change, wt),
    relative: relative === null ? '—' : formatRelativeChange(relative),
    tone:
      change === null
        ? 'neutral'
        : change === 0
          ? 'same'
          : (better === 'lower') === change < 0
            ? 'better'
            : 'worse',
  };
}

function doraOf(state: MapState, metrics: StateMetrics, wt: WorkingTime) {
  const lead = metrics.errors.length > 0 ? 0 : metrics.totalLeadTimeMinutes;
  return classifyDora(state.dora, lead, wt);
}

function doraCell(a: DoraMetricAssessment): DoraCell {
  const computed = a.source === 'computed' && a.value !== null;
  return {
    key: a.key,
    label: a.label,
    value: computed ? `${a.display} (map)` : a.display,
    level: a.level,
  };
}

const levelRank = (level: DoraLevel) => DORA_LEVELS.length - DORA_LEVELS.indexOf(level);

const FIELD_NAMES: Record<ComparedField, string> = {
  name: 'name',
  team: 'team',
  elapsedMinutes: 'LT',
  valueAddMinutes: 'PT',
  pctCA: '%C/A',
  notes: 'notes',
};

function fieldText(field: ComparedField, value: FieldValue, wt: WorkingTime): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'number') {
    if (field === 'pctCA') return formatPctCA(value);
    return formatDuration(value, wt, { largestUnit: 'd' });
  }
  const chars = Array.from(value);
  return chars.length > 40 ? `“${chars.slice(0, 39).join('')}…”` : `“${value}”`;
}

function stateReport(state: MapState, metrics: StateMetrics, wt: WorkingTime): StateReport {
  const cycle = metrics.errors.length > 0;
  const timed = (minutes: number) => (cycle ? '—' : formatDuration(minutes, wt));
  const top = metrics.bottlenecks[0];
  const notes: string[] = metrics.errors.map((e) => e.message);
  if (metrics.incomplete.length > 0) {
    const n = metrics.incomplete.length;
    notes.push(`${n} ${n === 1 ? 'stage is' : 'stages are'} missing LT, PT or %C/A.`);
  }
  return {
    id: state.id,
    name: state.name,
    kind: state.kind === 'future' ? 'future' : 'current',
    stages: String(metrics.stageCount),
    leadTime: timed(metrics.totalLeadTimeMinutes),
    valueAdd: timed(metrics.totalValueAddMinutes),
    waiting: timed(metrics.totalWaitingMinutes),
    flowEfficiency: cycle ? '—' : formatPercent(metrics.flowEfficiency),
    rolledPctCA: formatPercent(metrics.rolledPctCA),
    topBottleneck: top ? `${top.name} — ${top.reason}` : '—',
    dora: DORA_KEYS.map((key) => doraCell(doraOf(state, metrics, wt)[key])),
    notes,
  };
}

const DORA_BETTER: Record<DoraKey, 'lower' | 'higher'> = {
  deploymentFrequency: 'higher',
  leadTimeForChanges: 'lower',
  changeFailureRate: 'lower',
  timeToRestore: 'lower',
};

function comparisonReport(
  before: { state: MapState; metrics: StateMetrics },
  after: { state: MapState; metrics: StateMetrics },
  wt: WorkingTime,
): ComparisonReport {
  const result = compareStates(before, after);
  const cycle = before.metrics.errors.length > 0 || after.metrics.errors.length > 0;
  const metrics = result.metrics.map((m) => {
    // A flow cycle leaves the path figures at 0: comparing them would claim a change.
    const timedOut = cycle && m.key !== 'rolledPctCA' && m.key !== 'stageCount';
    return compareNumbers(
      m.key,
      m.label,
      timedOut ? null : m.before,
      timedOut ? null : m.after,
      m.better,
      wt,
    );
  });
  const b = doraOf(before.state, before.metrics, wt);
  const a = doraOf(after.state, after.metrics, wt);
  const dora = DORA_KEYS.map((key): DoraComparison => {
    const row = compareNumbers(key, b[key].label, b[key].value, a[key].value, DORA_BETTER[key], wt);
    const beforeLevel = b[key].level;
    const afterLevel = a[key].level;
    // The level is what DORA compares teams by; the tone follows it when both are known.
    const tone: Tone =
      beforeLevel !== null && afterLevel !== null
        ? levelRank(afterLevel) > levelRank(beforeLevel)
          ? 'better'
          : levelRank(afterLevel) < levelRank(beforeLevel)
            ? 'worse'
            : row.tone
        : row.tone;
    return {
      ...row,
      before: doraCell(b[key]).value,
      after: doraCell(a[key]).value,
      tone,
      beforeLevel,
      afterLevel,
    };
  });
  const stagesChanged = result.stages.changed.map((s) => {
    const parts = COMPARED_FIELDS.flatMap((field) => {
      const change = s.changes.find((c) => c.field === field);
      if (!change) return [];
      if (field === 'notes') return ['notes changed'];
      return [
        `${FIELD_NAMES[field]} ${fieldText(field, change.before, wt)} → ${fieldText(field, change.after, wt)}`,
      ];
    });
    return `${s.name}: ${parts.join(', ')}`;
  });
  const notes: string[] = [];
  if (cycle) notes.push('A flow cycle in one of the states leaves its time figures uncomputed.');
  return {
    before: { id: before.state.id, name: before.state.name },
    after: { id: after.state.id, name: after.state.name },
    title: `${after.state.name} compared with ${before.state.name}`,
    metrics,
    dora,
    stagesChanged,
    stagesAdded: result.stages.added.map((s) => s.name),
    stagesRemoved: result.stages.removed.map((s) => s.name),
    notes,
  };
}

/**
 * The report of every state (or of `stateIds` only) and the comparison of each reported future
 * state with the state it is based on, in tab order.
 */
export function buildReport(map: FlowMap, stateIds?: readonly string[]): MapReport {
  const settings = metricSettings(map.meta);
  const wt = settings.wt;
  const only = stateIds ? new Set(stateIds) : null;
  const metricsCache = new Map<string, StateMetrics>();
  const withMetrics = (state: MapState) => {
    let metrics = metricsCache.get(state.id);
    if (!metrics) {
      metrics = computeStateMetrics(state, map.meta);
      metricsCache.set(state.id, metrics);
    }
    return { state, metrics };
  };
  const states = sortedStates(map).filter((s) => !only || only.has(s.id));
  const src = DORA_THRESHOLDS.source;
  return {
    title:
      typeof map.meta.title === 'string' && map.meta.title.trim() ? map.meta.title : 'Untitled map',
    workingTime: `${num(wt.hoursPerDay)} h per day, ${num(wt.daysPerWeek)} days per week`,
    lowPctCAThreshold: settings.lowPctCAThreshold,
    states: states.map((s) => {
      const { metrics } = withMetrics(s);
      return stateReport(s, metrics, wt);
    }),
    comparisons: comparisonPairs(map)
      .filter((p) => !only || only.has(p.after.id))
      .map((p) => comparisonReport(withMetrics(p.before), withMetrics(p.after), wt)),
    doraSource: `DORA levels as in the ${src.title} (${src.url}).`,
  };
}
