import { describe, expect, it } from 'vitest';
import { asSentence, checkTitle } from './titles.ts';

describe('checkTitle', () => {
  it('refuses an empty or blank title', () => {
    expect(checkTitle('', 'map title')).toBe('The map title cannot be empty.');
    expect(checkTitle('   ', 'state name')).toBe('The state name cannot be empty.');
  });

  it('accepts 200 characters and refuses 201', () => {
    expect(checkTitle('a'.repeat(200), 'map title')).toBeNull();
    expect(checkTitle('a'.repeat(201), 'map title')).toBe(
      'Use at most 200 characters (this one has 201).',
    );
  });
});

describe('asSentence', () => {
  it('capitalises a refusal shown on its own', () => {
    expect(asSentence('there is no state “s9”')).toBe('There is no state “s9”');
    expect(asSentence('')).toBe('');
  });
});
