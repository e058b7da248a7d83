// Why each stage is a bottleneck, in the display language (shared's reasons.ts words them from the
// metrics through the catalog; the engine's own `reason`s stay English for the CLI). Worded once
// per metrics object and language: a drag derives the canvas every frame while the metrics, and
// so the reasons, stay the same.
import {
  displayReasons,
  type MapState,
  type StateMetrics,
  type WordedReasons,
  type WorkingTime,
} from '@flowmap/shared';
import { displayLocale } from '@flowmap/shared/i18n';

const cache = new WeakMap<StateMetrics, { locale: string; reasons: WordedReasons }>();

export function reasonsOf(
  metrics: StateMetrics,
  state: MapState,
  wt: WorkingTime,
  meta: { unitOfWork?: string; demandPerDay?: number } | null,
): WordedReasons {
  const locale = displayLocale();
  const hit = cache.get(metrics);
  if (hit && hit.locale === locale) return hit.reasons;
  const reasons = displayReasons(metrics, state, wt, meta);
  cache.set(metrics, { locale, reasons });
  return reasons;
}
