// Durations are stored as minutes of *working* time. People think in "2d 4h" though, and a day
// is the map's working day (8 h by default), not 24 h — so parsing and formatting both take the
// map's working time. Both follow the display locale (../i18n/locale.ts): Korean reads and writes
// "2일 4시간"; English keeps Flowmap's compact "2d 4h". Either language parses the other's units.
import { numberFormat } from '../i18n/intl.ts';
import { displayLocale } from '../i18n/locale.ts';
import { displayT } from '../i18n/translator.ts';
import type { WorkingTime } from './types.ts';
import { DEFAULT_WORKING_TIME } from './types.ts';

export type Unit = 'w' | 'd' | 'h' | 'm';
const UNITS: readonly Unit[] = ['w', 'd', 'h', 'm'];

const UNIT_ALIASES: Record<string, Unit> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  // Korean: 분 (minutes), 시간 (hours), 일 (days), 주 (weeks) — what Intl writes for ko-KR.
  분: 'm',
  시간: 'h',
  일: 'd',
  주: 'w',
};

/** Intl's unit for each of ours, for languages whose unit words Intl knows (every one but English). */
const INTL_UNIT: Record<Unit, string> = { w: 'week', d: 'day', h: 'hour', m: 'minute' };

/** Upper bound for any duration: 100 years of round-the-clock minutes. Guards against 1e999. */
export const MAX_DURATION_MINUTES = 100 * 365 * 24 * 60;

export type ParseResult = { ok: true; minutes: number } | { ok: false; error: string };

const t = () => displayT('common');
const examples = () => t()('duration.examples');

export function unitMinutes(unit: Unit, wt: WorkingTime = DEFAULT_WORKING_TIME): number {
  switch (unit) {
    case 'm':
      return 1;
    case 'h':
      return 60;
    case 'd':
      return wt.hoursPerDay * 60;
    case 'w':
      return wt.daysPerWeek * wt.hoursPerDay * 60;
  }
}

/**
 * Parses "45m", "4h", "2d 4h", "1.5w", "2 days 3 hours" or a plain number (minutes).
 * Never throws: bad input yields an error message meant for the person who typed it.
 */
export function parseDuration(input: string, wt: WorkingTime = DEFAULT_WORKING_TIME): ParseResult {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: t()('duration.empty', { examples: examples() }) };
  if (text.startsWith('-')) return { ok: false, error: t()('duration.negative') };
  if (/^\d+(\.\d+)?$/.test(text)) return bounded(Number(text));
  // "1e999" would otherwise read as 1 plus an unknown unit "e"; say what is wrong instead.
  if (/^[\d.]+e[+-]?\d+$/.test(text)) return notADuration(input);

  // Latin or Hangul unit words: "2d", "2 days", "2일".
  const token = /(\d+(?:\.\d+)?)\s*([a-z\uac00-\ud7a3]+)/y;
  const seen = new Set<Unit>();
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && /[\s,]/.test(text.charAt(pos))) pos++;
    if (pos >= text.length) break;
    token.lastIndex = pos;
    const match = token.exec(text);
    if (!match) return notADuration(input);
    const [whole, amount = '', word = ''] = match;
    const unit = UNIT_ALIASES[word];
    if (!unit) return { ok: false, error: t()('duration.unknownUnit', { word }) };
    if (seen.has(unit)) {
      return { ok: false, error: t()('duration.repeatedUnit', { unit: unitWord(unit) }) };
    }
    seen.add(unit);
    total += Number(amount) * unitMinutes(unit, wt);
    pos += whole.length;
  }
  return bounded(total);
}

function notADuration(input: string): ParseResult {
  return {
    ok: false,
    error: t()('duration.notADuration', { input: input.trim(), examples: examples() }),
  };
}

function bounded(minutes: number): ParseResult {
  if (!Number.isFinite(minutes) || minutes > MAX_DURATION_MINUTES) {
    return { ok: false, error: t()('duration.tooLarge') };
  }
  // Float noise from "1.1h" (66.00000000000001) would otherwise leak into stored values.
  return { ok: true, minutes: Math.round(minutes * 1000) / 1000 };
}

export interface FormatOptions {
  /** Show at most this many units, rounding the last one shown ("4d 6h" rather than "4d 6h 12m"). */
  maxParts?: number;
  /** Put a space between number and unit, for prose ("4 d 6 h"); Korean never does ("4일 6시간"). */
  spaced?: boolean;
  /**
   * Largest unit used: 'd' writes "9d 4h" instead of "1w 4d 4h", which reads better when
   * two durations of a stage are compared side by side.
   */
  largestUnit?: Unit;
}

/** The unit on its own, as an error message names it: "d" in English, "일" in Korean. */
function unitWord(unit: Unit): string {
  return writeCount(1, unit, false).replace(/^1\s*/, '');
}

/**
 * One count of one unit: "3d" (or "3 d") in English; otherwise Intl's unit words, without digit
 * grouping so that parseDuration reads "1234주" back ("3일", "15분" in Korean).
 */
function writeCount(count: number, unit: Unit, spaced: boolean | undefined): string {
  const locale = displayLocale();
  if (locale === 'en') return `${count}${spaced ? ' ' : ''}${unit}`;
  // A flat cache key: durations are written thousands of times per render of a large map.
  const key = `${locale}${unit}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = numberFormat({ style: 'unit', unit: INTL_UNIT[unit], useGrouping: false }, locale);
    unitFormats.set(key, format);
  }
  return format.format(count);
}

const unitFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats minutes as "1w 2d 3h 15m" (Korean "1주 2일 3시간 15분") using the map's working time;
 * parseDuration reads it back.
 * Non-finite or negative input formats as "—" because it is invalid data, not a duration.
 */
export function formatDuration(
  minutes: number,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
  options: FormatOptions = {},
): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '—';
  const units = UNITS.slice(UNITS.indexOf(options.largestUnit ?? 'w'));
  const sizes = units.map((u) => unitMinutes(u, wt));
  // Exact to the minute: expected figures (routes by share, rework loops by rate) are fractional,
  // and "51.25m" is noise nobody reads; whole minutes everywhere, so one figure reads the same.
  let value = Math.round(minutes);
  if (options.maxParts !== undefined && options.maxParts > 0) {
    const first = sizes.findIndex((s) => value >= s);
    const last = Math.min(
      units.length - 1,
      (first < 0 ? units.length - 1 : first) + options.maxParts - 1,
    );
    const step = sizes[last] ?? 1;
    value = Math.round(value / step) * step;
  }
  const parts: string[] = [];
  units.forEach((unit, i) => {
    const size = sizes[i] ?? 1;
    const count = unit === 'm' ? Math.round(value) : Math.floor(value / size + 1e-9);
    if (count > 0) {
      parts.push(writeCount(count, unit, options.spaced));
      value = Math.max(0, value - count * size);
    }
  });
  return parts.length > 0 ? parts.join(' ') : writeCount(0, 'm', options.spaced);
}
