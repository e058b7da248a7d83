// `pnpm bench`: prints figures, each next to a baseline measured in the same run on the same data,
// so the ratio means something on a shared, noisy machine.
import {
  buildFlowGraph,
  computeStateMetrics,
  DEFAULT_META,
  topologicalOrder,
} from '@flowmap/shared';
import { readMap, writeMapToDoc } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import { largeState } from './fixtures.ts';
import { measure, printTimings } from './harness.ts';

const meta = { ...DEFAULT_META, title: 'Benchmark' };

function metricsBench(): void {
  const state = largeState(5000);
  const graph = buildFlowGraph(state);
  // Baseline: the unavoidable floor — a topological order of the same graph, already built.
  const floor = measure('baseline: topological order only', () => topologicalOrder(graph), {
    runs: 100,
  });
  const build = measure('build flow graph (5,000 stages)', () => buildFlowGraph(state), {
    runs: 100,
  });
  const full = measure(
    'computeStateMetrics (5,000 stages)',
    () => computeStateMetrics(state, meta),
    {
      runs: 100,
    },
  );
  printTimings(
    'Metrics for a 5,000-stage state (target: well under 10 ms)',
    [floor, build, full],
    floor,
  );
}

function readBench(): void {
  const doc = new Y.Doc();
  writeMapToDoc(doc, { meta, states: { bench: largeState(1000) } });
  const nodeCount = Object.keys(readMap(doc).map.states.bench?.nodes ?? {}).length;
  // Baseline: Yjs's own conversion of the same document to JSON, with no validation.
  const raw = measure('baseline: Y.Doc#toJSON()', () => doc.toJSON(), { runs: 100 });
  const read = measure(`readMap (${nodeCount} nodes, validated)`, () => readMap(doc), {
    runs: 100,
  });
  printTimings('Reading a 1,000-node document into the model', [raw, read], raw);
}

console.log(`Flowmap benchmarks — node ${process.version}, ${new Date().toISOString()}`);
metricsBench();
readBench();
await (await import('./editor.ts')).editorBench();
await (await import('./cluster.ts')).clusterBench();
await (await import('./load.ts')).loadBench();
