// Schema v1 of a Flowmap document, as plain data. The JSON export is exactly this shape, and the
// Yjs document mirrors it one Y.Map per entity (see ../doc/keys.ts). Changing it is a public
// contract change: bump SCHEMA_VERSION and add a migration in migrations.ts.

export const SCHEMA_VERSION = 1 as const;

export const NODE_TYPES = ['stage', 'start', 'end', 'kaizen', 'note'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const EDGE_KINDS = ['flow', 'rework'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const STATE_KINDS = ['current', 'future'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

/** One box on the canvas. Durations are minutes of working time; pctCA is 0–100. */
export interface MapNode {
  id: string;
  type: NodeType;
  x: number;
  y: number;
  name: string;
  team?: string;
  elapsedMinutes?: number;
  valueAddMinutes?: number;
  pctCA?: number;
  notes?: string;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
}

/** The entered DORA inputs; lead time for changes defaults to the state's total lead time. */
export interface DoraInputs {
  deploymentsPerWeek?: number;
  /** Fraction of deployments causing a failure in production, 0–1. */
  changeFailureRate?: number;
  timeToRestoreMinutes?: number;
  /** Overrides the computed total lead time when the team measures it separately. */
  leadTimeForChangesMinutes?: number;
}

export interface MapState {
  id: string;
  name: string;
  kind: StateKind;
  order: number;
  basedOn?: string;
  dora?: DoraInputs;
  nodes: Record<string, MapNode>;
  edges: Record<string, MapEdge>;
}

/** Map-wide settings. Working time converts between minutes and days/weeks. */
export interface MapMeta {
  schemaVersion: typeof SCHEMA_VERSION;
  title: string;
  description: string;
  hoursPerDay: number;
  daysPerWeek: number;
  /** A stage whose %C/A is below this (0–100) is a quality bottleneck. */
  lowPctCAThreshold: number;
  /** How many of the top waiting stages on the critical path are called bottlenecks. */
  bottleneckCount: number;
}

export interface FlowMap {
  meta: MapMeta;
  states: Record<string, MapState>;
}

export const DEFAULT_META: Omit<MapMeta, 'title'> = {
  schemaVersion: SCHEMA_VERSION,
  description: '',
  hoursPerDay: 8,
  daysPerWeek: 5,
  lowPctCAThreshold: 80,
  bottleneckCount: 3,
};

/** Working time used to convert durations for display and parsing. */
export interface WorkingTime {
  hoursPerDay: number;
  daysPerWeek: number;
}

export const DEFAULT_WORKING_TIME: WorkingTime = { hoursPerDay: 8, daysPerWeek: 5 };

/** A problem found in a document or an input, with the path a person can follow to it. */
export interface Problem {
  /** Dotted path, e.g. "states.s1.nodes.n4.pctCA"; "" for the whole document. */
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/** Node types that carry timing data and take part in metrics. */
export function isMeasured(type: NodeType): boolean {
  return type === 'stage';
}

/** Node types that sit on the pipeline (paths pass through them); kaizen bursts and notes do not. */
export function isPipelineNode(type: NodeType): boolean {
  return type === 'stage' || type === 'start' || type === 'end';
}
