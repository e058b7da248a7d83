// The result shapes of the metrics engine. Plain data only: every number is finite (never NaN or
// Infinity), so results can be rendered, compared and serialised as they are.
import type { Problem } from '../model/types.ts';

export interface StageMetrics {
  nodeId: string;
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

export interface MetricsError {
  kind: 'cycle';
  /** Node ids on the cycle in edge order; the last one's flow edge leads back to the first. */
  nodeIds: string[];
  message: string;
}

export interface StateMetrics {
  stateId: string;
  /** Node ids in order, including start/end nodes; [] when there is a cycle or no pipeline. */
  criticalPath: string[];
  totalLeadTimeMinutes: number;
  totalValueAddMinutes: number;
  totalWaitingMinutes: number;
  /** 0–1, null when the total lead time is 0. */
  flowEfficiency: number | null;
  /** 0–1, null when no stage has a valid %C/A. */
  rolledPctCA: number | null;
  /** Number of stage nodes (start, end, kaizen and note nodes are not stages). */
  stageCount: number;
  stages: Record<string, StageMetrics>;
  bottlenecks: Bottleneck[];
  qualityBottlenecks: QualityBottleneck[];
  errors: MetricsError[];
  /** Invalid values found, with paths relative to the state, e.g. "nodes.n4.pctCA". */
  problems: Problem[];
  /** Ids of stages missing LT, PT or %C/A (invalid counts as missing), sorted. */
  incomplete: string[];
}
