// `pnpm bench`: prints figures, each next to a baseline measured in the same run on the same data,
// so the ratio means something on a shared, noisy machine, and writes them all to
// bench/results.json. `pnpm bench memory editor` runs only the benchmarks named (see BENCHMARKS).
import { loadavg } from 'node:os';
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
import { writeResults } from './results.ts';

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

const BENCHMARKS: Record<string, () => unknown> = {
  metrics: metricsBench,
  read: readBench,
  forecast: async () => (await import('./forecast.ts')).forecastBench(),
  measure: async () => {
    (await import('./measure.ts')).measureBench();
    await (await import('./measureWorker.ts')).measureWorkerBench();
  },
  editor: async () => (await import('./editor.ts')).editorBench(),
  memory: async () => (await import('./memory.ts')).memoryBench(),
  cluster: async () => (await import('./cluster.ts')).clusterBench(),
  load: async () => (await import('./load.ts')).loadBench(),
  capacity: async () => (await import('./capacity.ts')).capacityBench(),
};

const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((a) => !Object.hasOwn(BENCHMARKS, a));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`,
  );
  process.exit(2);
}
const names = asked.length > 0 ? asked : Object.keys(BENCHMARKS);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `Flowmap benchmarks — node ${process.version}, ${new Date().toISOString()}, load average ${load()}`,
);
const failures: string[] = [];
for (const name of names) {
  try {
    await BENCHMARKS[name]?.();
  } catch (error) {
    // One benchmark failing (no Chromium, a timeout) must not cost the figures of the others.
    console.log(
      `\n${name} benchmark FAILED: ${error instanceof Error ? error.stack : String(error)}`,
    );
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const path = writeResults({ benchmarks: names, failures });
console.log(`\nLoad average at the end ${load()}; figures written to ${path}`);
if (failures.length > 0) process.exitCode = 1;
