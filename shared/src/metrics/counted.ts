// Which part of a state the figures count. When the state has a start and an end node, only what
// lies on some start→end path over flow edges counts: a box dropped on the canvas and never wired
// in, or a branch that leads nowhere, must not become the headline ("lead time 5000, bottleneck #1
// with 100 % of all waiting"). Without start/end nodes every source→sink path counts, as in v1.
import type { FlowGraph } from './graph.ts';

export interface CountedPart {
  /** 1 for every pipeline node index that counts. */
  counted: Uint8Array;
  /** True when the state has start and end nodes, so paths run start → end. */
  startToEnd: boolean;
}

export function countedPart(graph: FlowGraph): CountedPart {
  const n = graph.ids.length;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; i++) {
    const type = graph.nodes[i]?.type;
    if (type === 'start') starts.push(i);
    else if (type === 'end') ends.push(i);
  }
  if (starts.length === 0 || ends.length === 0) {
    return { counted: new Uint8Array(n).fill(1), startToEnd: false };
  }
  const forward = reach(graph, starts, successorsOf(graph));
  const backward = reach(graph, ends, predecessorsOf(graph));
  const counted = new Uint8Array(n);
  for (let i = 0; i < n; i++) counted[i] = forward[i] === 1 && backward[i] === 1 ? 1 : 0;
  return { counted, startToEnd: true };
}

type Neighbours = (v: number, visit: (w: number) => void) => void;

function successorsOf(graph: FlowGraph, edges?: Uint8Array): Neighbours {
  const { outStart, outTargets } = graph;
  return (v, visit) => {
    const end = outStart[v + 1] as number;
    for (let e = outStart[v] as number; e < end; e++) {
      if (edges === undefined || edges[e] === 1) visit(outTargets[e] as number);
    }
  };
}

// Built once per graph: nodesBetween runs per rework arrow and per route.
const predecessorCache = new WeakMap<FlowGraph, Neighbours>();

function predecessorsOf(graph: FlowGraph): Neighbours {
  const cached = predecessorCache.get(graph);
  if (cached) return cached;
  const built = buildPredecessors(graph);
  predecessorCache.set(graph, built);
  return built;
}

function buildPredecessors(graph: FlowGraph): Neighbours {
  const n = graph.ids.length;
  const { outStart, outTargets } = graph;
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < outTargets.length; e++) {
    const t = outTargets[e] as number;
    inStart[t + 1] = (inStart[t + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) inStart[i + 1] = (inStart[i + 1] as number) + (inStart[i] as number);
  const fill = inStart.slice(0, n);
  const inSources = new Int32Array(outTargets.length);
  for (let s = 0; s < n; s++) {
    const end = outStart[s + 1] as number;
    for (let e = outStart[s] as number; e < end; e++) {
      const t = outTargets[e] as number;
      const at = fill[t] as number;
      inSources[at] = s;
      fill[t] = at + 1;
    }
  }
  return (v, visit) => {
    const end = inStart[v + 1] as number;
    for (let e = inStart[v] as number; e < end; e++) visit(inSources[e] as number);
  };
}

/** Every node reachable from `roots` (roots included); iterative, so depth cannot overflow. */
function reach(graph: FlowGraph, roots: readonly number[], neighbours: Neighbours): Uint8Array {
  const seen = new Uint8Array(graph.ids.length);
  const stack: number[] = [];
  for (const r of roots) {
    if (seen[r] === 1) continue;
    seen[r] = 1;
    stack.push(r);
  }
  while (stack.length > 0) {
    const v = stack.pop() as number;
    neighbours(v, (w) => {
      if (seen[w] === 1) return;
      seen[w] = 1;
      stack.push(w);
    });
  }
  return seen;
}

/**
 * Nodes of `active` on some path from `from` to `to` over flow edges between active nodes: the
 * steps a rework arrow to → from sends work back through. Empty when `from` cannot reach `to`.
 * `order` is the graph's topological order.
 */
export function nodesBetween(
  graph: FlowGraph,
  order: Int32Array,
  active: Uint8Array,
  from: number,
  to: number,
  edges?: Uint8Array,
): number[] {
  if (active[from] !== 1 || active[to] !== 1) return [];
  const succ = successorsOf(graph, edges);
  const onlyActive =
    (base: Neighbours): Neighbours =>
    (v, visit) =>
      base(v, (w) => {
        if (active[w] === 1) visit(w);
      });
  const forward = reach(graph, [from], onlyActive(succ));
  if (forward[to] !== 1) return [];
  // Backwards from `to` within what `from` reaches, over the same allowed edges, in one reverse
  // topological pass: a node lies between when one of its allowed arrows leads to such a node.
  const n = graph.ids.length;
  const leadsTo = new Uint8Array(n);
  leadsTo[to] = 1;
  const { outStart, outTargets } = graph;
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] as number;
    if (forward[v] !== 1 || leadsTo[v] === 1) continue;
    const end = outStart[v + 1] as number;
    for (let e = outStart[v] as number; e < end; e++) {
      if (edges !== undefined && edges[e] !== 1) continue;
      if (leadsTo[outTargets[e] as number] === 1) {
        leadsTo[v] = 1;
        break;
      }
    }
  }
  const between: number[] = [];
  for (let i = 0; i < n; i++) if (forward[i] === 1 && leadsTo[i] === 1) between.push(i);
  return between;
}
