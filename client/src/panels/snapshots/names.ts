// Default names for snapshots: teams revisit their map once a quarter, so the name a facilitator
// most likely wants is this quarter's review. Dates read in the display language.
import { dateFormat } from '@flowmap/shared/i18n';
import type { TFunction } from 'i18next';

/** "2026-Q4 review" ("2026년 4분기 리뷰") for any day of October to December 2026 (local time). */
export function quarterName(t: TFunction<'snapshots'>, date: Date): string {
  return t('take.quarter', {
    year: String(date.getFullYear()),
    quarter: String(Math.floor(date.getMonth() / 3) + 1),
  });
}

/** `base`, or "base (2)", "base (3)"… when a snapshot already has that name. */
export function uniqueName(base: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.trim()));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} (${i})`;
    if (!names.has(candidate)) return candidate;
  }
}

/** When a snapshot was taken, for people: "Oct 12, 2026, 2:03 PM", "2026. 10. 12. 오후 2:03". */
export function formatTaken(createdAt: number): string {
  return dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(createdAt));
}

export function formatDay(createdAt: number): string {
  return dateFormat({ dateStyle: 'medium' }).format(new Date(createdAt));
}
