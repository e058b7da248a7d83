// What Chart.js is told to draw for the forecast: each distribution as a filled histogram outline
// (a stepped line over its bins) on one duration axis, so current, projected and future can be
// compared by eye, with a dashed mark at each one's 85th percentile. Heights are densities (share
// of items per axis unit), so histograms with different bin widths compare fairly. Only types come
// from Chart.js here.
import type { Histogram, LeadTimeDistribution, WorkingTime } from '@flowmap/shared';
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { TFunction } from 'i18next';
import { CHART_FONT } from '../snapshots/chartFont.ts';
import { axisTick, durationAxis } from '../snapshots/trend.ts';
import type { ColumnKey, ForecastColumn } from './columns.ts';

export const COLUMN_COLOURS: Record<ColumnKey, string> = {
  current: '#5b6474',
  projected: '#b26a00',
  future: '#2456d6',
};
const FILLS: Record<ColumnKey, string> = {
  current: 'rgba(91, 100, 116, 0.22)',
  projected: 'rgba(178, 106, 0, 0.18)',
  future: 'rgba(36, 86, 214, 0.16)',
};
const TEXT_MUTED = '#5b6474';
const GRID = '#e7eaef';
const FONT = CHART_FONT;

export interface Point {
  x: number;
  y: number;
}

/**
 * The outline of a histogram in axis units: up at the first bin's left edge, across each bin, down
 * at the last bin's right edge (drawn with `stepped: 'after'`). A distribution with no spread (every
 * item took as long) is a spike of height `spike`.
 */
export function outlinePoints(histogram: Histogram, trials: number, unit: number, spike: number) {
  const from = histogram.fromMinutes / unit;
  const to = histogram.toMinutes / unit;
  if (!(to > from))
    return [
      { x: from, y: 0 },
      { x: from, y: spike },
      { x: from, y: 0 },
    ];
  const width = (to - from) / histogram.counts.length;
  const points: Point[] = [{ x: from, y: 0 }];
  histogram.counts.forEach((count, i) => {
    points.push({ x: from + i * width, y: count / trials / width });
  });
  points.push({ x: to, y: (points[points.length - 1] as Point).y }, { x: to, y: 0 });
  return points;
}

function maxDensity(distribution: LeadTimeDistribution, unit: number): number {
  const { histogram, trials } = distribution;
  const width = (histogram.toMinutes - histogram.fromMinutes) / unit / histogram.counts.length;
  return width > 0 ? Math.max(...histogram.counts) / trials / width : 0;
}

/** A dashed vertical mark at each distribution's p85, in its colour. */
function p85Plugin(marks: readonly { x: number; colour: string }[]): Plugin<'line'> {
  return {
    id: 'forecastP85',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x) return;
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1.5;
      for (const mark of marks) {
        const px = x.getPixelForValue(mark.x);
        ctx.strokeStyle = mark.colour;
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top);
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

export type DistributionChartConfig = ChartConfiguration<'line', Point[]>;

/** `t` words the duration axis (shared with the trend charts' axes). */
export function distributionChartConfig(
  columns: readonly ForecastColumn[],
  wt: WorkingTime,
  t: TFunction<'snapshots'>,
): DistributionChartConfig {
  const shown = columns.filter(
    (c): c is ForecastColumn & { distribution: LeadTimeDistribution } => c.distribution !== null,
  );
  const longest = Math.max(0, ...shown.map((c) => c.distribution.histogram.toMinutes));
  const axis = durationAxis(longest, wt, t);
  const spike = Math.max(0, ...shown.map((c) => maxDensity(c.distribution, axis.size))) || 1;
  return {
    type: 'line',
    data: {
      datasets: shown.map((c) => ({
        label: c.key,
        data: outlinePoints(c.distribution.histogram, c.distribution.trials, axis.size, spike),
        stepped: 'after' as const,
        borderColor: COLUMN_COLOURS[c.key],
        backgroundColor: FILLS[c.key],
        borderWidth: 1.5,
        fill: 'origin',
        pointRadius: 0,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      events: [],
      layout: { padding: { top: 4, right: 6 } },
      scales: {
        x: {
          type: 'linear',
          // From zero (how far from instant) to the longest trial, not to the next round tick.
          min: 0,
          max: Math.ceil(longest / axis.size),
          bounds: 'data',
          grid: { color: GRID },
          border: { display: false },
          title: {
            display: true,
            text: axis.title,
            color: TEXT_MUTED,
            font: { family: FONT, size: 11 },
          },
          ticks: {
            color: TEXT_MUTED,
            font: { family: FONT, size: 11 },
            maxTicksLimit: 6,
            callback: (value) => axisTick(t, Math.round(Number(value) * 10) / 10, axis.unit),
          },
        },
        y: { display: false, beginAtZero: true, grace: '6%' },
      },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [
      p85Plugin(
        shown.map((c) => ({
          x: c.distribution.leadTimeMinutes.p85 / axis.size,
          colour: COLUMN_COLOURS[c.key],
        })),
      ),
    ],
  };
}
