// The numbers behind an export's metrics page, as text ready to print: every state's headline
// metrics (the worst case, and the expected figures beside it where routes and rework make them
// differ), takt, what is not counted or incomplete, capacity bottlenecks, what the kaizens not yet
// done would buy, and DORA levels; and each comparison (a future state against the state it is
// based on) with absolute and relative changes. Pure; the PDF only lays these strings out. A
// comparison is worded by the same functions as the app's Compare view
// (metrics/compareFormat.ts), and a state's v2 figures as on the diagram (render/figures.ts), so
// the page, the picture and the screen say the same.

import { displayT } from '../i18n/translator.ts';
import {
  type ComparedField,
  type ComparedMetricKey,
  classifyDora,
  compareDora,
  compareStates,
  computeStateMetrics,
  DORA_KEYS,
  DORA_THRESHOLDS,
  DORA_UNITS,
  type DoraKey,
  type DoraLevel,
  type DoraMetricAssessment,
  doraRow,
  EXPECTED_METRIC_KEYS,
  EXPECTED_NOTE,
  edgeRow,
  FIELD_LABELS,
  type FieldChange,
  type FieldValue,
  formatChange,
  formatFieldValue,
  type MetricChange,
  metricRow,
  metricSettings,
  type NodeField,
  type StateMetrics,
  type Tone,
} from '../metrics/index.ts';
import { formatDuration } from '../model/durations.ts';
import type { FlowMap, MapState, WorkingTime } from '../model/types.ts';
import type { FigureTexts } from '../render/figures.ts';
import {
  disconnectedText,
  expectedIfDifferent,
  incompleteTexts,
  projectedText,
} from '../render/figures.ts';
import { cycleMessage, displayReasons, reasonMeta } from '../render/reasons.ts';
import { formatPercent, num } from '../render/svg.ts';
import { words } from '../render/words.ts';
import { comparisonPairs, sortedStates } from './states.ts';

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
  /**
   * The expected lead time, value-add time and flow efficiency (either/or routes by share, rework
   * loops by rate), beside the worst case above; null when they read the same as it.
   */
  expected: FigureTexts | null;
  /** Working time between two items at the map's demand, "1h 36m"; null without a demand. */
  takt: string | null;
  /** Stages and queues on no start→end path, which count for nothing. */
  disconnected: number;
  /** Stages missing LT, PT or %C/A, and queues without a wait. */
  incomplete: number;
  /** "Code review — busy 94% of the working day at 5 changes a day (…)", busiest first. */
  capacityBottlenecks: string[];
  /** "With the kaizens not yet done: lead time …, …." when that changes a figure; else null. */
  projected: string | null;
  /** "Security review — waits 9d 4h of 10d (47% of all waiting)", or "—". */
  topBottleneck: string;
  dora: DoraCell[];
  /** Why some figures are missing or count for less: a flow cycle, stray or incomplete steps. */
  notes: string[];
}

export interface MetricComparison {
  key: ComparedMetricKey | DoraKey;
  label: string;
  before: string;
  after: string;
  /** Signed change in the metric's unit ("−3w 4d", "+12.5 pp"), "no change", or "—". */
  absolute: string;
  /**
   * Signed relative change ("−62%"), or "—" when it cannot be computed (e.g. from zero); "0%"
   * for an unchanged metric, "—" for an unchanged key metric (as on screen, where the level says it).
   */
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
  /** One line per queue: "Waiting for review: wait 2d 3h 12m → 4h". */
  queuesChanged: string[];
  /** "Waiting for review (wait 2d 3h 12m)". */
  queuesAdded: string[];
  queuesRemoved: string[];
  /** "Rework Manual tests → Build: 20% → 5%", "Route Review → Audit: 20% → 10%". */
  edgesChanged: string[];
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

// A table cell the screen leaves empty reads "—" on paper.
const orDash = (text: string) => text || '—';

function metricComparison(change: MetricChange, wt: WorkingTime): MetricComparison {
  const row = metricRow(change, wt);
  return {
    key: row.key,
    label: row.label,
    before: row.before,
    after: row.after,
    absolute: orDash(row.absolute),
    relative: orDash(row.relative),
    tone: row.tone,
  };
}

/** The change with both sides unknown: what a flow cycle leaves of the path figures. */
const withoutValues = (change: MetricChange): MetricChange => ({
  ...change,
  before: null,
  after: null,
  absoluteChange: null,
  relativeChange: null,
  improved: null,
});

function doraOf(state: MapState, metrics: StateMetrics, wt: WorkingTime) {
  const lead = metrics.errors.length > 0 ? 0 : metrics.totalLeadTimeMinutes;
  return classifyDora(state.dora, lead, wt);
}

function doraCell(a: DoraMetricAssessment): DoraCell {
  const computed = a.source === 'computed' && a.value !== null;
  return {
    key: a.key,
    label: a.label,
    value: computed ? words()('summary.fromMap', { value: a.display }) : a.display,
    level: a.level,
  };
}

// The v1 fields by the short names of a stage's data box; the others by the app's label.
const FIELD_NAMES: Partial<Record<NodeField, string>> & Record<ComparedField, string> = {
  name: 'name',
  team: 'team',
  elapsedMinutes: 'LT',
  valueAddMinutes: 'PT',
  pctCA: '%C/A',
  notes: 'notes',
};

function fieldName(field: NodeField): string {
  const label = FIELD_NAMES[field] ?? FIELD_LABELS[field];
  // Mid-sentence: "people 1 → 2", but "%C/A rated by" as it is.
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

// Figures as on screen; free text quoted and shorter, as the PDF lists a node's changes on one
// line ("times" reads as a word, not a quotation).
function fieldText(field: NodeField, value: FieldValue, wt: WorkingTime): string {
  if (typeof value !== 'string' || value === '' || field === 'timeSource') {
    return formatFieldValue(field, value, wt);
  }
  const chars = Array.from(value);
  return chars.length > 40 ? `“${chars.slice(0, 39).join('')}…”` : `“${value}”`;
}

/** "Manual tests: LT 5d → 1d, PT 1d → 2h", in the order the comparison lists the fields. */
function changeLine(name: string, changes: readonly FieldChange[], wt: WorkingTime): string {
  const parts = changes.map((change) =>
    change.field === 'notes'
      ? 'notes changed'
      : `${fieldName(change.field)} ${fieldText(change.field, change.before, wt)} → ${fieldText(change.field, change.after, wt)}`,
  );
  return `${name}: ${parts.join(', ')}`;
}

function stateReport(
  state: MapState,
  metrics: StateMetrics,
  wt: WorkingTime,
  unitOfWork: string,
  demandPerDay: number | null,
  meta: unknown,
): StateReport {
  const cycle = metrics.errors.length > 0;
  const reasons = displayReasons(metrics, state, wt, reasonMeta(meta));
  const t = displayT('panels');
  const timed = (minutes: number) => (cycle ? '—' : formatDuration(minutes, wt));
  const top = metrics.bottlenecks[0];
  const notes: string[] = metrics.errors.map((e) =>
    e.kind === 'cycle' ? cycleMessage(t, e, state) : e.message,
  );
  const stray = disconnectedText(metrics);
  if (stray !== null) notes.push(stray);
  notes.push(...incompleteTexts(metrics));
  const takt =
    metrics.taktMinutes === null || demandPerDay === null
      ? null
      : words()('report.takt', {
          takt: formatDuration(metrics.taktMinutes, wt),
          demand: num(demandPerDay),
          unit: unitOfWork,
        });
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
    expected: cycle ? null : expectedIfDifferent(metrics, wt),
    takt,
    disconnected: metrics.disconnected.length,
    incomplete: metrics.incomplete.length,
    capacityBottlenecks: metrics.capacityBottlenecks.map(
      (c) => `${c.name} — ${reasons.capacity.get(c.nodeId) ?? c.reason}`,
    ),
    projected: projectedText(metrics, wt),
    topBottleneck: top ? `${top.name} — ${reasons.bottleneck.get(top.nodeId) ?? top.reason}` : '—',
    dora: DORA_KEYS.map((key) => doraCell(doraOf(state, metrics, wt)[key])),
    notes,
  };
}

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
    return metricComparison(timedOut ? withoutValues(m) : m, wt);
  });
  const changes = compareDora(
    doraOf(before.state, before.metrics, wt),
    doraOf(after.state, after.metrics, wt),
  );
  const dora = changes.map((change): DoraComparison => {
    const row = doraRow(change);
    const b = change.before.value;
    const a = change.after.value;
    return {
      key: row.key,
      label: row.label,
      // With the "(map)" mark of the state table: the PDF has no tooltip to say where it came from.
      before: doraCell(change.before).value,
      after: doraCell(change.after).value,
      // Only the PDF shows the value's change in its unit; the app shows the level move instead.
      absolute: a === null || b === null ? '—' : formatChange(DORA_UNITS[row.key], a - b, wt),
      relative: orDash(row.relative),
      tone: row.tone,
      beforeLevel: row.beforeLevel,
      afterLevel: row.afterLevel,
    };
  });
  const stagesChanged = result.stages.changed.map((s) => changeLine(s.name, s.changes, wt));
  const queueRef = (q: { name: string; waitMinutes: number | null }) =>
    q.waitMinutes === null ? q.name : `${q.name} (wait ${formatDuration(q.waitMinutes, wt)})`;
  const notes: string[] = [];
  if (cycle) notes.push(words()('report.cycle'));
  const expectedKeys: readonly ComparedMetricKey[] = EXPECTED_METRIC_KEYS;
  if (result.metrics.some((m) => expectedKeys.includes(m.key))) notes.push(EXPECTED_NOTE);
  return {
    before: { id: before.state.id, name: before.state.name },
    after: { id: after.state.id, name: after.state.name },
    title: words()('report.comparisonTitle', {
      after: after.state.name,
      before: before.state.name,
    }),
    metrics,
    dora,
    stagesChanged,
    stagesAdded: result.stages.added.map((s) => s.name),
    stagesRemoved: result.stages.removed.map((s) => s.name),
    queuesChanged: result.queues.changed.map((q) => changeLine(q.name, q.changes, wt)),
    queuesAdded: result.queues.added.map(queueRef),
    queuesRemoved: result.queues.removed.map(queueRef),
    edgesChanged: result.edges.map((e) => edgeRow(e, wt).summary),
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
      typeof map.meta.title === 'string' && map.meta.title.trim()
        ? map.meta.title
        : words()('untitledMap'),
    workingTime: words()('workingTime', {
      hours: num(wt.hoursPerDay),
      days: num(wt.daysPerWeek),
    }),
    lowPctCAThreshold: settings.lowPctCAThreshold,
    states: states.map((s) => {
      const { metrics } = withMetrics(s);
      return stateReport(s, metrics, wt, settings.unitOfWork, settings.demandPerDay, map.meta);
    }),
    comparisons: comparisonPairs(map)
      .filter((p) => !only || only.has(p.after.id))
      .map((p) => comparisonReport(withMetrics(p.before), withMetrics(p.after), wt)),
    doraSource: words()('report.doraSource', { title: src.title, url: src.url }),
  };
}
