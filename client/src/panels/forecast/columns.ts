// Which distributions the forecast panel puts side by side: the current state, the same with its
// kaizens' effects (projected), and the drawn future state. The active tab decides which pair
// when a map has several: a future tab shows itself next to the state it is based on.
import type { LeadTimeDistribution, MapState, StateForecast } from '@flowmap/shared';

export type ColumnKey = 'current' | 'projected' | 'future';

export interface ForecastColumn {
  key: ColumnKey;
  stateId: string;
  stateName: string;
  distribution: LeadTimeDistribution | null;
}

export interface ForecastColumns {
  /** The current state's forecast: its sentence and its kaizens' effects. */
  current: StateForecast | null;
  columns: ForecastColumn[];
}

export function forecastColumns(
  forecasts: readonly StateForecast[],
  states: readonly MapState[],
  activeStateId: string | null,
): ForecastColumns {
  const byId = new Map(forecasts.map((f) => [f.stateId, f]));
  const active = states.find((s) => s.id === activeStateId);
  const base = active?.basedOn ? states.find((s) => s.id === active.basedOn) : undefined;
  const currentState =
    active?.kind === 'current'
      ? active
      : base?.kind === 'current'
        ? base
        : states.find((s) => s.kind === 'current');
  const futureState =
    active?.kind === 'future'
      ? active
      : (states.find((s) => s.kind === 'future' && s.basedOn === currentState?.id) ??
        states.find((s) => s.kind === 'future'));
  const current = currentState ? (byId.get(currentState.id) ?? null) : null;
  const future = futureState ? (byId.get(futureState.id) ?? null) : null;
  const columns: ForecastColumn[] = [];
  if (current) {
    columns.push(column('current', current, current.distribution));
    if (current.projected)
      columns.push(column('projected', current, current.projected.distribution));
  }
  if (future) columns.push(column('future', future, future.distribution));
  return { current, columns };
}

function column(
  key: ColumnKey,
  forecast: StateForecast,
  distribution: LeadTimeDistribution | null,
): ForecastColumn {
  return { key, stateId: forecast.stateId, stateName: forecast.name, distribution };
}
