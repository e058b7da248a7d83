import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inLocale } from '../i18n/locale.ts';
import { formatDuration, MAX_DURATION_MINUTES, parseDuration } from './durations.ts';

const minutesOf = (input: string, wt?: { hoursPerDay: number; daysPerWeek: number }) => {
  const result = parseDuration(input, wt);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error}`);
  return result.minutes;
};

describe('parseDuration', () => {
  it('reads single units with the default 8 h day and 5 d week', () => {
    expect(minutesOf('45m')).toBe(45);
    expect(minutesOf('4h')).toBe(240);
    expect(minutesOf('1d')).toBe(480);
    expect(minutesOf('1.5w')).toBe(1.5 * 5 * 8 * 60);
  });

  it('reads compound durations, spaced or not, with long unit names', () => {
    expect(minutesOf('2d 4h')).toBe(2 * 480 + 240);
    expect(minutesOf('2d4h')).toBe(1200);
    expect(minutesOf('2 d 4 h')).toBe(1200);
    expect(minutesOf('1 week, 2 days 3 hours 15 minutes')).toBe(2400 + 960 + 180 + 15);
    expect(minutesOf('  1H 30M ')).toBe(90);
  });

  it('treats a plain number as minutes', () => {
    expect(minutesOf('90')).toBe(90);
    expect(minutesOf('0')).toBe(0);
    expect(minutesOf('2.5')).toBe(2.5);
  });

  it("uses the map's working time", () => {
    const wt = { hoursPerDay: 7.5, daysPerWeek: 4 };
    expect(minutesOf('1d', wt)).toBe(450);
    expect(minutesOf('1w', wt)).toBe(1800);
  });

  it('refuses bad input with a message a person can act on', () => {
    expect(parseDuration('-3h')).toEqual({ ok: false, error: 'A duration cannot be negative' });
    const abc = parseDuration('abc');
    expect(abc.ok).toBe(false);
    expect(!abc.ok && abc.error).toContain('45m, 4h, 2d 4h or 1.5w');
    const huge = parseDuration('1e999');
    expect(huge.ok).toBe(false);
    expect(!huge.ok && huge.error).toMatch(/not a duration/);
    expect(parseDuration('99999999999w')).toEqual({
      ok: false,
      error: 'That duration is too large',
    });
    expect(parseDuration('')).toMatchObject({ ok: false });
    expect(parseDuration('3 parsecs')).toEqual({
      ok: false,
      error: 'Unknown unit “parsecs”: use m, h, d or w',
    });
    expect(parseDuration('2d 3d')).toEqual({ ok: false, error: 'The unit “d” appears twice' });
    expect(parseDuration('4h and')).toMatchObject({ ok: false });
  });
});

describe('formatDuration', () => {
  it('splits minutes into working weeks, days, hours and minutes', () => {
    expect(formatDuration(0)).toBe('0m');
    expect(formatDuration(45)).toBe('45m');
    expect(formatDuration(1200)).toBe('2d 4h');
    expect(formatDuration(2400 + 960 + 180 + 15)).toBe('1w 2d 3h 15m');
  });

  it('rounds to the last unit shown when parts are limited', () => {
    expect(formatDuration(4 * 480 + 6 * 60 + 12, undefined, { maxParts: 2 })).toBe('4d 6h');
    expect(formatDuration(4 * 480 + 7 * 60 + 50, undefined, { maxParts: 2 })).toBe('1w');
    expect(formatDuration(59.6, undefined, { maxParts: 1 })).toBe('1h');
  });

  it('spaces units for prose', () => {
    expect(formatDuration(4 * 480 + 360, undefined, { spaced: true })).toBe('4 d 6 h');
  });

  it('shows invalid values as a dash rather than a wrong duration', () => {
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('round trip', () => {
  const workingTime = fc.record({
    hoursPerDay: fc.integer({ min: 1, max: 24 }),
    daysPerWeek: fc.integer({ min: 1, max: 7 }),
  });

  it('parse(format(m)) === m for whole minutes under any working time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), workingTime, (minutes, wt) => {
        expect(minutesOf(formatDuration(minutes, wt), wt)).toBe(minutes);
        expect(minutesOf(formatDuration(minutes, wt, { spaced: true }), wt)).toBe(minutes);
      }),
    );
  });

  it('format(parse(s)) is stable: formatting a parsed value and parsing again changes nothing', () => {
    const part = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.constantFrom('m', 'h', 'd', 'w'));
    fc.assert(
      fc.property(
        fc.uniqueArray(part, { selector: ([, u]) => u, minLength: 1 }),
        workingTime,
        (parts, wt) => {
          const text = parts.map(([n, u]) => `${n}${u}`).join(' ');
          const once = minutesOf(text, wt);
          expect(minutesOf(formatDuration(once, wt), wt)).toBe(once);
        },
      ),
    );
  });

  it('never accepts more than the maximum', () => {
    fc.assert(
      fc.property(fc.double({ min: MAX_DURATION_MINUTES + 1, max: 1e300, noNaN: true }), (n) => {
        expect(parseDuration(String(n)).ok).toBe(false);
      }),
    );
  });
});

describe('formatDuration with a largest unit', () => {
  it('writes days instead of weeks so two durations compare at a glance', () => {
    expect(formatDuration(4560, undefined, { largestUnit: 'd', maxParts: 2 })).toBe('9d 4h');
    expect(formatDuration(4800, undefined, { largestUnit: 'd', maxParts: 2 })).toBe('10d');
    expect(formatDuration(150, undefined, { largestUnit: 'h' })).toBe('2h 30m');
    expect(formatDuration(4560, undefined, { largestUnit: 'd' })).toBe('9d 4h');
  });
});

// Korean reads and writes 주/일/시간/분 (what Intl writes for ko-KR); English is untouched.
describe('durations in Korean', () => {
  it('writes Korean units, largest first, with no space between number and unit', () => {
    inLocale('ko', () => {
      expect(formatDuration(4 * 2400 + 2 * 480 + 120)).toBe('4주 2일 2시간');
      expect(formatDuration(90)).toBe('1시간 30분');
      expect(formatDuration(0)).toBe('0분');
      expect(formatDuration(45, undefined, { spaced: true })).toBe('45분');
      expect(formatDuration(4560, undefined, { largestUnit: 'd', maxParts: 2 })).toBe('9일 4시간');
      // No digit grouping, so the text parses back.
      expect(formatDuration(1234 * 2400)).toBe('1234주');
      expect(formatDuration(Number.NaN)).toBe('—');
    });
  });

  it('keeps English exactly as it was while Korean is not the display locale', () => {
    expect(formatDuration(4 * 2400 + 2 * 480 + 120)).toBe('4w 2d 2h');
    expect(formatDuration(0, undefined, { spaced: true })).toBe('0 m');
  });

  it('parses Korean units in either language, alone, spaced or mixed with English ones', () => {
    expect(minutesOf('3일')).toBe(3 * 480);
    expect(minutesOf('2주 1일 4시간 30분')).toBe(2 * 2400 + 480 + 240 + 30);
    expect(minutesOf('2일4시간')).toBe(1200);
    expect(minutesOf('1.5 시간')).toBe(90);
    expect(minutesOf('1d 30분')).toBe(510);
    inLocale('ko', () => expect(minutesOf('4주 2일 2시간')).toBe(4 * 2400 + 2 * 480 + 120));
  });

  it('explains a bad duration in Korean while Korean is the display locale', () => {
    inLocale('ko', () => {
      expect(parseDuration('-3시간')).toEqual({ ok: false, error: '기간은 음수일 수 없습니다' });
      expect(parseDuration('3개월')).toEqual({
        ok: false,
        error: '알 수 없는 단위 “개월”: 분, 시간, 일, 주(m, h, d, w) 중 하나를 쓰세요',
      });
      expect(parseDuration('2일 3일')).toEqual({
        ok: false,
        error: '단위 “일”이(가) 두 번 나옵니다',
      });
      expect(parseDuration('abc')).toEqual({
        ok: false,
        error:
          '“abc”은(는) 기간이 아닙니다. 예: 45분, 4시간, 2일 4시간, 1.5주 (45m, 4h, 2d 4h도 됩니다)',
      });
    });
  });

  it('round-trips every duration through the Korean text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (minutes) => {
        const text = inLocale('ko', () => formatDuration(minutes));
        expect(minutesOf(text)).toBe(minutes);
      }),
    );
  });
});
