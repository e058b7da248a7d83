import { describe, expect, it } from 'vitest';
import { metricSettings, safeWorkingTime } from './settings.ts';

describe('metricSettings', () => {
  it('passes valid settings through', () => {
    expect(
      metricSettings({
        hoursPerDay: 7.5,
        daysPerWeek: 4,
        lowPctCAThreshold: 95,
        bottleneckCount: 5,
        demandPerDay: 12.5,
        unitOfWork: ' story ',
      }),
    ).toEqual({
      wt: { hoursPerDay: 7.5, daysPerWeek: 4 },
      lowPctCAThreshold: 95,
      bottleneckCount: 5,
      demandPerDay: 12.5,
      unitOfWork: 'story',
    });
    expect(
      metricSettings({ hoursPerDay: 24, daysPerWeek: 7, lowPctCAThreshold: 0, bottleneckCount: 0 }),
    ).toEqual({
      wt: { hoursPerDay: 24, daysPerWeek: 7 },
      lowPctCAThreshold: 0,
      bottleneckCount: 0,
      demandPerDay: null,
      unitOfWork: 'item',
    });
  });

  it('falls back to the defaults for values that would poison the figures', () => {
    const defaults = {
      wt: { hoursPerDay: 8, daysPerWeek: 5 },
      lowPctCAThreshold: 80,
      bottleneckCount: 3,
      demandPerDay: null,
      unitOfWork: 'item',
    };
    expect(
      metricSettings({
        hoursPerDay: 0,
        daysPerWeek: 8,
        lowPctCAThreshold: 101,
        bottleneckCount: -1,
      }),
    ).toEqual(defaults);
    expect(
      metricSettings({
        hoursPerDay: Number.NaN,
        daysPerWeek: Number.POSITIVE_INFINITY,
        lowPctCAThreshold: '80',
        bottleneckCount: null,
      } as never),
    ).toEqual(defaults);
    expect(metricSettings(undefined)).toEqual(defaults);
  });

  it('rounds a fractional bottleneck count down', () => {
    expect(metricSettings({ bottleneckCount: 2.7 }).bottleneckCount).toBe(2);
  });

  it('replaces each bad part of the working time on its own', () => {
    expect(safeWorkingTime({ hoursPerDay: 6, daysPerWeek: -1 })).toEqual({
      hoursPerDay: 6,
      daysPerWeek: 5,
    });
  });
});
