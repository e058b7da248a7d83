// What the canvas is made of, as types: the React Flow nodes and edges Flowmap draws, the data each
// carries, and the ids of the handles arrows attach to. Its own module, imported by the derivation
// (elements.ts), the node and edge components, the layout and the actions alike, so none of them
// has to import another to name a shape.
import type { EdgeKind, KaizenStatus, NodeType } from '@flowmap/shared';
import type { Edge, Node } from '@xyflow/react';
import type { HeatLevel } from './heat.ts';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** A collaborator shown on a node they selected or are dragging. */
export interface PeerTag {
  name: string;
  colour: string;
}

export interface VsmNodeData extends Record<string, unknown> {
  name: string;
  team: string;
  /** Formatted with the map's working time; null when not entered. */
  lt: string | null;
  pt: string | null;
  ca: string | null;
  eff: string | null;
  heat: HeatLevel;
  rank: number | null;
  rankReason: string | null;
  /** Why the stage is a quality bottleneck (low %C/A), or null. */
  quality: string | null;
  critical: boolean;
  /** False for a stage or queue on no counted start→end path: drawn greyed, counted for nothing. */
  counted: boolean;
  /** Why the stage is a capacity bottleneck (utilisation above 85 %), or null. */
  busy: string | null;
  editable: boolean;
  peers: readonly PeerTag[];
  /** A stage another organisation does: drawn under the VSM outside-source roof. */
  outside: boolean;
  /** A stage whose times are measured, not estimated: wears a "measured" badge. */
  measured: boolean;
  /** A stage's three-point range of LT, "1d – 3d"; null when low and high are not both set. */
  range: string | null;
  /** A kaizen burst's owner ("" when nobody) and status (null when not said). */
  owner: string;
  status: KaizenStatus | null;
}

export type VsmNode = Node<VsmNodeData, NodeType>;

export interface VsmEdgeData extends Record<string, unknown> {
  critical: boolean;
  editable: boolean;
  /** A flow arrow's share of an either/or route, a rework arrow's rate ("20%"); null if none. */
  amount?: string | null;
  /** Colour of a participant who has this arrow selected (the first, if several). */
  peerColour?: string;
}

/** `link` ties a kaizen burst to the stage it improves; in the document it is a flow edge from the
 * burst, which metrics ignore because a burst is not on the pipeline. */
export type VsmEdge = Edge<VsmEdgeData, EdgeKind | 'link'>;

/** Handle ids: flow enters left and leaves right; rework leaves and enters at the bottom. */
export const HANDLES = {
  in: 'in',
  out: 'out',
  reworkOut: 'rework-out',
  reworkIn: 'rework-in',
  /** A kaizen burst's link to the stage it improves: out of the burst, into the top of a stage. */
  linkOut: 'link-out',
  linkIn: 'link-in',
} as const;
