// Where a queue inserted on an arrow goes: in the gap between the arrow's two steps, on their row
// (every pipeline node has its flow handles at the same height, so the arrows stay level). When
// the gap is too narrow for the triangle and two short arrows, everything from the downstream
// step rightwards moves over to make room, as a person redrawing the map by hand would do.
import { isPipelineNode, type MapState, type NodeType } from '@flowmap/shared';
import type { NodePosition } from '@flowmap/shared/doc';
import { defaultSize } from './nodes/sizes.ts';
import type { Size } from './types.ts';

/** Room for an arrow on each side of the queue. */
export const QUEUE_ARROW_ROOM = 40;

export interface QueuePlacement {
  x: number;
  y: number;
  moves: NodePosition[];
}

/**
 * The flow arrow a queue can be inserted on: the one selected arrow, when it is a flow arrow
 * between two steps of the flow (not a kaizen's link, not rework). Null otherwise.
 */
export function queueTarget(
  state: MapState | null,
  selectedEdges: readonly string[],
): string | null {
  if (!state || selectedEdges.length !== 1) return null;
  const id = selectedEdges[0] as string;
  const edge = Object.hasOwn(state.edges, id) ? state.edges[id] : undefined;
  if (edge?.kind !== 'flow') return null;
  const source = state.nodes[edge.source];
  const target = state.nodes[edge.target];
  if (!source || !target || !isPipelineNode(source.type) || !isPipelineNode(target.type)) {
    return null;
  }
  return id;
}

export function placeQueue(
  state: MapState,
  edgeId: string,
  sizeOf: (id: string, type: NodeType) => Size,
): QueuePlacement | null {
  const edge = state.edges[edgeId];
  const a = edge ? state.nodes[edge.source] : undefined;
  const b = edge ? state.nodes[edge.target] : undefined;
  if (!edge || !a || !b) return null;
  const q = defaultSize('queue');
  const aSize = sizeOf(edge.source, a.type);
  const bSize = sizeOf(edge.target, b.type);
  const y = Math.round(a.y === b.y ? a.y : (a.y + b.y) / 2);
  const aRight = a.x + aSize.width;
  if (b.x < aRight) {
    // Not left to right (an arrow running back or down): halfway between the centres.
    const cx = (a.x + aSize.width / 2 + b.x + bSize.width / 2) / 2;
    return { x: Math.round(cx - q.width / 2), y, moves: [] };
  }
  const needed = q.width + 2 * QUEUE_ARROW_ROOM;
  const shift = Math.max(0, needed - (b.x - aRight));
  const moves: NodePosition[] = [];
  if (shift > 0) {
    for (const [id, node] of Object.entries(state.nodes)) {
      if (id !== edge.source && node.x >= b.x) {
        moves.push({ id, x: Math.round(node.x + shift), y: node.y });
      }
    }
  }
  const gap = b.x + shift - aRight;
  return { x: Math.round(aRight + (gap - q.width) / 2), y, moves };
}
