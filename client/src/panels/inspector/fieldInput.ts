// Turning what a person typed into a field into a value for a command, and back. Pure, so the
// rules (empty clears an optional field, "2d 4h" uses the map's working day, messages worded for
// the person at the keyboard) are tested without a browser.
import { formatDuration, parseDuration, type WorkingTime } from '@flowmap/shared';

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** A duration such as "2d 4h", "45m", "1.5w" or plain minutes; empty clears the field. */
export function readDuration(text: string, wt: WorkingTime): Read<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const parsed = parseDuration(text, wt);
  return parsed.ok ? { ok: true, value: parsed.minutes } : { ok: false, error: parsed.error };
}

/** A plain number; "85%" reads as 85 for fields shown as percentages. Empty yields undefined. */
export function readNumber(text: string, what = 'a number'): Read<number | undefined> {
  const trimmed = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (trimmed === '') return { ok: true, value: undefined };
  // Number() would accept "0x10", "1e3" and "Infinity"; people mean decimals.
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(trimmed)) {
    return { ok: false, error: `must be ${what}` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** Text as typed, without surrounding blanks; empty yields undefined (clears an optional field). */
export function readText(text: string): Read<string | undefined> {
  const trimmed = text.trim();
  return { ok: true, value: trimmed === '' ? undefined : trimmed };
}

/**
 * A stored duration as the field shows it: full precision, in the map's working time, in days at
 * most so that it reads like the bottleneck reasons and the ladder ("10d", not "2w").
 */
export function showDuration(minutes: number | undefined, wt: WorkingTime): string {
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0
    ? formatDuration(minutes, wt)
    : '';
}

/** A stored number as typed (no float noise such as 7.000000000000001). */
export function showNumber(value: number | undefined): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? String(Number(value.toPrecision(12)))
    : '';
}
