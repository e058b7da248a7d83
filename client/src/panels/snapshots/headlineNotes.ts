// What a snapshot row says under its lead time, from the v2 headline: the expected lead time when
// either/or routes or rework make it read differently from the total (the worst case), and what
// the figures leave out (steps without numbers, steps on no counted path). A headline from before
// v2 has none of these fields and gets no notes.
import type { StateHeadline, WorkingTime } from '@flowmap/shared';
import type { TFunction } from 'i18next';
import { formatTotal } from '../metrics/format.ts';

export function leadTimeNotes(
  t: TFunction<'snapshots'>,
  state: StateHeadline,
  wt: WorkingTime,
): string[] {
  const notes: string[] = [];
  const total = state.totalLeadTimeMinutes;
  const expected = state.expectedLeadTimeMinutes ?? null;
  // Compared as shown: a difference the row cannot show is no news.
  if (total !== null && expected !== null && formatTotal(expected, wt) !== formatTotal(total, wt)) {
    notes.push(t('list.expected', { value: formatTotal(expected, wt) }));
  }
  const incomplete = state.incompleteCount ?? 0;
  if (incomplete > 0) notes.push(t('list.incomplete', { count: incomplete }));
  const disconnected = state.disconnectedCount ?? 0;
  if (disconnected > 0) {
    notes.push(t('list.disconnected', { count: disconnected }));
  }
  return notes;
}
