// The metrics engine: pure functions from a state (and the map's settings) to plain results.

export {
  findQualityBottlenecks,
  formatPctCA,
  formatShare,
  rankBottlenecks,
} from './bottlenecks.ts';
export type {
  ComparedField,
  ComparedMetricKey,
  ComparedState,
  FieldChange,
  FieldValue,
  MetricChange,
  StageChange,
  StageRef,
  StateComparison,
} from './compare.ts';
export { COMPARED_FIELDS, compareStates } from './compare.ts';
export { compareDora, type DoraChange } from './compareDora.ts';
export type { CriticalPath } from './criticalPath.ts';
export { criticalPath } from './criticalPath.ts';
export type {
  DoraAssessment,
  DoraKey,
  DoraLevel,
  DoraMetricAssessment,
  WorkingSpan,
} from './dora.ts';
export {
  changeFailureRateLevel,
  classifyDora,
  DORA_KEYS,
  DORA_LEVELS,
  DORA_THRESHOLDS,
  deploymentFrequencyLevel,
  leadTimeLevel,
  spanMinutes,
  timeToRestoreLevel,
} from './dora.ts';
export type { FlowGraph } from './graph.ts';
export { buildFlowGraph, findCycle, topologicalOrder } from './graph.ts';
export {
  type DoraHeadline,
  type MapHeadline,
  mapHeadline,
  type StateHeadline,
  stateHeadline,
} from './headline.ts';
export { HEAT_BOUNDS, type HeatLevel, heatLevel } from './heat.ts';
export type { MetricSettings, MetricsMeta } from './settings.ts';
export { metricSettings, safeWorkingTime } from './settings.ts';
export { computeStateMetrics } from './stateMetrics.ts';
export type {
  Bottleneck,
  MetricsError,
  QualityBottleneck,
  StageMetrics,
  StateMetrics,
} from './types.ts';
export type { StageValues } from './values.ts';
export { displayName, readStageValues } from './values.ts';
