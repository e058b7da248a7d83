import { describe, expect, it } from 'vitest';
import { inLocale } from '../i18n/locale.ts';
import { formatPctCA, formatShare } from './bottlenecks.ts';
import { formatChange, formatRatio, formatRelativeChange } from './compareFormat.ts';
import { formatPercentage, percentDigits } from './percent.ts';

const wt = { hoursPerDay: 8, daysPerWeek: 5 };

describe('formatPercentage', () => {
  it('keeps two significant digits below 1 %, whatever the decimals above', () => {
    for (const decimals of [0, 1, 2]) {
      expect(formatPercentage(0.08, decimals)).toBe('0.08%');
      expect(formatPercentage(0.0834, decimals)).toBe('0.083%');
      expect(formatPercentage(0.25, decimals)).toBe('0.25%');
      expect(formatPercentage(0.4, decimals)).toBe('0.4%');
      expect(formatPercentage(0.000012, decimals)).toBe('0.000012%');
    }
  });

  it('uses the decimals asked for from 1 % up, without trailing zeros', () => {
    expect(formatPercentage(12.345, 0)).toBe('12%');
    expect(formatPercentage(12.345, 1)).toBe('12.3%');
    expect(formatPercentage(12.345, 2)).toBe('12.35%');
    expect(formatPercentage(50, 2)).toBe('50%');
    expect(formatPercentage(1, 1)).toBe('1%');
  });

  it('goes on to the rule above 1 % where two digits would round up to it', () => {
    expect(formatPercentage(0.996, 0)).toBe('1%');
    expect(formatPercentage(0.9951, 1)).toBe('1%');
  });

  it('never writes 0% or 100% for a share that is neither', () => {
    expect(formatPercentage(0, 0)).toBe('0%');
    expect(formatPercentage(100, 0)).toBe('100%');
    expect(formatPercentage(99.6, 0)).toBe('>99%');
    expect(formatPercentage(99.96, 1)).toBe('>99.9%');
    expect(formatPercentage(99.996, 2)).toBe('>99.99%');
    expect(formatPercentage(1e-9, 0)).toBe('<0.000001%');
  });

  it('writes no exponent, no NaN and a real minus', () => {
    expect(formatPercentage(1e-6, 0)).toBe('0.000001%');
    expect(formatPercentage(Number.NaN, 0)).toBe('—');
    expect(formatPercentage(Number.POSITIVE_INFINITY, 0)).toBe('—');
    expect(formatPercentage(-0.05, 0)).toBe('\u22120.05%');
    expect(percentDigits(0, 1)).toBe('0');
  });
});

// Every percent formatter in shared goes through formatPercentage: below 1 % they all agree.
describe('the rule below 1 % in every formatter', () => {
  it('shares, ratios, %C/A, relative changes and percentage points', () => {
    expect(formatShare(0.0008)).toBe('0.08%');
    expect(formatRatio(0.0008)).toBe('0.08%');
    expect(formatPctCA(0.08)).toBe('0.08%');
    expect(formatRelativeChange(-0.0008)).toBe('\u22120.08%');
    expect(formatChange('ratio', 0.0008, wt)).toBe('+0.08 pp');
  });

  it('none of them reads 0.1% or 0.0% for 0.08 %', () => {
    const outputs = [formatShare(0.0008), formatRatio(0.0008), formatPctCA(0.08)];
    for (const text of outputs) expect(['0.1%', '0.0%', '0%', '<1%', '<0.1%']).not.toContain(text);
  });
});

// Percentages go through Intl in the display locale; ko-KR writes them exactly as en-US does.
describe('percentages in Korean', () => {
  it('reads the same digits and sign', () => {
    inLocale('ko', () => {
      expect(formatPercentage(8.75, 1)).toBe('8.8%');
      expect(formatPercentage(0.083, 0)).toBe('0.083%');
      expect(formatPercentage(99.6, 0)).toBe('>99%');
      expect(formatPercentage(-0.05, 0)).toBe('\u22120.05%');
      expect(formatPercentage(1e-9, 0)).toBe('<0.000001%');
      expect(formatPercentage(1234, 0)).toBe('1234%');
      expect(formatRelativeChange(-0.62)).toBe('\u221262%');
    });
  });

  it('writes percentage points as %p in Korean, pp in English', () => {
    expect(inLocale('ko', () => formatChange('ratio', 0.148, wt))).toBe('+14.8%p');
    expect(formatChange('ratio', 0.148, wt)).toBe('+14.8 pp');
  });
});
