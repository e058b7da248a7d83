// Compare's words that shared's comparison rows leave in English: the level moves of the four key
// metrics ("+2 levels", "같은 수준"). Labels, fields and changes come worded from shared
// (compareFormat.ts, in the display language); figures stay as shared formats them.
import type { TFunction } from 'i18next';

/** "+2 levels", "−1 level", "same level"; "" when a level is unknown. */
export function levelMove(t: TFunction<'panels'>, steps: number | null): string {
  if (steps === null) return '';
  if (steps === 0) return t('compare.dora.sameLevel');
  const sign = steps < 0 ? '\u2212' : '+';
  return t('compare.dora.levelMove', { sign, count: Math.abs(steps) });
}
