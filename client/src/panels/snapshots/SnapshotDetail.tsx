// One snapshot, read-only: for each of its states the headline figures, the timeline ladder, the
// four key metrics with their levels and every stage's measures — as the map was on that day.
import {
  classifyDora,
  computeStateMetrics,
  cycleMessage,
  DORA_KEYS,
  type FlowMap,
  formatPctCA,
  type MapState,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../api/http.ts';
import { DoraTimeNote } from '../../ui/DoraTimeNote.tsx';
import { KindChip } from '../../ui/KindChip.tsx';
import { LevelBadge } from '../inspector/DoraInputs.tsx';
import { formatPercent, formatStep } from '../metrics/format.ts';
import { MetricsFigures } from '../metrics/MetricsFigures.tsx';
import { Ladder } from '../TimelineLadder.tsx';
import { formatTaken } from './names.ts';
import type { SnapshotActions } from './SnapshotList.tsx';
import { useSnapshotMap } from './useSnapshots.ts';
import '../metrics/metrics.css';
import './snapshotDetail.css';

export function SnapshotDetail({
  mapId,
  token,
  snapshot,
  onBack,
  actions,
}: {
  mapId: string;
  token: string;
  snapshot: SnapshotSummary;
  onBack: () => void;
  actions: SnapshotActions;
}) {
  const loaded = useSnapshotMap(mapId, token, snapshot.id);
  const { t } = useTranslation('snapshots');
  return (
    <article className="snapshot-detail" aria-label={t('detail.label', { name: snapshot.name })}>
      <header className="snapshot-detail-header">
        <button type="button" className="snap-link snapshot-back" onClick={onBack}>
          <span aria-hidden="true">←</span> {t('detail.back')}
        </button>
        <div className="snapshot-detail-title">
          <h2>{snapshot.name}</h2>
          <span className="read-only-chip">{t('detail.readOnly')}</span>
        </div>
        <p className="snapshot-detail-meta">
          {t('detail.meta', {
            when: formatTaken(snapshot.createdAt),
            title: snapshot.headline.title,
          })}
        </p>
        <div className="snapshot-detail-actions">
          <button type="button" onClick={() => actions.compareWithNow(snapshot.id)}>
            {t('list.compareWithNow')}
          </button>
          {actions.restore && (
            <button type="button" onClick={() => actions.restore?.(snapshot)}>
              {t('list.restore')}
            </button>
          )}
        </div>
      </header>
      {loaded?.status === 'ready' ? (
        <SnapshotStates map={loaded.value} />
      ) : loaded?.status === 'error' ? (
        <p className="form-error" role="alert">
          {loaded.message}
        </p>
      ) : (
        <p className="snapshots-empty">{t('detail.loading')}</p>
      )}
    </article>
  );
}

function SnapshotStates({ map }: { map: FlowMap }) {
  const states = useMemo(
    () =>
      Object.values(map.states).sort(
        (a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
    [map],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const { t } = useTranslation('snapshots');
  const state =
    states.find((s) => s.id === chosen) ??
    states.find((s) => s.kind === 'current') ??
    states[0] ??
    null;
  const wt = { hoursPerDay: map.meta.hoursPerDay, daysPerWeek: map.meta.daysPerWeek };
  const metrics = useMemo(
    () => (state ? computeStateMetrics(state, map.meta) : null),
    [state, map.meta],
  );
  if (!state || !metrics) return <p className="snapshots-empty">{t('detail.noStates')}</p>;
  return (
    <>
      {states.length > 1 && (
        <fieldset className="snapshot-state-switch" aria-label={t('detail.stateSwitch')}>
          {states.map((s) => (
            <button
              key={s.id}
              type="button"
              aria-pressed={s.id === state.id}
              className={s.id === state.id ? 'is-active' : undefined}
              onClick={() => setChosen(s.id)}
            >
              {s.name} <KindChip kind={s.kind} />
            </button>
          ))}
        </fieldset>
      )}
      <StateFigures state={state} metrics={metrics} wt={wt} />
    </>
  );
}

function StateFigures({
  state,
  metrics,
  wt,
}: {
  state: MapState;
  metrics: StateMetrics;
  wt: WorkingTime;
}) {
  const { t } = useTranslation('snapshots');
  const { t: tp } = useTranslation('panels');
  const cycle = metrics.errors.find((e) => e.kind === 'cycle');
  const dora = classifyDora(state.dora, cycle ? 0 : metrics.totalLeadTimeMinutes, wt);
  const ranks = new Map(metrics.bottlenecks.map((b) => [b.nodeId, b.rank]));
  const onPath = metrics.criticalPath.filter((id) => Object.hasOwn(metrics.stages, id));
  const others = Object.values(metrics.stages)
    .filter((s) => !s.onCriticalPath)
    .sort((a, b) => a.name.localeCompare(b.name));
  const stages = [...onPath.map((id) => metrics.stages[id]), ...others].filter(
    (s) => s !== undefined,
  );

  return (
    <div className="snapshot-figures">
      <section className="snapshot-card" aria-labelledby="snapshot-metrics">
        <h3 id="snapshot-metrics">{t('detail.metrics', { name: state.name })}</h3>
        {cycle ? (
          <p className="metrics-cycle" role="alert">
            {t('detail.cycle', { message: cycleMessage(tp, cycle, state) })}
          </p>
        ) : (
          <MetricsFigures
            metrics={metrics}
            wt={wt}
            className="metrics-grid snapshot-metrics-grid"
          />
        )}
      </section>

      <section className="snapshot-card" aria-labelledby="snapshot-dora">
        <h3 id="snapshot-dora">{t('detail.dora')}</h3>
        <table className="snapshot-stage-table snapshot-dora-table">
          <tbody>
            {DORA_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{tp(`compare.dora.labels.${key}`)}</th>
                <td className="num">{dora[key].display}</td>
                <td>
                  <LevelBadge level={dora[key].level} />
                  {dora[key].source === 'computed' && dora[key].value !== null && (
                    <span className="snapshot-muted" title={t('detail.fromMapTip')}>
                      {' '}
                      {t('detail.fromMap')}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <DoraTimeNote wt={wt} />
      </section>

      <section
        className="snapshot-card snapshot-ladder snapshot-wide"
        aria-label={t('detail.timeline')}
      >
        <Ladder metrics={metrics} wt={wt} />
      </section>

      <section className="snapshot-card snapshot-wide" aria-labelledby="snapshot-stages">
        <h3 id="snapshot-stages">{t('detail.stages')}</h3>
        {stages.length === 0 ? (
          <p className="snapshots-empty">{t('detail.noStages')}</p>
        ) : (
          <table className="snapshot-stage-table">
            <thead>
              <tr>
                <th scope="col">{t('detail.stage')}</th>
                <th scope="col">{t('detail.team')}</th>
                <th scope="col" className="num">
                  {t('detail.lt')}
                </th>
                <th scope="col" className="num">
                  {t('detail.pt')}
                </th>
                <th scope="col" className="num">
                  {t('detail.waiting')}
                </th>
                <th scope="col" className="num">
                  {t('detail.efficiency')}
                </th>
                <th scope="col" className="num">
                  {t('detail.pctCA')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('detail.bottleneck')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => {
                const rank = ranks.get(s.nodeId);
                const team = Object.hasOwn(state.nodes, s.nodeId)
                  ? state.nodes[s.nodeId]?.team
                  : '';
                return (
                  <tr key={s.nodeId} className={s.onCriticalPath ? undefined : 'off-path'}>
                    <th scope="row">{s.name}</th>
                    <td>{team || '—'}</td>
                    <td className="num">{formatStep(s.elapsedMinutes, wt)}</td>
                    <td className="num">{formatStep(s.valueAddMinutes, wt)}</td>
                    <td className="num">{formatStep(s.waitingMinutes, wt)}</td>
                    <td className="num">{formatPercent(s.efficiency)}</td>
                    <td className="num">{s.pctCA === null ? '—' : formatPctCA(s.pctCA)}</td>
                    <td>
                      {rank !== undefined && (
                        <span className="rank-badge" title={t('detail.bottleneckRank', { rank })}>
                          #{rank}
                        </span>
                      )}
                      {!s.onCriticalPath && (
                        <span className="snapshot-muted">{t('detail.offPath')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
