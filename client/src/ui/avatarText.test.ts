import { describe, expect, it } from 'vitest';
import { initials, readableTextColour } from './avatarText.ts';

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

  it('shows letters only: no punctuation, a bracketed role left out', () => {
    expect(initials('Fay (facilitator)')).toBe('F');
    expect(initials('Sam "the tester" Rivera')).toBe('SR');
    expect(initials('(Ops) Kim')).toBe('K');
    expect(initials('(facilitator)')).toBe('F');
    expect(initials("O'Neil, Pat")).toBe('OP');
    expect(initials('김민수')).toBe('김');
  });

  it('falls back to a question mark', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
    expect(initials('-- ()')).toBe('?');
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
