// Derived data for components. Metrics are computed from the snapshot with shared's pure engine
// and memoised on the state object, which the session replaces only when the document changes.
import {
  computeStateMetrics,
  type MapMeta,
  type MapState,
  type StateMetrics,
  type WordedReasons,
  type WorkingTime,
} from '@flowmap/shared';
import { displayLocale } from '@flowmap/shared/i18n';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from './editorStore.ts';
import { reasonsOf } from './reasons.ts';

export function useActiveState(): MapState | null {
  return useEditor((s) =>
    s.map && s.activeStateId ? (s.map.states[s.activeStateId] ?? null) : null,
  );
}

/**
 * The active state for the panels beside the canvas (side panel, timeline ladder), one render
 * behind: when a map arrives or changes, React draws the canvas first and these in a
 * low-priority render it can interrupt. A 300-stage map's ladder and lists are thousands of
 * elements; the map appears without waiting for them, and typing stays smooth.
 */
export function useDeferredActiveState(): MapState | null {
  return useDeferredValue(useActiveState(), null);
}

export function useMeta(): MapMeta | null {
  return useEditor((s) => s.map?.meta ?? null);
}

export function useWorkingTime(): WorkingTime {
  const hoursPerDay = useEditor((s) => s.map?.meta.hoursPerDay ?? 8);
  const daysPerWeek = useEditor((s) => s.map?.meta.daysPerWeek ?? 5);
  return useMemo(() => ({ hoursPerDay, daysPerWeek }), [hoursPerDay, daysPerWeek]);
}

const cache = new WeakMap<MapState, { meta: MapMeta; locale: string; metrics: StateMetrics }>();

/**
 * Metrics of a state; recomputed only when the state, the map settings or the display language
 * (the engine words bottleneck reasons in it) change.
 */
export function metricsOf(state: MapState, meta: MapMeta): StateMetrics {
  const locale = displayLocale();
  const hit = cache.get(state);
  if (hit && hit.meta === meta && hit.locale === locale) return hit.metrics;
  const metrics = computeStateMetrics(state, meta);
  cache.set(state, { meta, locale, metrics });
  return metrics;
}

export function useStateMetrics(state: MapState | null): StateMetrics | null {
  const meta = useMeta();
  const language = useTranslation().i18n.resolvedLanguage;
  return useMemo(
    () => (state && meta && language ? metricsOf(state, meta) : null),
    [state, meta, language],
  );
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

/** The active state's bottleneck reasons (waiting, quality, capacity) in the UI language. */
export function useActiveReasons(): WordedReasons | null {
  const state = useActiveState();
  const metrics = useStateMetrics(state);
  const wt = useWorkingTime();
  const meta = useMeta();
  return useMemo(
    () => (state && metrics ? reasonsOf(metrics, state, wt, meta) : null),
    [state, metrics, wt, meta],
  );
}
