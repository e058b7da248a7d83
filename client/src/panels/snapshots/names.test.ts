import { describe, expect, it } from 'vitest';
import { translator } from '../testing/translators.ts';
import { quarterName, uniqueName } from './names.ts';

const en = translator('en', 'snapshots');

describe('quarterName', () => {
  it('names the quarter of the local date', () => {
    expect(quarterName(en, new Date(2026, 0, 1))).toBe('2026-Q1 review');
    expect(quarterName(en, new Date(2026, 2, 31, 23, 59))).toBe('2026-Q1 review');
    expect(quarterName(en, new Date(2026, 3, 1))).toBe('2026-Q2 review');
    expect(quarterName(en, new Date(2026, 8, 30))).toBe('2026-Q3 review');
    expect(quarterName(en, new Date(2026, 9, 1))).toBe('2026-Q4 review');
    expect(quarterName(en, new Date(2026, 11, 31))).toBe('2026-Q4 review');
  });
});

describe('uniqueName', () => {
  it('numbers a name that is already taken', () => {
    expect(uniqueName('2026-Q4 review', [])).toBe('2026-Q4 review');
    expect(uniqueName('2026-Q4 review', ['2026-Q3 review'])).toBe('2026-Q4 review');
    expect(uniqueName('2026-Q4 review', ['2026-Q4 review'])).toBe('2026-Q4 review (2)');
    expect(
      uniqueName('2026-Q4 review', [
        '2026-Q4 review',
        '2026-Q4 review (2)',
        ' 2026-Q4 review (3) ',
      ]),
    ).toBe('2026-Q4 review (4)');
  });
});

describe('quarterName in Korean', () => {
  it('names the review by year and quarter', () => {
    expect(quarterName(translator('ko', 'snapshots'), new Date(2026, 9, 1))).toBe(
      '2026년 4분기 리뷰',
    );
  });
});
