// Any snapshot against now or another snapshot, state by state: the same comparison as the
// editor's Compare view (metrics, four key metrics with levels, stages added, removed, changed).
import {
  computeStateMetrics,
  type FlowMap,
  type MapMeta,
  type MapState,
  type StateMetrics,
} from '@flowmap/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../api/http.ts';
import { useEditor } from '../../store/editorStore.ts';
import { metricsOf } from '../../store/selectors.ts';
import { type ComparedSide, Comparison } from '../compare/Comparison.tsx';
import { formatDay } from './names.ts';
import { NOW_ID } from './trend.ts';
import { useSnapshotMap } from './useSnapshots.ts';

export interface CompareSideChoice {
  /** A snapshot's id, or NOW_ID for the live map. */
  source: string;
  /** Null: the side's first current state. */
  stateId: string | null;
}

export interface CompareChoice {
  before: CompareSideChoice;
  after: CompareSideChoice;
}

/** What a review asks first: the latest snapshot against the map as it is now. */
export function defaultChoice(snapshots: readonly SnapshotSummary[]): CompareChoice | null {
  const latest = [...snapshots].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!latest) return null;
  return { before: { source: latest.id, stateId: null }, after: { source: NOW_ID, stateId: null } };
}

function sortedStates(map: FlowMap): MapState[] {
  return Object.values(map.states).sort(
    (a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The chosen state, else the state with the same id as the other side's, else the first current. */
export function chooseState(
  map: FlowMap,
  stateId: string | null,
  matching: string | null = null,
): MapState | null {
  const states = sortedStates(map);
  const byId = (id: string | null) => (id ? states.find((s) => s.id === id) : undefined);
  return (
    byId(stateId) ?? byId(matching) ?? states.find((s) => s.kind === 'current') ?? states[0] ?? null
  );
}

type SideData =
  | { status: 'ready'; map: FlowMap; live: boolean }
  | { status: 'loading' | 'error'; message?: string };

function useSide(mapId: string, token: string, source: string): SideData {
  const live = useEditor((s) => s.map);
  const fetched = useSnapshotMap(mapId, token, source === NOW_ID ? null : source);
  if (source === NOW_ID)
    return live ? { status: 'ready', map: live, live: true } : { status: 'loading' };
  if (fetched?.status === 'ready') return { status: 'ready', map: fetched.value, live: false };
  if (fetched?.status === 'error') return { status: 'error', message: fetched.message };
  return { status: 'loading' };
}

// The live map's metrics come from the editor's cache; a snapshot's are computed once per state.
const snapshotMetrics = new WeakMap<MapState, { meta: MapMeta; metrics: StateMetrics }>();
function metricsFor(state: MapState, meta: MapMeta, live: boolean): StateMetrics {
  if (live) return metricsOf(state, meta);
  const hit = snapshotMetrics.get(state);
  if (hit && hit.meta === meta) return hit.metrics;
  const metrics = computeStateMetrics(state, meta);
  snapshotMetrics.set(state, { meta, metrics });
  return metrics;
}

export function SnapshotCompare({
  mapId,
  token,
  snapshots,
  choice,
  onChoice,
}: {
  mapId: string;
  token: string;
  snapshots: SnapshotSummary[];
  choice: CompareChoice | null;
  onChoice: (choice: CompareChoice) => void;
}) {
  const { t } = useTranslation('snapshots');
  const fallback = defaultChoice(snapshots);
  // A chosen snapshot deleted meanwhile: back to the default.
  const valid = (side: CompareSideChoice) =>
    side.source === NOW_ID || snapshots.some((s) => s.id === side.source);
  const effective = choice && valid(choice.before) && valid(choice.after) ? choice : fallback;
  const before = useSide(mapId, token, effective?.before.source ?? NOW_ID);
  const after = useSide(mapId, token, effective?.after.source ?? NOW_ID);

  const labelOf = (source: string) =>
    source === NOW_ID
      ? t('compare.now')
      : (snapshots.find((s) => s.id === source)?.name ?? t('compare.snapshot'));

  // Cheap to redo on every render: the metrics behind it are cached per state.
  const sides = (() => {
    if (!effective || before.status !== 'ready' || after.status !== 'ready') return null;
    const a = chooseState(after.map, effective.after.stateId, effective.before.stateId);
    const b = chooseState(before.map, effective.before.stateId, a?.id ?? null);
    if (!a || !b) return null;
    const side = (source: string, state: MapState, map: FlowMap, live: boolean): ComparedSide => ({
      name: t('compare.side', { source: labelOf(source), state: state.name }),
      state,
      metrics: metricsFor(state, map.meta, live),
    });
    return {
      before: side(effective.before.source, b, before.map, before.live),
      after: side(effective.after.source, a, after.map, after.live),
      wt: { hoursPerDay: after.map.meta.hoursPerDay, daysPerWeek: after.map.meta.daysPerWeek },
      beforeStates: sortedStates(before.map),
      afterStates: sortedStates(after.map),
    };
  })();

  if (!effective) {
    return (
      <div className="snapshots-empty-card">
        <h2>{t('compare.emptyTitle')}</h2>
        <p>{t('compare.emptyText')}</p>
      </div>
    );
  }

  const set = (side: 'before' | 'after', patch: Partial<CompareSideChoice>) =>
    onChoice({ ...effective, [side]: { ...effective[side], ...patch } });

  return (
    <div className="snapshot-compare">
      <div className="compare-toolbar snapshot-compare-toolbar">
        <SidePicker
          label={t('compare.before')}
          choice={effective.before}
          snapshots={snapshots}
          states={sides?.beforeStates ?? []}
          stateId={sides?.before.state.id ?? null}
          onChange={(patch) => set('before', patch)}
        />
        <button
          type="button"
          className="compare-swap"
          onClick={() => onChoice({ before: effective.after, after: effective.before })}
          title={t('compare.swap')}
        >
          <span aria-hidden="true">⇄</span>
          <span className="visually-hidden">{t('compare.swap')}</span>
        </button>
        <SidePicker
          label={t('compare.after')}
          choice={effective.after}
          snapshots={snapshots}
          states={sides?.afterStates ?? []}
          stateId={sides?.after.state.id ?? null}
          onChange={(patch) => set('after', patch)}
        />
      </div>
      {before.status === 'error' || after.status === 'error' ? (
        <p className="form-error" role="alert">
          {before.status === 'error'
            ? before.message
            : after.status === 'error'
              ? after.message
              : ''}
        </p>
      ) : sides ? (
        <section aria-label={t('compare.label')} className="snapshot-comparison">
          <Comparison before={sides.before} after={sides.after} wt={sides.wt} />
        </section>
      ) : (
        <p className="snapshots-empty">{t('compare.loading')}</p>
      )}
    </div>
  );
}

function SidePicker({
  label,
  choice,
  snapshots,
  states,
  stateId,
  onChange,
}: {
  label: string;
  choice: CompareSideChoice;
  snapshots: SnapshotSummary[];
  states: MapState[];
  stateId: string | null;
  onChange: (patch: Partial<CompareSideChoice>) => void;
}) {
  const sourceId = useId();
  const stateSelectId = useId();
  const { t } = useTranslation('snapshots');
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <fieldset className="side-picker">
      <legend>{label}</legend>
      <div className="side-picker-row">
        <label htmlFor={sourceId} className="visually-hidden">
          {t('compare.sourceLabel', { side: label })}
        </label>
        <select
          id={sourceId}
          value={choice.source}
          onChange={(e) => onChange({ source: e.target.value })}
        >
          <option value={NOW_ID}>{t('compare.nowOption')}</option>
          {newestFirst.map((s) => (
            <option key={s.id} value={s.id}>
              {t('compare.snapshotOption', { name: s.name, day: formatDay(s.createdAt) })}
            </option>
          ))}
        </select>
        {states.length > 1 && (
          <>
            <label htmlFor={stateSelectId} className="visually-hidden">
              {t('compare.stateLabel', { side: label })}
            </label>
            <select
              id={stateSelectId}
              value={stateId ?? ''}
              onChange={(e) => onChange({ stateId: e.target.value })}
            >
              {states.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('compare.stateOption', { name: s.name, kind: t(`compare.kinds.${s.kind}`) })}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
    </fieldset>
  );
}
