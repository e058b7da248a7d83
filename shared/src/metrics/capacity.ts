// Flow against demand. With the map's demand (items entering the stream per working day) set:
// takt = working minutes per day / demand, and per stage that says how many people work it,
// utilisation = demand × PT / (people × working minutes per day). Above 85 % a step is a capacity
// bottleneck: queueing theory says waits grow without bound as utilisation nears 100 %, so such a
// step's waiting will not shrink by asking people to hurry.
import type { MapNode, Problem } from '../model/types.ts';
import { formatShare } from './bottlenecks.ts';
import type { FlowGraph } from './graph.ts';
import { CAPACITY_THRESHOLD, type MetricSettings } from './settings.ts';
import type { CapacityBottleneck } from './types.ts';
import { displayName, readCount } from './values.ts';

export interface CapacityFigures {
  taktMinutes: number | null;
  utilisation: Record<string, number>;
  bottlenecks: CapacityBottleneck[];
}

export function capacityFigures(
  stageIndices: readonly number[],
  graph: FlowGraph,
  counted: Uint8Array,
  valueAdd: Float64Array,
  settings: MetricSettings,
  problems: Problem[],
): CapacityFigures {
  const { demandPerDay, wt, unitOfWork } = settings;
  const day = wt.hoursPerDay * 60;
  const utilisation: Record<string, number> = {};
  const bottlenecks: CapacityBottleneck[] = [];
  for (const i of stageIndices) {
    const node = graph.nodes[i] as MapNode;
    const id = graph.ids[i] as string;
    const people = readCount(node, 'people', `nodes.${id}`, problems);
    if (demandPerDay === null || people === null || people === 0 || counted[i] !== 1) continue;
    const pt = valueAdd[i] as number;
    if (pt === 0) continue;
    const u = (demandPerDay * pt) / (people * day);
    utilisation[id] = u;
    if (u > CAPACITY_THRESHOLD) {
      bottlenecks.push({
        nodeId: id,
        name: displayName(node, id),
        utilisation: u,
        reason: `busy ${formatShare(u)} of the working day at ${demandPerDay} ${unitOfWork}s a day (above ${formatShare(CAPACITY_THRESHOLD)}, waits grow without bound)`,
      });
    }
  }
  bottlenecks.sort((a, b) => b.utilisation - a.utilisation || (a.nodeId < b.nodeId ? -1 : 1));
  return {
    taktMinutes: demandPerDay === null ? null : day / demandPerDay,
    utilisation,
    bottlenecks,
  };
}
