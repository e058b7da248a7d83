import { describe, expect, it } from 'vitest';
import { arrowsToDelete } from './flowActions.ts';
import { flow, makeNode, makeState } from './test-helpers.ts';

describe('arrowsToDelete', () => {
  const state = makeState(
    ['a', 'b', 'c', 'd'].map((id) => makeNode(id, 'stage')),
    [flow('a', 'b'), flow('b', 'c'), flow('c', 'd')],
  );

  it('leaves the arrows of deleted boxes to the reconnecting delete', () => {
    // A box selection of b and c holds the arrow between them; c→d goes with c.
    expect(arrowsToDelete(state, ['b', 'c'], ['b->c', 'c->d'])).toEqual([]);
    expect(arrowsToDelete(state, ['b'], ['b->c', 'c->d'])).toEqual(['c->d']);
  });

  it('deletes selected arrows on their own when no box is deleted, and passes unknown ids on', () => {
    expect(arrowsToDelete(state, [], ['a->b', 'gone'])).toEqual(['a->b', 'gone']);
  });
});
