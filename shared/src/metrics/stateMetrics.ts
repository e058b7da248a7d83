// The metrics of one state: what counts (start→end paths), the critical path and its totals (the
// worst case), the expected figures (either/or routes by share, rework loops by rate), rolled
// %C/A, per-stage and per-queue figures, bottlenecks of waiting, quality and capacity, takt and
// utilisation, and what the kaizens on the wall would make of it all (`projected`). Pure and
// total: any document, however broken, yields a result, and nothing wrong is silent.
import { formatDuration } from '../model/durations.ts';
import type { MapNode, MapState, Problem } from '../model/types.ts';
import { findQualityBottlenecks, rankBottlenecks } from './bottlenecks.ts';
import { capacityFigures } from './capacity.ts';
import { countedPart } from './counted.ts';
import { longestPath } from './criticalPath.ts';
import { expectedFigures, reworkLoops } from './expected.ts';
import type { FlowGraph } from './graph.ts';
import { buildFlowGraph, findCycleIndices, topologicalOrder } from './graph.ts';
import { projectKaizens } from './projected.ts';
import { findSplits } from './routes.ts';
import type { MetricSettings, MetricsMeta } from './settings.ts';
import { metricSettings } from './settings.ts';
import type { HeadlineFigures, MetricsError, StageMetrics, StateMetrics } from './types.ts';
import { displayName, readCount, readMinutes, readStageValues } from './values.ts';

function cycleError(graph: FlowGraph, cycle: readonly number[]): MetricsError {
  const nodeIds = cycle.map((i) => graph.ids[i] as string);
  const names = cycle.map((i) => displayName(graph.nodes[i] as MapNode, graph.ids[i] as string));
  const loop = [...names, names[0]].join(' → ');
  return {
    kind: 'cycle',
    nodeIds,
    message: `Flow edges form a cycle: ${loop}. Mark the edge that sends work back as rework.`,
  };
}

/** A queue's wait: as entered, or its items at the map's demand (working days). */
function queueWait(
  node: MapNode,
  path: string,
  settings: MetricSettings,
  problems: Problem[],
): { wait: number | null; items: number | null } {
  const items = readCount(node, 'items', path, problems);
  const entered = readMinutes(node, 'waitMinutes', path, problems);
  if (entered !== null) return { wait: entered, items };
  if (items === null) return { wait: null, items };
  if (settings.demandPerDay === null) {
    problems.push({
      path: `${path}.items`,
      message: `${items} items waiting need the map's demand per day to become a wait; treated as missing`,
    });
    return { wait: null, items };
  }
  return { wait: (items / settings.demandPerDay) * settings.wt.hoursPerDay * 60, items };
}

export interface StateMetricsOptions {
  /** Compute `projected` (the kaizens' effects); off when computing the projection itself. */
  project?: boolean;
}

export function computeStateMetrics(
  state: MapState,
  meta: MetricsMeta,
  options: StateMetricsOptions = {},
): StateMetrics {
  const settings = metricSettings(meta);
  const { wt, lowPctCAThreshold, bottleneckCount } = settings;
  const graph = buildFlowGraph(state);
  const n = graph.ids.length;
  const stateId = typeof state?.id === 'string' ? state.id : '';
  const { counted } = countedPart(graph);

  // Cleaned per-node figures: start and end nodes pass work through in no time, a queue's wait is
  // all waiting. PT counts only up to LT (PT > LT is reported by readStageValues), and PT without
  // LT counts as 0 so that no efficiency can exceed 100%.
  const elapsed = new Float64Array(n);
  const valueAdd = new Float64Array(n);
  const pct = new Float64Array(n).fill(Number.NaN);
  const pctEntered = new Float64Array(n).fill(Number.NaN);
  const problems: StateMetrics['problems'] = [];
  const incomplete: string[] = [];
  const stageIndices: number[] = [];
  const queueIndices: number[] = [];
  const queueItems = new Map<number, number | null>();
  for (let i = 0; i < n; i++) {
    const node = graph.nodes[i] as MapNode;
    const id = graph.ids[i] as string;
    if (node.type === 'queue') {
      queueIndices.push(i);
      const { wait, items } = queueWait(node, `nodes.${id}`, settings, problems);
      queueItems.set(i, items);
      elapsed[i] = wait ?? 0;
      if (wait === null) incomplete.push(id);
      continue;
    }
    if (node.type !== 'stage') continue;
    stageIndices.push(i);
    const values = readStageValues(node, `nodes.${id}`, wt, problems);
    const lt = values.elapsedMinutes ?? 0;
    elapsed[i] = lt;
    valueAdd[i] = Math.min(values.valueAddMinutes ?? 0, lt);
    if (values.pctCA !== null) {
      pct[i] = values.pctCA / 100;
      pctEntered[i] = values.pctCA;
    }
    if (
      values.elapsedMinutes === null ||
      values.valueAddMinutes === null ||
      values.pctCA === null
    ) {
      incomplete.push(id);
    }
  }
  incomplete.sort();

  const errors: MetricsError[] = [];
  const order = n > 0 ? topologicalOrder(graph) : null;
  if (order === null && n > 0) {
    const cycle = findCycleIndices(graph);
    if (cycle !== null) errors.push(cycleError(graph, cycle));
  }
  const path = order === null ? null : longestPath(graph, order, elapsed, valueAdd, counted);

  const onPath = new Uint8Array(n);
  let totalLead = 0;
  let totalValue = 0;
  let totalWaiting = 0;
  if (path !== null) {
    totalLead = path.leadTimeMinutes;
    totalValue = path.valueAddMinutes;
    for (const i of path.indices) {
      onPath[i] = 1;
      totalWaiting += (elapsed[i] as number) - (valueAdd[i] as number);
    }
  }

  const splits = findSplits(graph, counted, problems);
  const loops = order === null ? [] : reworkLoops(graph, order, counted, problems);
  const expected =
    order === null
      ? null
      : expectedFigures(
          { graph, order, counted, splits, elapsed, valueAdd, pctCA: pct },
          loops,
          problems,
        );

  const figuresOf = (i: number, kind: StageMetrics['kind']): StageMetrics => {
    const lt = elapsed[i] as number;
    const pt = valueAdd[i] as number;
    const waiting = lt - pt;
    const on = onPath[i] === 1;
    const p = pctEntered[i] as number;
    return {
      nodeId: graph.ids[i] as string,
      kind,
      name: displayName(graph.nodes[i] as MapNode, graph.ids[i] as string),
      elapsedMinutes: lt,
      valueAddMinutes: pt,
      waitingMinutes: waiting,
      efficiency: lt > 0 ? pt / lt : null,
      waitingShare: on && totalWaiting > 0 ? waiting / totalWaiting : 0,
      onCriticalPath: on,
      counted: counted[i] === 1,
      pctCA: Number.isNaN(p) ? null : p,
    };
  };
  const stageList = stageIndices.map((i) => figuresOf(i, 'stage'));
  const queueList = queueIndices.map((i) => figuresOf(i, 'queue'));
  const disconnected = [...stageIndices, ...queueIndices]
    .filter((i) => counted[i] !== 1)
    .map((i) => graph.ids[i] as string)
    .sort();

  // "10 changes wait 2d before Security review": a queue is named by what it holds back.
  const reasons = new Map<string, string>();
  const fmt = (minutes: number) => formatDuration(minutes, wt);
  if (path !== null) {
    path.indices.forEach((i, k) => {
      if ((graph.nodes[i] as MapNode).type !== 'queue') return;
      const next = path.indices[k + 1];
      const before =
        next === undefined
          ? ''
          : ` before ${displayName(graph.nodes[next] as MapNode, graph.ids[next] as string)}`;
      const items = queueItems.get(i);
      const what =
        items !== null && items !== undefined
          ? `${items} ${items === 1 ? settings.unitOfWork : `${settings.unitOfWork}s`} wait`
          : 'waits';
      reasons.set(graph.ids[i] as string, `${what} ${fmt(elapsed[i] as number)}${before}`);
    });
  }

  const capacity = capacityFigures(stageIndices, graph, counted, valueAdd, settings, problems);
  const headline: HeadlineFigures = {
    totalLeadTimeMinutes: totalLead,
    totalValueAddMinutes: totalValue,
    flowEfficiency: totalLead > 0 ? totalValue / totalLead : null,
    expectedLeadTimeMinutes: expected?.expectedLeadTimeMinutes ?? totalLead,
    expectedValueAddMinutes: expected?.expectedValueAddMinutes ?? totalValue,
    expectedFlowEfficiency: expected
      ? expected.expectedFlowEfficiency
      : totalLead > 0
        ? totalValue / totalLead
        : null,
    // With a flow cycle there are no routes, but every counted stage is still a step each change
    // passes: the rolled %C/A is their plain product.
    rolledPctCA: expected ? expected.rolledPctCA : plainProduct(pct, counted),
  };

  let projected = headline;
  if (options.project !== false) {
    const improved = projectKaizens(state, problems);
    if (improved !== state)
      projected = headlineOf(computeStateMetrics(improved, meta, { project: false }));
  }

  return {
    stateId,
    criticalPath: path?.ids ?? [],
    ...headline,
    totalWaitingMinutes: totalWaiting,
    stageCount: stageList.length,
    // fromEntries defines own properties, so a node id such as "__proto__" stays an ordinary key.
    stages: Object.fromEntries(stageList.map((s) => [s.nodeId, s])),
    queues: Object.fromEntries(queueList.map((s) => [s.nodeId, s])),
    bottlenecks: rankBottlenecks([...stageList, ...queueList], bottleneckCount, wt, reasons),
    qualityBottlenecks: findQualityBottlenecks(
      stageList.filter((s) => s.counted),
      lowPctCAThreshold,
    ),
    capacityBottlenecks: capacity.bottlenecks,
    disconnected,
    routeCount: expected?.routeCount ?? 0,
    taktMinutes: capacity.taktMinutes,
    utilisation: capacity.utilisation,
    projected,
    errors,
    problems,
    incomplete,
  };
}

export function headlineOf(m: HeadlineFigures): HeadlineFigures {
  return {
    totalLeadTimeMinutes: m.totalLeadTimeMinutes,
    totalValueAddMinutes: m.totalValueAddMinutes,
    flowEfficiency: m.flowEfficiency,
    expectedLeadTimeMinutes: m.expectedLeadTimeMinutes,
    expectedValueAddMinutes: m.expectedValueAddMinutes,
    expectedFlowEfficiency: m.expectedFlowEfficiency,
    rolledPctCA: m.rolledPctCA,
  };
}

function plainProduct(pct: Float64Array, counted: Uint8Array): number | null {
  let product = 1;
  let any = false;
  for (let i = 0; i < pct.length; i++) {
    const p = pct[i] as number;
    if (counted[i] !== 1 || Number.isNaN(p)) continue;
    product *= p;
    any = true;
  }
  return any ? product : null;
}
