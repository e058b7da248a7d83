// The headline figures of a map, per state: what a snapshot list quotes and what the trend across
// quarterly reviews plots. One function for the server (at snapshot time) and the client (for the
// live map, "now"), so both sides of a trend are the same numbers.
import type { FlowMap, MapMeta, MapState, StateKind, WorkingTime } from '../model/types.ts';
import { classifyDora, DORA_KEYS, type DoraKey, type DoraLevel } from './dora.ts';
import { computeStateMetrics } from './stateMetrics.ts';

export interface DoraHeadline {
  /** Deployments per week, a 0–1 fraction, or minutes; null when not entered (or invalid). */
  value: number | null;
  level: DoraLevel | null;
  /** Lead time for changes only: entered by the team, or the state's total lead time. */
  source: 'entered' | 'computed';
}

export interface StateHeadline {
  stateId: string;
  name: string;
  kind: StateKind;
  order: number;
  /** Null while the flow has a cycle: the totals mean nothing then. */
  totalLeadTimeMinutes: number | null;
  totalValueAddMinutes: number | null;
  /** 0–1; null without a lead time or with a cycle. */
  flowEfficiency: number | null;
  /** 0–1; null when no stage has a %C/A or with a cycle. */
  rolledPctCA: number | null;
  stageCount: number;
  dora: Record<DoraKey, DoraHeadline>;
}

export interface MapHeadline {
  title: string;
  workingTime: WorkingTime;
  /** In tab order (order, then id). */
  states: StateHeadline[];
}

export function stateHeadline(state: MapState, meta: MapMeta): StateHeadline {
  const metrics = computeStateMetrics(state, meta);
  const ok = metrics.errors.length === 0;
  const assessment = classifyDora(state.dora, ok ? metrics.totalLeadTimeMinutes : 0, meta);
  const dora = {} as Record<DoraKey, DoraHeadline>;
  for (const key of DORA_KEYS) {
    const a = assessment[key];
    dora[key] = { value: a.value, level: a.level, source: a.source };
  }
  return {
    stateId: state.id,
    name: state.name,
    kind: state.kind,
    order: state.order,
    totalLeadTimeMinutes: ok ? metrics.totalLeadTimeMinutes : null,
    totalValueAddMinutes: ok ? metrics.totalValueAddMinutes : null,
    flowEfficiency: ok ? metrics.flowEfficiency : null,
    rolledPctCA: ok ? metrics.rolledPctCA : null,
    stageCount: metrics.stageCount,
    dora,
  };
}

export function mapHeadline(map: FlowMap): MapHeadline {
  const states = Object.values(map.states).sort(
    (a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    title: map.meta.title,
    workingTime: { hoursPerDay: map.meta.hoursPerDay, daysPerWeek: map.meta.daysPerWeek },
    states: states.map((state) => stateHeadline(state, map.meta)),
  };
}
