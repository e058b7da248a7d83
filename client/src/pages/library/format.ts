// How the map library words times: "5 minutes ago", "yesterday", "12 Mar 2025", and the lead
// time of a map's current state, in the display language (English dates day-first, as en-GB
// writes them; Korean "3월 12일"). Pure, so the wording is tested.
import { DEFAULT_WORKING_TIME, formatDuration, type WorkingTime } from '@flowmap/shared';
import { dateFormat, displayT, relativeTimeFormat } from '@flowmap/shared/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** English dates read day-first ("12 Mar"); every other language as its Intl tag writes them. */
const DATE_TAGS = { en: 'en-GB' } as const;
const dateOnly = () => dateFormat({ day: 'numeric', month: 'short' }, DATE_TAGS);
const dateWithYear = () =>
  dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }, DATE_TAGS);
const relative = () => relativeTimeFormat({ numeric: 'auto' });
const t = () => displayT('library');

/** A timestamp relative to `now`; a slightly future one (clock skew) reads "just now". */
export function relativeTime(then: number, now: number): string {
  const diff = now - then;
  if (diff < 45_000) return t()('table.justNow');
  if (diff < 45 * MINUTE) {
    return relative().format(-Math.max(1, Math.round(diff / MINUTE)), 'minute');
  }
  if (diff < 22 * HOUR) return relative().format(-Math.max(1, Math.round(diff / HOUR)), 'hour');
  // Calendar days, so that yesterday evening is "yesterday" the next morning ("어제" in Korean:
  // Intl's numeric 'auto' says it in every language).
  const days = Math.max(1, Math.round((startOfDay(now) - startOfDay(then)) / DAY));
  if (days < 7) return relative().format(-days, 'day');
  if (days < 28) return relative().format(-Math.floor(days / 7), 'week');
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dateOnly() : dateWithYear()).format(then);
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The exact time, for a tooltip next to the relative one. */
export function fullTime(ms: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }, DATE_TAGS).format(ms);
}

/**
 * The summary carries no working-time settings, so the library formats with the defaults
 * (8 h days, 5 d weeks) — the same as every map that keeps them.
 */
export function formatLeadTime(
  minutes: number | null,
  wt: WorkingTime = DEFAULT_WORKING_TIME,
): string {
  if (minutes === null) return '—';
  return formatDuration(minutes, wt);
}

export function stageCountLabel(count: number): string {
  return t()('table.stageCount', { count });
}
