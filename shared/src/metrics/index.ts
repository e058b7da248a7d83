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
  NodeField,
  QueueChange,
  QueueField,
  QueueRef,
  StageChange,
  StageField,
  StageRef,
  StateComparison,
} from './compare.ts';
export {
  COMPARED_FIELDS,
  compareStates,
  EXPECTED_METRIC_KEYS,
  expectedDiffers,
  QUEUE_FIELDS,
  STAGE_FIELDS,
} from './compare.ts';
export { compareDora, type DoraChange } from './compareDora.ts';
export { DORA_UNITS, type DoraRow, doraRow, doraTone } from './compareDoraFormat.ts';
export { compareEdges, type EdgeChange, type EdgeEnd } from './compareEdges.ts';
export {
  type EdgeRow,
  EXPECTED_NOTE,
  edgeRow,
  FIELD_LABELS,
  type FigureUnit,
  fieldRelative,
  fieldTone,
  formatChange,
  formatFieldValue,
  formatMetricValue,
  formatRatio,
  formatRelativeChange,
  type MetricRow,
  metricRow,
  type Tone,
  toneOf,
} from './compareFormat.ts';
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
  DORA_TIME_BASIS,
  deploymentFrequencyLevel,
  doraTimeBasisNote,
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
export { formatPercentage, percentDigits } from './percent.ts';
export { projectedKaizens } from './projected.ts';
export {
  type ProjectedChange,
  type ProjectedKey,
  type ProjectedRow,
  projectedRows,
} from './projectedRows.ts';
export type { MetricSettings, MetricsMeta } from './settings.ts';
export { CAPACITY_THRESHOLD, metricSettings, safeWorkingTime } from './settings.ts';
export { computeStateMetrics, headlineOf } from './stateMetrics.ts';
export type {
  Bottleneck,
  CapacityBottleneck,
  HeadlineFigures,
  MetricsError,
  QualityBottleneck,
  StageMetrics,
  StateMetrics,
} from './types.ts';
export type { StageValues } from './values.ts';
export { displayName, readStageValues } from './values.ts';
