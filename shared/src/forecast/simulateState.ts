// One state's lead-time distribution: compile once, run the trials, summarise. The entry point the
// CLI, the editor's worker and the exports call (through forecast.ts for whole maps).
import type { MetricsMeta } from '../metrics/settings.ts';
import type { MapState, Problem } from '../model/types.ts';
import { compileState, type ForecastInputs } from './compile.ts';
import { runTrials } from './simulate.ts';
import { DEFAULT_BINS, type LeadTimeDistribution, summarise } from './summary.ts';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;
/** More trials than this buy no visible precision and would freeze a browser tab. */
export const MAX_TRIALS = 1_000_000;

export interface SimulationOptions {
  trials?: number;
  seed?: number;
  bins?: number;
  inputs?: ForecastInputs;
}

export interface StateSimulation {
  /** Null when the state has a flow cycle (see errors) or no counted step. */
  distribution: LeadTimeDistribution | null;
  /** The metrics engine's expected lead time of the same state. */
  expectedLeadTimeMinutes: number;
  problems: Problem[];
  errors: string[];
}

export function simulateState(
  state: MapState,
  meta: MetricsMeta,
  options: SimulationOptions = {},
): StateSimulation {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new RangeError(`trials must be a whole number from 1 to ${MAX_TRIALS}, got ${trials}`);
  }
  const { model, expectedLeadTimeMinutes, problems, errors } = compileState(
    state,
    meta,
    options.inputs,
  );
  const distribution =
    model === null
      ? null
      : summarise(runTrials(model, trials, seed), seed, options.bins ?? DEFAULT_BINS);
  return { distribution, expectedLeadTimeMinutes, problems, errors };
}
