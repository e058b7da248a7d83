// The flow graph of one state: the pipeline nodes (stage, queue, start, end) joined by flow edges.
// Rework edges are not part of any path (they are kept aside, with their rates, for the expected
// figures), and kaizen bursts and notes are not on the pipeline at all. The document is untrusted (an old or hostile client may have written
// anything), so every field is checked before use and malformed entries are simply left out.
//
// The graph is stored as compact index arrays (CSR adjacency) so the metrics stay linear and cheap
// on 5,000+ nodes, and nothing here recurses: a deep graph cannot overflow the stack.
import type { MapNode, MapState } from '../model/types.ts';
import { isPipelineNode } from '../model/types.ts';

export interface FlowGraph {
  /**
   * Pipeline node ids sorted by plain string comparison (`<`), so every result that depends on
   * iteration order (tie-breaks, which cycle is reported) is independent of the order in which
   * the document happens to list its nodes and edges. Index i refers to ids[i] everywhere.
   */
  readonly ids: readonly string[];
  readonly nodes: readonly MapNode[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Successors of node i are outTargets[outStart[i] .. outStart[i + 1]), ascending, no duplicates. */
  readonly outStart: Int32Array;
  readonly outTargets: Int32Array;
  /** The `share` of each flow edge in outTargets (same index), NaN when it has none. */
  readonly outShare: Float64Array;
  readonly inDegree: Int32Array;
  /** Rework edges between pipeline nodes, by edge id order: work sent back from source to target. */
  readonly rework: readonly ReworkEdge[];
}

export interface ReworkEdge {
  edgeId: string;
  /** Node index of the step that sends work back (j). */
  source: number;
  /** Node index of the step it goes back to (i). */
  target: number;
  /** The raw `rate` value, unchecked. */
  rate: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nodeRecords(state: MapState): Record<string, unknown> {
  const nodes: unknown = isRecord(state) ? state.nodes : undefined;
  return isRecord(nodes) ? nodes : {};
}

/**
 * The node records of a state, keyed by id; anything that is not an object is left out. The record
 * key is a node's identity (it is the Y.Map key): a mismatching `id` field is the schema
 * validator's business, not a reason to drop the node here.
 */
export function stateNodeEntries(state: MapState): [string, MapNode][] {
  const nodes = nodeRecords(state);
  const entries: [string, MapNode][] = [];
  for (const id of Object.keys(nodes)) {
    const node = nodes[id];
    if (isRecord(node)) entries.push([id, node as unknown as MapNode]);
  }
  return entries;
}

export function buildFlowGraph(state: MapState): FlowGraph {
  const records = nodeRecords(state);
  const ids: string[] = [];
  for (const id of Object.keys(records)) {
    const node = records[id];
    if (isRecord(node) && isPipelineNode(node.type as MapNode['type'])) ids.push(id);
  }
  // The default sort compares UTF-16 code units, exactly like `<` on strings.
  ids.sort();
  const n = ids.length;
  const nodes = ids.map((id) => records[id] as MapNode);
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(ids[i] as string, i);

  // Encode each edge as source * n + target and sort numerically: one typed-array sort yields the
  // edges grouped by source with ascending targets, and duplicates end up adjacent. n² stays far
  // below 2^53 for any map a person could draw.
  const rawEdges: unknown = isRecord(state) ? state.edges : undefined;
  const keys: number[] = [];
  const shares = new Map<number, number>();
  const rework: ReworkEdge[] = [];
  if (isRecord(rawEdges)) {
    for (const edgeId of Object.keys(rawEdges).sort()) {
      const edge = rawEdges[edgeId];
      if (!isRecord(edge)) continue;
      if (typeof edge.source !== 'string' || typeof edge.target !== 'string') continue;
      const s = indexOf.get(edge.source);
      const t = indexOf.get(edge.target);
      if (s === undefined || t === undefined) continue;
      if (edge.kind === 'rework') {
        rework.push({ edgeId, source: s, target: t, rate: edge.rate });
        continue;
      }
      if (edge.kind !== 'flow') continue;
      const key = s * n + t;
      keys.push(key);
      // Two arrows between the same pair are one edge: the first (by edge id) gives the share.
      if (!shares.has(key)) {
        shares.set(key, typeof edge.share === 'number' ? edge.share : Number.NaN);
      }
    }
  }
  const sorted = Float64Array.from(keys).sort();

  const outStart = new Int32Array(n + 1);
  const outTargets = new Int32Array(sorted.length);
  const outShare = new Float64Array(sorted.length);
  const inDegree = new Int32Array(n);
  let m = 0;
  let previous = -1;
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k] as number;
    if (key === previous) continue;
    previous = key;
    const s = Math.floor(key / n);
    const t = key - s * n;
    outShare[m] = shares.get(key) ?? Number.NaN;
    outTargets[m++] = t;
    outStart[s + 1] = (outStart[s + 1] as number) + 1;
    inDegree[t] = (inDegree[t] as number) + 1;
  }
  for (let i = 0; i < n; i++)
    outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);

  return {
    ids,
    nodes,
    indexOf,
    outStart,
    outTargets: outTargets.slice(0, m),
    outShare: outShare.slice(0, m),
    inDegree,
    rework,
  };
}

/**
 * Kahn's algorithm. Returns every node index in an order where each edge points forward, or null
 * when the flow edges contain a cycle (some nodes can then never be released).
 */
export function topologicalOrder(graph: FlowGraph): Int32Array | null {
  const n = graph.ids.length;
  const { outStart, outTargets } = graph;
  const remaining = graph.inDegree.slice();
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (remaining[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const u = order[head] as number;
    const end = outStart[u + 1] as number;
    for (let e = outStart[u] as number; e < end; e++) {
      const v = outTargets[e] as number;
      const left = (remaining[v] as number) - 1;
      remaining[v] = left;
      if (left === 0) order[tail++] = v;
    }
  }
  return tail === n ? order : null;
}

const WHITE = 0;
const GREY = 1;
const BLACK = 2;

/**
 * Finds one cycle of flow edges and returns its node indices in edge order (the last one leads
 * back to the first), or null when there is none. A self-loop is a cycle of one node.
 *
 * Iterative depth-first search with an explicit stack: each node is entered once and each edge
 * followed once, so it runs in O(V + E) and cannot overflow the call stack or loop forever.
 */
export function findCycleIndices(graph: FlowGraph): number[] | null {
  const n = graph.ids.length;
  const { outStart, outTargets } = graph;
  const colour = new Uint8Array(n);
  const stack = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  const stackPos = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (colour[root] !== WHITE) continue;
    let depth = 0;
    stack[0] = root;
    stackPos[root] = 0;
    nextEdge[root] = outStart[root] as number;
    colour[root] = GREY;
    while (depth >= 0) {
      const u = stack[depth] as number;
      const e = nextEdge[u] as number;
      if (e < (outStart[u + 1] as number)) {
        nextEdge[u] = e + 1;
        const v = outTargets[e] as number;
        if (colour[v] === GREY) {
          return Array.from(stack.subarray(stackPos[v] as number, depth + 1));
        }
        if (colour[v] === WHITE) {
          colour[v] = GREY;
          depth++;
          stack[depth] = v;
          stackPos[v] = depth;
          nextEdge[v] = outStart[v] as number;
        }
      } else {
        colour[u] = BLACK;
        depth--;
      }
    }
  }
  return null;
}

/** Node ids on one flow cycle, in edge order, or null when the flow graph is acyclic. */
export function findCycle(graph: FlowGraph): string[] | null {
  const cycle = findCycleIndices(graph);
  return cycle === null ? null : cycle.map((i) => graph.ids[i] as string);
}
