// The critical path: the source→sink path of flow edges with the largest summed lead time.
import type { FlowGraph } from './graph.ts';
import { topologicalOrder } from './graph.ts';

export interface CriticalPath {
  /** Node indices into graph.ids, source first. */
  indices: number[];
  /** Node ids, source first, start/end nodes included. */
  ids: string[];
  leadTimeMinutes: number;
  valueAddMinutes: number;
}

/**
 * Longest path over the DAG by summed `elapsed`, in O(V + E) from one reverse topological pass.
 * `elapsed` and `valueAdd` are per node index and already cleaned (finite, ≥ 0; 0 for start/end
 * nodes and for missing values). A node with no flow edges is a source and a sink at once, so it
 * is a one-node path. Returns null when the flow edges contain a cycle, and null for a graph with
 * no nodes.
 *
 * Ties are broken deterministically, so the same map always shows the same path:
 *   1. larger total lead time;
 *   2. then larger total value-add time (the path doing more work is the more telling one);
 *   3. then the lexicographically smaller sequence of node ids, comparing ids with `<`.
 * Rule 3 needs no sequence comparison: two different continuations from a node start at different
 * successors, so the smaller sequence is the one through the smaller successor id (and among
 * sources, the smaller source id). Sums are accumulated from the sink backwards
 * (w0 + (w1 + (… + wk))); an enumerator that must match bit for bit should add in the same order.
 */
export function criticalPath(
  graph: FlowGraph,
  elapsed: ArrayLike<number>,
  valueAdd: ArrayLike<number>,
  active?: Uint8Array,
): CriticalPath | null {
  if (graph.ids.length === 0) return null;
  const order = topologicalOrder(graph);
  if (order === null) return null;
  return longestPath(graph, order, elapsed, valueAdd, active);
}

/**
 * The same over the nodes marked in `active` only (all when absent): the counted part of a state,
 * or the nodes one either/or route passes (and over the edges marked in `edges`: a route leaves
 * out the arrows its splits did not choose). A source is an active node without an active
 * predecessor. `order` is the graph's topological order. Null when no node is active.
 */
export function longestPath(
  graph: FlowGraph,
  order: Int32Array,
  elapsed: ArrayLike<number>,
  valueAdd: ArrayLike<number>,
  active?: Uint8Array,
  edges?: Uint8Array,
): CriticalPath | null {
  const n = graph.ids.length;
  const isActive = (v: number) => active === undefined || active[v] === 1;
  const { outStart, outTargets } = graph;

  // bestLead[v] / bestValue[v]: totals of the best path starting at v; next[v]: its second node.
  const bestLead = new Float64Array(n);
  const bestValue = new Float64Array(n);
  const next = new Int32Array(n).fill(-1);
  const hasActivePredecessor = new Uint8Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const v = order[k] as number;
    if (!isActive(v)) continue;
    let chosen = -1;
    let lead = 0;
    let value = 0;
    const end = outStart[v + 1] as number;
    // Successors are in ascending index (= id) order; a strict comparison keeps the smallest id.
    for (let e = outStart[v] as number; e < end; e++) {
      const w = outTargets[e] as number;
      if (!isActive(w) || (edges !== undefined && edges[e] !== 1)) continue;
      hasActivePredecessor[w] = 1;
      const l = bestLead[w] as number;
      const va = bestValue[w] as number;
      if (chosen === -1 || l > lead || (l === lead && va > value)) {
        chosen = w;
        lead = l;
        value = va;
      }
    }
    next[v] = chosen;
    bestLead[v] = (elapsed[v] as number) + lead;
    bestValue[v] = (valueAdd[v] as number) + value;
  }

  let source = -1;
  for (let v = 0; v < n; v++) {
    if (!isActive(v) || hasActivePredecessor[v] === 1) continue;
    if (
      source === -1 ||
      (bestLead[v] as number) > (bestLead[source] as number) ||
      (bestLead[v] === bestLead[source] && (bestValue[v] as number) > (bestValue[source] as number))
    ) {
      source = v;
    }
  }
  if (source === -1) return null;

  const indices: number[] = [];
  for (let v = source; v !== -1; v = next[v] as number) indices.push(v);
  return {
    indices,
    ids: indices.map((i) => graph.ids[i] as string),
    leadTimeMinutes: bestLead[source] as number,
    valueAddMinutes: bestValue[source] as number,
  };
}
