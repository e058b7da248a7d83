// What MeasuredFigures shows, as plain functions: the estimate a measurement is compared with,
// whether a difference is worse or better, and the short period and difference texts that fit a
// stage box. Every figure goes through shared's formatters.
import {
  formatChange,
  formatDuration,
  type MapNode,
  type StageEstimate,
  type WorkingTime,
} from '@flowmap/shared';

export type Tone = 'worse' | 'better' | 'same';

/** The estimate: kept aside while the stage uses its measured figures, else the stage's own. */
export function estimateOf(node: MapNode): StageEstimate {
  return node.timeSource === 'measured' ? (node.estimate ?? {}) : node;
}

/** Longer lead time is worse; lower %C/A is worse (`higherIsWorse` false). */
export function tone(change: number, higherIsWorse: boolean): Tone {
  if (Math.abs(change) < 1e-9) return 'same';
  return change > 0 === higherIsWorse ? 'worse' : 'better';
}

/** "2026-03-02 – 03-16": the year once when both ends share it. */
export function period(from: string, to: string): string {
  const a = from.slice(0, 10);
  const b = to.slice(0, 10);
  return a.slice(0, 4) === b.slice(0, 4) ? `${a} – ${b.slice(5)}` : `${a} – ${b}`;
}

/** A signed difference short enough for the box: two units at most ("−4d 2h"). */
export function durationChange(change: number, wt: WorkingTime): string {
  if (Math.abs(change) < 0.5) return formatChange('duration', 0, wt);
  const sign = change > 0 ? '+' : '\u2212';
  return `${sign}${formatDuration(Math.abs(change), wt, { maxParts: 2 })}`;
}
