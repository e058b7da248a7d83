// Default names for snapshots: teams revisit their map once a quarter, so the name a facilitator
// most likely wants is this quarter's review.

/** "2026-Q4 review" for any day of October to December 2026 (local time). */
export function quarterName(date: Date): string {
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1} review`;
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

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** When a snapshot was taken, for people: "12 Oct 2026, 14:03". */
export function formatTaken(createdAt: number): string {
  return dateTime.format(new Date(createdAt));
}

export function formatDay(createdAt: number): string {
  return dateOnly.format(new Date(createdAt));
}
