// Forecasts (PRODUCT.md, "Measured reality and forecasts"): the lead-time distribution of a state
// by seeded Monte Carlo simulation, and what each kaizen on the wall would buy.
export {
  type Compiled,
  compileState,
  type ForecastInputs,
  type MeasuredLeadTime,
  type SimModel,
} from './compile.ts';
export {
  type ForecastOptions,
  forecastMap,
  forecastState,
  type KaizenEffect,
  type ProjectedForecast,
  type StateForecast,
  unitsOf,
} from './forecast.ts';
export {
  formatDurationChange,
  formatForecastDuration,
  formatKaizenEffect,
  formatWithin,
} from './format.ts';
export { Random, seedOf } from './random.ts';
export { runTrials } from './simulate.ts';
export {
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  MAX_TRIALS,
  type SimulationOptions,
  type StateSimulation,
  simulateState,
} from './simulateState.ts';
export type { Histogram, LeadTimeDistribution, LeadTimeSummary } from './summary.ts';
