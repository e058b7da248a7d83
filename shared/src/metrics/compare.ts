// Comparison of two states or snapshots: each headline metric side by side (the expected figures
// next to the worst-case ones when routes or rework make them differ), the stages and the queues
// matched by identity (a future state cloned from the current one keeps its nodes' ids), and the
// rework rates and route shares that changed (compareEdges.ts).
import type { MapNode, MapState } from '../model/types.ts';
import { compareEdges, type EdgeChange } from './compareEdges.ts';
import { stateNodeEntries } from './graph.ts';
import type { StateMetrics } from './types.ts';
import { displayName } from './values.ts';

export type ComparedMetricKey =
  | 'totalLeadTimeMinutes'
  | 'expectedLeadTimeMinutes'
  | 'totalValueAddMinutes'
  | 'expectedValueAddMinutes'
  | 'totalWaitingMinutes'
  | 'flowEfficiency'
  | 'expectedFlowEfficiency'
  | 'rolledPctCA'
  | 'stageCount';

/** The expected figures, each compared right after the worst-case figure it stands next to. */
export const EXPECTED_METRIC_KEYS = [
  'expectedLeadTimeMinutes',
  'expectedValueAddMinutes',
  'expectedFlowEfficiency',
] as const satisfies readonly ComparedMetricKey[];

export interface MetricChange {
  key: ComparedMetricKey;
  label: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either side is null. */
  absoluteChange: number | null;
  /** (after − before) / before; null when before is 0 or null, or after is null. */
  relativeChange: number | null;
  better: 'lower' | 'higher';
  /** Strictly better than before; null when either side is null. */
  improved: boolean | null;
}

/**
 * The v1 stage fields, each of which the PDF's one-line summary of a changed stage names
 * (export/report.ts); STAGE_FIELDS is every field a comparison looks at.
 */
export const COMPARED_FIELDS = [
  'name',
  'team',
  'elapsedMinutes',
  'valueAddMinutes',
  'pctCA',
  'notes',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** Every compared field of a stage, v2's among v1's in the order the inspector reads them. */
export const STAGE_FIELDS = [
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
] as const satisfies readonly (ComparedField | keyof MapNode)[];
export type StageField = (typeof STAGE_FIELDS)[number];

/**
 * A queue's compared fields. `wait` is the wait it puts on the flow — as entered, or its items at
 * the map's demand — so a queue whose items or the demand changed shows what that did to the wait.
 */
export const QUEUE_FIELDS = ['name', 'wait', 'items', 'notes'] as const;
export type QueueField = (typeof QUEUE_FIELDS)[number];

/** Any field a comparison lists as changed, on a stage or a queue. */
export type NodeField = StageField | QueueField;

/**
 * A field's value as compared: missing (and anything that is not a string, finite number or
 * boolean) is null; `outside` is a boolean, false when missing.
 */
export type FieldValue = string | number | boolean | null;

export interface FieldChange {
  field: NodeField;
  before: FieldValue;
  after: FieldValue;
}

export interface StageRef {
  id: string;
  name: string;
}

export interface StageChange extends StageRef {
  changes: FieldChange[];
}

export interface QueueRef extends StageRef {
  /** The wait it puts on the flow (in the later state for a changed queue); null when unknown. */
  waitMinutes: number | null;
}

export interface QueueChange extends QueueRef {
  changes: FieldChange[];
}

export interface StateComparison {
  /**
   * Every headline metric; the expected ones (EXPECTED_METRIC_KEYS) only when either side's differ
   * from its worst-case figures, as either/or routes and rework rates make them: without, they
   * would repeat the totals line for line.
   */
  metrics: MetricChange[];
  stages: { added: StageRef[]; removed: StageRef[]; changed: StageChange[] };
  queues: { added: QueueRef[]; removed: QueueRef[]; changed: QueueChange[] };
  /** Rework rates and route shares that changed, each an entry of its own. */
  edges: EdgeChange[];
}

export interface ComparedState {
  state: MapState;
  metrics: StateMetrics;
}

// Which direction is better, and why for the less obvious ones: total value-add time is better
// lower because a future state typically automates work away (less touch time for the same
// change), and fewer stages mean fewer hand-offs, each of which is a queue. An expected figure is
// better the same way as the worst-case figure it stands next to.
const METRICS: readonly { key: ComparedMetricKey; label: string; better: 'lower' | 'higher' }[] = [
  { key: 'totalLeadTimeMinutes', label: 'Total lead time', better: 'lower' },
  { key: 'expectedLeadTimeMinutes', label: 'Expected lead time', better: 'lower' },
  { key: 'totalValueAddMinutes', label: 'Total value-add time', better: 'lower' },
  { key: 'expectedValueAddMinutes', label: 'Expected value-add time', better: 'lower' },
  { key: 'totalWaitingMinutes', label: 'Total waiting time', better: 'lower' },
  { key: 'flowEfficiency', label: 'Flow efficiency', better: 'higher' },
  { key: 'expectedFlowEfficiency', label: 'Expected flow efficiency', better: 'higher' },
  { key: 'rolledPctCA', label: 'Rolled %C/A', better: 'higher' },
  { key: 'stageCount', label: 'Stages', better: 'lower' },
];

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function fieldValue(node: MapNode, field: StageField | Exclude<QueueField, 'wait'>): FieldValue {
  const value: unknown = node[field];
  if (field === 'outside') return value === true;
  if (typeof value === 'string') return value;
  return finiteOrNull(value);
}

/** The changes of `fields` between two versions of a node, in the fields' order. */
function fieldChanges(
  previous: MapNode,
  node: MapNode,
  fields: readonly (StageField | Exclude<QueueField, 'wait'>)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const b = fieldValue(previous, field);
    const a = fieldValue(node, field);
    if (a !== b) changes.push({ field, before: b, after: a });
  }
  return changes;
}

// The expected figures are sums over routes: equal to the totals up to rounding when nothing
// weighs them, so "differ" allows for float noise.
const NOISE = 1e-9;

function differs(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) > NOISE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether a state's expected figures say something its worst-case figures do not. */
export function expectedDiffers(m: StateMetrics): boolean {
  return (
    differs(finiteOrNull(m.expectedLeadTimeMinutes), finiteOrNull(m.totalLeadTimeMinutes)) ||
    differs(finiteOrNull(m.expectedValueAddMinutes), finiteOrNull(m.totalValueAddMinutes)) ||
    differs(finiteOrNull(m.expectedFlowEfficiency), finiteOrNull(m.flowEfficiency))
  );
}

function compareMetric(
  spec: (typeof METRICS)[number],
  before: StateMetrics,
  after: StateMetrics,
): MetricChange {
  const b = finiteOrNull(before[spec.key]);
  const a = finiteOrNull(after[spec.key]);
  // Sums over routes may differ from the same figure computed another way in the last bits.
  const absoluteChange = a !== null && b !== null ? (differs(a, b) ? a - b : 0) : null;
  return {
    key: spec.key,
    label: spec.label,
    before: b,
    after: a,
    absoluteChange,
    relativeChange:
      absoluteChange !== null && b !== 0 ? absoluteChange / Math.abs(b as number) : null,
    better: spec.better,
    improved:
      absoluteChange === null
        ? null
        : spec.better === 'lower'
          ? absoluteChange < 0
          : absoluteChange > 0,
  };
}

function nodesOf(state: MapState, type: 'stage' | 'queue'): Map<string, MapNode> {
  return new Map(stateNodeEntries(state).filter(([, node]) => node.type === type));
}

function byId(a: StageRef, b: StageRef): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The wait a queue puts on the flow, as the metrics counted it; null when it has none. */
function waitOf(metrics: StateMetrics, id: string): number | null {
  const queue = Object.hasOwn(metrics.queues, id) ? metrics.queues[id] : undefined;
  if (queue === undefined || metrics.incomplete.includes(id)) return null;
  return finiteOrNull(queue.elapsedMinutes);
}

function compareStages(before: MapState, after: MapState): StateComparison['stages'] {
  const old = nodesOf(before, 'stage');
  const now = nodesOf(after, 'stage');
  const added: StageRef[] = [];
  const removed: StageRef[] = [];
  const changed: StageChange[] = [];
  for (const [id, node] of now) {
    const previous = old.get(id);
    if (previous === undefined) {
      added.push({ id, name: displayName(node, id) });
      continue;
    }
    const changes = fieldChanges(previous, node, STAGE_FIELDS);
    if (changes.length > 0) changed.push({ id, name: displayName(node, id), changes });
  }
  for (const [id, node] of old) {
    if (!now.has(id)) removed.push({ id, name: displayName(node, id) });
  }
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}

function compareQueues(before: ComparedState, after: ComparedState): StateComparison['queues'] {
  const old = nodesOf(before.state, 'queue');
  const now = nodesOf(after.state, 'queue');
  const added: QueueRef[] = [];
  const removed: QueueRef[] = [];
  const changed: QueueChange[] = [];
  for (const [id, node] of now) {
    const ref = { id, name: displayName(node, id), waitMinutes: waitOf(after.metrics, id) };
    const previous = old.get(id);
    if (previous === undefined) {
      added.push(ref);
      continue;
    }
    const wait = waitOf(before.metrics, id);
    const changes: FieldChange[] = [];
    for (const field of QUEUE_FIELDS) {
      if (field !== 'wait') changes.push(...fieldChanges(previous, node, [field]));
      else if (wait !== ref.waitMinutes)
        changes.push({ field, before: wait, after: ref.waitMinutes });
    }
    if (changes.length > 0) changed.push({ ...ref, changes });
  }
  for (const [id, node] of old) {
    if (!now.has(id)) {
      removed.push({ id, name: displayName(node, id), waitMinutes: waitOf(before.metrics, id) });
    }
  }
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}

export function compareStates(before: ComparedState, after: ComparedState): StateComparison {
  const withExpected = expectedDiffers(before.metrics) || expectedDiffers(after.metrics);
  const metrics = METRICS.filter(
    (spec) => withExpected || !(EXPECTED_METRIC_KEYS as readonly string[]).includes(spec.key),
  ).map((spec) => compareMetric(spec, before.metrics, after.metrics));
  return {
    metrics,
    stages: compareStages(before.state, after.state),
    queues: compareQueues(before, after),
    edges: compareEdges(before.state, after.state),
  };
}
