import { classifyDora, compareDora, doraRow } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { translator } from '../testing/translators.ts';
import { levelMove } from './words.ts';

const en = translator('en', 'panels');
const ko = translator('ko', 'panels');

describe('level moves', () => {
  it('read in English as shared words them, and in Korean', () => {
    expect([2, 1, 0, -1, null].map((n) => levelMove(en, n))).toEqual([
      '+2 levels',
      '+1 level',
      'same level',
      '\u22121 level',
      '',
    ]);
    const wt = { hoursPerDay: 8, daysPerWeek: 5 };
    const low = classifyDora({ deploymentsPerWeek: 0.1, changeFailureRate: 0.5 }, 0, wt);
    const elite = classifyDora({ deploymentsPerWeek: 20, changeFailureRate: 0.01 }, 0, wt);
    for (const change of [...compareDora(low, elite), ...compareDora(elite, low)]) {
      expect(levelMove(en, change.levelSteps)).toBe(doraRow(change).levelMove);
    }
    expect([2, 0, -1].map((n) => levelMove(ko, n))).toEqual(['+2등급', '같은 등급', '\u22121등급']);
  });
});
