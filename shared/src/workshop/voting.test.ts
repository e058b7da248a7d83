import { describe, expect, it } from 'vitest';
import type { DotVote } from './types.ts';
import { checkDot, dotsLeft, kaizenVotes, ranking, topItems } from './voting.ts';

const vote = (ballots: DotVote['ballots'], extra: Partial<DotVote> = {}): DotVote => ({
  id: 'v',
  stateId: 's',
  subject: 'stages',
  dots: 3,
  stackLimit: 2,
  closed: false,
  openedAt: 0,
  itemIds: ['a', 'b', 'c'],
  ballots,
  candidates: {},
  ...extra,
});

describe('dot voting', () => {
  it('allows N dots per participant, stacking up to the limit', () => {
    const v = vote({ p1: { a: 2 }, p2: { a: 1, b: 2 } });
    expect(dotsLeft(v, 'p1')).toBe(1);
    expect(checkDot(v, 'p1', 'a', 1)).toBe('at most 2 dots on one item');
    expect(checkDot(v, 'p1', 'b', 1)).toBe('');
    expect(checkDot(v, 'p2', 'c', 1)).toBe('you have placed all 3 dots');
    expect(checkDot(v, 'p1', 'c', -1)).toBe('there is no dot of yours on this item');
    expect(checkDot(v, 'p1', 'x', 1)).toBe('this item is not part of the vote');
    expect(checkDot({ ...v, closed: true }, 'p1', 'b', 1)).toBe('the vote is closed');
  });

  it('ranks by dots, ties sharing a rank in item order', () => {
    const v = vote({ p1: { c: 2, b: 1 }, p2: { a: 1, b: 1, c: 1 }, p3: { a: 2 } });
    expect(ranking(v)).toEqual([
      { itemId: 'a', votes: 3, voters: 2, rank: 1 },
      { itemId: 'c', votes: 3, voters: 2, rank: 1 },
      { itemId: 'b', votes: 2, voters: 2, rank: 3 },
    ]);
    expect(topItems(vote({ p1: { b: 1 } }), 2).map((i) => i.itemId)).toEqual(['b']);
  });

  it("counts a kaizen's dots from closed votes, including the stage it was made from", () => {
    const stages = vote({ p1: { a: 2 }, p2: { a: 1 } }, { closed: true, candidates: { a: 'k1' } });
    const ideas = vote(
      { p1: { k1: 1, k2: 2 } },
      { id: 'v2', subject: 'kaizens', itemIds: ['k1', 'k2'], closed: true },
    );
    const open = vote({ p1: { a: 3 } }, { id: 'v3', candidates: { a: 'k1' } });
    expect(kaizenVotes([stages, ideas, open])).toEqual({ k1: 4, k2: 2 });
  });
});
