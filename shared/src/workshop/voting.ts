// Dot voting, pure: how many dots a participant has left, whether one more dot on an item is
// allowed (N dots each, stacking up to a limit), and the ranking once the facilitator closes the
// vote. Ballots stay hidden in the UI until then, so the first dots do not steer the rest.
import type { DotVote } from './types.ts';

export function dotsUsed(vote: DotVote, participantId: string): number {
  const ballot = vote.ballots[participantId] ?? {};
  return Object.values(ballot).reduce((sum, n) => sum + n, 0);
}

export function dotsLeft(vote: DotVote, participantId: string): number {
  return Math.max(0, vote.dots - dotsUsed(vote, participantId));
}

/** Why one more (delta +1) or one fewer (−1) dot on `itemId` is refused; "" when allowed. */
export function checkDot(
  vote: DotVote,
  participantId: string,
  itemId: string,
  delta: 1 | -1,
): string {
  if (vote.closed) return 'the vote is closed';
  if (!vote.itemIds.includes(itemId)) return 'this item is not part of the vote';
  const onItem = vote.ballots[participantId]?.[itemId] ?? 0;
  if (delta < 0) return onItem > 0 ? '' : 'there is no dot of yours on this item';
  if (dotsLeft(vote, participantId) <= 0) return `you have placed all ${vote.dots} dots`;
  if (onItem >= vote.stackLimit) return `at most ${vote.stackLimit} dots on one item`;
  return '';
}

export interface RankedItem {
  itemId: string;
  votes: number;
  /** 1-based; items with the same number of dots share a rank. */
  rank: number;
  voters: number;
}

/** Items by dots, most first; ties keep the vote's item order and share a rank. */
export function ranking(vote: DotVote): RankedItem[] {
  const totals = new Map<string, { votes: number; voters: number }>();
  for (const id of vote.itemIds) totals.set(id, { votes: 0, voters: 0 });
  for (const ballot of Object.values(vote.ballots)) {
    for (const [itemId, n] of Object.entries(ballot)) {
      const total = totals.get(itemId);
      if (!total || n <= 0) continue;
      total.votes += n;
      total.voters += 1;
    }
  }
  const order = new Map(vote.itemIds.map((id, i) => [id, i]));
  const sorted = [...totals]
    .map(([itemId, t]) => ({ itemId, ...t }))
    .sort((a, b) => b.votes - a.votes || (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
  let rank = 0;
  let previous = Number.NaN;
  return sorted.map((item, i) => {
    if (item.votes !== previous) rank = i + 1;
    previous = item.votes;
    return { ...item, rank };
  });
}

/** The items that become kaizen candidates: the top `count` ranked items that got any dots. */
export function topItems(vote: DotVote, count: number): RankedItem[] {
  return ranking(vote)
    .filter((item) => item.votes > 0)
    .slice(0, Math.max(0, count));
}

/** Dots per kaizen across closed votes: its own dots plus those of the item it was made from. */
export function kaizenVotes(votes: readonly DotVote[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const vote of votes) {
    if (!vote.closed) continue;
    for (const item of ranking(vote)) {
      const kaizenId =
        vote.candidates[item.itemId] ?? (vote.subject === 'kaizens' ? item.itemId : undefined);
      if (kaizenId && item.votes > 0) out[kaizenId] = (out[kaizenId] ?? 0) + item.votes;
    }
  }
  return out;
}
