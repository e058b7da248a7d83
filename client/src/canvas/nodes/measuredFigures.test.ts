import type { MapNode } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { durationChange, estimateOf, period, tone } from './measuredFigures.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };
const stage: MapNode = {
  id: 's',
  type: 'stage',
  x: 0,
  y: 0,
  name: 'Review',
  elapsedMinutes: 343,
  pctCA: 83,
  timeSource: 'measured',
  estimate: { elapsedMinutes: 2400, pctCA: 70 },
};

describe('measured next to estimated', () => {
  it('compares with the kept estimate while the measured figures are in use, else the stage’s own', () => {
    expect(estimateOf(stage)).toEqual({ elapsedMinutes: 2400, pctCA: 70 });
    const estimating = { ...stage, timeSource: 'estimate' as const };
    expect(estimateOf(estimating).elapsedMinutes).toBe(343);
    const { estimate: _dropped, ...withoutEstimate } = stage;
    expect(estimateOf(withoutEstimate)).toEqual({});
  });

  it('colours a longer lead time and a lower %C/A as worse', () => {
    expect(tone(60, true)).toBe('worse');
    expect(tone(-60, true)).toBe('better');
    expect(tone(-5, false)).toBe('worse');
    expect(tone(13.3, false)).toBe('better');
    expect(tone(1e-12, true)).toBe('same');
  });

  it('writes the difference in at most two units and the period with the year once', () => {
    expect(durationChange(343 - 2400, WT)).toBe('−4d 2h');
    expect(durationChange(200, WT)).toBe('+3h 20m');
    expect(durationChange(0.2, WT)).toBe('no change');
    expect(period('2026-03-02T09:00:00.000Z', '2026-03-16T08:50:00.000Z')).toBe(
      '2026-03-02 – 03-16',
    );
    expect(period('2025-12-29T09:00:00.000Z', '2026-01-09T08:50:00.000Z')).toBe(
      '2025-12-29 – 2026-01-09',
    );
  });
});
