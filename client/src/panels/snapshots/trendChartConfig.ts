// What Chart.js is told to draw for one metric across the reviews: the points (now hollow, joined
// by a dashed segment because now is not a review yet), the axis in a unit picked for the values,
// the tooltips, and for the four key metrics their DORA level bands behind the line. Only types
// come from Chart.js here, so this module costs the bundle nothing until the chart is drawn.
import { type DoraKey, type DoraLevel, formatPercentage, type WorkingTime } from '@flowmap/shared';
import { formatNumber } from '@flowmap/shared/i18n';
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { TFunction } from 'i18next';
import { CHART_FONT } from './chartFont.ts';
import { formatDay } from './names.ts';
import {
  axisTick,
  doraBands,
  durationAxis,
  formatTrendValue,
  type TrendMetric,
  type TrendPoint,
  trendLabel,
} from './trend.ts';

const LEVEL_COLOURS: Record<DoraLevel, string> = {
  elite: '#1e7d3c',
  high: '#2456d6',
  medium: '#b26a00',
  low: '#c62828',
};
const LEVEL_TINTS: Record<DoraLevel, string> = {
  elite: 'rgba(30, 125, 60, 0.07)',
  high: 'rgba(36, 86, 214, 0.06)',
  medium: 'rgba(178, 106, 0, 0.07)',
  low: 'rgba(198, 40, 40, 0.06)',
};
type SnapshotsT = TFunction<'snapshots'>;

/** A DORA level's name: "Elite", "엘리트". */
export function levelName(t: SnapshotsT, level: DoraLevel): string {
  return t(`trend.levels.${level}`);
}
const ACCENT = '#2456d6';
const TEXT_MUTED = '#5b6474';
const GRID = '#e7eaef';
const FONT = CHART_FONT;

export interface PlotScale {
  /** Plotted value of a metric value (minutes → axis units, fraction → percent). */
  toPlot(value: number): number;
  tick(plotted: number): string;
  title: string;
}

export function plotScale(
  t: SnapshotsT,
  metric: TrendMetric,
  points: readonly TrendPoint[],
  wt: WorkingTime,
): PlotScale {
  if (metric.unit === 'duration') {
    const max = Math.max(0, ...points.map((p) => p.values[metric.key] ?? 0));
    const axis = durationAxis(max, wt, t);
    return {
      toPlot: (v) => v / axis.size,
      tick: (p) => axisTick(t, Math.round(p * 100) / 100, axis.unit),
      title: axis.title,
    };
  }
  if (metric.unit === 'ratio') {
    return {
      toPlot: (v) => v * 100,
      tick: (p) => formatPercentage(p, 1),
      title: t('trend.percent'),
    };
  }
  return {
    toPlot: (v) => v,
    tick: (p) => formatNumber(Math.round(p * 100) / 100),
    title: t('trend.deploymentsPerWeek'),
  };
}

/** A DORA level's band on the plotted axis. */
interface Band {
  level: DoraLevel;
  from: number;
  to: number;
}

/** Tints each level's band behind the line, named at its right end when there is room. */
function doraBandsPlugin(t: SnapshotsT, bands: readonly Band[]): Plugin<'line'> {
  return {
    id: 'doraBands',
    beforeDatasetsDraw(c) {
      if (bands.length === 0) return;
      const { ctx, chartArea, scales } = c;
      const y = scales.y;
      if (!y) return;
      ctx.save();
      for (const band of bands) {
        const lo = Math.max(band.from, y.min);
        const hi = Math.min(band.to, y.max);
        if (hi <= lo) continue;
        const top = y.getPixelForValue(hi);
        const bottom = y.getPixelForValue(lo);
        ctx.fillStyle = LEVEL_TINTS[band.level];
        ctx.fillRect(chartArea.left, top, chartArea.width, bottom - top);
        if (bottom - top >= 14) {
          ctx.fillStyle = LEVEL_COLOURS[band.level];
          ctx.globalAlpha = 0.75;
          ctx.font = `600 10px ${FONT}`;
          ctx.textAlign = 'right';
          ctx.textBaseline = 'top';
          ctx.fillText(levelName(t, band.level), chartArea.right - 4, top + 3);
          ctx.globalAlpha = 1;
        }
      }
      ctx.restore();
    },
  };
}

function shorten(label: string): string {
  const chars = Array.from(label);
  return chars.length > 22 ? `${chars.slice(0, 21).join('')}…` : label;
}

export type TrendChartConfig = ChartConfiguration<'line', (number | null)[], string | string[]>;

export function trendChartConfig(
  t: SnapshotsT,
  metric: TrendMetric,
  points: readonly TrendPoint[],
  wt: WorkingTime,
): TrendChartConfig {
  const doraKey = metric.group === 'dora' ? (metric.key as DoraKey) : null;
  const scale = plotScale(t, metric, points, wt);
  const nowIndex = points.findIndex((p) => p.isNow);
  const level = (i: number) => (doraKey ? (points[i]?.levels[doraKey] ?? null) : null);
  const colourAt = (i: number) => {
    const l = level(i);
    return l ? LEVEL_COLOURS[l] : ACCENT;
  };
  const bands = doraKey
    ? doraBands(doraKey, wt).map((b) => ({
        level: b.level,
        from: scale.toPlot(b.from),
        to: Number.isFinite(b.to) ? scale.toPlot(b.to) : Number.POSITIVE_INFINITY,
      }))
    : [];
  // Where more is better (deployments), show the next level up when it is within reach of the
  // chart, so the team sees its goal; less-is-better levels show from zero anyway.
  const plotted = points.flatMap((p) => {
    const v = p.values[metric.key];
    return v === null ? [] : [scale.toPlot(v)];
  });
  const top = Math.max(0, ...plotted);
  const above = bands.find((b) => b.from > top);
  const goal =
    metric.better === 'higher' && above && top > 0 && above.from <= top * 4 ? above.from : null;

  return {
    type: 'line',
    data: {
      labels: points.map((p) =>
        p.isNow || p.createdAt === null
          ? t('trend.now')
          : [shorten(p.label), formatDay(p.createdAt)],
      ),
      datasets: [
        {
          label: trendLabel(t, metric.key),
          data: points.map((p) => {
            const v = p.values[metric.key];
            return v === null ? null : scale.toPlot(v);
          }),
          borderColor: ACCENT,
          borderWidth: 2.5,
          tension: 0,
          pointRadius: 5,
          pointHoverRadius: 7,
          pointBorderWidth: 2,
          pointBackgroundColor: points.map((p, i) => (p.isNow ? '#ffffff' : colourAt(i))),
          pointBorderColor: points.map((_, i) => colourAt(i)),
          segment: {
            borderDash: (ctx) => (ctx.p1DataIndex === nowIndex ? [6, 5] : undefined),
          },
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 6, right: 8 } },
      font: { family: FONT },
      scales: {
        x: {
          // Half a step of room at both ends, so the first and last points are not cut.
          offset: true,
          grid: { display: false },
          ticks: { color: TEXT_MUTED, font: { family: FONT, size: 11 }, maxRotation: 0 },
        },
        y: {
          beginAtZero: true,
          ...(goal === null ? {} : { suggestedMax: goal }),
          grace: '8%',
          grid: { color: GRID },
          border: { display: false },
          title: {
            display: true,
            text: scale.title,
            color: TEXT_MUTED,
            font: { family: FONT, size: 11 },
          },
          ticks: {
            color: TEXT_MUTED,
            font: { family: FONT, size: 11 },
            maxTicksLimit: 6,
            callback: (value) => scale.tick(Number(value)),
          },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => {
              const p = points[items[0]?.dataIndex ?? -1];
              if (!p) return '';
              return p.isNow || p.createdAt === null
                ? t('trend.nowTip')
                : t('trend.pointTip', { label: p.label, day: formatDay(p.createdAt) });
            },
            label: (item) => {
              const p = points[item.dataIndex];
              const shown = formatTrendValue(t, metric, p?.values[metric.key] ?? null, wt);
              const l = level(item.dataIndex);
              return l ? t('trend.valueTip', { value: shown, level: levelName(t, l) }) : shown;
            },
          },
        },
      },
    },
    plugins: [doraBandsPlugin(t, bands)],
  };
}
