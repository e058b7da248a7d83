import { ValidationError } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { checkTitle, errorMessage } from './titles.ts';

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

describe('errorMessage', () => {
  it('reads the problems of a validation error, capitalised', () => {
    const error = new ValidationError([{ path: 'title', message: 'must be text' }]);
    expect(errorMessage(error)).toBe('Must be text');
  });

  it('falls back to the message of any other error', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('nope')).toBe('That did not work.');
  });
});
