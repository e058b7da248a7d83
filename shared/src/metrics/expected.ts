// The expected figures: what an average item experiences, where the critical path gives the worst
// case. Per route (routes.ts), the longest path where each step's LT and PT are multiplied by
// 1 / (1 − rate) for every rework loop it lies in — an item sent back from j to i with rate r
// passes the steps from i to j 1/(1 − r) times on average (a geometric number of passes) — then
// weighted by the route's probability. Rolled %C/A is the probability-weighted product of the
// %C/A of each route's stages, each stage once.
// Example (PRODUCT.md): start→a(100)→b(200)→c(300)→end with rework c→a at 0.2: total 600,
// expected 600 / 0.8 = 750.
import type { Problem } from '../model/types.ts';
import { nodesBetween } from './counted.ts';
import { longestPath } from './criticalPath.ts';
import type { FlowGraph } from './graph.ts';
import { enumerateRoutes, MAX_ROUTES, type Split } from './routes.ts';

export interface ExpectedFigures {
  expectedLeadTimeMinutes: number;
  expectedValueAddMinutes: number;
  /** 0–1, null when the expected lead time is 0. */
  expectedFlowEfficiency: number | null;
  /** 0–1, null when no counted stage has a %C/A. */
  rolledPctCA: number | null;
  /** How many routes were weighed (1 without either/or splits). */
  routeCount: number;
}

export interface ExpectedInput {
  graph: FlowGraph;
  order: Int32Array;
  counted: Uint8Array;
  splits: ReadonlyMap<number, Split>;
  /** Cleaned per-node LT and PT (PT ≤ LT), by node index. */
  elapsed: Float64Array;
  valueAdd: Float64Array;
  /** %C/A as a fraction per node index, NaN for nodes without one (and non-stages). */
  pctCA: Float64Array;
}

/** Valid rework arrows between counted nodes: their rate, problems for the rest. */
export function reworkLoops(
  graph: FlowGraph,
  order: Int32Array,
  counted: Uint8Array,
  problems: Problem[],
): { source: number; target: number; rate: number }[] {
  const loops: { source: number; target: number; rate: number }[] = [];
  for (const edge of graph.rework) {
    if (edge.rate === undefined) continue;
    const rate = edge.rate;
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate >= 1) {
      problems.push({
        path: `edges.${edge.edgeId}.rate`,
        message: 'a rework rate must be from 0 to below 100 %; ignored',
      });
      continue;
    }
    if (rate === 0 || counted[edge.source] !== 1 || counted[edge.target] !== 1) continue;
    if (nodesBetween(graph, order, counted, edge.target, edge.source).length === 0) {
      problems.push({
        path: `edges.${edge.edgeId}`,
        message:
          'a rework arrow must lead back to an earlier step of the flow; its rate is ignored',
      });
      continue;
    }
    loops.push({ source: edge.source, target: edge.target, rate });
  }
  return loops;
}

export function expectedFigures(
  input: ExpectedInput,
  loops: readonly { source: number; target: number; rate: number }[],
  problems: Problem[],
): ExpectedFigures {
  const { graph, order, counted, splits, elapsed, valueAdd, pctCA } = input;
  const n = graph.ids.length;
  const { routes, truncated } = enumerateRoutes(graph, order, counted, splits);
  if (truncated) {
    problems.push({
      path: '',
      message: `more than ${MAX_ROUTES} either/or routes; the splits beyond count as parallel work`,
    });
  }
  let lead = 0;
  let value = 0;
  let rolled = 0;
  let anyPct = false;
  const lt = new Float64Array(n);
  const pt = new Float64Array(n);
  for (const route of routes) {
    const factor = new Float64Array(n).fill(1);
    for (const loop of loops) {
      for (const i of nodesBetween(
        graph,
        order,
        route.active,
        loop.target,
        loop.source,
        route.edges,
      )) {
        factor[i] = (factor[i] as number) / (1 - loop.rate);
      }
    }
    for (let i = 0; i < n; i++) {
      lt[i] = (elapsed[i] as number) * (factor[i] as number);
      pt[i] = (valueAdd[i] as number) * (factor[i] as number);
    }
    const path = longestPath(graph, order, lt, pt, route.active, route.edges);
    lead += route.probability * (path?.leadTimeMinutes ?? 0);
    value += route.probability * (path?.valueAddMinutes ?? 0);
    let product = 1;
    for (let i = 0; i < n; i++) {
      const p = pctCA[i] as number;
      if (route.active[i] !== 1 || Number.isNaN(p)) continue;
      product *= p;
      anyPct = true;
    }
    rolled += route.probability * product;
  }
  return {
    expectedLeadTimeMinutes: lead,
    expectedValueAddMinutes: value,
    expectedFlowEfficiency: lead > 0 ? value / lead : null,
    rolledPctCA: anyPct ? rolled : null,
    routeCount: routes.length,
  };
}
