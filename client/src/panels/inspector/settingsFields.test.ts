import { DEFAULT_META, type MapMeta } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import {
  doraFieldPatch,
  exportLocaleOf,
  fractionToPercent,
  metaFieldPatch,
  percentToFraction,
  showDoraField,
  showMetaField,
} from './settingsFields.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };

describe('change failure rate: percent in the field, fraction in the document', () => {
  it('converts percentages to fractions without float noise', () => {
    expect(percentToFraction('12.5')).toEqual({ ok: true, value: 0.125 });
    expect(percentToFraction('7')).toEqual({ ok: true, value: 0.07 });
    expect(percentToFraction('7%')).toEqual({ ok: true, value: 0.07 });
    expect(percentToFraction('100')).toEqual({ ok: true, value: 1 });
    expect(percentToFraction('')).toEqual({ ok: true, value: undefined });
  });

  it('refuses percentages outside 0–100', () => {
    expect(percentToFraction('140')).toEqual({ ok: false, error: 'must be 0–100 %' });
    expect(percentToFraction('-2')).toEqual({ ok: false, error: 'must be 0–100 %' });
    expect(percentToFraction('high')).toEqual({
      ok: false,
      error: 'must be a percentage from 0 to 100',
    });
  });

  it('shows stored fractions as the percentage typed', () => {
    expect(fractionToPercent(0.07)).toBe('7');
    expect(fractionToPercent(0.125)).toBe('12.5');
    expect(fractionToPercent(0.29)).toBe('29');
    expect(fractionToPercent(undefined)).toBe('');
    expect(showDoraField('changeFailureRate', { changeFailureRate: 0.15 }, WT)).toBe('15');
  });

  it('round-trips every whole percentage', () => {
    for (let pct = 0; pct <= 100; pct++) {
      const read = percentToFraction(String(pct));
      expect(read.ok).toBe(true);
      if (read.ok) expect(fractionToPercent(read.value)).toBe(String(pct));
    }
  });
});

describe('doraFieldPatch', () => {
  it('stores the rate as a fraction and durations as minutes', () => {
    expect(doraFieldPatch('changeFailureRate', '15', WT)).toEqual({
      ok: true,
      patch: { changeFailureRate: 0.15 },
    });
    expect(doraFieldPatch('timeToRestoreMinutes', '1d 2h', WT)).toEqual({
      ok: true,
      patch: { timeToRestoreMinutes: 600 },
    });
    expect(doraFieldPatch('deploymentsPerWeek', '0.25', WT)).toEqual({
      ok: true,
      patch: { deploymentsPerWeek: 0.25 },
    });
  });

  it('clears an entered value, so lead time falls back to the map', () => {
    expect(doraFieldPatch('leadTimeForChangesMinutes', '', WT)).toEqual({
      ok: true,
      patch: { leadTimeForChangesMinutes: undefined },
    });
  });

  it('refuses negative deployments and durations', () => {
    expect(doraFieldPatch('deploymentsPerWeek', '-1', WT)).toEqual({
      ok: false,
      error: 'must not be negative',
    });
    expect(doraFieldPatch('timeToRestoreMinutes', '-1h', WT)).toEqual({
      ok: false,
      error: 'A duration cannot be negative',
    });
  });

  it('shows stored durations in working time', () => {
    expect(showDoraField('timeToRestoreMinutes', { timeToRestoreMinutes: 600 }, WT)).toBe('1d 2h');
    expect(showDoraField('deploymentsPerWeek', undefined, WT)).toBe('');
  });
});

describe('metaFieldPatch', () => {
  const meta: MapMeta = { ...DEFAULT_META, title: 'Payments' };

  it('accepts valid settings', () => {
    expect(metaFieldPatch('hoursPerDay', '7.5')).toEqual({ ok: true, patch: { hoursPerDay: 7.5 } });
    expect(metaFieldPatch('title', ' Payments Q3 ')).toEqual({
      ok: true,
      patch: { title: 'Payments Q3' },
    });
    expect(metaFieldPatch('bottleneckCount', '5')).toEqual({
      ok: true,
      patch: { bottleneckCount: 5 },
    });
  });

  it('refuses settings out of range with the validator message', () => {
    expect(metaFieldPatch('hoursPerDay', '25')).toEqual({ ok: false, error: 'must be 1–24' });
    expect(metaFieldPatch('daysPerWeek', '0')).toEqual({ ok: false, error: 'must be 1–7' });
    expect(metaFieldPatch('lowPctCAThreshold', '101')).toEqual({
      ok: false,
      error: 'must be 0–100',
    });
    expect(metaFieldPatch('bottleneckCount', '2.5')).toEqual({
      ok: false,
      error: 'must be a whole number',
    });
  });

  it('never clears a required setting', () => {
    expect(metaFieldPatch('hoursPerDay', '')).toEqual({
      ok: false,
      error: 'Enter hours from 1 to 24',
    });
  });

  it('shows settings as typed', () => {
    expect(showMetaField('hoursPerDay', meta)).toBe('8');
    expect(showMetaField('title', meta)).toBe('Payments');
  });
});

describe('demand and unit of work (model v2)', () => {
  it('reads a demand per day and a unit of work, both clearable', () => {
    expect(metaFieldPatch('demandPerDay', '4.5')).toEqual({
      ok: true,
      patch: { demandPerDay: 4.5 },
    });
    expect(metaFieldPatch('demandPerDay', '0')).toEqual({ ok: false, error: 'must be above 0' });
    expect(metaFieldPatch('demandPerDay', '')).toEqual({
      ok: true,
      patch: { demandPerDay: undefined },
    });
    expect(metaFieldPatch('unitOfWork', ' change ')).toEqual({
      ok: true,
      patch: { unitOfWork: 'change' },
    });
    expect(metaFieldPatch('unitOfWork', '')).toEqual({
      ok: true,
      patch: { unitOfWork: undefined },
    });
    expect(metaFieldPatch('hoursPerDay', '')).toEqual({
      ok: false,
      error: 'Enter hours from 1 to 24',
    });
  });
});

describe('exportLocaleOf', () => {
  it("is the map's locale, English when unset or unknown", () => {
    const meta: MapMeta = { ...DEFAULT_META, title: 'Payments' };
    expect(exportLocaleOf(meta)).toBe('en');
    expect(exportLocaleOf({ ...meta, locale: 'ko' })).toBe('ko');
    expect(exportLocaleOf({ ...meta, locale: 'fr' } as unknown as MapMeta)).toBe('en');
  });
});
