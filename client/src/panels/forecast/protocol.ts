// The messages between the editor and its forecast worker. Plain data only: they are copied by
// structured clone.
import { DEFAULT_SEED, DEFAULT_TRIALS, type FlowMap, type StateForecast } from '@flowmap/shared';

/** Trials and seed the editor forecasts with: the CLI's defaults, so both give the same figures. */
export const EDITOR_TRIALS = DEFAULT_TRIALS;
export const EDITOR_SEED = DEFAULT_SEED;

export interface ForecastRequest {
  id: number;
  map: FlowMap;
  trials: number;
  seed: number;
}

export type ForecastResponse =
  | { id: number; ok: true; forecasts: StateForecast[]; milliseconds: number }
  | { id: number; ok: false; message: string };
