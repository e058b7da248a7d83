// Bottlenecks, each with a reason a person can read on the map. Waiting bottlenecks come from the
// critical path only (shortening another branch does not shorten the lead time); quality
// bottlenecks come from every stage, because rework from any branch reaches the customer.
import { formatDuration } from '../model/durations.ts';
import type { WorkingTime } from '../model/types.ts';
import { formatPercentage } from './percent.ts';
import type { Bottleneck, QualityBottleneck, StageMetrics } from './types.ts';

function byId(a: StageMetrics, b: StageMetrics): number {
  return a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0;
}

/**
 * A share as a whole percent, as people read it: "85%"; below 1 % with two significant digits
 * ("0.4%", "0.08%"). A share that is neither none nor all never reads "0%" or "100%" (a stage that
 * waits 3 minutes of a week still waits).
 */
export function formatShare(fraction: number): string {
  return formatPercentage(fraction * 100, 0);
}

/** A %C/A as entered, up to two decimals, so 79.99 below an 80 threshold never reads "80%". */
export function formatPctCA(pctCA: number): string {
  return formatPercentage(pctCA, 2);
}

/**
 * Stages and queues on the critical path that wait at all, most waiting first (ties by node id),
 * keeping the top `count`. `reasons` replaces the reason of a node (a queue says what it holds).
 */
export function rankBottlenecks(
  stages: readonly StageMetrics[],
  count: number,
  wt: WorkingTime,
  reasons: ReadonlyMap<string, string> = new Map(),
): Bottleneck[] {
  const fmt = (minutes: number) => formatDuration(minutes, wt);
  const ranked = topWaiting(stages, Math.max(0, Math.floor(count)));
  return ranked.map((s, i) => ({
    nodeId: s.nodeId,
    name: s.name,
    rank: i + 1,
    waitingMinutes: s.waitingMinutes,
    elapsedMinutes: s.elapsedMinutes,
    waitingShare: s.waitingShare,
    reason: `${reasons.get(s.nodeId) ?? `waits ${fmt(s.waitingMinutes)} of ${fmt(s.elapsedMinutes)}`} (${formatShare(s.waitingShare)} of all waiting)`,
  }));
}

const ranksBefore = (a: StageMetrics, b: StageMetrics) =>
  a.waitingMinutes > b.waitingMinutes || (a.waitingMinutes === b.waitingMinutes && byId(a, b) < 0);

/**
 * The `count` most-waiting critical-path stages, in rank order. A bounded insertion instead of a
 * full sort: `count` is a handful and a 5,000-stage path would otherwise be sorted on every edit.
 */
function topWaiting(stages: readonly StageMetrics[], count: number): StageMetrics[] {
  const top: StageMetrics[] = [];
  if (count === 0) return top;
  for (const s of stages) {
    if (!s.onCriticalPath || !(s.waitingMinutes > 0)) continue;
    const last = top[top.length - 1];
    if (top.length === count && last && !ranksBefore(s, last)) continue;
    let i = top.length;
    while (i > 0 && ranksBefore(s, top[i - 1] as StageMetrics)) i--;
    top.splice(i, 0, s);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Every stage whose %C/A is below the threshold, lowest first (ties by node id). */
export function findQualityBottlenecks(
  stages: readonly StageMetrics[],
  threshold: number,
): QualityBottleneck[] {
  const low: { stage: StageMetrics; pctCA: number }[] = [];
  for (const stage of stages) {
    if (stage.pctCA !== null && stage.pctCA < threshold) low.push({ stage, pctCA: stage.pctCA });
  }
  return low
    .sort((a, b) => a.pctCA - b.pctCA || byId(a.stage, b.stage))
    .map(({ stage, pctCA }) => ({
      nodeId: stage.nodeId,
      name: stage.name,
      pctCA,
      reason: `only ${formatPctCA(pctCA)} complete and accurate`,
    }));
}
