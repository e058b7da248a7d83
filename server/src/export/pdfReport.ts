// The PDF's last page: the metrics of every state and each comparison (a future state against
// the state it is based on) with absolute and relative changes and DORA levels. The figures and
// their wording come from shared's buildReport; this file only lays them out.
import { COLORS, type ComparisonReport, type MapReport, type Tone } from '@flowmap/shared';
import type { Cell, Column, PageWriter } from './pdfLayout.ts';

const TONE_COLORS: Record<Tone, string> = {
  better: COLORS.ok,
  worse: COLORS.danger,
  same: COLORS.muted,
  neutral: COLORS.text,
};

const KIND = { current: 'current state', future: 'future state' } as const;

function metricsTable(w: PageWriter, report: MapReport): void {
  w.heading('Metrics by state');
  const columns: Column[] = [
    { title: 'State', width: 0.17 },
    { title: 'Stages', width: 0.05, align: 'right' },
    { title: 'Total lead time', width: 0.09, align: 'right' },
    { title: 'Value-add time', width: 0.09, align: 'right' },
    { title: 'Waiting time', width: 0.09, align: 'right' },
    { title: 'Flow efficiency', width: 0.08, align: 'right' },
    { title: 'Rolled %C/A', width: 0.08, align: 'right' },
    { title: 'Top bottleneck', width: 0.35 },
  ];
  w.table(
    columns,
    report.states.map((s) => [
      { text: `${s.name} (${KIND[s.kind]})`, bold: true },
      { text: s.stages },
      { text: s.leadTime, bold: true },
      { text: s.valueAdd },
      { text: s.waiting },
      { text: s.flowEfficiency, bold: true },
      { text: s.rolledPctCA },
      { text: s.topBottleneck },
    ]),
  );
  const notes = report.states.flatMap((s) => s.notes.map((n) => `${s.name}: ${n}`));
  if (notes.length > 0) {
    w.gap(4);
    for (const note of notes) w.text(note, { size: 9, color: COLORS.warn, gapAfter: 2 });
  }
  w.gap(18);

  w.heading('DORA four key metrics by state');
  const first = report.states[0];
  w.table(
    [
      { title: 'State', width: 0.17 },
      ...(first?.dora ?? []).map((d) => ({ title: d.label, width: 0.83 / 4 })),
    ],
    report.states.map((s) => [
      { text: `${s.name} (${KIND[s.kind]})`, bold: true },
      ...s.dora.map((d): Cell => ({ text: d.value, level: d.level })),
    ]),
  );
  w.gap(6);
  w.text(
    `“(map)”: lead time for changes taken from the state’s total lead time. ${report.doraSource}`,
    { size: 8.5, color: COLORS.muted, gapAfter: 0 },
  );
  w.gap(18);
}

function comparisonTable(w: PageWriter, c: ComparisonReport): void {
  // A comparison reads as a whole: it moves to the next page rather than break, if it fits one.
  const rowsHigh = (c.metrics.length + c.dora.length + 2) * 21 + 30;
  w.heading(c.title, { keepWith: rowsHigh, capitals: false });
  const columns: Column[] = [
    { title: 'Metric', width: 0.2 },
    { title: c.before.name, width: 0.2, align: 'right' },
    { title: c.after.name, width: 0.2, align: 'right' },
    { title: 'Change', width: 0.2, align: 'right' },
    { title: 'Relative change', width: 0.2, align: 'right' },
  ];
  const rows: Cell[][] = [
    ...c.metrics.map((m) => [
      { text: m.label },
      { text: m.before },
      { text: m.after, bold: true },
      { text: m.absolute, color: TONE_COLORS[m.tone], bold: m.tone !== 'same' },
      { text: m.relative, color: TONE_COLORS[m.tone] },
    ]),
    [{ text: 'DORA four key metrics', bold: true, color: COLORS.muted }],
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
    ['Stages changed', c.stagesChanged],
    ['Stages added', c.stagesAdded],
    ['Stages removed', c.stagesRemoved],
  ];
  for (const [label, items] of lines) {
    if (items.length === 0) continue;
    w.text(`${label}:`, { size: 9.5, face: 'bold', gapAfter: 1 });
    for (const item of items) w.text(`•  ${item}`, { size: 9.5, gapAfter: 1 });
    w.gap(3);
  }
  if (c.stagesChanged.length + c.stagesAdded.length + c.stagesRemoved.length === 0) {
    w.text('No stage differs between the two states.', { size: 9.5, color: COLORS.muted });
  }
  for (const note of c.notes) w.text(note, { size: 9, color: COLORS.warn });
  w.gap(18);
}

/** Draws the report from the writer's position on; it starts new pages as it needs them. */
export function drawReport(w: PageWriter, report: MapReport): void {
  w.doc.font(w.faces.bold).fontSize(22).fillColor(COLORS.text);
  w.doc.text(report.title, w.left, w.y, { width: w.width });
  w.y += w.doc.heightOfString(report.title, { width: w.width }) + 2;
  w.text('Metrics and comparison', { size: 15, face: 'bold', color: COLORS.muted, gapAfter: 4 });
  w.text(
    `Durations in working time (${report.workingTime}; w weeks, d days, h hours, m minutes) · ` +
      `%C/A below ${report.lowPctCAThreshold}% marks a quality bottleneck`,
    { size: 9, color: COLORS.muted, gapAfter: 8 },
  );
  w.rule(COLORS.border, 0.8);
  w.gap(16);
  metricsTable(w, report);
  if (report.comparisons.length === 0) {
    w.heading('Comparison', { keepWith: 20 });
    w.text(
      'No future state yet: once the map has one, it is compared here with its current state.',
      {
        color: COLORS.muted,
      },
    );
    return;
  }
  for (const comparison of report.comparisons) comparisonTable(w, comparison);
}
