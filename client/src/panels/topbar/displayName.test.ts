import { describe, expect, it } from 'vitest';
import { NAME_MAX_LENGTH, validateDisplayName } from './displayName.ts';

describe('validateDisplayName', () => {
  it('trims and collapses whitespace', () => {
    expect(validateDisplayName('  Ada   Lovelace ')).toEqual({ ok: true, name: 'Ada Lovelace' });
  });

  it('refuses an empty or blank name', () => {
    expect(validateDisplayName('')).toEqual({ ok: false, error: 'Please enter your name.' });
    expect(validateDisplayName('   \t ')).toEqual({ ok: false, error: 'Please enter your name.' });
  });

  it('accepts exactly 60 characters and refuses 61 with the count', () => {
    expect(validateDisplayName('a'.repeat(NAME_MAX_LENGTH))).toEqual({
      ok: true,
      name: 'a'.repeat(60),
    });
    expect(validateDisplayName('b'.repeat(61))).toEqual({
      ok: false,
      error: 'Use at most 60 characters (this one has 61).',
    });
  });

  it('counts an emoji as one character', () => {
    const name = `${'x'.repeat(59)}🙂`;
    expect(validateDisplayName(name)).toEqual({ ok: true, name });
  });

  it('accepts a one-character name', () => {
    expect(validateDisplayName('Q')).toEqual({ ok: true, name: 'Q' });
  });
});
