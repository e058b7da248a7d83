// Comparison of two states or snapshots: each headline metric side by side, and the stages
// matched by identity (a future state cloned from the current one keeps its stages' ids).
import type { MapNode, MapState } from '../model/types.ts';
import { stateNodeEntries } from './graph.ts';
import type { StateMetrics } from './types.ts';
import { displayName } from './values.ts';

export type ComparedMetricKey =
  | 'totalLeadTimeMinutes'
  | 'totalValueAddMinutes'
  | 'totalWaitingMinutes'
  | 'flowEfficiency'
  | 'rolledPctCA'
  | 'stageCount';

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

export const COMPARED_FIELDS = [
  'name',
  'team',
  'elapsedMinutes',
  'valueAddMinutes',
  'pctCA',
  'notes',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** A field's value as compared: missing (and anything that is not a string or finite number) is null. */
export type FieldValue = string | number | null;

export interface FieldChange {
  field: ComparedField;
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

export interface StateComparison {
  metrics: MetricChange[];
  stages: { added: StageRef[]; removed: StageRef[]; changed: StageChange[] };
}

export interface ComparedState {
  state: MapState;
  metrics: StateMetrics;
}

// Which direction is better, and why for the less obvious ones: total value-add time is better
// lower because a future state typically automates work away (less touch time for the same
// change), and fewer stages mean fewer hand-offs, each of which is a queue.
const METRICS: readonly { key: ComparedMetricKey; label: string; better: 'lower' | 'higher' }[] = [
  { key: 'totalLeadTimeMinutes', label: 'Total lead time', better: 'lower' },
  { key: 'totalValueAddMinutes', label: 'Total value-add time', better: 'lower' },
  { key: 'totalWaitingMinutes', label: 'Total waiting time', better: 'lower' },
  { key: 'flowEfficiency', label: 'Flow efficiency', better: 'higher' },
  { key: 'rolledPctCA', label: 'Rolled %C/A', better: 'higher' },
  { key: 'stageCount', label: 'Stages', better: 'lower' },
];

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function fieldValue(node: MapNode, field: ComparedField): FieldValue {
  const value: unknown = node[field];
  if (typeof value === 'string') return value;
  return finiteOrNull(value);
}

function compareMetric(
  spec: (typeof METRICS)[number],
  before: StateMetrics,
  after: StateMetrics,
): MetricChange {
  const b = finiteOrNull(before[spec.key]);
  const a = finiteOrNull(after[spec.key]);
  const absoluteChange = a !== null && b !== null ? a - b : null;
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

function stagesOf(state: MapState): Map<string, MapNode> {
  return new Map(stateNodeEntries(state).filter(([, node]) => node.type === 'stage'));
}

function byId(a: StageRef, b: StageRef): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function compareStates(before: ComparedState, after: ComparedState): StateComparison {
  const metrics = METRICS.map((spec) => compareMetric(spec, before.metrics, after.metrics));

  const old = stagesOf(before.state);
  const now = stagesOf(after.state);
  const added: StageRef[] = [];
  const removed: StageRef[] = [];
  const changed: StageChange[] = [];
  for (const [id, node] of now) {
    const previous = old.get(id);
    if (previous === undefined) {
      added.push({ id, name: displayName(node, id) });
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of COMPARED_FIELDS) {
      const b = fieldValue(previous, field);
      const a = fieldValue(node, field);
      if (a !== b) changes.push({ field, before: b, after: a });
    }
    if (changes.length > 0) changed.push({ id, name: displayName(node, id), changes });
  }
  for (const [id, node] of old) {
    if (!now.has(id)) removed.push({ id, name: displayName(node, id) });
  }
  added.sort(byId);
  removed.sort(byId);
  changed.sort(byId);
  return { metrics, stages: { added, removed, changed } };
}
