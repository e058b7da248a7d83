// The metrics' sentences in the reader's language: why a stage is a bottleneck, why a flow has no
// figures. Shared's metrics word these in English for the exports and the CLI; the panels build
// them again from the same figures through the catalog, so the English reads exactly as shared's
// (tested) and Korean reads as Korean. Numbers go through shared's formatters.
import {
  type Bottleneck,
  displayName,
  formatDuration,
  formatPctCA,
  formatShare,
  type MapState,
  metricSettings,
  type QualityBottleneck,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { INTL_TAG, type Locale } from '@flowmap/shared/i18n';
import type { TFunction } from 'i18next';

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
