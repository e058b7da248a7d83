// The forecast of a state as the CLI, the editor and the exports show it: its lead-time
// distribution, the distribution the kaizen plan would give (the projected state), and what each
// kaizen buys alone, ordered by effect ("Automate the regression suite: −3d 4h expected, −1w at
// p85").
// Every variant runs on the same seed. A kaizen changes values, never the flow, so the variants
// consume the random stream identically and their difference is the kaizen's, not noise (common
// random numbers). The expected change is the metrics engine's exact expected lead time, the
// figure the headline shows; the p85 change comes from the simulation.
import { metricSettings } from '../metrics/settings.ts';
import type { FlowMap, MapState, Problem } from '../model/types.ts';
import type { ForecastInputs } from './compile.ts';
import { openKaizens, projectForForecast, withOnlyKaizen } from './kaizens.ts';
import { type SimulationOptions, simulateState } from './simulateState.ts';
import type { LeadTimeDistribution } from './summary.ts';

export interface KaizenEffect {
  kaizenId: string;
  name: string;
  /** The stages whose values it changes. */
  stageIds: string[];
  /** Change of the expected lead time if this kaizen alone were done (negative: shorter). */
  expectedChangeMinutes: number;
  /** Change of the 85th percentile of the lead time, the same way. */
  p85ChangeMinutes: number;
}

export interface ProjectedForecast {
  distribution: LeadTimeDistribution | null;
  expectedLeadTimeMinutes: number;
  /** Stages the kaizens change. */
  stageIds: string[];
}

export interface StateForecast {
  stateId: string;
  name: string;
  kind: MapState['kind'];
  /** Null when the state has a flow cycle (see errors) or no counted step. */
  distribution: LeadTimeDistribution | null;
  expectedLeadTimeMinutes: number;
  /** The state with every open kaizen's effect; null when they change nothing. */
  projected: ProjectedForecast | null;
  /** Per open kaizen with an effect, alone; largest cut in expected lead time first. */
  kaizenEffects: KaizenEffect[];
  problems: Problem[];
  errors: string[];
}

export interface ForecastOptions extends Omit<SimulationOptions, 'inputs'> {
  /** Measured lead-time quantiles, by state id and then stage id. */
  measured?: Readonly<Record<string, ForecastInputs['measured']>>;
  /** Leave out the projected state and the per-kaizen effects (one simulation only). */
  skipKaizens?: boolean;
}

type Meta = FlowMap['meta'];

export function forecastState(
  state: MapState,
  meta: Meta,
  options: ForecastOptions = {},
): StateForecast {
  const measured = options.measured?.[state.id];
  const inputs: ForecastInputs = measured ? { measured } : {};
  const simulation = { ...options, inputs };
  const base = simulateState(state, meta, simulation);
  const forecast: StateForecast = {
    stateId: state.id,
    name: state.name,
    kind: state.kind,
    distribution: base.distribution,
    expectedLeadTimeMinutes: base.expectedLeadTimeMinutes,
    projected: null,
    kaizenEffects: [],
    problems: base.problems,
    errors: base.errors,
  };
  if (options.skipKaizens || base.distribution === null) return forecast;

  // Problems with the kaizens' values are already among the metrics' problems.
  const projection = projectForForecast(state, inputs, []);
  if (projection === null) return forecast;
  const projected = simulateState(projection.state, meta, {
    ...options,
    inputs: projection.inputs,
  });
  forecast.projected = {
    distribution: projected.distribution,
    expectedLeadTimeMinutes: projected.expectedLeadTimeMinutes,
    stageIds: projection.changed,
  };

  const baseP85 = base.distribution.leadTimeMinutes.p85;
  for (const kaizen of openKaizens(state)) {
    const alone = projectForForecast(withOnlyKaizen(state, kaizen.id), inputs, []);
    if (alone === null) continue;
    const result = simulateState(alone.state, meta, { ...options, inputs: alone.inputs });
    if (result.distribution === null) continue;
    forecast.kaizenEffects.push({
      kaizenId: kaizen.id,
      name: kaizen.name,
      stageIds: alone.changed,
      expectedChangeMinutes: result.expectedLeadTimeMinutes - base.expectedLeadTimeMinutes,
      p85ChangeMinutes: result.distribution.leadTimeMinutes.p85 - baseP85,
    });
  }
  forecast.kaizenEffects.sort(
    (a, b) =>
      a.expectedChangeMinutes - b.expectedChangeMinutes ||
      a.p85ChangeMinutes - b.p85ChangeMinutes ||
      (a.kaizenId < b.kaizenId ? -1 : a.kaizenId > b.kaizenId ? 1 : 0),
  );
  return forecast;
}

/** Every state (or the one with `stateId`), in the map's order. */
export function forecastMap(
  map: FlowMap,
  options: ForecastOptions & { stateId?: string } = {},
): StateForecast[] {
  return Object.values(map.states)
    .filter((state) => options.stateId === undefined || state.id === options.stateId)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((state) => forecastState(state, map.meta, options));
}

/** What one item is called in the sentences, plural: "changes", "stories", "items". */
export function unitsOf(meta: Partial<Meta>): string {
  const unit = metricSettings(meta).unitOfWork;
  return unit.endsWith('y') && !/[aeiou]y$/.test(unit) ? `${unit.slice(0, -1)}ies` : `${unit}s`;
}
