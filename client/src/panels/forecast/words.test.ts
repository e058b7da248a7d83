import {
  DEFAULT_META,
  formatKaizenEffect,
  formatWithin,
  type KaizenEffect,
  type LeadTimeDistribution,
} from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { translator } from '../testing/translators.ts';
import { kaizenEffectSentence, withinSentence } from './words.ts';

const en = translator('en', 'forecast');
const ko = translator('ko', 'forecast');
const wt = { hoursPerDay: 8, daysPerWeek: 5 };

const distribution = {
  trials: 100,
  leadTimeMinutes: { p50: 4800, p85: 8160, p95: 9600, mean: 5000 },
  histogram: { fromMinutes: 2400, toMinutes: 9600, counts: [50, 50] },
} as unknown as LeadTimeDistribution;

describe('forecast sentences', () => {
  it('read in English exactly as shared words them', () => {
    for (const meta of [
      DEFAULT_META,
      { ...DEFAULT_META, unitOfWork: 'change' },
      { ...DEFAULT_META, unitOfWork: 'story' },
    ]) {
      for (const p of [50, 85, 95] as const) {
        expect(withinSentence(en, 'en', distribution, meta, p)).toBe(
          formatWithin(distribution, meta, p),
        );
      }
    }
    const effect = {
      kaizenId: 'k',
      name: 'Automate the regression suite',
      expectedChangeMinutes: -1680,
      p85ChangeMinutes: 0.2,
    } as KaizenEffect;
    expect(kaizenEffectSentence(en, effect, wt)).toBe(formatKaizenEffect(effect, wt));
  });

  it('read in Korean, keeping a typed unit of work as typed', () => {
    expect(withinSentence(ko, 'ko', distribution, DEFAULT_META)).toBe(
      '작업 항목의 85%가 3w 2d 이내',
    );
    expect(withinSentence(ko, 'ko', distribution, { ...DEFAULT_META, unitOfWork: '변경' })).toBe(
      '변경의 85%가 3w 2d 이내',
    );
    const effect = {
      kaizenId: 'k',
      name: '회귀 테스트 자동화',
      expectedChangeMinutes: -1680,
      p85ChangeMinutes: 0,
    } as KaizenEffect;
    expect(kaizenEffectSentence(ko, effect, wt)).toBe(
      '회귀 테스트 자동화: 예상 −3d 4h, p85 기준 변화 없음',
    );
  });
});
