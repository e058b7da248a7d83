// One metric across the reviews as a line chart (Chart.js, loaded on first use): one point per
// snapshot and a hollow one for now, joined by a dashed segment because now is not a review yet.
// Durations are plotted in a working-time unit picked for the values, ratios in percent, and the
// four key metrics over their DORA level bands. The figure reports how many points Chart.js drew.
import type { DoraKey, DoraLevel, WorkingTime } from '@flowmap/shared';
import { useEffect, useRef, useState } from 'react';
import { formatDay } from './names.ts';
import {
  doraBands,
  durationAxis,
  formatTrendValue,
  type TrendMetric,
  type TrendPoint,
  trendChange,
} from './trend.ts';

type ChartModule = typeof import('./chart.ts');
let loading: Promise<ChartModule> | null = null;
const loadChart = () => {
  loading ??= import('./chart.ts');
  return loading;
};

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
const LEVEL_NAMES: Record<DoraLevel, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
const ACCENT = '#2456d6';
const TEXT_MUTED = '#5b6474';
const GRID = '#e7eaef';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export interface PlotScale {
  /** Plotted value of a metric value (minutes → axis units, fraction → percent). */
  toPlot(value: number): number;
  tick(plotted: number): string;
  title: string;
}

export function plotScale(
  metric: TrendMetric,
  points: readonly TrendPoint[],
  wt: WorkingTime,
): PlotScale {
  if (metric.unit === 'duration') {
    const max = Math.max(0, ...points.map((p) => p.values[metric.key] ?? 0));
    const axis = durationAxis(max, wt);
    return {
      toPlot: (v) => v / axis.size,
      tick: (p) => `${Math.round(p * 100) / 100}${axis.unit}`,
      title: axis.title,
    };
  }
  if (metric.unit === 'ratio') {
    return {
      toPlot: (v) => v * 100,
      tick: (p) => `${Math.round(p * 10) / 10}%`,
      title: 'percent',
    };
  }
  return {
    toPlot: (v) => v,
    tick: (p) => `${Math.round(p * 100) / 100}`,
    title: 'deployments per week',
  };
}

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
  const last = [...points].reverse().find((p) => p.values[metric.key] !== null);
  const change = trendChange(points, metric);
  const doraKey = metric.group === 'dora' ? (metric.key as DoraKey) : null;
  const lastLevel = last && doraKey ? last.levels[doraKey] : null;
  const described = points
    .map((p) => `${p.label}: ${formatTrendValue(metric, p.values[metric.key], wt)}`)
    .join('; ');

  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    setDrawn(null);
    loadChart().then(
      ({ Chart }) => {
        const element = canvas.current;
        if (cancelled || !element) return;
        const scale = plotScale(metric, points, wt);
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
        // Where more is better (deployments), show the next level up when it is within reach of
        // the chart, so the team sees its goal; less-is-better levels show from zero anyway.
        const plotted = points.flatMap((p) => {
          const v = p.values[metric.key];
          return v === null ? [] : [scale.toPlot(v)];
        });
        const top = Math.max(0, ...plotted);
        const above = bands.find((b) => b.from > top);
        const goal =
          metric.better === 'higher' && above && top > 0 && above.from <= top * 4
            ? above.from
            : null;
        const created = new Chart(element, {
          type: 'line',
          data: {
            labels: points.map((p) =>
              p.isNow || p.createdAt === null ? 'Now' : [shorten(p.label), formatDay(p.createdAt)],
            ),
            datasets: [
              {
                label: metric.label,
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
                      ? 'Now (the live map)'
                      : `${p.label} — ${formatDay(p.createdAt)}`;
                  },
                  label: (item) => {
                    const p = points[item.dataIndex];
                    const shown = formatTrendValue(metric, p?.values[metric.key] ?? null, wt);
                    const l = level(item.dataIndex);
                    return l ? `${shown} · ${LEVEL_NAMES[l]}` : shown;
                  },
                },
              },
            },
          },
          plugins: [
            {
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
                    ctx.fillText(LEVEL_NAMES[band.level], chartArea.right - 4, top + 3);
                    ctx.globalAlpha = 1;
                  }
                }
                ctx.restore();
              },
            },
          ],
        });
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
  }, [metric, points, wt, doraKey]);

  return (
    <figure
      className={`trend-chart${wide ? ' trend-wide' : ''}`}
      data-metric={metric.key}
      data-points={drawn ?? undefined}
      aria-busy={drawn === null && !failed}
    >
      <figcaption className="trend-caption">
        <span className="trend-label">{metric.label}</span>
        <span className="trend-latest">
          {last ? formatTrendValue(metric, last.values[metric.key], wt) : '—'}
          {lastLevel && (
            <span className={`dora-badge dora-${lastLevel}`}>{LEVEL_NAMES[lastLevel]}</span>
          )}
        </span>
        {change && (
          <span className={`trend-change tone-${change.tone}`}>
            {change.tone === 'same'
              ? `unchanged since ${change.from.label}`
              : `${change.relative === null ? '' : `${signed(change.relative)} `}since ${change.from.label}`}
          </span>
        )}
      </figcaption>
      <div className="trend-canvas">
        {failed ? (
          <p className="form-error">
            The chart could not be loaded; the table below has the figures.
          </p>
        ) : (
          <canvas ref={canvas} role="img" aria-label={`${metric.label}: ${described}`} />
        )}
      </div>
    </figure>
  );
}

function shorten(label: string): string {
  const chars = Array.from(label);
  return chars.length > 22 ? `${chars.slice(0, 21).join('')}…` : label;
}

function signed(relative: number): string {
  const pct = Math.round(relative * 100);
  if (pct === 0) return relative < 0 ? '−<1%' : '+<1%';
  return `${pct < 0 ? '−' : '+'}${Math.abs(pct)}%`;
}
