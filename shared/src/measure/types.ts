// The shapes of measured reality (PRODUCT.md, "Measured reality and forecasts"): the rows of an
// event log and a deployment log as read from a file, the problems found reading them, and the
// aggregates computed from them. Only the aggregates ever leave the browser or the CLI: the rows
// name work items, so they are never sent to the server or stored in the document.

/** One pass of one work item through one stage, as the log says; times are epoch milliseconds. */
export interface EventRow {
  item: string;
  stage: string;
  entered: number;
  exited: number;
  /** Minutes of actual work in the pass (already working time); absent when the log has none. */
  activeMinutes?: number;
  /** The row number a person finds in the file (a spreadsheet's row for CSV, 1-based for JSON). */
  row: number;
}

export interface DeploymentRow {
  deployedAt: number;
  failed: boolean;
  restoredAt?: number;
  committedAt?: number;
  row: number;
}

/** A problem in a log file, always with the row a person can find it on (0: the whole file). */
export interface RowProblem {
  row: number;
  message: string;
}

export type ReadResult<T> = { ok: true; rows: T[] } | { ok: false; problems: RowProblem[] };

/** Lead-time figures of a stage, in working minutes. */
export interface LeadTimeFigures {
  p50: number;
  p85: number;
  mean: number;
}

export interface ReworkRate {
  /** Map stage id that sent the work back. */
  from: string;
  /** Map stage id it was sent back to. */
  to: string;
  /** Back-moves from → to over the passes of `from`, 0–1. */
  rate: number;
}

export interface StageMeasurement {
  /** Passes through the stage (an item may pass a stage several times when work is sent back). */
  passes: number;
  /** Distinct items that passed the stage. */
  items: number;
  leadTimeMinutes: LeadTimeFigures;
  /** Mean active minutes per pass over the passes that carry them; null when none does. */
  processTimeMinutes: number | null;
  /** Measured %C/A, 0–100 (PRODUCT.md's definition, from back-moves). */
  pctCA: number;
  /** Back-moves leaving this stage, by the stage they went back to. */
  rework: ReworkRate[];
  /** Passes finished per calendar week over the measurement period. */
  throughputPerWeek: number;
  /** Little's law: average items in the stage = throughput × mean calendar lead time. */
  wip: number;
}

/** How calendar time became working time: calendar minutes × share. */
export interface WorkingConversion {
  hoursPerDay: number;
  daysPerWeek: number;
  /** hoursPerDay × daysPerWeek / 168. */
  share: number;
}

export interface MeasurePeriod {
  /** ISO 8601, UTC: the earliest `entered`. */
  from: string;
  /** ISO 8601, UTC: the latest `exited`. */
  to: string;
}

export interface MeasureResult {
  period: MeasurePeriod;
  /** Distinct work items in the log (matched stages or not). */
  items: number;
  events: number;
  /** Keyed by map stage id; only stages some log stage was mapped to. */
  stages: Record<string, StageMeasurement>;
  /** Log stage names mapped to no map stage; their rows count for nothing. */
  unmatchedStages: string[];
  conversion: WorkingConversion;
}

export interface DoraMeasurement {
  deployments: number;
  period: MeasurePeriod;
  deploymentsPerWeek: number;
  /** Failed deployments / deployments, 0–1. */
  changeFailureRate: number;
  /** Median deployed → restored of the failed deployments, working minutes; null without any. */
  timeToRestoreMinutes: number | null;
  /** Median committed → deployed, working minutes; null when no row has committed_at. */
  leadTimeForChangesMinutes: number | null;
}
