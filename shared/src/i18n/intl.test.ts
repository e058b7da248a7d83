// Numbers, dates and relative times in the display locale, one cached Intl object per shape.
import { describe, expect, it } from 'vitest';
import { dateFormat, formatNumber, numberFormat, relativeTimeFormat } from './intl.ts';
import { inLocale } from './locale.ts';

const MARCH_12 = new Date(2025, 2, 12, 14, 5).getTime();

describe('Intl in the display locale', () => {
  it('writes plain numbers without grouping, as Flowmap reads them back', () => {
    expect(formatNumber(1234.5)).toBe('1234.5');
    expect(inLocale('ko', () => formatNumber(1234.5))).toBe('1234.5');
    expect(formatNumber(0.125, { maximumFractionDigits: 2 })).toBe('0.13');
  });

  it('writes dates the display locale’s way, with a per-locale tag where asked', () => {
    const short = { day: 'numeric', month: 'short' } as const;
    expect(dateFormat(short).format(MARCH_12)).toBe('Mar 12');
    expect(dateFormat(short, { en: 'en-GB' }).format(MARCH_12)).toBe('12 Mar');
    expect(inLocale('ko', () => dateFormat(short, { en: 'en-GB' }).format(MARCH_12))).toBe(
      '3월 12일',
    );
  });

  it('words relative times in the display locale', () => {
    expect(relativeTimeFormat({ numeric: 'auto' }).format(-1, 'day')).toBe('yesterday');
    expect(inLocale('ko', () => relativeTimeFormat({ numeric: 'auto' }).format(-3, 'hour'))).toBe(
      '3시간 전',
    );
  });

  it('builds one formatter per locale and options', () => {
    const options = { style: 'percent' } as const;
    expect(numberFormat(options)).toBe(numberFormat({ style: 'percent' }));
    expect(inLocale('ko', () => numberFormat(options))).not.toBe(numberFormat(options));
  });
});
