// Compiles one state into the flat arrays the simulation runs on, once, so the trials allocate
// nothing and touch only typed arrays. What counts, the either/or splits and the rework loops come
// from the metrics engine's own helpers (counted.ts, routes.ts, expected.ts), and each step's
// likely LT and each queue's wait are the metrics engine's cleaned figures, so a forecast can
// never disagree with the metrics about which steps exist or what a value means.
// Nodes are renumbered by their position in a topological order: every arrow points to a higher
// number, so one forward sweep per trial is enough.

import { countedPart } from '../metrics/counted.ts';
import { reworkLoops } from '../metrics/expected.ts';
import { buildFlowGraph, topologicalOrder } from '../metrics/graph.ts';
import { findSplits } from '../metrics/routes.ts';
import type { MetricsMeta } from '../metrics/settings.ts';
import { computeStateMetrics } from '../metrics/stateMetrics.ts';
import type { MapState, Problem } from '../model/types.ts';
import { logNormalFrom } from './distributions.ts';

/** Measured lead-time quantiles of a stage, working minutes (what an event log gives). */
export interface MeasuredLeadTime {
  p50: number;
  p85: number;
}

export interface ForecastInputs {
  /**
   * Measured quantiles by stage id, for a stage without a three-point range. They take the place
   * of what the stage keeps from its last import (`measured.leadTimeMinutes`, issue 17).
   */
  measured?: Readonly<Record<string, MeasuredLeadTime>>;
}

/** The lead-time quantiles a stage keeps from an imported event log, if it has valid ones. */
export function storedMeasurement(node: MapState['nodes'][string]): MeasuredLeadTime | undefined {
  const measured: unknown = node.measured;
  if (typeof measured !== 'object' || measured === null) return undefined;
  const lt: unknown = (measured as { leadTimeMinutes?: unknown }).leadTimeMinutes;
  if (typeof lt !== 'object' || lt === null) return undefined;
  const { p50, p85 } = lt as { p50?: unknown; p85?: unknown };
  return isNumber(p50) && isNumber(p85) ? { p50, p85 } : undefined;
}

export const FIXED = 0;
export const TRIANGULAR = 1;
export const LOG_NORMAL = 2;

export interface SimModel {
  /** Counted nodes, by topological position. */
  size: number;
  nodeIds: readonly string[];
  /** FIXED, TRIANGULAR or LOG_NORMAL per node. */
  kind: Uint8Array;
  /** FIXED: a = the value. TRIANGULAR: a low, b mode, c high, d (mode − low) / (high − low). */
  /** LOG_NORMAL: a = μ, b = σ. */
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  /** Mean and standard deviation of one draw (for many passes, summed by the central limit). */
  mean: Float64Array;
  sd: Float64Array;
  /** 1 for a node work enters at (no counted predecessor). */
  source: Uint8Array;
  /** Successors of k: succ[succStart[k] .. succStart[k + 1]), all counted, all > k. */
  succStart: Int32Array;
  succ: Int32Array;
  /** 1 for an either/or split: an item takes one successor, by the cumulative shares in cum. */
  split: Uint8Array;
  cum: Float64Array;
  /** Rework loops: from position `loopFrom` (sent back to) to `loopTo` (sending), ln(rate). */
  loopFrom: Int32Array;
  loopTo: Int32Array;
  loopLogRate: Float64Array;
}

export interface Compiled {
  /** Null when the flow has a cycle (see errors) or nothing counts. */
  model: SimModel | null;
  /** The metrics engine's expected lead time of the same state, for reference. */
  expectedLeadTimeMinutes: number;
  problems: Problem[];
  errors: string[];
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function compileState(
  state: MapState,
  meta: MetricsMeta,
  inputs: ForecastInputs = {},
): Compiled {
  const metrics = computeStateMetrics(state, meta, { project: false });
  const problems = [...metrics.problems];
  const errors = metrics.errors.map((e) => e.message);
  const compiled = (model: SimModel | null): Compiled => ({
    model,
    expectedLeadTimeMinutes: metrics.expectedLeadTimeMinutes,
    problems,
    errors,
  });
  const graph = buildFlowGraph(state);
  const order = graph.ids.length > 0 ? topologicalOrder(graph) : null;
  if (order === null) return compiled(null);
  const { counted } = countedPart(graph);
  // Splits and loops report their problems through the metrics already: these copies go nowhere.
  const splits = findSplits(graph, counted, []);
  const loops = reworkLoops(graph, order, counted, []);

  const pos = new Int32Array(graph.ids.length).fill(-1);
  const nodeIds: string[] = [];
  for (const v of order) {
    if (counted[v] !== 1) continue;
    pos[v] = nodeIds.length;
    nodeIds.push(graph.ids[v] as string);
  }
  const size = nodeIds.length;
  if (size === 0) return compiled(null);

  const model: SimModel = {
    size,
    nodeIds,
    kind: new Uint8Array(size),
    a: new Float64Array(size),
    b: new Float64Array(size),
    c: new Float64Array(size),
    d: new Float64Array(size),
    mean: new Float64Array(size),
    sd: new Float64Array(size),
    source: new Uint8Array(size).fill(1),
    succStart: new Int32Array(size + 1),
    succ: new Int32Array(0),
    split: new Uint8Array(size),
    cum: new Float64Array(0),
    loopFrom: Int32Array.from(loops, (l) => pos[l.target] as number),
    loopTo: Int32Array.from(loops, (l) => pos[l.source] as number),
    loopLogRate: Float64Array.from(loops, (l) => Math.log(l.rate)),
  };

  const succ: number[] = [];
  const cum: number[] = [];
  const { outStart, outTargets } = graph;
  for (const v of order) {
    const k = pos[v] as number;
    if (k < 0) continue;
    const node = graph.nodes[v];
    const id = graph.ids[v] as string;
    const figures = node?.type === 'queue' ? metrics.queues[id] : metrics.stages[id];
    const likely = figures?.elapsedMinutes ?? 0;
    if (node?.type === 'stage' && figures) {
      const measured = inputs.measured?.[id] ?? storedMeasurement(node);
      describeStage(model, k, likely, node, measured, `nodes.${id}`, problems);
    } else {
      model.a[k] = likely;
      model.mean[k] = likely;
    }
    const split = splits.get(v);
    const first = succ.length;
    const end = outStart[v + 1] as number;
    for (let e = outStart[v] as number; e < end; e++) {
      const w = pos[outTargets[e] as number] as number;
      if (w < 0) continue;
      succ.push(w);
      model.source[w] = 0;
      const at = split ? split.edges.indexOf(e) : -1;
      cum.push(at >= 0 ? (split?.shares[at] as number) : Number.NaN);
    }
    model.succStart[k + 1] = succ.length;
    if (split) {
      model.split[k] = 1;
      cumulate(cum, first, succ.length);
    }
  }
  model.succ = Int32Array.from(succ);
  model.cum = Float64Array.from(cum);
  return compiled(model);
}

/**
 * Shares → cumulative thresholds over [first, end), normalised so the last arrow that carries a
 * share ends at exactly 1: a draw u in [0, 1) then always picks an arrow with a share, never one at
 * 0 % (shares may add up to 1 ± 0.001).
 */
function cumulate(cum: number[], first: number, end: number): void {
  let total = 0;
  for (let e = first; e < end; e++) total += cum[e] as number;
  let running = 0;
  let lastPositive = first;
  for (let e = first; e < end; e++) {
    if ((cum[e] as number) > 0) lastPositive = e;
    running += cum[e] as number;
    cum[e] = running / total;
  }
  for (let e = lastPositive; e < end; e++) cum[e] = 1;
}

/** How a stage's LT is drawn: its three-point range, else its measured quantiles, else fixed. */
function describeStage(
  model: SimModel,
  k: number,
  likely: number,
  node: MapState['nodes'][string],
  measured: MeasuredLeadTime | undefined,
  path: string,
  problems: Problem[],
): void {
  model.a[k] = likely;
  model.mean[k] = likely;
  const lowRaw: unknown = node.elapsedLowMinutes;
  const highRaw: unknown = node.elapsedHighMinutes;
  if ((lowRaw !== undefined || highRaw !== undefined) && isNumber(node.elapsedMinutes)) {
    // One end missing: the range is one-sided (low = likely, or high = likely).
    const low = lowRaw === undefined ? likely : lowRaw;
    const high = highRaw === undefined ? likely : highRaw;
    if (!isNumber(low) || !isNumber(high) || low > likely || high < likely) {
      problems.push({
        path: `${path}.elapsedLowMinutes`,
        message:
          'the three-point estimate needs low ≤ likely ≤ high; the forecast uses the likely LT',
      });
      return;
    }
    if (high > low) {
      model.kind[k] = TRIANGULAR;
      model.a[k] = low;
      model.b[k] = likely;
      model.c[k] = high;
      model.d[k] = (likely - low) / (high - low);
      model.mean[k] = (low + likely + high) / 3;
      model.sd[k] = Math.sqrt(
        (low * low + likely * likely + high * high - low * likely - low * high - likely * high) /
          18,
      );
    }
    return;
  }
  if (measured === undefined) return;
  const fit = logNormalFrom(measured.p50, measured.p85);
  if (fit === null) {
    problems.push({
      path,
      message: `measured lead time p50 ${measured.p50}, p85 ${measured.p85} make no distribution (needs 0 < p50 ≤ p85); the forecast uses the likely LT`,
    });
    return;
  }
  model.kind[k] = LOG_NORMAL;
  model.a[k] = fit.mu;
  model.b[k] = fit.sigma;
  const s2 = fit.sigma * fit.sigma;
  model.mean[k] = Math.exp(fit.mu + s2 / 2);
  model.sd[k] = Math.sqrt((Math.exp(s2) - 1) * Math.exp(2 * fit.mu + s2));
}
