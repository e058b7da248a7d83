// The headline figures of a map, per state: what a snapshot list quotes and what the trend across
// quarterly reviews plots (v2 adds the expected and projected figures, takt, and how many steps
// are incomplete or not connected). One function for the server (at snapshot time) and the
// client (for the live map, "now"), so both sides of a trend are the same numbers.
import type { FlowMap, MapMeta, MapState, StateKind, WorkingTime } from '../model/types.ts';
import { classifyDora, DORA_KEYS, type DoraKey, type DoraLevel } from './dora.ts';
import { computeStateMetrics, headlineOf } from './stateMetrics.ts';
import type { HeadlineFigures } from './types.ts';

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
  // Model v2. Optional: a headline from before v2 (a server not yet updated) has none of them, and
  // every reader shows "—" or nothing for a field that is absent.
  /** Either/or routes weighed by their shares, rework loops by their rates; null with a cycle. */
  expectedLeadTimeMinutes?: number | null;
  expectedValueAddMinutes?: number | null;
  /** 0–1; null without an expected lead time or with a cycle. */
  expectedFlowEfficiency?: number | null;
  /** The same figures once the kaizens not yet done have their effect; null with a cycle. */
  projected?: HeadlineFigures | null;
  /** Working minutes between two items at the map's demand; null without demand. */
  taktMinutes?: number | null;
  /** Stages and queues on no counted path: they count for nothing. */
  disconnectedCount?: number;
  /** Stages missing LT, PT or %C/A, and queues without a wait. */
  incompleteCount?: number;
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
    expectedLeadTimeMinutes: ok ? metrics.expectedLeadTimeMinutes : null,
    expectedValueAddMinutes: ok ? metrics.expectedValueAddMinutes : null,
    expectedFlowEfficiency: ok ? metrics.expectedFlowEfficiency : null,
    projected: ok ? headlineOf(metrics.projected) : null,
    taktMinutes: metrics.taktMinutes,
    disconnectedCount: metrics.disconnected.length,
    incompleteCount: metrics.incomplete.length,
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
