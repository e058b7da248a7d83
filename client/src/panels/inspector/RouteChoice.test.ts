import { describe, expect, it } from 'vitest';
import { flow, makeNode, makeState, rework } from '../../canvas/test-helpers.ts';
import { outgoingArrows } from './RouteChoice.tsx';

describe('outgoingArrows', () => {
  it("lists a step's flow arrows to other steps, top down, leaving out rework and a kaizen's link", () => {
    const state = makeState(
      [
        makeNode('review', 'stage'),
        makeNode('cab', 'stage', { y: 200 }),
        makeNode('release', 'stage', { y: 0 }),
        makeNode('idea', 'kaizen'),
        makeNode('note', 'note'),
      ],
      [
        flow('review', 'cab'),
        flow('review', 'release'),
        flow('review', 'note'),
        rework('review', 'idea'),
        flow('idea', 'review'),
      ],
    );
    expect(outgoingArrows(state, 'review').map((e) => e.target)).toEqual(['release', 'cab']);
    expect(outgoingArrows(state, 'idea')).toEqual([]);
  });
});
