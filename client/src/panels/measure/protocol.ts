// Messages between the Import measurements dialog and its worker. The log's rows stay in the
// worker (they name work items and may be 100,000 lines); only names, counts and aggregates
// come back, and only aggregates ever reach the document.
import type { MapState, WorkingTime } from '@flowmap/shared';
import type {
  DoraMeasurement,
  MeasureResult,
  RowProblem,
  StageMapping,
} from '@flowmap/shared/measure';

export type LogKind = 'events' | 'deployments';

export type ToWorker =
  | { type: 'parse'; id: number; kind: LogKind; file: Blob; wt: WorkingTime }
  | { type: 'aggregate'; id: number; state: MapState; wt: WorkingTime; mapping: StageMapping };

export type Phase = 'reading' | 'parsing' | 'aggregating';

export type FromWorker =
  | { type: 'progress'; id: number; phase: Phase; done: number }
  | { type: 'refused'; id: number; problems: RowProblem[] }
  /** An event log read: its distinct stage names (first-seen order) and row count. */
  | { type: 'events'; id: number; names: string[]; rows: number; millis: number }
  | { type: 'deployments'; id: number; dora: DoraMeasurement; millis: number }
  | { type: 'aggregated'; id: number; result: MeasureResult; millis: number };
