import { DORA_KEYS, type StateHeadline } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { translator } from '../testing/translators.ts';
import { leadTimeNotes } from './headlineNotes.ts';

const en = translator('en', 'snapshots');
const ko = translator('ko', 'snapshots');

const wt = { hoursPerDay: 8, daysPerWeek: 5 };
const DAY = 8 * 60;

function headline(extra: Partial<StateHeadline> = {}): StateHeadline {
  const dora = Object.fromEntries(
    DORA_KEYS.map((key) => [key, { value: null, level: null, source: 'entered' }]),
  ) as StateHeadline['dora'];
  return {
    stateId: 'current',
    name: 'Current state',
    kind: 'current',
    order: 0,
    totalLeadTimeMinutes: 10 * DAY,
    totalValueAddMinutes: DAY,
    flowEfficiency: 0.1,
    rolledPctCA: 0.5,
    stageCount: 4,
    dora,
    ...extra,
  };
}

describe('leadTimeNotes', () => {
  it('says nothing for a headline from before v2', () => {
    expect(leadTimeNotes(en, headline(), wt)).toEqual([]);
  });

  it('quotes the expected lead time only when it reads differently from the total', () => {
    expect(leadTimeNotes(en, headline({ expectedLeadTimeMinutes: 10 * DAY }), wt)).toEqual([]);
    // Durations read to the minute: 10d 1m is a different figure from 10d…
    expect(leadTimeNotes(en, headline({ expectedLeadTimeMinutes: 10 * DAY + 1 }), wt)).toEqual([
      'expected 2w 1m',
    ]);
    // …but a fraction of a minute is not.
    expect(leadTimeNotes(en, headline({ expectedLeadTimeMinutes: 10 * DAY + 0.3 }), wt)).toEqual(
      [],
    );
    expect(leadTimeNotes(en, headline({ expectedLeadTimeMinutes: 12 * DAY }), wt)).toEqual([
      'expected 2w 2d',
    ]);
    expect(
      leadTimeNotes(
        en,
        headline({ totalLeadTimeMinutes: null, expectedLeadTimeMinutes: null }),
        wt,
      ),
    ).toEqual([]);
  });

  it('says what the figures leave out', () => {
    expect(leadTimeNotes(en, headline({ incompleteCount: 2, disconnectedCount: 1 }), wt)).toEqual([
      '2 incomplete',
      '1 not connected',
    ]);
    expect(leadTimeNotes(en, headline({ incompleteCount: 0, disconnectedCount: 0 }), wt)).toEqual(
      [],
    );
  });

  it('reads in Korean', () => {
    expect(
      leadTimeNotes(
        ko,
        headline({ expectedLeadTimeMinutes: 12 * DAY, incompleteCount: 2, disconnectedCount: 1 }),
        wt,
      ),
    ).toEqual(['예상 2w 2d', '불완전 2개', '미연결 1개']);
  });
});
