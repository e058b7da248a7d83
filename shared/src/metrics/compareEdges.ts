// The rework rates and route shares of two states, compared: each arrow whose rate or share
// changed is an entry of its own ("Rework Manual tests → Build: 20% → 5%"), because a loop that
// sends less work back is an improvement a team plans for, like a shorter step. Arrows are matched
// by what they join, not by their ids: a rework arrow deleted and drawn again is the same loop.
import type { MapEdge, MapNode, MapState } from '../model/types.ts';
import { stateNodeEntries } from './graph.ts';
import { displayName } from './values.ts';

export interface EdgeEnd {
  id: string;
  name: string;
}

export interface EdgeChange {
  /**
   * 'rework': the rate of a rework arrow (the share of the items leaving `from` sent back to
   * `to`); 'route': the share of the items at `from` that take the either/or route to `to`.
   */
  kind: 'rework' | 'route';
  from: EdgeEnd;
  to: EdgeEnd;
  /** A 0–1 fraction; null when the arrow is missing on that side or carries none. */
  before: number | null;
  after: number | null;
}

interface Weighted {
  kind: EdgeChange['kind'];
  source: string;
  target: string;
  value: number | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rework arrows by their rate and flow arrows by their share, keyed by kind and ends. */
function weightedEdges(state: MapState): Map<string, Weighted> {
  const out = new Map<string, Weighted>();
  const edges: unknown = isRecord(state) ? state.edges : undefined;
  if (!isRecord(edges)) return out;
  // By edge id, so that of two arrows between the same pair the first gives the value, as in
  // the metrics (graph.ts).
  for (const edgeId of Object.keys(edges).sort()) {
    const edge = edges[edgeId];
    if (!isRecord(edge) || typeof edge.source !== 'string' || typeof edge.target !== 'string') {
      continue;
    }
    const kind = edge.kind === 'rework' ? 'rework' : edge.kind === 'flow' ? 'route' : null;
    if (kind === null) continue;
    const raw: unknown = (edge as Partial<MapEdge>)[kind === 'rework' ? 'rate' : 'share'];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    const key = JSON.stringify([kind, edge.source, edge.target]);
    if (!out.has(key)) out.set(key, { kind, source: edge.source, target: edge.target, value });
  }
  return out;
}

/**
 * Every rework rate and route share that differs between the states, rework first, then by the
 * ids of the arrow's ends. An arrow without a value on either side is no entry.
 */
export function compareEdges(before: MapState, after: MapState): EdgeChange[] {
  const old = weightedEdges(before);
  const now = weightedEdges(after);
  const namesBefore = new Map(stateNodeEntries(before));
  const namesAfter = new Map(stateNodeEntries(after));
  const end = (id: string): EdgeEnd => {
    const node: MapNode | undefined = namesAfter.get(id) ?? namesBefore.get(id);
    return { id, name: node ? displayName(node, id) : id };
  };
  const changes: EdgeChange[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const b = old.get(key);
    const a = now.get(key);
    const edge = (a ?? b) as Weighted;
    const before = b?.value ?? null;
    const after = a?.value ?? null;
    if (before === after) continue;
    changes.push({ kind: edge.kind, from: end(edge.source), to: end(edge.target), before, after });
  }
  const rank = (c: EdgeChange) => (c.kind === 'rework' ? 0 : 1);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return changes.sort(
    (x, y) => rank(x) - rank(y) || cmp(x.from.id, y.from.id) || cmp(x.to.id, y.to.id),
  );
}
