// While a map is on its way (the access check and the websocket's first sync take a few hundred
// milliseconds in which the page has nothing to do), run once what every first render of a map
// needs: validating a document (zod), the metrics engine and shared's number formatters. Their
// first call pays for compiling the code and for the browser's first Intl.NumberFormat (ICU
// locale data, ~60 ms here); paid now, it is not paid after the document arrived, which is when
// the user is waiting to see the map.
import { computeStateMetrics, sanitizeMap, softwareDeliveryTemplate } from '@flowmap/shared';

export function warmUpWhileLoading(): () => void {
  const run = () => {
    const { map } = sanitizeMap(softwareDeliveryTemplate());
    for (const state of Object.values(map.states)) computeStateMetrics(state, map.meta);
  };
  // Safari has no requestIdleCallback; a timeout still runs after the page's first paint.
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run);
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 0);
  return () => window.clearTimeout(id);
}
