// Derived data for components. Metrics are computed from the snapshot with shared's pure engine
// and memoised on the state object, which the session replaces only when the document changes.
import {
  computeStateMetrics,
  type MapMeta,
  type MapState,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { useMemo } from 'react';
import { useEditor } from './editorStore.ts';

export function useActiveState(): MapState | null {
  return useEditor((s) =>
    s.map && s.activeStateId ? (s.map.states[s.activeStateId] ?? null) : null,
  );
}

export function useMeta(): MapMeta | null {
  return useEditor((s) => s.map?.meta ?? null);
}

export function useWorkingTime(): WorkingTime {
  const hoursPerDay = useEditor((s) => s.map?.meta.hoursPerDay ?? 8);
  const daysPerWeek = useEditor((s) => s.map?.meta.daysPerWeek ?? 5);
  return useMemo(() => ({ hoursPerDay, daysPerWeek }), [hoursPerDay, daysPerWeek]);
}

const cache = new WeakMap<MapState, { meta: MapMeta; metrics: StateMetrics }>();

/** Metrics of a state; recomputed only when the state or the map settings change. */
export function metricsOf(state: MapState, meta: MapMeta): StateMetrics {
  const hit = cache.get(state);
  if (hit && hit.meta === meta) return hit.metrics;
  const metrics = computeStateMetrics(state, meta);
  cache.set(state, { meta, metrics });
  return metrics;
}

export function useStateMetrics(state: MapState | null): StateMetrics | null {
  const meta = useMeta();
  return useMemo(() => (state && meta ? metricsOf(state, meta) : null), [state, meta]);
}

export function useActiveMetrics(): StateMetrics | null {
  return useStateMetrics(useActiveState());
}

export function useCanEdit(): boolean {
  return useEditor((s) => s.access === 'edit');
}

export function useSortedStates(): MapState[] {
  const states = useEditor((s) => s.map?.states);
  return useMemo(
    () =>
      states
        ? Object.values(states).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
        : [],
    [states],
  );
}
