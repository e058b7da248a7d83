// The four key metrics of two states or snapshots side by side: each value and its DORA level
// before → after. A level move is what leadership asks about; the value change shows progress
// within a level, which is what a quarter usually brings.
import {
  DORA_KEYS,
  DORA_LEVELS,
  type DoraAssessment,
  type DoraKey,
  type DoraLevel,
  type DoraMetricAssessment,
} from './dora.ts';

export interface DoraChange {
  key: DoraKey;
  label: string;
  before: DoraMetricAssessment;
  after: DoraMetricAssessment;
  /** More deployments are better; less of every other metric is. */
  better: 'higher' | 'lower';
  /** Levels gained (+) or lost (−), e.g. medium → elite is +2; null when either level is unknown. */
  levelSteps: number | null;
  /** (after − before) / before; null when either value is missing or before is 0. */
  relativeChange: number | null;
  /** Strictly better value than before; null when either value is missing. */
  improved: boolean | null;
}

const rank = (level: DoraLevel | null): number | null =>
  level === null ? null : DORA_LEVELS.length - DORA_LEVELS.indexOf(level);

export function compareDora(before: DoraAssessment, after: DoraAssessment): DoraChange[] {
  return DORA_KEYS.map((key) => {
    const b = before[key];
    const a = after[key];
    const better = key === 'deploymentFrequency' ? 'higher' : 'lower';
    const rb = rank(b.level);
    const ra = rank(a.level);
    const both = a.value !== null && b.value !== null;
    const diff = both ? (a.value as number) - (b.value as number) : null;
    return {
      key,
      label: a.label,
      before: b,
      after: a,
      better,
      levelSteps: rb !== null && ra !== null ? ra - rb : null,
      relativeChange: diff !== null && b.value !== 0 ? diff / Math.abs(b.value as number) : null,
      improved: diff === null ? null : better === 'higher' ? diff > 0 : diff < 0,
    };
  });
}
