import { describe, expect, it } from 'vitest';
import { avatarSlots, splitAvatars } from './collapse.ts';

describe('avatarSlots', () => {
  it('gives a wide window six avatars and a 1440 px one three', () => {
    expect(avatarSlots(1920, false)).toBe(6);
    expect(avatarSlots(1920, true)).toBe(6);
    expect(avatarSlots(1440, false)).toBe(3);
  });

  it('gives one avatar less while following (the Stop following pill takes its room)', () => {
    expect(avatarSlots(1440, true)).toBe(2);
  });
});

describe('splitAvatars', () => {
  const people = ['Sam', 'Kim', 'Lee', 'Ana', 'Bo'];

  it('shows everyone who fits', () => {
    expect(splitAvatars(people.slice(0, 2), 3)).toEqual({ shown: ['Sam', 'Kim'], folded: [] });
    expect(splitAvatars([], 3)).toEqual({ shown: [], folded: [] });
  });

  it('folds the rest into +N, which takes the last slot', () => {
    expect(splitAvatars(people.slice(0, 3), 3)).toEqual({
      shown: ['Sam'],
      folded: ['Kim', 'Lee'],
    });
    expect(splitAvatars(people, 6)).toEqual({ shown: people, folded: [] });
    expect(splitAvatars([...people, 'Cy'], 6)).toEqual({
      shown: people.slice(0, 4),
      folded: ['Bo', 'Cy'],
    });
  });

  it('folds everyone else when only your avatar and +N fit', () => {
    expect(splitAvatars(people.slice(0, 2), 2)).toEqual({ shown: [], folded: ['Sam', 'Kim'] });
    expect(splitAvatars(people.slice(0, 1), 2)).toEqual({ shown: ['Sam'], folded: [] });
  });
});
