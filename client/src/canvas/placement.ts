// Where a node added from the toolbar or keyboard goes. With one pipeline node selected, a new
// stage or end becomes the next step (to its right, joined by a flow arrow), so a workshop can
// type a pipeline as "S, name, Enter, S, name, Enter…"; a kaizen burst goes above the selected
// node and a note below it. Otherwise the node lands mid-screen. Never on top of another node.
import type { MapState, NodeType } from '@flowmap/shared';
import { anchorOffset, defaultSize } from './nodes/sizes.ts';
import type { Size, XY } from './types.ts';

/** Horizontal gap between a step and the next one added after it (room for the arrow). */
export const NEXT_GAP = 60;
const MARGIN = 12;

export interface Placement {
  x: number;
  y: number;
  /** Join this existing node → the new one with a flow edge. */
  linkFrom: string | null;
  /** Join the new node → this existing node with a flow edge. */
  linkTo: string | null;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.x < b.x + b.width + MARGIN &&
    b.x < a.x + a.width + MARGIN &&
    a.y < b.y + b.height + MARGIN &&
    b.y < a.y + a.height + MARGIN
  );
}

/** The first spot from `start`, moving by `step`, where a node of `size` touches nothing. */
export function freeSpot(start: XY, size: Size, occupied: readonly Rect[], step: XY): XY {
  let spot = { ...start };
  for (let i = 0; i < 200; i++) {
    const rect = { ...spot, ...size };
    if (!occupied.some((o) => overlaps(rect, o))) return spot;
    spot = { x: spot.x + step.x, y: spot.y + step.y };
  }
  return start;
}

export function placeNewNode(
  type: NodeType,
  state: MapState,
  sizeOf: (id: string, type: NodeType) => Size,
  options: { centre: XY; selected: readonly string[] },
): Placement {
  const size = defaultSize(type);
  const occupied: Rect[] = Object.entries(state.nodes).map(([id, n]) => ({
    x: n.x,
    y: n.y,
    ...sizeOf(id, n.type),
  }));
  const anchorId = options.selected.length === 1 ? options.selected[0] : undefined;
  const anchor = anchorId ? state.nodes[anchorId] : undefined;
  const round = (p: XY) => ({ x: Math.round(p.x), y: Math.round(p.y) });

  if (anchorId && anchor) {
    const anchorSize = sizeOf(anchorId, anchor.type);
    const flowsOn = anchor.type === 'stage' || anchor.type === 'start' || anchor.type === 'queue';
    if ((type === 'stage' || type === 'end') && flowsOn) {
      const start = { x: anchor.x + anchorSize.width + NEXT_GAP, y: anchor.y };
      const spot = freeSpot(start, size, occupied, { x: 0, y: anchorSize.height + 60 });
      return { ...round(spot), linkFrom: anchorId, linkTo: null };
    }
    if (type === 'start' && anchor.type === 'stage') {
      const start = { x: anchor.x - size.width - NEXT_GAP, y: anchor.y };
      const spot = freeSpot(start, size, occupied, { x: 0, y: anchorSize.height + 60 });
      return { ...round(spot), linkFrom: null, linkTo: anchorId };
    }
    if (type === 'kaizen' || type === 'note') {
      const x = anchor.x + (anchorSize.width - size.width) / 2;
      const y = type === 'kaizen' ? anchor.y - size.height - 40 : anchor.y + anchorSize.height + 40;
      const spot = freeSpot({ x, y }, size, occupied, { x: size.width / 2, y: 0 });
      return { ...round(spot), linkFrom: null, linkTo: null };
    }
  }

  const offset = anchorOffset(type);
  const start = { x: options.centre.x - offset.x, y: options.centre.y - offset.y };
  const spot = freeSpot(start, size, occupied, { x: 30, y: 30 });
  return { ...round(spot), linkFrom: null, linkTo: null };
}
