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
});
