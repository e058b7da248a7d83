// The trend across the map's reviews: total lead time, flow efficiency, rolled %C/A and the four
// key metrics, one chart each (one point per snapshot, plus now), and the same figures as a table
// for reading exact values and for screen readers.
import { DEFAULT_WORKING_TIME, type MapHeadline, type WorkingTime } from '@flowmap/shared';
import { formatNumber } from '@flowmap/shared/i18n';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../api/http.ts';
import { DoraTimeNote } from '../../ui/DoraTimeNote.tsx';
import { formatDay } from './names.ts';
import { TrendChart } from './TrendChart.tsx';
import './snapshotTable.css';
import './trend.css';
import {
  buildTrend,
  defaultTrendState,
  formatTrendValue,
  TREND_METRICS,
  type TrendPoint,
  trendLabel,
  trendStateOptions,
} from './trend.ts';
import { levelName } from './trendChartConfig.ts';

export function TrendView({
  snapshots,
  now,
}: {
  snapshots: SnapshotSummary[];
  now: MapHeadline | null;
}) {
  const options = useMemo(() => trendStateOptions(snapshots, now), [snapshots, now]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [includeNow, setIncludeNow] = useState(true);
  const stateId = options.some((o) => o.id === chosen) ? chosen : defaultTrendState(options);
  const { t } = useTranslation('snapshots');
  const nowLabel = t('trend.now');
  const stateSelect = useId();
  const nowBox = useId();

  const hoursPerDay =
    now?.workingTime.hoursPerDay ?? snapshots.at(-1)?.headline.workingTime.hoursPerDay;
  const daysPerWeek =
    now?.workingTime.daysPerWeek ?? snapshots.at(-1)?.headline.workingTime.daysPerWeek;
  const wt = useMemo<WorkingTime>(
    () => ({
      hoursPerDay: hoursPerDay ?? DEFAULT_WORKING_TIME.hoursPerDay,
      daysPerWeek: daysPerWeek ?? DEFAULT_WORKING_TIME.daysPerWeek,
    }),
    [hoursPerDay, daysPerWeek],
  );
  // The live map changes with every edit anyone makes; the charts redraw only when a plotted
  // figure of now does, so its point goes through its text form.
  const nowPoint =
    includeNow && now && stateId ? JSON.stringify(buildTrend([], now, stateId, nowLabel)[0]) : null;
  const points = useMemo<TrendPoint[]>(() => {
    if (!stateId) return [];
    const reviews = buildTrend(snapshots, null, stateId);
    return nowPoint ? [...reviews, JSON.parse(nowPoint) as TrendPoint] : reviews;
  }, [snapshots, stateId, nowPoint]);

  if (snapshots.length === 0) {
    return (
      <div className="snapshots-empty-card">
        <h2>{t('trend.emptyTitle')}</h2>
        <p>{t('trend.emptyText')}</p>
      </div>
    );
  }

  const flow = TREND_METRICS.filter((m) => m.group === 'flow');
  const dora = TREND_METRICS.filter((m) => m.group === 'dora');

  return (
    <div className="trend">
      <div className="trend-controls">
        {options.length > 1 && (
          <div className="trend-control">
            <label htmlFor={stateSelect}>{t('trend.state')}</label>
            <select
              id={stateSelect}
              value={stateId ?? ''}
              onChange={(e) => setChosen(e.target.value)}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {t('compare.stateOption', {
                    name: o.name,
                    kind: t(`compare.kinds.${o.kind}`),
                  })}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="trend-check" htmlFor={nowBox}>
          <input
            id={nowBox}
            type="checkbox"
            checked={includeNow}
            onChange={(e) => setIncludeNow(e.target.checked)}
          />
          {t('trend.includeNow')}
        </label>
        <p className="trend-note">
          {t('trend.note', {
            count: snapshots.length,
            hours: formatNumber(wt.hoursPerDay),
            days: formatNumber(wt.daysPerWeek),
          })}
        </p>
      </div>

      <section aria-labelledby="trend-flow" className="compare-section">
        <h2 id="trend-flow" className="compare-h2">
          {t('trend.flow')}
        </h2>
        <div className="trend-grid trend-grid-2">
          {flow.map((m, i) => (
            <TrendChart key={m.key} metric={m} points={points} wt={wt} wide={i === 0} />
          ))}
        </div>
      </section>

      <section aria-labelledby="trend-dora" className="compare-section">
        <h2 id="trend-dora" className="compare-h2">
          {t('trend.dora')} <span className="trend-h2-note">{t('trend.doraNote')}</span>
        </h2>
        <div className="trend-grid trend-grid-2">
          {dora.map((m) => (
            <TrendChart key={m.key} metric={m} points={points} wt={wt} />
          ))}
        </div>
        <DoraTimeNote wt={wt} />
      </section>

      <TrendTable points={points} wt={wt} />
    </div>
  );
}

function TrendTable({ points, wt }: { points: TrendPoint[]; wt: WorkingTime }) {
  const { t } = useTranslation('snapshots');
  return (
    <section aria-labelledby="trend-data" className="compare-section">
      <h2 id="trend-data" className="compare-h2">
        {t('trend.figures')}
      </h2>
      <div className="snapshot-table-wrap">
        <table className="snapshot-table trend-table" aria-labelledby="trend-data">
          <thead>
            <tr>
              <th scope="col">{t('trend.review')}</th>
              <th scope="col">{t('trend.taken')}</th>
              {TREND_METRICS.map((m) => (
                <th scope="col" key={m.key} className="num-head">
                  {trendLabel(t, m.key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id} className={p.isNow ? 'trend-row trend-now' : 'trend-row'}>
                <th scope="row" className="snapshot-name">
                  {p.label}
                </th>
                <td>{p.createdAt === null ? t('trend.live') : formatDay(p.createdAt)}</td>
                {TREND_METRICS.map((m) => {
                  const level =
                    m.group === 'dora' ? p.levels[m.key as keyof typeof p.levels] : null;
                  return (
                    <td key={m.key} className="num" data-metric={m.key}>
                      {formatTrendValue(t, m, p.values[m.key], wt)}
                      {level && (
                        <span className={`trend-level trend-level-${level}`}>
                          {levelName(t, level)}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
