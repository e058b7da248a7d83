// The facilitated workshop as plain data (PRODUCT.md, "Facilitated workshop"): the agenda with its
// time boxes, the shared timer, the participants, silent-estimation rounds and dot votes. The Yjs
// document holds it under one root key (`workshop`, see ./doc/keys.ts and docs/schema.md); this is
// what the read path turns it into, so the UI and the exports never touch Y types.

export const STEP_KINDS = [
  'scope',
  'steps',
  'time',
  'quality',
  'rework',
  'bottlenecks',
  'future',
  'plan',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** The stage fields a silent estimation round can ask for. */
export const ESTIMATE_FIELDS = ['elapsedMinutes', 'valueAddMinutes', 'pctCA'] as const;
export type EstimateField = (typeof ESTIMATE_FIELDS)[number];

/** What a dot vote is about: bottleneck stages (and queues) or kaizen ideas. */
export const VOTE_SUBJECTS = ['stages', 'kaizens'] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

export interface AgendaStep {
  id: string;
  order: number;
  kind: StepKind;
  title: string;
  prompt: string;
  /** The time box. */
  minutes: number;
}

/**
 * The shared countdown, in the server's clock (epoch ms): while running, the remaining time is
 * `remainingMs − (serverNow − runningSince)`; paused, it is `remainingMs`. Every client reads the
 * server's clock through its estimated offset, so all show the same figure whatever their clocks.
 */
export interface TimerState {
  runningSince: number | null;
  remainingMs: number;
}

export interface Participant {
  id: string;
  name: string;
  team?: string;
}

/** One participant's answers in a round: stage id → value (minutes, or 0–100 for %C/A). */
export type Answers = Record<string, number>;

export interface EstimationRound {
  id: string;
  stateId: string;
  field: EstimateField;
  /** The stages asked about, in the order they are asked. */
  stageIds: string[];
  /** Reveal shows who answered what; otherwise answers are shown without names. */
  named: boolean;
  revealed: boolean;
  closed: boolean;
  openedAt: number;
  /** Participant id → their answers. The document holds them; the UI hides others' until reveal. */
  answers: Record<string, Answers>;
  /** Stage id → the value the facilitator accepted (written to the stage). */
  accepted: Record<string, number>;
}

export interface DotVote {
  id: string;
  stateId: string;
  subject: VoteSubject;
  /** Dots each participant may place. */
  dots: number;
  /** The most dots one participant may stack on one item. */
  stackLimit: number;
  closed: boolean;
  openedAt: number;
  /** The items voted on, in display order. */
  itemIds: string[];
  /** Participant id → item id → dots placed. */
  ballots: Record<string, Record<string, number>>;
  /** Item id → the kaizen node it became (a kaizen item is its own candidate). */
  candidates: Record<string, string>;
}

export interface Workshop {
  active: boolean;
  /** The map state the workshop works on (usually the current state). */
  stateId: string | null;
  facilitatorId: string | null;
  stepIndex: number;
  timer: TimerState;
  /** "Bring everyone to my view": the facilitator's awareness client id and when they asked. */
  gather: { clientId: number; at: number } | null;
  startedAt: number | null;
  /**
   * Whether people on the view link may join, answer rounds and place dots (through the server's
   * workshop route: a view link never writes the document itself). The facilitator's choice.
   */
  viewersTakePart: boolean;
  agenda: AgendaStep[];
  participants: Record<string, Participant>;
  rounds: EstimationRound[];
  votes: DotVote[];
}

export const EMPTY_WORKSHOP: Workshop = {
  active: false,
  stateId: null,
  facilitatorId: null,
  stepIndex: 0,
  timer: { runningSince: null, remainingMs: 0 },
  gather: null,
  startedAt: null,
  viewersTakePart: false,
  agenda: [],
  participants: {},
  rounds: [],
  votes: [],
};
