// The forecast on the PDF's metrics page: per state, its lead-time distribution drawn as vectors
// (the histogram's outline, the plan's projected one over it, the 85th percentiles dashed), the
// sentence "85% of items within …", the percentiles, and what each kaizen buys alone. The figures
// are shared's forecastMap with the CLI's and the editor's trials and seed, so all three agree.
import {
  COLORS,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  type FlowMap,
  forecastMap,
  formatForecastDuration,
  formatKaizenEffect,
  formatWithin,
  type LeadTimeDistribution,
  type StateForecast,
} from '@flowmap/shared';
import { displayT } from '@flowmap/shared/i18n';
import type { PageWriter } from './pdfLayout.ts';

export interface ForecastSource {
  map: FlowMap;
  /** The states the PDF shows, in its order. */
  stateIds: readonly string[];
}

const CHART = { width: 340, height: 96, axis: 16 } as const;
const BLOCK_GAP = 14;
const TEXT_X = CHART.width + 24;
const words = () => displayT('exports');

export function forecastsFor({ map, stateIds }: ForecastSource): StateForecast[] {
  const all = forecastMap(map, { trials: DEFAULT_TRIALS, seed: DEFAULT_SEED });
  return stateIds.flatMap((id) => all.filter((f) => f.stateId === id));
}

export function drawForecasts(w: PageWriter, source: ForecastSource): void {
  const forecasts = forecastsFor(source).filter((f) => f.distribution !== null);
  if (forecasts.length === 0) return;
  // Without a range, a rate, a route or a kaizen's effect every item takes the lead time the table
  // already shows: a chart of one spike per state would fill the page and say nothing more.
  const varies = (f: StateForecast) =>
    f.projected !== null ||
    (f.distribution !== null &&
      f.distribution.histogram.toMinutes > f.distribution.histogram.fromMinutes);
  if (!forecasts.some(varies)) {
    w.text(words()('forecast.flat'), { size: 8.5, color: COLORS.muted, gapAfter: 0 });
    w.gap(18);
    return;
  }
  w.heading(words()('forecast.heading'), { keepWith: CHART.height + CHART.axis + 20 });
  // One time axis for every state, so their charts compare at a glance down the page.
  const longest = Math.max(
    1,
    ...forecasts.flatMap((f) => [
      f.distribution?.histogram.toMinutes ?? 0,
      f.projected?.distribution?.histogram.toMinutes ?? 0,
    ]),
  );
  for (const f of forecasts) drawState(w, f, source.map.meta, longest);
  w.text(
    words()('forecast.method', {
      trials: DEFAULT_TRIALS.toLocaleString('en'),
      seed: DEFAULT_SEED,
    }),
    { size: 8.5, color: COLORS.muted, gapAfter: 0 },
  );
  w.gap(18);
}

function drawState(w: PageWriter, f: StateForecast, meta: FlowMap['meta'], longest: number): void {
  const distribution = f.distribution as LeadTimeDistribution;
  const projected = f.projected?.distribution ?? null;
  const lt = distribution.leadTimeMinutes;
  const d = (minutes: number) => formatForecastDuration(minutes, meta);
  const t = words();
  const lines: { text: string; size: number; bold?: boolean; color?: string }[] = [
    {
      text: t('pdf.stateWithKind', { name: f.name, kind: t(`kind.${f.kind}`) }),
      size: 9.5,
      bold: true,
    },
    { text: formatWithin(distribution, meta), size: 12, bold: true },
    {
      text: t('forecast.percentiles', {
        p50: d(lt.p50),
        p85: d(lt.p85),
        p95: d(lt.p95),
        mean: d(lt.mean),
      }),
      size: 9.5,
    },
  ];
  if (projected) {
    lines.push({
      text: t('forecast.projected', {
        within: formatWithin(projected, meta),
        mean: d(projected.leadTimeMinutes.mean),
      }),
      size: 9.5,
      color: COLORS.warn,
    });
  }
  if (f.kaizenEffects.length > 0) {
    lines.push({ text: t('forecast.kaizens'), size: 9, bold: true });
    f.kaizenEffects.forEach((k, i) => {
      lines.push({ text: `${i + 1}. ${formatKaizenEffect(k, meta)}`, size: 9 });
    });
  }
  const { doc, type } = w;
  const textWidth = w.width - TEXT_X;
  const measure = (line: (typeof lines)[number]) => {
    type.use(line.bold ? 'bold' : 'regular', line.size);
    return type.height(line.text, { width: textWidth }) + 2;
  };
  const textHeight = lines.reduce((sum, line) => sum + measure(line), 0);
  const height = Math.max(CHART.height + CHART.axis, textHeight);
  w.ensure(height + BLOCK_GAP);
  const top = w.y;
  drawChart(w, { x: w.left, y: top, longest }, distribution, projected, meta);
  let y = top;
  for (const line of lines) {
    const lineHeight = measure(line);
    doc.fillColor(line.color ?? COLORS.text);
    type.text(line.text, w.left + TEXT_X, y, { width: textWidth });
    y += lineHeight;
  }
  w.y = top + height + BLOCK_GAP;
}

/** The histogram outline(s) on a 0…`longest` axis, with a baseline and five duration ticks. */
function drawChart(
  w: PageWriter,
  { x, y, longest }: { x: number; y: number; longest: number },
  distribution: LeadTimeDistribution,
  projected: LeadTimeDistribution | null,
  meta: FlowMap['meta'],
): void {
  const { doc, type } = w;
  const shown = projected ? [distribution, projected] : [distribution];
  const px = (minutes: number) => x + (minutes / longest) * CHART.width;
  const density = (s: LeadTimeDistribution) => {
    const width = (s.histogram.toMinutes - s.histogram.fromMinutes) / s.histogram.counts.length;
    return width > 0 ? Math.max(...s.histogram.counts) / s.trials / width : 0;
  };
  const tallest = Math.max(...shown.map(density));
  const base = y + CHART.height;
  const colours = [COLORS.muted, COLORS.warn];
  shown.forEach((s, i) => {
    const colour = colours[i] as string;
    const outline = outlineOf(s, tallest, CHART.height);
    doc.save();
    doc.moveTo(px(outline[0]?.[0] ?? 0), base);
    for (const [minutes, h] of outline) doc.lineTo(px(minutes), base - h);
    doc.lineTo(px(outline[outline.length - 1]?.[0] ?? 0), base).closePath();
    doc.fillOpacity(0.2).fillAndStroke(colour, colour);
    doc.restore();
    doc
      .save()
      .moveTo(px(s.leadTimeMinutes.p85), y)
      .lineTo(px(s.leadTimeMinutes.p85), base)
      .dash(3, { space: 2 })
      .lineWidth(1)
      .strokeColor(colour)
      .stroke()
      .undash()
      .restore();
  });
  doc
    .moveTo(x, base)
    .lineTo(x + CHART.width, base)
    .lineWidth(0.8)
    .strokeColor(COLORS.text)
    .stroke();
  type.use('regular', 7.5).fillColor(COLORS.muted);
  for (let k = 0; k <= 4; k++) {
    const minutes = (longest * k) / 4;
    const label = formatForecastDuration(minutes, meta);
    const labelWidth = type.width(label);
    const at = Math.min(Math.max(px(minutes) - labelWidth / 2, x), x + CHART.width - labelWidth);
    type.text(label, at, base + 4, { lineBreak: false });
  }
}

/**
 * Points [minutes, height] along a histogram's top: each bin's height is its density (share per
 * minute) scaled so the tallest of the drawn ones fills the chart; no spread is a full-height spike.
 */
function outlineOf(s: LeadTimeDistribution, tallest: number, height: number): [number, number][] {
  const { fromMinutes: from, toMinutes: to, counts } = s.histogram;
  if (!(to > from) || !(tallest > 0))
    return [
      [from, height],
      [from, height],
    ];
  const width = (to - from) / counts.length;
  const points: [number, number][] = [];
  counts.forEach((count, i) => {
    const h = (count / s.trials / width / tallest) * height;
    points.push([from + i * width, h], [from + (i + 1) * width, h]);
  });
  return points;
}
