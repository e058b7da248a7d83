// Which stage comes before which, for telling a back-move (work sent back) from a move forward.
// A stage's rank is its depth on the flow: the longest run of flow arrows from a node nothing
// flows into. Stages side by side on parallel branches share a depth and neither is "after" the
// other, so a move between them is not rework. A state whose flow has a cycle has no depth; its
// stages are then ranked by their position left to right on the canvas, which is how people read
// the map anyway.
import { buildFlowGraph, topologicalOrder } from '../metrics/graph.ts';
import type { MapState } from '../model/types.ts';

/** Map node id → rank; larger is later in the flow. */
export function stageRanks(state: MapState): Map<string, number> {
  const graph = buildFlowGraph(state);
  const order = topologicalOrder(graph);
  const ranks = new Map<string, number>();
  if (order) {
    const depth = new Int32Array(graph.ids.length);
    for (const u of order) {
      const end = graph.outStart[u + 1] as number;
      for (let e = graph.outStart[u] as number; e < end; e++) {
        const v = graph.outTargets[e] as number;
        if ((depth[v] as number) < (depth[u] as number) + 1) depth[v] = (depth[u] as number) + 1;
      }
    }
    graph.ids.forEach((id, i) => {
      ranks.set(id, depth[i] as number);
    });
    return ranks;
  }
  for (const node of Object.values(state.nodes)) ranks.set(node.id, node.x);
  return ranks;
}
