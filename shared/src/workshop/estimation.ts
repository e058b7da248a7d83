// Silent estimation, pure: the figures a reveal shows (min, median, max, and a flag when the
// answers spread by more than 3×), what accepting a value writes to the stage, and to whom a
// stage's %C/A question is addressed — the team of the stage downstream, which receives the work,
// never the team that does it (people rate their own output kindly).
import type { MapNode, MapState, NodePatchLike } from './planTypes.ts';
import type { EstimateField, EstimationRound } from './types.ts';

/** Above this max/min ratio the room disagrees enough to talk before accepting. */
export const WIDE_SPREAD_RATIO = 3;

export interface RoundStats {
  count: number;
  min: number;
  median: number;
  max: number;
  /** max / min; Infinity when min is 0 and max is not. */
  spread: number;
  wideSpread: boolean;
}

/** The stats of one stage's answers, or null when nobody answered. */
export function answerStats(values: readonly number[]): RoundStats | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return null;
  const min = sorted[0] as number;
  const max = sorted[count - 1] as number;
  const mid = Math.floor(count / 2);
  const median =
    count % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const spread = min > 0 ? max / min : max > 0 ? Number.POSITIVE_INFINITY : 1;
  return { count, min, median, max, spread, wideSpread: spread > WIDE_SPREAD_RATIO };
}

/** Every answer given for `stageId` in the round, by participant id. */
export function answersFor(round: EstimationRound, stageId: string): [string, number][] {
  const out: [string, number][] = [];
  for (const [participantId, answers] of Object.entries(round.answers)) {
    const value = answers[stageId];
    if (typeof value === 'number') out.push([participantId, value]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function statsFor(round: EstimationRound, stageId: string): RoundStats | null {
  return answerStats(answersFor(round, stageId).map(([, v]) => v));
}

/** Who has answered every stage of the round (progress: "2 of 3 answered"). */
export function answeredAll(round: EstimationRound, participantId: string): boolean {
  const answers = round.answers[participantId];
  return !!answers && round.stageIds.every((id) => typeof answers[id] === 'number');
}

/**
 * The stage downstream of `stageId`: the first stage reached over flow edges, passing through
 * queues (a queue is the wait in front of the next step, not a team). Null at the end of the
 * stream. With several successors (parallel or either/or), the one with the lowest id, so every
 * client addresses the same team.
 */
export function downstreamStage(state: MapState, stageId: string): MapNode | null {
  const seen = new Set<string>([stageId]);
  let frontier = [stageId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      const targets = Object.values(state.edges)
        .filter((e) => e.kind === 'flow' && e.source === id)
        .map((e) => e.target)
        .sort();
      for (const target of targets) {
        if (seen.has(target)) continue;
        seen.add(target);
        const node = state.nodes[target];
        if (!node) continue;
        if (node.type === 'stage') return node;
        if (node.type === 'queue') next.push(target);
      }
    }
    frontier = next;
  }
  return null;
}

/** The team a stage's %C/A is asked of: the downstream stage's team, else its name. */
export function raterOf(state: MapState, stageId: string): string | null {
  const downstream = downstreamStage(state, stageId);
  if (!downstream) return null;
  return downstream.team?.trim() || downstream.name.trim() || null;
}

/** The question shown for one stage in a round (what the room answers, per field). */
export function promptFor(state: MapState, field: EstimateField, stageId: string): string {
  const stage = state.nodes[stageId];
  const name = stage?.name.trim() || 'this step';
  if (field === 'elapsedMinutes') {
    return `${name}: how long does one item take from arriving to leaving (lead time)?`;
  }
  if (field === 'valueAddMinutes') {
    return `${name}: how much of that time is actual work on it (process time)?`;
  }
  const rater = raterOf(state, stageId);
  return rater
    ? `${rater}: what share of what you receive from ${name} is usable as is?`
    : `Whoever receives ${name}'s output: what share of it is usable as is?`;
}

/**
 * The stage fields accepting `value` writes: the field itself; for LT the answers' low and high
 * become the three-point range (widened to include the accepted value, so low ≤ LT ≤ high holds);
 * times are marked as estimates; %C/A records who rated it.
 */
export function acceptedPatch(
  state: MapState,
  round: EstimationRound,
  stageId: string,
  value: number,
): NodePatchLike {
  const stats = statsFor(round, stageId);
  if (round.field === 'elapsedMinutes') {
    return {
      elapsedMinutes: value,
      elapsedLowMinutes: Math.min(stats?.min ?? value, value),
      elapsedHighMinutes: Math.max(stats?.max ?? value, value),
      timeSource: 'estimate',
    };
  }
  if (round.field === 'valueAddMinutes') return { valueAddMinutes: value, timeSource: 'estimate' };
  const rater = raterOf(state, stageId);
  return rater ? { pctCA: value, ratedBy: rater } : { pctCA: value };
}

/** Refuses a value that does not fit the field ("" when it fits). */
export function checkEstimate(field: EstimateField, value: number): string {
  if (!Number.isFinite(value) || value < 0) return 'must be a number, not negative';
  if (field === 'pctCA' && value > 100) return 'must be 0–100';
  return '';
}
