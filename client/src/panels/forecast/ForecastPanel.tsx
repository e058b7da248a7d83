// The forecast of the map: how long items take — not one number but a spread ("85% of changes
// within 6w 4d") — for the current state, the same with its kaizens' effects, and the drawn future
// state, side by side; and what each kaizen buys alone, by effect. Computed in a worker
// (useForecast), so typing never waits for 10,000 trials.
import './forecast.css';
import { formatForecastDuration, type LeadTimeSummary, type WorkingTime } from '@flowmap/shared';
import { numberFormat, pickLocale } from '@flowmap/shared/i18n';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { useMeta, useSortedStates, useWorkingTime } from '../../store/selectors.ts';
import { forecastColumns } from './columns.ts';
import { DistributionChart } from './DistributionChart.tsx';
import { COLUMN_COLOURS } from './distributionChartConfig.ts';
import { EDITOR_TRIALS } from './protocol.ts';
import { useForecast } from './useForecast.ts';
import { kaizenEffectSentence, withinSentence } from './words.ts';

/** The table's rows: a percentile (or the mean) of the lead time. */
const ROWS: readonly (keyof LeadTimeSummary & ('p50' | 'p85' | 'p95' | 'mean'))[] = [
  'p50',
  'p85',
  'p95',
  'mean',
];

export function ForecastPanel() {
  const { forecasts, updating, error } = useForecast();
  const states = useSortedStates();
  const activeStateId = useEditor((s) => s.activeStateId);
  const meta = useMeta();
  const wt = useWorkingTime();
  const { t, i18n } = useTranslation('forecast');
  const locale = pickLocale(i18n.resolvedLanguage);
  const view = useMemo(
    () => (forecasts ? forecastColumns(forecasts, states, activeStateId) : null),
    [forecasts, states, activeStateId],
  );
  if (!meta) return null;
  const current = view?.current ?? null;
  const shown = view?.columns.filter((c) => c.distribution !== null) ?? [];
  // A spike per state says nothing the figures do not: say how to get a spread instead.
  const spread = shown.some(
    (c) =>
      c.distribution && c.distribution.histogram.toMinutes > c.distribution.histogram.fromMinutes,
  );

  return (
    <section
      className="forecast"
      aria-labelledby="forecast-heading"
      aria-busy={updating}
      data-status={updating ? 'updating' : 'ready'}
    >
      <header className="forecast-header">
        <h2 id="forecast-heading">{t('heading')}</h2>
        <span className="forecast-note" title={t('explain')}>
          {updating && forecasts
            ? t('updating')
            : t('simulated', { trials: numberFormat({}, locale).format(EDITOR_TRIALS) })}
        </span>
      </header>
      {error !== null && (
        <p className="form-error" role="alert">
          {t('failed', { error: error || t('workerFailed') })}
        </p>
      )}
      {!forecasts && error === null && <p className="forecast-empty">{t('waiting')}</p>}
      {current && !current.distribution && <p className="forecast-empty">{t('noFigures')}</p>}
      {current?.distribution && (
        <p
          className="forecast-sentence"
          data-state-id={current.stateId}
          data-p85-minutes={current.distribution.leadTimeMinutes.p85}
        >
          {withinSentence(t, locale, current.distribution, meta)}
        </p>
      )}
      {shown.length > 0 && (
        <>
          {spread ? (
            <DistributionChart
              columns={shown}
              wt={wt}
              description={shown
                .map((c) =>
                  t('describeColumn', {
                    column: t(`columns.${c.key}`),
                    within: c.distribution ? withinSentence(t, locale, c.distribution, meta) : '',
                  }),
                )
                .join(t('describeSeparator'))}
            />
          ) : (
            <p className="forecast-empty">{t('noSpread')}</p>
          )}
          <FiguresTable columns={shown} wt={wt} />
        </>
      )}
      {current && current.kaizenEffects.length > 0 && (
        <section className="forecast-kaizens" aria-labelledby="forecast-kaizens-heading">
          <h3 id="forecast-kaizens-heading">{t('kaizens')}</h3>
          <ol>
            {current.kaizenEffects.map((k) => (
              <li key={k.kaizenId} data-kaizen-id={k.kaizenId}>
                {kaizenEffectSentence(t, k, wt)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

function FiguresTable({
  columns,
  wt,
}: {
  columns: ReturnType<typeof forecastColumns>['columns'];
  wt: WorkingTime;
}) {
  const { t } = useTranslation('forecast');
  return (
    <table className="forecast-table">
      <thead>
        <tr>
          <td />
          {columns.map((c) => (
            <th key={c.key} scope="col" title={c.stateName} data-column={c.key}>
              <span
                className="forecast-swatch"
                style={{ background: COLUMN_COLOURS[c.key] }}
                aria-hidden="true"
              />
              {t(`columns.${c.key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROWS.map((key) => (
          <tr key={key}>
            <th scope="row" title={t(`rows.${key}`)}>
              {t(`rowNames.${key}`)}
            </th>
            {columns.map((c) => (
              <td
                key={c.key}
                data-column={c.key}
                data-state-id={c.stateId}
                data-minutes={c.distribution?.leadTimeMinutes[key]}
              >
                {c.distribution
                  ? formatForecastDuration(c.distribution.leadTimeMinutes[key], wt)
                  : '—'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
