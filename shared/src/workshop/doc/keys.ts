// The names of the workshop's part of a map document: one root Y.Map `workshop`, its nested maps
// and the keys of each entity. Spelled once, here, like ../../doc/keys.ts for the map itself.
export const WORKSHOP_ROOT = 'workshop';

/** Nested Y.Maps of the workshop root. */
export const WORKSHOP_CHILDREN = {
  agenda: 'agenda',
  participants: 'participants',
  rounds: 'rounds',
  votes: 'votes',
} as const;

/** Nested Y.Maps of one round. */
export const ROUND_CHILDREN = {
  /** stage id → order */
  stages: 'stages',
  /** participant id → Y.Map stage id → value */
  answers: 'answers',
  /** stage id → accepted value */
  accepted: 'accepted',
} as const;

/** Nested Y.Maps of one dot vote. */
export const VOTE_CHILDREN = {
  /** item id → order */
  items: 'items',
  /** participant id → Y.Map item id → dots */
  ballots: 'ballots',
  /** item id → kaizen node id */
  candidates: 'candidates',
} as const;
