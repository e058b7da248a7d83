import { describe, expect, it } from 'vitest';
import { initials, NAME_MAX_LENGTH, readableTextColour, validateDisplayName } from './names.ts';

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

describe('initials', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Grace Brewster Murray Hopper')).toBe('GH');
    expect(initials('Jean-Luc Picard')).toBe('JP');
  });

  it('uses one letter for a single word, upper-cased', () => {
    expect(initials('grace')).toBe('G');
    expect(initials('  émile ')).toBe('É');
  });

  it('falls back to a question mark', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
  });

  it('keeps a leading emoji whole', () => {
    expect(initials('🚀 Team')).toBe('🚀T');
  });
});

describe('readableTextColour', () => {
  it('puts white on dark colours and dark text on light ones', () => {
    expect(readableTextColour('#000075')).toBe('#ffffff');
    expect(readableTextColour('#800000')).toBe('#ffffff');
    expect(readableTextColour('#4363d8')).toBe('#ffffff');
    expect(readableTextColour('#ffe119')).toBe('#1d2330');
    expect(readableTextColour('#ffffff')).toBe('#1d2330');
  });

  it('falls back to white for anything that is not #rrggbb', () => {
    expect(readableTextColour('red')).toBe('#ffffff');
  });
});
