import { inLocale } from '@flowmap/shared/i18n';
import { describe, expect, it } from 'vitest';
import { nextFutureStateName } from './stateNames.ts';

describe('nextFutureStateName', () => {
  it('starts with "Future state"', () => {
    expect(nextFutureStateName(['Current state'])).toBe('Future state');
  });

  it('numbers the next ones, filling the first gap, ignoring case', () => {
    expect(nextFutureStateName(['Current state', 'future state'])).toBe('Future state 2');
    expect(nextFutureStateName(['Future state', 'Future state 2', 'Future state 4'])).toBe(
      'Future state 3',
    );
  });

  it('names it in the display language (Korean), avoiding the Korean names taken', () => {
    expect(inLocale('ko', () => nextFutureStateName(['현재 상태']))).toBe('미래 상태');
    expect(
      inLocale('ko', () => nextFutureStateName(['현재 상태', '미래 상태', '미래 상태 2'])),
    ).toBe('미래 상태 3');
    // An English name taken by a colleague does not clash with the Korean one.
    expect(inLocale('ko', () => nextFutureStateName(['Future state']))).toBe('미래 상태');
  });
});
