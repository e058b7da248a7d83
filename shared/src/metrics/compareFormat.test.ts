import { describe, expect, it } from 'vitest';
import { inLocale } from '../i18n/locale.ts';
import type { WorkingTime } from '../model/types.ts';
import type { MetricChange } from './compare.ts';
import {
  EXPECTED_NOTE,
  edgeRow,
  expectedNote,
  FIELD_LABELS,
  fieldRelative,
  fieldTone,
  formatChange,
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
    expect(formatRatio(null)).toBe('—');
  });

  it('never rounds a ratio to 0% or 100% that is neither', () => {
    expect(formatRatio(0.0004)).toBe('0.04%');
    expect(formatRatio(0.00083)).toBe('0.083%');
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(0.996)).toBe('>99%');
  });

  it('formats relative changes with a real minus sign', () => {
    expect(formatRelativeChange(-0.625)).toBe('−63%');
    expect(formatRelativeChange(0.004)).toBe('+0.4%');
    expect(formatRelativeChange(-0.00042)).toBe('−0.042%');
    expect(formatRelativeChange(2)).toBe('+200%');
    expect(formatRelativeChange(0)).toBe('0%');
  });

  it('formats a change in its unit', () => {
    expect(formatChange('duration', -(2 * W + 4 * D + 3 * H), wt)).toBe('−2w 4d 3h');
    expect(formatChange('ratio', 0.125, wt)).toBe('+12.5 pp');
    expect(formatChange('ratio', -0.0008, wt)).toBe('−0.08 pp');
    expect(formatChange('perWeek', 4.5, wt)).toBe('+4.5 per week');
    expect(formatChange('perWeek', -1 / 3, wt)).toBe('−0.33 per week');
    expect(formatChange('count', -2, wt)).toBe('−2');
    expect(formatChange('ratio', 0, wt)).toBe('no change');
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
    expect(formatFieldValue('elapsedMinutes', 5 * D + 10, wt)).toBe('1w 10m');
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

describe('model v2 in a comparison', () => {
  it('words the expected figures like the worst-case ones', () => {
    const row = metricRow(
      change({
        key: 'expectedLeadTimeMinutes',
        label: 'Expected lead time',
        before: 2 * W,
        after: W,
      }),
      wt,
    );
    expect(row).toMatchObject({
      label: 'Expected lead time',
      before: '2w',
      after: '1w',
      absolute: '−1w',
      relative: '−50%',
      tone: 'better',
      summary: 'Expected lead time 2w → 1w, −50%',
    });
    expect(formatMetricValue('expectedFlowEfficiency', 0.0008, wt)).toBe('0.08%');
    expect(EXPECTED_NOTE).toMatch(/worst case/);
  });

  it('formats the v2 stage and queue fields', () => {
    expect(formatFieldValue('elapsedHighMinutes', 2 * D, wt)).toBe('2d');
    expect(formatFieldValue('wait', 2 * W, wt)).toBe('2w');
    expect(formatFieldValue('outside', true, wt)).toBe('yes');
    expect(formatFieldValue('outside', false, wt)).toBe('no');
    expect(formatFieldValue('timeSource', 'measured', wt)).toBe('measured');
    expect(formatFieldValue('timeSource', 'estimate', wt)).toBe('estimated');
    expect(formatFieldValue('people', 3, wt)).toBe('3');
    expect(FIELD_LABELS.wipItems).toBe('Work in progress');
  });

  it('judges batches, work in progress and waits lower-is-better, people neutral', () => {
    expect(fieldTone('batchSize', 10, 1)).toBe('better');
    expect(fieldTone('wipItems', 3, 6)).toBe('worse');
    expect(fieldTone('wait', D, 2 * D)).toBe('worse');
    expect(fieldTone('items', 10, 5)).toBe('better');
    expect(fieldTone('people', 2, 3)).toBe('neutral');
    expect(fieldTone('outside', false, true)).toBe('neutral');
  });

  it('words a rework rate change as its own entry', () => {
    const rework = edgeRow(
      {
        kind: 'rework',
        from: { id: 'tests', name: 'Manual tests' },
        to: { id: 'build', name: 'Build' },
        before: 0.2,
        after: 0.05,
      },
      wt,
    );
    expect(rework).toEqual({
      kind: 'rework',
      label: 'Rework Manual tests → Build',
      field: 'Rework rate',
      before: '20%',
      after: '5%',
      absolute: '−15 pp',
      tone: 'better',
      summary: 'Rework Manual tests → Build: 20% → 5%',
    });
    const route = edgeRow(
      {
        kind: 'route',
        from: { id: 'cab', name: 'Change board' },
        to: { id: 'std', name: 'Standard change' },
        before: null,
        after: 0.8,
      },
      wt,
    );
    expect(route).toMatchObject({
      label: 'Route Change board → Standard change',
      field: 'Route share',
      before: '—',
      after: '80%',
      absolute: '',
      tone: 'neutral',
      summary: 'Route Change board → Standard change: — → 80%',
    });
  });
});

// The same rows in Korean: what the Compare view shows a Korean user and a Korean map's PDF prints.
describe('comparisons in Korean', () => {
  it('words a metric row, its change and its summary', () => {
    const row = inLocale('ko', () =>
      metricRow(
        change({ key: 'totalLeadTimeMinutes', before: 4 * W + 2 * D, after: W + 3 * D }),
        wt,
      ),
    );
    expect(row).toMatchObject({
      label: '총 리드 타임',
      before: '4주 2일',
      after: '1주 3일',
      absolute: '−2주 4일',
      relative: '−64%',
      summary: '리드 타임 4주 2일 → 1주 3일, −64%',
    });
    const same = inLocale('ko', () =>
      metricRow(change({ key: 'flowEfficiency', better: 'higher', before: 0.2, after: 0.2 }), wt),
    );
    expect(same.summary).toBe('흐름 효율 20% → 20%, 변화 없음');
  });

  it('words changes, field names and values', () => {
    inLocale('ko', () => {
      expect(formatChange('duration', 0, wt)).toBe('변화 없음');
      expect(formatChange('perWeek', -4.5, wt)).toBe('주당 −4.5');
      expect(formatFieldValue('outside', true, wt)).toBe('예');
      expect(formatFieldValue('timeSource', 'measured', wt)).toBe('측정');
      expect(formatFieldValue('elapsedMinutes', 2 * D + 4 * 60, wt)).toBe('2일 4시간');
      expect(FIELD_LABELS.valueAddMinutes).toBe('부가가치 시간(PT)');
      expect(expectedNote()).toMatch(/최악의 경우/);
    });
    // Read outside, the same labels are English again: they follow the display locale.
    expect(FIELD_LABELS.valueAddMinutes).toBe('Value-add time (PT)');
    expect(expectedNote()).toBe(EXPECTED_NOTE);
  });

  it('words a rework entry', () => {
    const rework = inLocale('ko', () =>
      edgeRow(
        {
          kind: 'rework',
          from: { id: 'm', name: '수동 테스트' },
          to: { id: 'b', name: '빌드' },
          before: 0.2,
          after: 0.05,
        },
        wt,
      ),
    );
    expect(rework).toMatchObject({
      label: '재작업 수동 테스트 → 빌드',
      field: '재작업률',
      absolute: '−15%p',
      summary: '재작업 수동 테스트 → 빌드: 20% → 5%',
    });
  });
});
