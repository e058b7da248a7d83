// The page's side of the forecast worker: one worker for the tab, created on first use, and a
// request id so an answer to an older map is never shown for a newer one.
import type { FlowMap } from '@flowmap/shared';
import {
  EDITOR_SEED,
  EDITOR_TRIALS,
  type ForecastRequest,
  type ForecastResponse,
} from './protocol.ts';

type Listener = (response: ForecastResponse) => void;

let worker: Worker | null = null;
let nextId = 1;
const listeners = new Set<Listener>();

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<ForecastResponse>) => {
    for (const listener of listeners) listener(event.data);
  });
  worker.addEventListener('error', (event) => {
    // Empty when the browser gives no reason: the panel then says the worker did not start.
    const message = event.message || '';
    for (const listener of listeners) listener({ id: nextId - 1, ok: false, message });
  });
  return worker;
}

/** Asks for a forecast of `map`; returns the request's id. */
export function requestForecast(map: FlowMap): number {
  const id = nextId++;
  const request: ForecastRequest = { id, map, trials: EDITOR_TRIALS, seed: EDITOR_SEED };
  ensureWorker().postMessage(request);
  return id;
}

export function onForecast(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
