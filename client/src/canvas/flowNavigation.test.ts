import type { MapState } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { firstStep, neighbour } from './flowNavigation.ts';
import { flow, makeNode, makeState, rework } from './test-helpers.ts';

const centres = (state: MapState) => (id: string) => {
  const n = state.nodes[id];
  return n ? { x: n.x + 100, y: n.y + 36 } : null;
};

// start → a → b → c → end on one row; b also branches down to d (parallel) which joins c;
// c sends work back to a (rework); a note sits above b and a stray stage x at the far right.
const pipeline = makeState(
  [
    makeNode('start', 'start', { x: 0, y: 0 }),
    makeNode('a', 'stage', { x: 300, y: 0 }),
    makeNode('b', 'stage', { x: 600, y: 0 }),
    makeNode('d', 'stage', { x: 900, y: 250 }),
    makeNode('c', 'stage', { x: 900, y: 0 }),
    makeNode('end', 'end', { x: 1200, y: 0 }),
    makeNode('note', 'note', { x: 600, y: -200 }),
    makeNode('x', 'stage', { x: 1800, y: 40 }),
  ],
  [
    flow('start', 'a'),
    flow('a', 'b'),
    flow('b', 'd'),
    flow('b', 'c'),
    flow('d', 'c'),
    flow('c', 'end'),
    rework('c', 'a'),
  ],
);
const at = centres(pipeline);

describe('neighbour along the flow', () => {
  it('→ follows flow arrows, ← goes back along them', () => {
    expect(neighbour(pipeline, 'start', 'next', at)).toBe('a');
    expect(neighbour(pipeline, 'a', 'next', at)).toBe('b');
    expect(neighbour(pipeline, 'c', 'previous', at)).toBe('b');
    expect(neighbour(pipeline, 'a', 'previous', at)).toBe('start');
  });

  it('takes the branch on the same row first at a split, and a rework arrow is not the flow', () => {
    expect(neighbour(pipeline, 'b', 'next', at)).toBe('c');
    // c's only flow arrow leads to end, though it also sends work back to a.
    expect(neighbour(pipeline, 'c', 'next', at)).toBe('end');
    expect(neighbour(pipeline, 'd', 'next', at)).toBe('c');
  });

  it('↑ and ↓ go to the nearest node above or below (a parallel branch, a note)', () => {
    expect(neighbour(pipeline, 'c', 'down', at)).toBe('d');
    expect(neighbour(pipeline, 'd', 'up', at)).toBe('c');
    expect(neighbour(pipeline, 'b', 'up', at)).toBe('note');
    expect(neighbour(pipeline, 'note', 'down', at)).toBe('b');
    expect(neighbour(pipeline, 'start', 'up', at)).toBeNull();
  });

  it('never dead-ends: without a flow arrow the nearest node that way on screen is taken', () => {
    expect(neighbour(pipeline, 'end', 'next', at)).toBe('x');
    expect(neighbour(pipeline, 'x', 'previous', at)).toBe('end');
    expect(neighbour(pipeline, 'x', 'next', at)).toBeNull();
    expect(neighbour(pipeline, 'start', 'previous', at)).toBeNull();
  });

  it('answers nothing for a node that is not there', () => {
    expect(neighbour(pipeline, 'gone', 'next', at)).toBeNull();
  });
});

describe('firstStep', () => {
  it('is the start node', () => {
    expect(firstStep(pipeline, at)).toBe('start');
  });

  it('without a start, the leftmost step nothing flows into', () => {
    const s = makeState(
      [
        makeNode('late', 'stage', { x: 500 }),
        makeNode('early', 'stage', { x: 100 }),
        makeNode('fed', 'stage', { x: 0 }),
      ],
      [flow('early', 'fed'), flow('late', 'fed')],
    );
    expect(firstStep(s, centres(s))).toBe('early');
  });

  it('is null on an empty state', () => {
    const s = makeState([]);
    expect(firstStep(s, centres(s))).toBeNull();
  });
});
