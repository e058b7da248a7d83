// One metric across the reviews as a line chart (Chart.js, loaded on first use), captioned with its
// latest value (and DORA level) and its change since the first review; what is drawn is set up in
// trendChartConfig.ts. The figure reports how many points Chart.js drew.
import { type DoraKey, formatRelativeChange, type WorkingTime } from '@flowmap/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartFontReady } from './chartFont.ts';
import {
  formatTrendValue,
  type TrendMetric,
  type TrendPoint,
  trendChange,
  trendLabel,
} from './trend.ts';
import { levelName, trendChartConfig } from './trendChartConfig.ts';

type ChartModule = typeof import('./chart.ts');
let loading: Promise<ChartModule> | null = null;
const loadChart = () => {
  loading ??= import('./chart.ts');
  return loading;
};

export function TrendChart({
  metric,
  points,
  wt,
  wide = false,
}: {
  metric: TrendMetric;
  points: TrendPoint[];
  wt: WorkingTime;
  /** The headline metric: the whole row, and taller. */
  wide?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const { t } = useTranslation('snapshots');
  const described = points
    .map((p) =>
      t('trend.pointValue', {
        label: p.label,
        value: formatTrendValue(t, metric, p.values[metric.key], wt),
      }),
    )
    .join(t('trend.pointSeparator'));

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    setDrawn(null);
    // The axis title and the level names hold every script the chart draws.
    const sample = `${t('trend.percent')}${t('axis.h')}${t('trend.levels.elite')}${t('trend.now')}`;
    Promise.all([loadChart(), chartFontReady(sample)]).then(
      ([{ Chart }]) => {
        const element = canvas.current;
        if (cancelled || !element) return;
        const created = new Chart(element, trendChartConfig(t, metric, points, wt));
        chart = created;
        setDrawn(created.getDatasetMeta(0).data.length);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [metric, points, wt, t]);

  return (
    <figure
      className={`trend-chart${wide ? ' trend-wide' : ''}`}
      data-metric={metric.key}
      data-points={drawn ?? undefined}
      aria-busy={drawn === null && !failed}
    >
      <TrendCaption metric={metric} points={points} wt={wt} />
      <div className="trend-canvas">
        {failed ? (
          <p className="form-error">{t('trend.chartFailed')}</p>
        ) : (
          <canvas
            ref={canvas}
            role="img"
            aria-label={t('trend.chartLabel', {
              label: trendLabel(t, metric.key),
              points: described,
            })}
          />
        )}
      </div>
    </figure>
  );
}

/** The metric's name, its latest value (with its DORA level) and its change since the first value. */
function TrendCaption({
  metric,
  points,
  wt,
}: {
  metric: TrendMetric;
  points: TrendPoint[];
  wt: WorkingTime;
}) {
  const { t } = useTranslation('snapshots');
  const last = [...points].reverse().find((p) => p.values[metric.key] !== null);
  const change = trendChange(points, metric);
  const doraKey = metric.group === 'dora' ? (metric.key as DoraKey) : null;
  const lastLevel = last && doraKey ? last.levels[doraKey] : null;
  return (
    <figcaption className="trend-caption">
      <span className="trend-label">{trendLabel(t, metric.key)}</span>
      <span className="trend-latest">
        {last ? formatTrendValue(t, metric, last.values[metric.key], wt) : '—'}
        {lastLevel && (
          <span className={`dora-badge dora-${lastLevel}`}>{levelName(t, lastLevel)}</span>
        )}
      </span>
      {change && (
        <span className={`trend-change tone-${change.tone}`}>
          {change.tone === 'same'
            ? t('trend.unchangedSince', { from: change.from.label })
            : change.relative === null
              ? t('trend.since', { from: change.from.label })
              : t('trend.changeSince', {
                  change: formatRelativeChange(change.relative),
                  from: change.from.label,
                })}
        </span>
      )}
    </figcaption>
  );
}
