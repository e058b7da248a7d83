// Moving between steps with the arrow keys, along the flow rather than across the screen: → goes
// to the next step (the target of an outgoing flow arrow), ← to the previous one, ↑/↓ to the
// nearest node above or below (a parallel branch, a kaizen burst, a note). Where the flow has no
// answer (a step not connected yet), the nearest node that way on screen is taken, so the keys
// never dead-end. Pure: the rules are tested without a browser.
import { isPipelineNode, type MapState } from '@flowmap/shared';

/** About half a stage's width: a node right above or below may sit a little to one side. */
const HALF_BOX = 110;

export type Direction = 'next' | 'previous' | 'up' | 'down';

export interface Centre {
  x: number;
  y: number;
}

/** A node's centre in flow coordinates (callers pass its measured or default size). */
export type CentreOf = (id: string) => Centre | null;

function nearest(
  candidates: Iterable<string>,
  from: Centre,
  centreOf: CentreOf,
  score: (dx: number, dy: number) => number | null,
): string | null {
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const id of candidates) {
    const c = centreOf(id);
    if (!c) continue;
    const s = score(c.x - from.x, c.y - from.y);
    if (s === null) continue;
    // Equal scores: the id decides, so the same key always goes to the same node.
    if (s < bestScore || (s === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = s;
    }
  }
  return best;
}

/** The first step of the flow: a start node, else a pipeline node nothing flows into; leftmost. */
export function firstStep(state: MapState, centreOf: CentreOf): string | null {
  const ids = Object.keys(state.nodes);
  if (ids.length === 0) return null;
  const fed = new Set(
    Object.values(state.edges)
      .filter((e) => e.kind === 'flow')
      .map((e) => e.target),
  );
  const starts = ids.filter((id) => state.nodes[id]?.type === 'start');
  const sources = ids.filter((id) => {
    const type = state.nodes[id]?.type;
    return type !== undefined && isPipelineNode(type) && !fed.has(id);
  });
  const pool = starts.length > 0 ? starts : sources.length > 0 ? sources : ids;
  // Scored from the origin: leftmost first, then topmost.
  return nearest(pool, { x: 0, y: 0 }, centreOf, (dx, dy) => dx * 1e6 + dy) ?? pool[0] ?? null;
}

export function neighbour(
  state: MapState,
  fromId: string,
  direction: Direction,
  centreOf: CentreOf,
): string | null {
  const from = centreOf(fromId);
  if (!from || !state.nodes[fromId]) return null;
  const others = Object.keys(state.nodes).filter((id) => id !== fromId);

  if (direction === 'next' || direction === 'previous') {
    const forward = direction === 'next';
    const linked = Object.values(state.edges)
      .filter((e) => e.kind === 'flow' && (forward ? e.source : e.target) === fromId)
      .map((e) => (forward ? e.target : e.source))
      .filter((id) => id !== fromId && state.nodes[id]);
    // Several branches: the one on the same row first, then the one above.
    const onFlow = nearest(
      linked,
      from,
      centreOf,
      (_dx, dy) => Math.abs(dy) * 2 + (dy < 0 ? 0 : 1),
    );
    if (onFlow) return onFlow;
    return nearest(others, from, centreOf, (dx, dy) => {
      const ahead = forward ? dx : -dx;
      return ahead > 0 ? ahead + Math.abs(dy) * 2 : null;
    });
  }

  const down = direction === 'down';
  return nearest(others, from, centreOf, (dx, dy) => {
    const below = down ? dy : -dy;
    // Within a cone under (over) the node, so ↑ from the start does not jump across the map.
    if (below <= 0 || Math.abs(dx) > below * 2 + HALF_BOX) return null;
    return below + Math.abs(dx) * 2;
  });
}
