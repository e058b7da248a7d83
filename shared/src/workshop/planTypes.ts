// The map types the workshop reads, re-exported in one place so the workshop's pure modules
// depend on the model through one door.
import type { MapNode as Node, MapState as State } from '../model/types.ts';

export type MapNode = Node;
export type MapState = State;

/** The stage fields the workshop writes when a value is accepted. */
export type NodePatchLike = Partial<
  Pick<
    Node,
    | 'elapsedMinutes'
    | 'elapsedLowMinutes'
    | 'elapsedHighMinutes'
    | 'valueAddMinutes'
    | 'pctCA'
    | 'ratedBy'
    | 'timeSource'
  >
>;
