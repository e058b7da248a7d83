// How the four key metrics read in a comparison: each value and level before → after, the level
// move in words and the value's relative change, with the tone a view colours. Shared by the app's
// Compare view and the PDF's comparison page, like compareFormat.ts for the flow metrics.
import type { DoraChange } from './compareDora.ts';
import { type FigureUnit, formatRelativeChange, signOf, type Tone } from './compareFormat.ts';
import type { DoraKey, DoraLevel } from './dora.ts';

export interface DoraRow {
  key: DoraKey;
  label: string;
  before: string;
  after: string;
  beforeLevel: DoraLevel | null;
  afterLevel: DoraLevel | null;
  /** "+2 levels", "−1 level", "same level", or "" when a level is unknown. */
  levelMove: string;
  /** "−40%", or "" when it cannot be computed. */
  relative: string;
  tone: Tone;
  /** Direction of the value, as on the metric cards. */
  arrow: '↑' | '↓' | '';
}

/** What each key metric counts, for a signed change of its value (formatChange). */
export const DORA_UNITS: Record<DoraKey, FigureUnit> = {
  deploymentFrequency: 'perWeek',
  leadTimeForChanges: 'duration',
  changeFailureRate: 'ratio',
  timeToRestore: 'duration',
};

function levelMove(steps: number | null): string {
  if (steps === null) return '';
  if (steps === 0) return 'same level';
  const n = Math.abs(steps);
  return `${signOf(steps)}${n} ${n === 1 ? 'level' : 'levels'}`;
}

/** A level gained or lost decides; within a level, the value's direction does. */
export function doraTone(change: DoraChange): Tone {
  if (change.levelSteps !== null && change.levelSteps !== 0) {
    return change.levelSteps > 0 ? 'better' : 'worse';
  }
  const { before, after } = change;
  if (before.value === null || after.value === null) return 'neutral';
  if (before.value === after.value) return 'same';
  return change.improved ? 'better' : 'worse';
}

export function doraRow(change: DoraChange): DoraRow {
  const { before, after } = change;
  const diff = before.value !== null && after.value !== null ? after.value - before.value : null;
  return {
    key: change.key,
    label: change.label,
    before: before.display,
    after: after.display,
    beforeLevel: before.level,
    afterLevel: after.level,
    levelMove: levelMove(change.levelSteps),
    relative:
      change.relativeChange === null || diff === 0
        ? ''
        : formatRelativeChange(change.relativeChange),
    tone: doraTone(change),
    arrow: diff === null || diff === 0 ? '' : diff > 0 ? '↑' : '↓',
  };
}
