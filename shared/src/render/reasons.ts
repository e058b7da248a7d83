// The metrics' sentences in the reader's language: why a stage is a bottleneck (waiting, quality,
// capacity), why a flow has no figures. The engine words its `reason`s in English for the CLI's
// JSON (a contract scripts read); everything a person reads — the panels, the canvas, the SVG,
// PNG and PDF exports — builds them again from the same figures through the catalog, so the
// English reads exactly as the engine's (tested) and Korean reads as Korean.
import type { TFunction } from 'i18next';
import { displayLocale, INTL_TAG, type Locale } from '../i18n/locale.ts';
import { displayT } from '../i18n/translator.ts';
import { formatPctCA, formatShare } from '../metrics/bottlenecks.ts';
import { CAPACITY_THRESHOLD, metricSettings } from '../metrics/settings.ts';
import type {
  Bottleneck,
  CapacityBottleneck,
  QualityBottleneck,
  StateMetrics,
} from '../metrics/types.ts';
import { displayName } from '../metrics/values.ts';
import { formatDuration } from '../model/durations.ts';
import type { MapState, WorkingTime } from '../model/types.ts';

export type PanelsT = TFunction<'panels'>;

/**
 * A unit of work the map's author typed ("change", "story") for `count` items: English adds its
 * plural ("changes"); a language without plural forms (Korean) keeps the word as typed.
 */
export function unitWord(unit: string, plural: string, count: number, locale: Locale): string {
  const rules = new Intl.PluralRules(INTL_TAG[locale]);
  if (!rules.resolvedOptions().pluralCategories.includes('one')) return unit;
  return rules.select(count) === 'one' ? unit : plural;
}

/** The unit of work as a bottleneck's reason names it: the catalog's default, or the map's own. */
function unitsOf(
  t: PanelsT,
  meta: { unitOfWork?: string } | null,
  count: number,
  locale: Locale,
): string {
  const custom = meta?.unitOfWork;
  if (typeof custom !== 'string' || custom.trim() === '') {
    return t('reasons.defaultUnit', { count });
  }
  const unit = metricSettings(meta ?? {}).unitOfWork;
  return unitWord(unit, `${unit}s`, count, locale);
}

function queueItems(state: MapState, id: string): number | null {
  const node = Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
  const items: unknown = node?.items;
  return typeof items === 'number' && Number.isFinite(items) && items >= 0 ? items : null;
}

/**
 * Why a stage or a queue is a bottleneck: "waits 3d of 4d (60% of all waiting)"; a queue says
 * what it holds back, "10 changes wait 2d before Security review (40% of all waiting)".
 */
export function bottleneckReason(
  t: PanelsT,
  locale: Locale,
  b: Bottleneck,
  state: MapState,
  metrics: Pick<StateMetrics, 'criticalPath'>,
  wt: WorkingTime,
  meta: { unitOfWork?: string } | null,
): string {
  const share = formatShare(b.waitingShare);
  const node = Object.hasOwn(state.nodes, b.nodeId) ? state.nodes[b.nodeId] : undefined;
  if (node?.type !== 'queue') {
    return t('reasons.waits', {
      waiting: formatDuration(b.waitingMinutes, wt),
      elapsed: formatDuration(b.elapsedMinutes, wt),
      share,
    });
  }
  const at = metrics.criticalPath.indexOf(b.nodeId);
  const nextId = at >= 0 ? metrics.criticalPath[at + 1] : undefined;
  const nextNode =
    nextId !== undefined && Object.hasOwn(state.nodes, nextId) ? state.nodes[nextId] : undefined;
  const next = nextId !== undefined && nextNode ? displayName(nextNode, nextId) : null;
  const duration = formatDuration(b.elapsedMinutes, wt);
  const count = queueItems(state, b.nodeId);
  if (count === null) {
    return next === null
      ? t('reasons.queueWaits', { duration, share })
      : t('reasons.queueWaitsBefore', { duration, next, share });
  }
  const units = unitsOf(t, meta, count, locale);
  return next === null
    ? t('reasons.queueItems', { count, units, duration, share })
    : t('reasons.queueItemsBefore', { count, units, duration, next, share });
}

/** "only 62% complete and accurate". */
export function qualityReason(t: PanelsT, q: Pick<QualityBottleneck, 'pctCA'>): string {
  return t('reasons.quality', { pctCA: formatPctCA(q.pctCA) });
}

/** The loop of a cycle by the names of its stages, back to the first: "A → B → A". */
export function cycleLoop(nodeIds: readonly string[], state: MapState | null): string {
  const names = nodeIds.map((id) => {
    const node = state && Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
    return node ? displayName(node, id) : id;
  });
  return [...names, ...names.slice(0, 1)].join(' → ');
}

/** "Flow edges form a cycle: A → B → A. Mark the edge that sends work back as rework." */
export function cycleMessage(
  t: PanelsT,
  cycle: { nodeIds: readonly string[] },
  state: MapState | null,
): string {
  return t('metrics.cycle', { loop: cycleLoop(cycle.nodeIds, state) });
}

/**
 * "busy 120% of the working day at 20 changes a day (above 85%, waits grow without bound)":
 * why a stage cannot keep up with the map's demand.
 */
export function capacityReason(
  t: PanelsT,
  locale: Locale,
  c: Pick<CapacityBottleneck, 'utilisation'>,
  meta: { demandPerDay?: number; unitOfWork?: string } | null,
): string {
  const demand = meta?.demandPerDay ?? 0;
  return t('reasons.capacity', {
    busy: formatShare(c.utilisation),
    demand: formatNumberIn(demand, locale),
    units: unitsOf(t, meta, demand, locale),
    threshold: formatShare(CAPACITY_THRESHOLD),
  });
}

function formatNumberIn(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_TAG[locale], {
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(value);
}

/** Every reason of a state's bottlenecks (waiting, quality, capacity), by node id. */
export interface WordedReasons {
  bottleneck: Map<string, string>;
  quality: Map<string, string>;
  capacity: Map<string, string>;
}

/** The engine's reasons worded in `locale` through `t` (the panels catalog). */
export function wordReasons(
  t: PanelsT,
  locale: Locale,
  metrics: Pick<
    StateMetrics,
    'bottlenecks' | 'qualityBottlenecks' | 'capacityBottlenecks' | 'criticalPath'
  >,
  state: MapState,
  wt: WorkingTime,
  meta: { unitOfWork?: string; demandPerDay?: number } | null,
): WordedReasons {
  return {
    bottleneck: new Map(
      metrics.bottlenecks.map((b) => [
        b.nodeId,
        bottleneckReason(t, locale, b, state, metrics, wt, meta),
      ]),
    ),
    quality: new Map(metrics.qualityBottlenecks.map((q) => [q.nodeId, qualityReason(t, q)])),
    capacity: new Map(
      metrics.capacityBottlenecks.map((c) => [c.nodeId, capacityReason(t, locale, c, meta)]),
    ),
  };
}

/** The reasons in the display language (the UI's, or an export's map `locale` while it renders). */
export function displayReasons(
  metrics: Parameters<typeof wordReasons>[2],
  state: MapState,
  wt: WorkingTime,
  meta: Parameters<typeof wordReasons>[5],
): WordedReasons {
  return wordReasons(displayT('panels'), displayLocale(), metrics, state, wt, meta);
}

/** The fields reasons read from a map's meta, from anything (a hostile document's meta too). */
export function reasonMeta(meta: unknown): { unitOfWork?: string; demandPerDay?: number } {
  if (typeof meta !== 'object' || meta === null) return {};
  const { unitOfWork, demandPerDay } = meta as Record<string, unknown>;
  return {
    ...(typeof unitOfWork === 'string' ? { unitOfWork } : {}),
    ...(typeof demandPerDay === 'number' && Number.isFinite(demandPerDay) ? { demandPerDay } : {}),
  };
}
