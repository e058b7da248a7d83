import type { MetricChange, WorkingTime } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import {
  fieldRelative,
  fieldTone,
  formatFieldValue,
  formatMetricValue,
  formatRatio,
  formatRelativeChange,
  metricRow,
  toneOf,
} from './compareFormat.ts';

const wt: WorkingTime = { hoursPerDay: 8, daysPerWeek: 5 };
const H = 60;
const D = 8 * H;
const W = 5 * D;

function change(partial: Partial<MetricChange> & Pick<MetricChange, 'key'>): MetricChange {
  const before = partial.before ?? null;
  const after = partial.after ?? null;
  const absoluteChange = before !== null && after !== null ? after - before : null;
  const better = partial.better ?? 'lower';
  return {
    label: 'Total lead time',
    before,
    after,
    absoluteChange,
    relativeChange:
      absoluteChange !== null && before !== null && before !== 0 ? absoluteChange / before : null,
    better,
    improved:
      absoluteChange === null ? null : better === 'lower' ? absoluteChange < 0 : absoluteChange > 0,
    ...partial,
  };
}

describe('metricRow', () => {
  it('reads a shorter lead time as an improvement, in working time', () => {
    const row = metricRow(
      change({ key: 'totalLeadTimeMinutes', before: 4 * W + 2 * D, after: W + 3 * D }),
      wt,
    );
    expect(row.before).toBe('4w 2d');
    expect(row.after).toBe('1w 3d');
    expect(row.absolute).toBe('−2w 4d');
    expect(row.relative).toBe('−64%');
    expect(row.tone).toBe('better');
    expect(row.arrow).toBe('↓');
    expect(row.summary).toBe('Lead time 4w 2d → 1w 3d, −64%');
  });

  it('reads a longer lead time as worse', () => {
    const row = metricRow(change({ key: 'totalLeadTimeMinutes', before: 2 * D, after: 3 * D }), wt);
    expect(row.absolute).toBe('+1d');
    expect(row.relative).toBe('+50%');
    expect(row.tone).toBe('worse');
    expect(row.arrow).toBe('↑');
  });

  it('shows ratios as percent and their difference in percentage points', () => {
    const row = metricRow(
      change({
        key: 'flowEfficiency',
        label: 'Flow efficiency',
        better: 'higher',
        before: 0.052,
        after: 0.2,
      }),
      wt,
    );
    expect(row.before).toBe('5.2%');
    expect(row.after).toBe('20%');
    expect(row.absolute).toBe('+14.8 pp');
    expect(row.relative).toBe('+285%');
    expect(row.tone).toBe('better');
    expect(row.arrow).toBe('↑');
  });

  it('treats a lower rolled %C/A as worse', () => {
    const row = metricRow(
      change({
        key: 'rolledPctCA',
        label: 'Rolled %C/A',
        better: 'higher',
        before: 0.5,
        after: 0.4,
      }),
      wt,
    );
    expect(row.absolute).toBe('−10 pp');
    expect(row.relative).toBe('−20%');
    expect(row.tone).toBe('worse');
    expect(row.arrow).toBe('↓');
  });

  it('says "no change" for an equal value', () => {
    const row = metricRow(change({ key: 'stageCount', label: 'Stages', before: 6, after: 6 }), wt);
    expect(row.absolute).toBe('no change');
    expect(row.relative).toBe('0%');
    expect(row.tone).toBe('same');
    expect(row.arrow).toBe('');
    expect(row.summary).toBe('Stages 6 → 6, no change');
  });

  it('counts stages as integers', () => {
    const row = metricRow(change({ key: 'stageCount', label: 'Stages', before: 6, after: 4 }), wt);
    expect(row.absolute).toBe('−2');
    expect(row.relative).toBe('−33%');
    expect(row.tone).toBe('better');
  });

  it('is neutral when a side is missing, and has no relative change from zero', () => {
    const missing = metricRow(
      change({ key: 'flowEfficiency', better: 'higher', before: null, after: 0.3 }),
      wt,
    );
    expect(missing.before).toBe('—');
    expect(missing.absolute).toBe('');
    expect(missing.relative).toBe('');
    expect(missing.tone).toBe('neutral');

    const fromZero = metricRow(change({ key: 'totalLeadTimeMinutes', before: 0, after: D }), wt);
    expect(fromZero.relative).toBe('');
    expect(fromZero.absolute).toBe('+1d');
    expect(fromZero.summary).toBe('Lead time 0m → 1d');
  });
});

describe('number formatting', () => {
  it('formats ratios with one decimal only below 10%', () => {
    expect(formatRatio(0.0523)).toBe('5.2%');
    expect(formatRatio(0.456)).toBe('46%');
    expect(formatRatio(1)).toBe('100%');
  });

  it('formats relative changes with a real minus sign', () => {
    expect(formatRelativeChange(-0.625)).toBe('−63%');
    expect(formatRelativeChange(0.004)).toBe('+0.4%');
    expect(formatRelativeChange(2)).toBe('+200%');
    expect(formatRelativeChange(0)).toBe('0%');
  });

  it('formats metric values by kind', () => {
    expect(formatMetricValue('totalWaitingMinutes', 90, wt)).toBe('1h 30m');
    expect(formatMetricValue('stageCount', 7, wt)).toBe('7');
    expect(formatMetricValue('rolledPctCA', null, wt)).toBe('—');
  });

  it('uses the map working time', () => {
    expect(
      formatMetricValue('totalLeadTimeMinutes', 24 * H, { hoursPerDay: 24, daysPerWeek: 7 }),
    ).toBe('1d');
  });
});

describe('toneOf', () => {
  it('maps improved/absolute change to a tone', () => {
    expect(toneOf({ absoluteChange: -5, improved: true })).toBe('better');
    expect(toneOf({ absoluteChange: 5, improved: false })).toBe('worse');
    expect(toneOf({ absoluteChange: 0, improved: false })).toBe('same');
    expect(toneOf({ absoluteChange: null, improved: null })).toBe('neutral');
  });
});

describe('stage fields', () => {
  it('formats durations exactly and %C/A as percent', () => {
    expect(formatFieldValue('elapsedMinutes', 5 * D + 10, wt)).toBe('5d 10m');
    expect(formatFieldValue('valueAddMinutes', 45, wt)).toBe('45m');
    expect(formatFieldValue('pctCA', 70, wt)).toBe('70%');
    expect(formatFieldValue('pctCA', 79.99, wt)).toBe('79.99%');
    expect(formatFieldValue('team', null, wt)).toBe('—');
    expect(formatFieldValue('name', 'QA', wt)).toBe('QA');
  });

  it('shortens long notes', () => {
    const text = formatFieldValue('notes', 'x'.repeat(200), wt);
    expect(Array.from(text)).toHaveLength(80);
    expect(text.endsWith('…')).toBe(true);
  });

  it('judges LT and PT lower-is-better, %C/A higher-is-better, text neutral', () => {
    expect(fieldTone('elapsedMinutes', 5 * D, D)).toBe('better');
    expect(fieldTone('valueAddMinutes', 30, 60)).toBe('worse');
    expect(fieldTone('pctCA', 70, 95)).toBe('better');
    expect(fieldTone('pctCA', 95, 70)).toBe('worse');
    expect(fieldTone('name', 'A', 'B')).toBe('neutral');
    expect(fieldTone('elapsedMinutes', null, 60)).toBe('neutral');
  });

  it('gives the relative change of numeric fields', () => {
    expect(fieldRelative(5 * D, D)).toBe('−80%');
    expect(fieldRelative(70, 95)).toBe('+36%');
    expect(fieldRelative(0, 10)).toBe('');
    expect(fieldRelative('a', 'b')).toBe('');
  });
});
