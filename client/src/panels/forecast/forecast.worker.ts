// The forecast off the main thread: 10,000 trials per state (and per kaizen) take long enough to
// make typing stutter if they ran in the page. Requests that arrive while one is computing are
// coalesced: only the newest map is forecast next, so a burst of edits costs one run, not a queue.
import '../../app/noEval.ts';
import { forecastMap } from '@flowmap/shared';
import type { ForecastRequest, ForecastResponse } from './protocol.ts';

let latest: ForecastRequest | null = null;
let scheduled = false;

function run(): void {
  scheduled = false;
  const request = latest;
  latest = null;
  if (!request) return;
  const started = performance.now();
  let response: ForecastResponse;
  try {
    const forecasts = forecastMap(request.map, { trials: request.trials, seed: request.seed });
    response = { id: request.id, ok: true, forecasts, milliseconds: performance.now() - started };
  } catch (error) {
    response = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  postMessage(response);
}

addEventListener('message', (event: MessageEvent<ForecastRequest>) => {
  latest = event.data;
  if (scheduled) return;
  scheduled = true;
  // A task later, every message already queued has replaced `latest`.
  setTimeout(run, 0);
});
