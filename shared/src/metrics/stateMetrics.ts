// The metrics of one state: critical path, totals, flow efficiency, rolled %C/A, per-stage figures
// and bottlenecks. Pure and total: any document, however broken, yields a result.
import type { MapNode, MapState } from '../model/types.ts';
import { findQualityBottlenecks, rankBottlenecks } from './bottlenecks.ts';
import { criticalPath } from './criticalPath.ts';
import type { FlowGraph } from './graph.ts';
import { buildFlowGraph, findCycleIndices } from './graph.ts';
import type { MetricsMeta } from './settings.ts';
import { metricSettings } from './settings.ts';
import type { MetricsError, StageMetrics, StateMetrics } from './types.ts';
import { displayName, readStageValues } from './values.ts';

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

export function computeStateMetrics(state: MapState, meta: MetricsMeta): StateMetrics {
  const { wt, lowPctCAThreshold, bottleneckCount } = metricSettings(meta);
  const graph = buildFlowGraph(state);
  const n = graph.ids.length;
  const stateId = typeof state?.id === 'string' ? state.id : '';

  // Cleaned per-node figures: start and end nodes pass work through in no time. PT counts only
  // up to LT (PT > LT is reported by readStageValues), and PT without LT counts as 0 so that no
  // efficiency can exceed 100%.
  const elapsed = new Float64Array(n);
  const valueAdd = new Float64Array(n);
  const pct: (number | null)[] = new Array<number | null>(n).fill(null);
  const problems: StateMetrics['problems'] = [];
  const incomplete: string[] = [];
  const stageIndices: number[] = [];
  let rolled = 1;
  let rolledCount = 0;
  for (let i = 0; i < n; i++) {
    const node = graph.nodes[i] as MapNode;
    if (node.type !== 'stage') continue;
    const id = graph.ids[i] as string;
    stageIndices.push(i);
    const values = readStageValues(node, `nodes.${id}`, wt, problems);
    const lt = values.elapsedMinutes ?? 0;
    elapsed[i] = lt;
    valueAdd[i] = Math.min(values.valueAddMinutes ?? 0, lt);
    pct[i] = values.pctCA;
    if (
      values.elapsedMinutes === null ||
      values.valueAddMinutes === null ||
      values.pctCA === null
    ) {
      incomplete.push(id);
    }
    // In a DAG every stage lies on some source→sink path, and a stage on a flow cycle is still a
    // step each change passes, so the rolled %C/A takes every stage that has a value.
    if (values.pctCA !== null) {
      rolled *= values.pctCA / 100;
      rolledCount++;
    }
  }

  const errors: MetricsError[] = [];
  const path = criticalPath(graph, elapsed, valueAdd);
  if (path === null && n > 0) {
    const cycle = findCycleIndices(graph);
    if (cycle !== null) errors.push(cycleError(graph, cycle));
  }

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

  const stageList: StageMetrics[] = stageIndices.map((i) => {
    const lt = elapsed[i] as number;
    const pt = valueAdd[i] as number;
    const waiting = lt - pt;
    const on = onPath[i] === 1;
    return {
      nodeId: graph.ids[i] as string,
      name: displayName(graph.nodes[i] as MapNode, graph.ids[i] as string),
      elapsedMinutes: lt,
      valueAddMinutes: pt,
      waitingMinutes: waiting,
      efficiency: lt > 0 ? pt / lt : null,
      waitingShare: on && totalWaiting > 0 ? waiting / totalWaiting : 0,
      onCriticalPath: on,
      pctCA: pct[i] ?? null,
    };
  });

  return {
    stateId,
    criticalPath: path?.ids ?? [],
    totalLeadTimeMinutes: totalLead,
    totalValueAddMinutes: totalValue,
    totalWaitingMinutes: totalWaiting,
    flowEfficiency: totalLead > 0 ? totalValue / totalLead : null,
    rolledPctCA: rolledCount > 0 ? rolled : null,
    stageCount: stageList.length,
    // fromEntries defines own properties, so a node id such as "__proto__" stays an ordinary key.
    stages: Object.fromEntries(stageList.map((s) => [s.nodeId, s])),
    bottlenecks: rankBottlenecks(stageList, bottleneckCount, wt),
    qualityBottlenecks: findQualityBottlenecks(stageList, lowPctCAThreshold),
    errors,
    problems,
    incomplete,
  };
}
