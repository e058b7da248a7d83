// The forecast benchmark: 10,000 simulated trials of a 300-stage map, next to the metrics engine
// on the same map (the baseline: one exact pass over what the simulation repeats 10,000 times).
// The map is the metrics benchmark's generated pipeline made uncertain: every stage has a
// three-point range, the rework arrows a rate, and every other fan-out is an either/or route.
import {
  compileState,
  computeStateMetrics,
  DEFAULT_META,
  type MapState,
  runTrials,
  simulateState,
} from '@flowmap/shared';
import { largeState } from './fixtures.ts';
import { measure, printTimings } from './harness.ts';

const meta = { ...DEFAULT_META, title: 'Benchmark' };
const TRIALS = 10_000;

export function uncertainState(stageCount: number): MapState {
  const state = largeState(stageCount);
  for (const node of Object.values(state.nodes)) {
    if (node.type !== 'stage' || node.elapsedMinutes === undefined) continue;
    node.elapsedLowMinutes = Math.round(node.elapsedMinutes / 2);
    node.elapsedHighMinutes = node.elapsedMinutes * 3;
  }
  const fans = new Map<string, string[]>();
  for (const [id, edge] of Object.entries(state.edges)) {
    if (edge.kind === 'rework') edge.rate = 0.2;
    else fans.set(edge.source, [...(fans.get(edge.source) ?? []), id]);
  }
  let fan = 0;
  for (const ids of fans.values()) {
    if (ids.length !== 3 || fan++ % 2 === 1) continue;
    [0.5, 0.3, 0.2].forEach((share, i) => {
      const edge = state.edges[ids[i] as string];
      if (edge) edge.share = share;
    });
  }
  return state;
}

export function forecastBench(): void {
  const state = uncertainState(300);
  const baseline = measure('baseline: computeStateMetrics (300 stages)', () =>
    computeStateMetrics(state, meta),
  );
  const simulate = measure(
    `simulateState, ${TRIALS.toLocaleString('en')} trials (300 stages)`,
    () => simulateState(state, meta, { trials: TRIALS, seed: 1 }),
    { runs: 10, warmup: 2 },
  );
  const compile = measure('of which: compile the state once', () => compileState(state, meta), {
    runs: 20,
  });
  const { model } = compileState(state, meta);
  if (!model) throw new Error('the benchmark state should compile');
  const trials = measure(
    `of which: ${TRIALS.toLocaleString('en')} trials on the compiled state`,
    () => runTrials(model, TRIALS, 1),
    { runs: 10, warmup: 2 },
  );
  printTimings(
    `Forecast: ${TRIALS.toLocaleString('en')} trials of a 300-stage map (target: well under a second)`,
    [baseline, simulate, compile, trials],
    baseline,
  );
}
