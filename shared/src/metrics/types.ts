// The result shapes of the metrics engine. Plain data only: every number is finite (never NaN or
// Infinity), so results can be rendered, compared and serialised as they are.
import type { Problem } from '../model/types.ts';

export interface StageMetrics {
  nodeId: string;
  /** A stage, or a queue (the wait in front of a step: LT is its wait, PT 0, no %C/A). */
  kind: 'stage' | 'queue';
  name: string;
  /** Lead time (LT) counted for the math; 0 when missing or invalid. */
  elapsedMinutes: number;
  /** Process time (PT) counted for the math: clamped to LT, 0 when missing, invalid or LT is. */
  valueAddMinutes: number;
  /** LT − PT, never negative. */
  waitingMinutes: number;
  /** PT / LT, null when LT is 0. */
  efficiency: number | null;
  /** Share of the total waiting on the critical path, 0 when the stage is not on it. */
  waitingShare: number;
  onCriticalPath: boolean;
  /** On a counted path (see `disconnected`). */
  counted: boolean;
  /** Valid %C/A, 0–100, or null. */
  pctCA: number | null;
}

export interface Bottleneck {
  nodeId: string;
  name: string;
  /** 1-based. */
  rank: number;
  waitingMinutes: number;
  elapsedMinutes: number;
  waitingShare: number;
  reason: string;
}

export interface QualityBottleneck {
  nodeId: string;
  name: string;
  pctCA: number;
  reason: string;
}

export interface CapacityBottleneck {
  nodeId: string;
  name: string;
  /** Demand × PT / (people × working day): above 0.85 waits explode. */
  utilisation: number;
  reason: string;
}

/** The figures a headline shows; also what the kaizen plan would make of them (`projected`). */
export interface HeadlineFigures {
  /** Worst case: the critical path over counted paths. */
  totalLeadTimeMinutes: number;
  totalValueAddMinutes: number;
  /** 0–1, null when the total lead time is 0. */
  flowEfficiency: number | null;
  /** Routes weighted by their shares, rework loops by their rates (equal to the totals without). */
  expectedLeadTimeMinutes: number;
  expectedValueAddMinutes: number;
  expectedFlowEfficiency: number | null;
  /** 0–1, null when no counted stage has a valid %C/A. */
  rolledPctCA: number | null;
}

export interface MetricsError {
  kind: 'cycle';
  /** Node ids on the cycle in edge order; the last one's flow edge leads back to the first. */
  nodeIds: string[];
  message: string;
}

export interface StateMetrics extends HeadlineFigures {
  stateId: string;
  /** Node ids in order, including start/end nodes; [] when there is a cycle or no pipeline. */
  criticalPath: string[];
  totalWaitingMinutes: number;
  /** Number of stage nodes (start, end, queue, kaizen and note nodes are not stages). */
  stageCount: number;
  stages: Record<string, StageMetrics>;
  queues: Record<string, StageMetrics>;
  /** Stages and queues on the critical path, most waiting first. */
  bottlenecks: Bottleneck[];
  qualityBottlenecks: QualityBottleneck[];
  capacityBottlenecks: CapacityBottleneck[];
  /** Stages and queues on no counted path, sorted: they count for nothing. */
  disconnected: string[];
  /** Either/or routes weighed for the expected figures (1 without splits). */
  routeCount: number;
  /** Working minutes between two items at the map's demand; null without demand. */
  taktMinutes: number | null;
  /** Per counted stage with people and PT, at the map's demand: demand × PT / capacity. */
  utilisation: Record<string, number>;
  /** The same headline figures with the effects of the kaizens not yet done applied. */
  projected: HeadlineFigures;
  errors: MetricsError[];
  /** Invalid values found, with paths relative to the state, e.g. "nodes.n4.pctCA". */
  problems: Problem[];
  /** Ids of stages missing LT, PT or %C/A, and queues without a wait (invalid counts as missing). */
  incomplete: string[];
}
