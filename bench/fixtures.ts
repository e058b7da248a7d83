// Large but realistic maps for benchmarks: a long pipeline with parallel branches every few stages
// and a rework edge now and then, so the critical path has real choices to make.
import type { MapEdge, MapNode, MapState } from '@flowmap/shared';

export function largeState(stageCount: number, id = 'bench'): MapState {
  const nodes: Record<string, MapNode> = {};
  const edges: Record<string, MapEdge> = {};
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  let edgeCount = 0;
  const addEdge = (source: string, target: string, kind: MapEdge['kind'] = 'flow') => {
    const edgeId = `e${edgeCount++}`;
    edges[edgeId] = { id: edgeId, source, target, kind };
  };
  nodes.start = { id: 'start', type: 'start', x: 0, y: 0, name: 'Commit' };
  let previous = ['start'];
  for (let i = 0; i < stageCount; ) {
    const width = i % 7 === 0 ? 3 : 1; // a fan-out of three parallel stages every seventh step
    const layer: string[] = [];
    for (let w = 0; w < width && i < stageCount; w++, i++) {
      const nodeId = `s${i}`;
      const lt = Math.round(30 + random() * 4000);
      nodes[nodeId] = {
        id: nodeId,
        type: 'stage',
        x: i * 260,
        y: w * 160,
        name: `Stage ${i}`,
        elapsedMinutes: lt,
        valueAddMinutes: Math.round(lt * random() * 0.5),
        pctCA: Math.round(60 + random() * 40),
      };
      for (const p of previous) addEdge(p, nodeId);
      layer.push(nodeId);
      if (i % 50 === 49) addEdge(nodeId, `s${i - 10}`, 'rework');
    }
    previous = layer;
  }
  nodes.end = { id: 'end', type: 'end', x: stageCount * 260, y: 0, name: 'Production' };
  for (const p of previous) addEdge(p, 'end');
  return { id, name: 'Benchmark', kind: 'current', order: 0, nodes, edges };
}
