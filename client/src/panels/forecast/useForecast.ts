// The forecast of the map being edited, recomputed in the worker a moment after the last edit
// (debounced: typing a name must not start 10,000 trials per keystroke), never on the main thread.
import type { StateForecast } from '@flowmap/shared';
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../../store/editorStore.ts';
import { onForecast, requestForecast } from './forecastWorker.ts';

/** Quiet time after an edit before the forecast is recomputed. */
export const FORECAST_DEBOUNCE_MS = 400;

export interface ForecastView {
  forecasts: StateForecast[] | null;
  /** True while the shown forecast is of an older map (or none has arrived yet). */
  updating: boolean;
  error: string | null;
  milliseconds: number | null;
}

export function useForecast(): ForecastView {
  const map = useEditor((s) => s.map);
  const wanted = useRef(0);
  const [view, setView] = useState<ForecastView>({
    forecasts: null,
    updating: true,
    error: null,
    milliseconds: null,
  });

  useEffect(
    () =>
      onForecast((response) => {
        if (response.id !== wanted.current) return;
        setView(
          response.ok
            ? {
                forecasts: response.forecasts,
                updating: false,
                error: null,
                milliseconds: response.milliseconds,
              }
            : { forecasts: null, updating: false, error: response.message, milliseconds: null },
        );
      }),
    [],
  );

  useEffect(() => {
    if (!map) return;
    setView((v) => (v.updating ? v : { ...v, updating: true }));
    const timer = setTimeout(() => {
      wanted.current = requestForecast(map);
    }, FORECAST_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [map]);

  return view;
}
