import { EMPTY_WORKSHOP, type Workshop } from '@flowmap/shared/workshop';
import { describe, expect, it } from 'vitest';
import { progressOf } from './progress.ts';
import { parseValue } from './valueFormat.ts';

const people = {
  a: { id: 'a', name: 'Ana' },
  b: { id: 'b', name: 'Bo' },
  f: { id: 'f', name: 'Fay' },
};

describe('progressOf', () => {
  it('counts who answered every stage of the open round, until the reveal', () => {
    const round = {
      id: 'r',
      stateId: 's',
      field: 'elapsedMinutes' as const,
      stageIds: ['x', 'y'],
      named: true,
      revealed: false,
      closed: false,
      openedAt: 1,
      answers: { a: { x: 1, y: 2 }, b: { x: 5 } },
      accepted: {},
    };
    const w: Workshop = { ...EMPTY_WORKSHOP, participants: people, rounds: [round] };
    expect(progressOf(w)).toEqual({
      done: 1,
      of: 3,
      what: 'answered',
      names: 'Ana ✓, Bo …, Fay …',
    });
    expect(progressOf({ ...w, rounds: [{ ...round, revealed: true }] })).toBeNull();
  });

  it('counts who placed all their dots in an open vote', () => {
    const vote = {
      id: 'v',
      stateId: 's',
      subject: 'stages' as const,
      dots: 2,
      stackLimit: 2,
      closed: false,
      openedAt: 1,
      itemIds: ['x'],
      ballots: { f: { x: 2 }, a: { x: 1 } },
      candidates: {},
    };
    const w: Workshop = { ...EMPTY_WORKSHOP, participants: people, votes: [vote] };
    expect(progressOf(w)?.done).toBe(1);
    expect(progressOf(w)?.what).toBe('voted');
  });
});

describe('parseValue', () => {
  const wt = { hoursPerDay: 8, daysPerWeek: 5 };
  it('reads durations in working time and %C/A as 0–100', () => {
    expect(parseValue('elapsedMinutes', '1d 2h', wt)).toEqual({ ok: true, value: 600 });
    expect(parseValue('pctCA', '70%', wt)).toEqual({ ok: true, value: 70 });
    expect(parseValue('pctCA', '140', wt)).toEqual({
      ok: false,
      error: 'Enter a share from 0 to 100',
    });
    expect(parseValue('valueAddMinutes', 'soon', wt).ok).toBe(false);
  });
});
