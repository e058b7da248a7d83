// The forecast's distributions on one axis (Chart.js, loaded on first use like the trend chart's);
// what is drawn is set up in distributionChartConfig.ts. The canvas carries a text description for
// screen readers, and the figure says how many distributions Chart.js drew.
import type { WorkingTime } from '@flowmap/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartFontReady } from '../snapshots/chartFont.ts';
import type { ForecastColumn } from './columns.ts';
import { distributionChartConfig } from './distributionChartConfig.ts';

type ChartModule = typeof import('./chart.ts');
let loading: Promise<ChartModule> | null = null;
const loadChart = () => {
  loading ??= import('./chart.ts');
  return loading;
};

export function DistributionChart({
  columns,
  wt,
  description,
}: {
  columns: readonly ForecastColumn[];
  wt: WorkingTime;
  description: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const { t } = useTranslation('forecast');
  const { t: axisT } = useTranslation('snapshots');

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    const config = distributionChartConfig(columns, wt, axisT);
    Promise.all([
      loadChart(),
      chartFontReady(config.options?.scales?.x?.title?.text?.toString() ?? ''),
    ]).then(
      ([{ Chart }]) => {
        const element = canvas.current;
        if (cancelled || !element) return;
        const created = new Chart(element, config);
        chart = created;
        setDrawn(created.data.datasets.length);
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [columns, wt, axisT]);

  return (
    <figure className="forecast-chart" data-distributions={drawn ?? undefined}>
      {failed ? (
        <p className="form-error">{t('chartFailed')}</p>
      ) : (
        <canvas ref={canvas} role="img" aria-label={description} />
      )}
    </figure>
  );
}
