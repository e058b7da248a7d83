// The kaizens' side of a forecast: the state as the kaizen plan would leave it (the metrics
// engine's projectKaizens), and the same state with one kaizen at a time, so each idea's effect
// can be measured alone and the action plan ordered by what it buys.
// A kaizen's effect gives the stage a new likely LT; the uncertainty around it is kept in
// proportion: a stage estimated at 2d (1d–6d) that a kaizen brings to 1d is drawn from 4h–3d, and
// measured quantiles are scaled alike. Without an old LT there is nothing to scale from, so the
// new LT is drawn as fixed.
import { stateNodeEntries } from '../metrics/graph.ts';
import { projectKaizens } from '../metrics/projected.ts';
import type { MapNode, MapState, Problem } from '../model/types.ts';
import { type ForecastInputs, type MeasuredLeadTime, storedMeasurement } from './compile.ts';

export interface Projection {
  state: MapState;
  inputs: ForecastInputs;
  /** Ids of the stages whose values the kaizens change. */
  changed: string[];
}

/** The state with its kaizens' effects applied, or null when they change nothing. */
export function projectForForecast(
  state: MapState,
  inputs: ForecastInputs,
  problems: Problem[],
): Projection | null {
  const improved = projectKaizens(state, problems);
  if (improved === state) return null;
  const before = new Map(stateNodeEntries(state));
  const nodes: Record<string, MapNode> = {};
  const measured: Record<string, MeasuredLeadTime> = { ...inputs.measured };
  const changed: string[] = [];
  for (const [id, node] of stateNodeEntries(improved)) {
    const old = before.get(id);
    nodes[id] = node;
    if (!old || node.type !== 'stage') continue;
    if (
      old.elapsedMinutes === node.elapsedMinutes &&
      old.valueAddMinutes === node.valueAddMinutes &&
      old.pctCA === node.pctCA
    ) {
      continue;
    }
    changed.push(id);
    if (old.elapsedMinutes === node.elapsedMinutes) continue;
    const factor = scaleOf(old.elapsedMinutes, node.elapsedMinutes);
    const scaled: MapNode = { ...node };
    delete scaled.elapsedLowMinutes;
    delete scaled.elapsedHighMinutes;
    // What the stage keeps from its import is passed scaled (or not at all) through `measured`.
    delete scaled.measured;
    if (factor !== null && typeof old.elapsedLowMinutes === 'number') {
      scaled.elapsedLowMinutes = old.elapsedLowMinutes * factor;
    }
    if (factor !== null && typeof old.elapsedHighMinutes === 'number') {
      scaled.elapsedHighMinutes = old.elapsedHighMinutes * factor;
    }
    nodes[id] = scaled;
    const quantiles = inputs.measured?.[id] ?? storedMeasurement(old);
    if (quantiles && factor !== null) {
      measured[id] = { p50: quantiles.p50 * factor, p85: quantiles.p85 * factor };
    } else {
      delete measured[id];
    }
  }
  return { state: { ...improved, nodes }, inputs: { ...inputs, measured }, changed };
}

function scaleOf(before: unknown, after: unknown): number | null {
  if (typeof before !== 'number' || typeof after !== 'number') return null;
  if (!(before > 0) || !Number.isFinite(before) || !Number.isFinite(after)) return null;
  return after / before;
}

export interface KaizenRef {
  id: string;
  name: string;
}

/** The kaizens not yet done, by id: the candidates whose effect alone is worth measuring. */
export function openKaizens(state: MapState): KaizenRef[] {
  return stateNodeEntries(state)
    .filter(([, node]) => node.type === 'kaizen' && node.status !== 'done')
    .map(([id, node]) => ({
      id,
      name: typeof node.name === 'string' && node.name.trim() !== '' ? node.name : id,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The state with every kaizen but `kaizenId` taken off the wall. */
export function withOnlyKaizen(state: MapState, kaizenId: string): MapState {
  const nodes: Record<string, MapNode> = {};
  for (const [id, node] of stateNodeEntries(state)) {
    if (node.type !== 'kaizen' || id === kaizenId) nodes[id] = node;
  }
  return { ...state, nodes };
}
