// How the map library words times: "5 minutes ago", "yesterday", "12 Mar 2025", and the lead
// time of a map's current state. Pure, so the wording is tested.
import { DEFAULT_WORKING_TIME, formatDuration, type WorkingTime } from '@flowmap/shared';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const dateWithYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const full = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A timestamp relative to `now`; a slightly future one (clock skew) reads "just now". */
export function relativeTime(then: number, now: number): string {
  const diff = now - then;
  if (diff < 45_000) return 'just now';
  if (diff < 45 * MINUTE) return relative.format(-Math.max(1, Math.round(diff / MINUTE)), 'minute');
  if (diff < 22 * HOUR) return relative.format(-Math.max(1, Math.round(diff / HOUR)), 'hour');
  // Calendar days, so that yesterday evening is "yesterday" the next morning.
  const days = Math.round((startOfDay(now) - startOfDay(then)) / DAY);
  if (days <= 1) return 'yesterday';
  if (days < 7) return relative.format(-days, 'day');
  if (days < 28) return relative.format(-Math.floor(days / 7), 'week');
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dateOnly : dateWithYear).format(then);
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The exact time, for a tooltip next to the relative one. */
export function fullTime(ms: number): string {
  return full.format(ms);
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
  return formatDuration(minutes, wt, { maxParts: 2 });
}

export function stageCountLabel(count: number): string {
  return count === 1 ? '1 stage' : `${count} stages`;
}
