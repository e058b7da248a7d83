// Either/or routes. When every outgoing flow arrow of a node carries a share (and the shares add
// up to 1), each item takes ONE of them in those proportions: a standard change goes through the
// change advisory board, an emergency change does not. A route is one choice at every such split
// an item meets; its probability is the product of the chosen shares. Parallel branches (arrows
// without shares) are all part of every route that reaches them.
import type { Problem } from '../model/types.ts';
import type { FlowGraph } from './graph.ts';
import { formatPercentage } from './percent.ts';

/** Shares may be off by this much in total (people type 33 %, 33 %, 34 %, or 0.333 three times). */
export const SHARE_TOLERANCE = 0.001;
/** Routes enumerated at most; splits met after that count as parallel work (and say so). */
export const MAX_ROUTES = 1_024;

export interface Split {
  /** Edge indices into graph.outTargets of the arrows an item chooses between. */
  edges: number[];
  shares: number[];
}

export interface Route {
  probability: number;
  /** 1 for every node index an item on this route passes. */
  active: Uint8Array;
  /** 1 for every edge index (graph.outTargets) an item may take: all but the arrows not chosen. */
  edges: Uint8Array;
}

// One decimal: a sum just outside the tolerance (99.8%) must not read as a whole 100%.
const percent = (fraction: number) => formatPercentage(fraction * 100, 1);

/**
 * The either/or splits among counted nodes. A node whose arrows carry shares that do not make a
 * valid split (some without a share, or not adding up to 100 %) is a problem named on that node,
 * and its arrows count as parallel work.
 */
export function findSplits(
  graph: FlowGraph,
  counted: Uint8Array,
  problems: Problem[],
): Map<number, Split> {
  const splits = new Map<number, Split>();
  const { outStart, outTargets, outShare } = graph;
  for (let v = 0; v < graph.ids.length; v++) {
    if (counted[v] !== 1) continue;
    const edges: number[] = [];
    const shares: number[] = [];
    let withShare = 0;
    const end = outStart[v + 1] as number;
    for (let e = outStart[v] as number; e < end; e++) {
      if (counted[outTargets[e] as number] !== 1) continue;
      const share = outShare[e] as number;
      edges.push(e);
      shares.push(share);
      if (Number.isFinite(share) && share >= 0 && share <= 1) withShare++;
    }
    if (withShare === 0) continue;
    const at = `nodes.${graph.ids[v]}`;
    if (withShare < edges.length) {
      problems.push({
        path: at,
        message: `only ${withShare} of its ${edges.length} outgoing arrows have a share; counted as parallel work`,
      });
      continue;
    }
    const total = shares.reduce((sum, s) => sum + s, 0);
    if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      problems.push({
        path: at,
        message: `the shares of its routes add up to ${percent(total)}, not 100%; counted as parallel work`,
      });
      continue;
    }
    // One arrow carrying 100 % is a route everyone takes: nothing to choose.
    if (edges.length > 1) splits.set(v, { edges, shares });
  }
  return splits;
}

export interface RouteSet {
  routes: Route[];
  /** True when MAX_ROUTES was reached and later splits counted as parallel. */
  truncated: boolean;
}

/**
 * Every route through the counted nodes, walking them in topological order from the counted
 * sources: a node an item reaches passes it on along all its arrows, or, at a split, along the
 * one the route chose. Routes of probability 0 (a 0 % arrow) are left out.
 */
export function enumerateRoutes(
  graph: FlowGraph,
  order: Int32Array,
  counted: Uint8Array,
  splits: ReadonlyMap<number, Split>,
): RouteSet {
  const n = graph.ids.length;
  const { outStart, outTargets } = graph;
  const start = new Uint8Array(n);
  const hasCountedPredecessor = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (counted[v] !== 1) continue;
    const end = outStart[v + 1] as number;
    for (let e = outStart[v] as number; e < end; e++) {
      const w = outTargets[e] as number;
      if (counted[w] === 1) hasCountedPredecessor[w] = 1;
    }
  }
  for (let v = 0; v < n; v++) start[v] = counted[v] === 1 && hasCountedPredecessor[v] === 0 ? 1 : 0;

  const routes: Route[] = [];
  let truncated = false;
  const pending: { pos: number; active: Uint8Array; edges: Uint8Array; probability: number }[] = [
    { pos: 0, active: start, edges: new Uint8Array(outTargets.length).fill(1), probability: 1 },
  ];
  while (pending.length > 0) {
    const state = pending.pop() as (typeof pending)[number];
    const { active, edges } = state;
    let pos = state.pos;
    for (; pos < n; pos++) {
      const v = order[pos] as number;
      if (active[v] !== 1) continue;
      const split = splits.get(v);
      if (split && routes.length + pending.length + split.edges.length <= MAX_ROUTES) {
        split.edges.forEach((e, k) => {
          const share = split.shares[k] as number;
          if (share <= 0) return;
          const branch = active.slice();
          branch[outTargets[e] as number] = 1;
          const taken = edges.slice();
          for (const other of split.edges) if (other !== e) taken[other] = 0;
          pending.push({
            pos: pos + 1,
            active: branch,
            edges: taken,
            probability: state.probability * share,
          });
        });
        break;
      }
      if (split) truncated = true;
      const end = outStart[v + 1] as number;
      for (let e = outStart[v] as number; e < end; e++) {
        const w = outTargets[e] as number;
        if (counted[w] === 1) active[w] = 1;
      }
    }
    if (pos >= n) routes.push({ probability: state.probability, active, edges });
  }
  return { routes, truncated };
}
