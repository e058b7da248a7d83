// `@flowmap/shared/measure`: measured reality from event and deployment logs. Pure: text in,
// aggregates out; the browser runs it in a worker, the CLI in Node.
export { aggregateEvents, workingConversion } from './aggregate.ts';
export { DEPLOYMENT_COLUMNS, EVENT_COLUMNS } from './columns.ts';
export { parseIsoTimestamp } from './dates.ts';
export { aggregateDeployments } from './deployments.ts';
export {
  type DocumentDora,
  type DocumentMeasurement,
  rememberedMapping,
  toDocumentDora,
  toDocumentMeasurement,
} from './document.ts';
export {
  logStageNames,
  type MapStage,
  matchStages,
  normaliseStageName,
  type StageMapping,
  stagesOf,
  unmatchedNames,
} from './matching.ts';
export { stageRanks } from './order.ts';
export { type ParseOptions, parseDeploymentLog, parseEventLog } from './parse.ts';
export { formatRowProblem, MAX_LISTED_PROBLEMS } from './table.ts';
export type * from './types.ts';
