// Schema v2 of a Flowmap document, as plain data. The JSON export is exactly this shape, and the
// Yjs document mirrors it one Y.Map per entity (see ../doc/keys.ts). Changing it is a public
// contract change: bump SCHEMA_VERSION and add a migration in migrations.ts.
// v2 adds what a workshop says beyond "this step took LT, of which PT was work" (PRODUCT.md,
// "Model v2"): queues on the flow, rework rates, either/or routes, capacity, three-point
// estimates, who rated %C/A, measured vs estimated, outside steps, and what a kaizen will change.
// Every v2 field is optional, so a v1 document is a v2 document with a new version number.

export const SCHEMA_VERSION = 2 as const;

export const NODE_TYPES = ['stage', 'start', 'end', 'kaizen', 'note', 'queue'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const EDGE_KINDS = ['flow', 'rework'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const STATE_KINDS = ['current', 'future'] as const;
export type StateKind = (typeof STATE_KINDS)[number];

export const TIME_SOURCES = ['estimate', 'measured'] as const;
export type TimeSource = (typeof TIME_SOURCES)[number];

export const KAIZEN_STATUSES = ['idea', 'planned', 'doing', 'done'] as const;
export type KaizenStatus = (typeof KAIZEN_STATUSES)[number];

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * One box on the canvas. Durations are minutes of working time; pctCA is 0–100. Which fields mean
 * something depends on the type: LT/PT/%C/A and the capacity fields on a stage, the wait on a
 * queue, the owner/status/effects on a kaizen burst; the rest are ignored there.
 */
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
  // Stage (v2)
  /** People working the step, for utilisation against demand. */
  people?: number;
  /** Items handled together (≥ 1). */
  batchSize?: number;
  /** Items in progress at the step. */
  wipItems?: number;
  /** Three-point estimate of LT: low ≤ elapsedMinutes ≤ high. */
  elapsedLowMinutes?: number;
  elapsedHighMinutes?: number;
  timeSource?: TimeSource;
  /** Who rated the %C/A: the downstream team that receives the step's output. */
  ratedBy?: string;
  /** A step another organisation does (drawn as the VSM outside-source shape). */
  outside?: boolean;
  // Queue (v2): the inventory triangle on the flow
  /** Wait in the queue; without it, items / demandPerDay working days. */
  waitMinutes?: number;
  /** Items waiting in the queue. */
  items?: number;
  // Kaizen (v2)
  owner?: string;
  /** YYYY-MM-DD. */
  dueDate?: string;
  status?: KaizenStatus;
  /** The linked stage's LT, PT and %C/A once the kaizen is done. */
  effectElapsedMinutes?: number;
  effectValueAddMinutes?: number;
  effectPctCA?: number;
  // Measured reality (issue 17): aggregates of an imported event log, never its rows.
  /** What the last import measured for this stage; the estimate fields are not changed by it. */
  measured?: StageMeasured;
  /** The estimate as it was when "use measured" replaced it, kept for comparison. */
  estimate?: StageEstimate;
}

/**
 * A stage's figures measured from an event log (PRODUCT.md, "Measured reality and forecasts"):
 * durations in working minutes (calendar time × the map's working share of the week).
 */
export interface StageMeasured {
  /** The measurement period, ISO 8601 UTC. */
  from: string;
  to: string;
  /** Distinct items that passed the stage, and passes (more when work was sent back). */
  items: number;
  passes: number;
  leadTimeMinutes: { p50: number; p85: number; mean: number };
  /** Mean active minutes per pass, when the log had them. */
  processTimeMinutes?: number;
  /** Measured %C/A, 0–100. */
  pctCA: number;
}

/** The estimated figures a stage had before "use measured" set the measured ones. */
export interface StageEstimate {
  elapsedMinutes?: number;
  valueAddMinutes?: number;
  pctCA?: number;
  elapsedLowMinutes?: number;
  elapsedHighMinutes?: number;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Rework edge j→i: share (0 ≤ rate < 1) of the items leaving j that are sent back to i. */
  rate?: number;
  /**
   * Flow edge: when all of a node's outgoing flow edges carry shares (adding up to 1), each item
   * takes one of them in those proportions (an either/or route); without shares they are
   * parallel work, all done.
   */
  share?: number;
}

/** The entered DORA inputs; lead time for changes defaults to the state's total lead time. */
export interface DoraInputs {
  deploymentsPerWeek?: number;
  /** Fraction of deployments causing a failure in production, 0–1. */
  changeFailureRate?: number;
  timeToRestoreMinutes?: number;
  /** Overrides the computed total lead time when the team measures it separately. */
  leadTimeForChangesMinutes?: number;
  /** Set when the figures came from a deployment log (issue 17): its period and size. */
  measured?: { from: string; to: string; deployments: number };
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
  /** Work items entering the stream per working day (> 0): takt, queue waits, utilisation. */
  demandPerDay?: number;
  /** What one item is called: "change", "story" … (≤ 40 characters). */
  unitOfWork?: string;
  /** The language of the map's exports. */
  locale?: Locale;
  /** How the last event-log import matched log stage names to stage ids (null: not counted). */
  stageMapping?: StageMappingEntry[];
}

export interface StageMappingEntry {
  /** The stage name as the log writes it. */
  log: string;
  /** The map stage it counts for, or null for none. */
  stage: string | null;
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

/**
 * Node types that sit on the pipeline (paths pass through them): stages, queues (the wait in front
 * of a step) and the start and end; kaizen bursts and notes do not.
 */
export function isPipelineNode(type: NodeType): boolean {
  return type === 'stage' || type === 'start' || type === 'end' || type === 'queue';
}
