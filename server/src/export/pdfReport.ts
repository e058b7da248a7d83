// The PDF's last page: the metrics of every state (the expected figures under the worst case where
// routes and rework make them differ; takt, capacity bottlenecks, what the kaizens would buy and
// what is not counted or incomplete under the table) and each comparison (a future state against
// the state it is based on) with absolute and relative changes and DORA levels. The figures and
// their wording come from shared's buildReport; this file only lays them out.
import {
  COLORS,
  type ComparisonReport,
  EXPECTED_NOTE,
  type MapReport,
  type StateReport,
  type Tone,
} from '@flowmap/shared';
import { displayT } from '@flowmap/shared/i18n';
import { drawForecasts, type ForecastSource } from './pdfForecast.ts';
import type { Cell, Column, PageWriter } from './pdfLayout.ts';

const TONE_COLORS: Record<Tone, string> = {
  better: COLORS.ok,
  worse: COLORS.danger,
  same: COLORS.muted,
  neutral: COLORS.text,
};

/** The report's words, in the locale the PDF is drawn in (pdf.ts: the map's). */
const words = () => displayT('exports');

/** "Current state (current state)": a state's name and its kind. */
function stateTitle(s: { name: string; kind: 'current' | 'future' }): string {
  const t = words();
  return t('pdf.stateWithKind', { name: s.name, kind: t(`kind.${s.kind}`) });
}

function metricsTable(w: PageWriter, report: MapReport): void {
  const t = words();
  w.heading(t('pdf.metricsByState'));
  const columns: Column[] = [
    { title: t('pdf.state'), width: 0.17 },
    { title: t('pdf.stages'), width: 0.05, align: 'right' },
    { title: t('pdf.totalLeadTime'), width: 0.09, align: 'right' },
    { title: t('pdf.valueAdd'), width: 0.09, align: 'right' },
    { title: t('pdf.waiting'), width: 0.09, align: 'right' },
    { title: t('pdf.flowEfficiency'), width: 0.08, align: 'right' },
    { title: t('pdf.rolledPctCA'), width: 0.08, align: 'right' },
    { title: t('pdf.topBottleneck'), width: 0.35 },
  ];
  w.table(
    columns,
    report.states.map((s) => {
      const expected = (text: string | undefined) =>
        text ? t('pdf.expectedValue', { value: text }) : undefined;
      const cell = (text: string, sub: string | undefined, bold = false): Cell =>
        sub === undefined ? { text, bold } : { text, bold, sub };
      return [
        { text: stateTitle(s), bold: true },
        { text: s.stages },
        cell(s.leadTime, expected(s.expected?.leadTime), true),
        cell(s.valueAdd, expected(s.expected?.valueAdd)),
        { text: s.waiting },
        cell(s.flowEfficiency, expected(s.expected?.flowEfficiency), true),
        { text: s.rolledPctCA },
        { text: s.topBottleneck },
      ];
    }),
  );
  if (report.states.some((s) => s.expected !== null)) {
    w.gap(4);
    w.text(EXPECTED_NOTE, { size: 8.5, color: COLORS.muted, gapAfter: 0 });
  }
  for (const s of report.states) stateDetails(w, s);
  w.gap(18);

  w.heading(t('pdf.doraByState'));
  const first = report.states[0];
  w.table(
    [
      { title: t('pdf.state'), width: 0.17 },
      ...(first?.dora ?? []).map((d) => ({ title: d.label, width: 0.83 / 4 })),
    ],
    report.states.map((s) => [
      { text: stateTitle(s), bold: true },
      ...s.dora.map((d): Cell => ({ text: d.value, level: d.level })),
    ]),
  );
  w.gap(6);
  w.text(t('pdf.mapNote', { source: report.doraSource }), {
    size: 8.5,
    color: COLORS.muted,
    gapAfter: 0,
  });
  w.gap(18);
}

/** What the table has no column for: takt, capacity, the kaizens' effect, what is left out. */
function stateDetails(w: PageWriter, s: StateReport): void {
  const t = words();
  const lines: [string, string][] = [];
  if (s.takt !== null) lines.push([t('pdf.takt', { value: s.takt }), COLORS.text]);
  for (const c of s.capacityBottlenecks) {
    lines.push([t('pdf.capacity', { text: c }), COLORS.capacity]);
  }
  if (s.projected !== null) lines.push([s.projected, COLORS.accent]);
  for (const note of s.notes) lines.push([note, COLORS.warn]);
  if (lines.length === 0) return;
  w.gap(8);
  w.text(stateTitle(s), { size: 9.5, face: 'bold', gapAfter: 1 });
  for (const [line, color] of lines) w.text(`•  ${line}`, { size: 9, color, gapAfter: 1 });
}

function comparisonTable(w: PageWriter, c: ComparisonReport): void {
  // A comparison reads as a whole: it moves to the next page rather than break, if it fits one.
  const rowsHigh = (c.metrics.length + c.dora.length + 2) * 21 + 30;
  w.heading(c.title, { keepWith: rowsHigh, capitals: false });
  const t = words();
  const columns: Column[] = [
    { title: t('pdf.metric'), width: 0.2 },
    { title: c.before.name, width: 0.2, align: 'right' },
    { title: c.after.name, width: 0.2, align: 'right' },
    { title: t('pdf.change'), width: 0.2, align: 'right' },
    { title: t('pdf.relativeChange'), width: 0.2, align: 'right' },
  ];
  const rows: Cell[][] = [
    ...c.metrics.map((m) => [
      { text: m.label },
      { text: m.before },
      { text: m.after, bold: true },
      { text: m.absolute, color: TONE_COLORS[m.tone], bold: m.tone !== 'same' },
      { text: m.relative, color: TONE_COLORS[m.tone] },
    ]),
    [{ text: t('pdf.doraRow'), bold: true, color: COLORS.muted }],
    ...c.dora.map((d) => [
      { text: d.label },
      { text: d.before, level: d.beforeLevel },
      { text: d.after, bold: true, level: d.afterLevel },
      { text: d.absolute, color: TONE_COLORS[d.tone], bold: d.tone !== 'same' },
      { text: d.relative, color: TONE_COLORS[d.tone] },
    ]),
  ];
  w.table(columns, rows);
  w.gap(6);
  const lines: [string, string[]][] = [
    [t('pdf.stagesChanged'), c.stagesChanged],
    [t('pdf.stagesAdded'), c.stagesAdded],
    [t('pdf.stagesRemoved'), c.stagesRemoved],
    [t('pdf.queuesChanged'), c.queuesChanged],
    [t('pdf.queuesAdded'), c.queuesAdded],
    [t('pdf.queuesRemoved'), c.queuesRemoved],
    [t('pdf.edgesChanged'), c.edgesChanged],
  ];
  for (const [label, items] of lines) {
    if (items.length === 0) continue;
    w.text(`${label}:`, { size: 9.5, face: 'bold', gapAfter: 1 });
    for (const item of items) w.text(`•  ${item}`, { size: 9.5, gapAfter: 1 });
    w.gap(3);
  }
  if (lines.every(([, items]) => items.length === 0)) {
    w.text(t('pdf.noDifference'), {
      size: 9.5,
      color: COLORS.muted,
    });
  }
  for (const note of c.notes) w.text(note, { size: 9, color: COLORS.warn });
  w.gap(18);
}

/**
 * Draws the report from the writer's position on; it starts new pages as it needs them. With
 * `forecast`, each state's lead-time forecast follows the metrics (pdfForecast.ts).
 */
export function drawReport(w: PageWriter, report: MapReport, forecast?: ForecastSource): void {
  w.type.use('bold', 22).fillColor(COLORS.text);
  w.type.text(report.title, w.left, w.y, { width: w.width });
  w.y += w.type.height(report.title, { width: w.width }) + 2;
  const t = words();
  w.text(t('pdf.reportTitle'), { size: 15, face: 'bold', color: COLORS.muted, gapAfter: 4 });
  w.text(
    t('pdf.workingTimeLine', {
      workingTime: report.workingTime,
      threshold: report.lowPctCAThreshold,
    }),
    { size: 9, color: COLORS.muted, gapAfter: 8 },
  );
  w.rule(COLORS.border, 0.8);
  w.gap(16);
  metricsTable(w, report);
  if (forecast) drawForecasts(w, forecast);
  if (report.comparisons.length === 0) {
    w.heading(t('pdf.comparison'), { keepWith: 20 });
    w.text(t('pdf.noFuture'), { color: COLORS.muted });
    return;
  }
  for (const comparison of report.comparisons) comparisonTable(w, comparison);
}
