import { describe, expect, it } from 'vitest';
import { inLocale } from '../i18n/locale.ts';
import type { DoraInputs } from '../model/types.ts';
import {
  changeFailureRateLevel,
  classifyDora,
  DORA_KEYS,
  DORA_THRESHOLDS,
  DORA_TIME_BASIS,
  deploymentFrequencyLevel,
  doraTimeBasisNote,
  leadTimeLevel,
  spanMinutes,
  timeToRestoreLevel,
} from './dora.ts';
import { DAY, HOUR, WEEK } from './testing.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };
const MONTH = 10_400; // 52/12 weeks of 5 × 8 h

describe('DORA_THRESHOLDS', () => {
  it('cites the 2024 report and holds the published clusters', () => {
    expect(DORA_THRESHOLDS.source.title).toBe('Accelerate State of DevOps Report 2024');
    expect(DORA_THRESHOLDS.source.publisher).toContain('Google Cloud');
    expect(DORA_THRESHOLDS.source.year).toBe(2024);
    const p = DORA_THRESHOLDS.published;
    expect([p.elite, p.high, p.medium, p.low].map((l) => l.changeFailureRate)).toEqual([
      0.05, 0.2, 0.1, 0.4,
    ]);
    expect(p.low.failedDeploymentRecoveryTime).toBe('Between one week and one month');
  });

  it('converts spans in working time', () => {
    expect(spanMinutes({ amount: 1, unit: 'h' }, WT)).toBe(60);
    expect(spanMinutes({ amount: 1, unit: 'd' }, WT)).toBe(DAY);
    expect(spanMinutes({ amount: 1, unit: 'w' }, WT)).toBe(WEEK);
    expect(spanMinutes({ amount: 1, unit: 'month' }, WT)).toBe(MONTH);
    expect(spanMinutes({ amount: 1, unit: 'month' }, { hoursPerDay: 6, daysPerWeek: 4 })).toBe(
      6240,
    );
  });
});

describe('DORA bands at their boundaries', () => {
  it('deployment frequency: ≥ 7 elite, ≥ 1 high, ≥ 12/52 medium per week', () => {
    expect(deploymentFrequencyLevel(50)).toBe('elite');
    expect(deploymentFrequencyLevel(7)).toBe('elite');
    expect(deploymentFrequencyLevel(6.99)).toBe('high');
    expect(deploymentFrequencyLevel(1)).toBe('high');
    expect(deploymentFrequencyLevel(0.99)).toBe('medium');
    expect(deploymentFrequencyLevel(12 / 52)).toBe('medium');
    expect(deploymentFrequencyLevel(0.23)).toBe('low');
    expect(deploymentFrequencyLevel(0)).toBe('low');
  });

  it('lead time: ≤ 1 day elite, ≤ 1 week high, ≤ 1 month medium', () => {
    expect(leadTimeLevel(0, WT)).toBe('elite');
    expect(leadTimeLevel(DAY, WT)).toBe('elite');
    expect(leadTimeLevel(DAY + 1, WT)).toBe('high');
    expect(leadTimeLevel(WEEK, WT)).toBe('high');
    expect(leadTimeLevel(WEEK + 1, WT)).toBe('medium');
    expect(leadTimeLevel(MONTH, WT)).toBe('medium');
    expect(leadTimeLevel(MONTH + 1, WT)).toBe('low');
  });

  it('lead time follows the working time', () => {
    const short = { hoursPerDay: 6, daysPerWeek: 4 };
    expect(leadTimeLevel(360, short)).toBe('elite');
    expect(leadTimeLevel(361, short)).toBe('high');
    expect(leadTimeLevel(1440, short)).toBe('high');
    expect(leadTimeLevel(1441, short)).toBe('medium');
    expect(leadTimeLevel(6240, short)).toBe('medium');
    expect(leadTimeLevel(6241, short)).toBe('low');
  });

  it('change failure rate: ≤ 5% elite, ≤ 20% high, < 40% medium', () => {
    expect(changeFailureRateLevel(0)).toBe('elite');
    expect(changeFailureRateLevel(0.05)).toBe('elite');
    expect(changeFailureRateLevel(0.0501)).toBe('high');
    expect(changeFailureRateLevel(0.2)).toBe('high');
    expect(changeFailureRateLevel(0.2001)).toBe('medium');
    expect(changeFailureRateLevel(0.3999)).toBe('medium');
    expect(changeFailureRateLevel(0.4)).toBe('low');
    expect(changeFailureRateLevel(1)).toBe('low');
  });

  it('time to restore: < 1 hour elite, < 1 day high, < 1 week medium', () => {
    expect(timeToRestoreLevel(0, WT)).toBe('elite');
    expect(timeToRestoreLevel(59, WT)).toBe('elite');
    expect(timeToRestoreLevel(HOUR, WT)).toBe('high');
    expect(timeToRestoreLevel(DAY - 1, WT)).toBe('high');
    expect(timeToRestoreLevel(DAY, WT)).toBe('medium');
    expect(timeToRestoreLevel(WEEK - 1, WT)).toBe('medium');
    expect(timeToRestoreLevel(WEEK, WT)).toBe('low');
  });
});

describe('classifyDora', () => {
  it('classifies entered values and the computed lead time', () => {
    const inputs: DoraInputs = {
      deploymentsPerWeek: 3,
      changeFailureRate: 0.125,
      timeToRestoreMinutes: 90,
    };
    expect(classifyDora(inputs, 2 * DAY + 4 * HOUR, WT)).toEqual({
      deploymentFrequency: {
        key: 'deploymentFrequency',
        label: 'Deployment frequency',
        value: 3,
        display: '3 per week',
        level: 'high',
        source: 'entered',
        problem: null,
      },
      leadTimeForChanges: {
        key: 'leadTimeForChanges',
        label: 'Lead time for changes',
        value: 1200,
        display: '2d 4h',
        level: 'high',
        source: 'computed',
        problem: null,
      },
      changeFailureRate: {
        key: 'changeFailureRate',
        label: 'Change failure rate',
        value: 0.125,
        display: '12.5%',
        level: 'high',
        source: 'entered',
        problem: null,
      },
      timeToRestore: {
        key: 'timeToRestore',
        label: 'Time to restore service',
        value: 90,
        display: '1h 30m',
        level: 'high',
        source: 'entered',
        problem: null,
      },
    });
  });

  it('prefers an entered lead time for changes over the map total', () => {
    const a = classifyDora({ leadTimeForChangesMinutes: 30 }, 5 * WEEK, WT).leadTimeForChanges;
    expect(a).toMatchObject({ value: 30, display: '30m', level: 'elite', source: 'entered' });
    const zero = classifyDora({ leadTimeForChangesMinutes: 0 }, 5 * WEEK, WT).leadTimeForChanges;
    expect(zero).toMatchObject({ value: 0, level: 'elite', source: 'entered' });
  });

  it('leaves every level null when nothing is known', () => {
    const result = classifyDora(undefined, 0, WT);
    for (const key of DORA_KEYS) {
      expect(result[key]).toMatchObject({ value: null, display: '—', level: null, problem: null });
    }
    expect(result.leadTimeForChanges.source).toBe('computed');
    expect(result.deploymentFrequency.source).toBe('entered');
  });

  it('rejects invalid entered values with a reason', () => {
    const hostile = {
      deploymentsPerWeek: -1,
      changeFailureRate: 5,
      timeToRestoreMinutes: Number.NaN,
      leadTimeForChangesMinutes: 'soon',
    } as unknown as DoraInputs;
    const result = classifyDora(hostile, 600, WT);
    expect(result.deploymentFrequency).toMatchObject({
      value: null,
      level: null,
      problem: 'Must be a number of deployments per week, 0 or more, got -1',
    });
    expect(result.changeFailureRate).toMatchObject({
      value: null,
      level: null,
      problem: 'Must be a fraction from 0 to 1, got 5',
    });
    expect(result.timeToRestore).toMatchObject({
      value: null,
      level: null,
      problem: 'Must be a duration from 0 minutes to 100 years, got NaN',
    });
    expect(result.leadTimeForChanges).toMatchObject({
      value: null,
      level: null,
      source: 'entered',
      problem: 'Must be a duration from 0 minutes to 100 years, got a value of type string',
    });
    expect(
      classifyDora('x' as unknown as DoraInputs, Number.NaN, WT).leadTimeForChanges.level,
    ).toBeNull();
  });

  it('displays deployment frequency per week, month or year', () => {
    const show = (deploymentsPerWeek: number) =>
      classifyDora({ deploymentsPerWeek }, 0, WT).deploymentFrequency.display;
    expect(show(14)).toBe('14 per week');
    expect(show(1)).toBe('1 per week');
    expect(show(0.5)).toBe('2.2 per month');
    expect(show(12 / 52)).toBe('1 per month');
    expect(show(2 / 52)).toBe('2 per year');
    expect(show(0)).toBe('none');
  });

  it('classifies in the map working time and survives a broken one', () => {
    const short = { hoursPerDay: 6, daysPerWeek: 4 };
    expect(classifyDora({}, 361, short).leadTimeForChanges).toMatchObject({
      level: 'high',
      display: '1d 1m',
    });
    const broken = { hoursPerDay: 0, daysPerWeek: -3 };
    expect(classifyDora({}, DAY, broken).leadTimeForChanges.level).toBe('elite');
  });
});

describe('the clock DORA levels are read on', () => {
  it('is working time, and every view can say so in one line', () => {
    expect(DORA_TIME_BASIS).toBe('working');
    expect(doraTimeBasisNote(WT)).toBe(
      "DORA levels are applied to working time: a day in DORA's bands is one working day (8 h), a week one working week (5 d), a month 52/12 working weeks.",
    );
    expect(doraTimeBasisNote({ hoursPerDay: 7.5, daysPerWeek: 4 })).toContain(
      'one working day (7.5 h), a week one working week (4 d)',
    );
    // A broken setting in the document says the default the levels were computed with.
    expect(doraTimeBasisNote({ hoursPerDay: 0, daysPerWeek: 5 })).toContain('(8 h)');
  });

  it('places a lead time by working days, as the note says', () => {
    // One working day of 8 h is elite; a day and a minute is not; 5 working days are a week.
    expect(leadTimeLevel(DAY, WT)).toBe('elite');
    expect(leadTimeLevel(DAY + 1, WT)).toBe('high');
    expect(leadTimeLevel(5 * DAY, WT)).toBe('high');
    // 24 hours are three working days of an 8 h day, not one calendar day.
    expect(leadTimeLevel(24 * HOUR, WT)).toBe('high');
    expect(leadTimeLevel(24 * HOUR, { hoursPerDay: 24, daysPerWeek: 7 })).toBe('elite');
  });

  it('shows a change failure rate below 1 % with two significant digits', () => {
    expect(classifyDora({ changeFailureRate: 0.0008 }, 0, WT).changeFailureRate.display).toBe(
      '0.08%',
    );
    expect(classifyDora({ changeFailureRate: 0.125 }, 0, WT).changeFailureRate.display).toBe(
      '12.5%',
    );
  });
});

describe('DORA words in the display language', () => {
  it('names the metrics and words frequencies in Korean inside inLocale, in English outside', () => {
    const wt = { hoursPerDay: 8, daysPerWeek: 5 };
    const inputs = { deploymentsPerWeek: 0.5, changeFailureRate: 0.1, timeToRestoreMinutes: 120 };
    const ko = inLocale('ko', () => classifyDora(inputs, 600, wt));
    expect(ko.deploymentFrequency.label).toBe('배포 빈도');
    expect(ko.deploymentFrequency.display).toBe('월 2.2회');
    expect(ko.timeToRestore.label).toBe('서비스 복구 시간');
    const en = classifyDora(inputs, 600, wt);
    expect(en.deploymentFrequency.label).toBe('Deployment frequency');
    expect(en.deploymentFrequency.display).toBe('2.2 per month');
    expect(classifyDora({ deploymentsPerWeek: 3 }, 0, wt).deploymentFrequency.display).toBe(
      '3 per week',
    );
  });
});
