import type { NodeType } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { defaultSize } from './nodes/sizes.ts';
import { placeQueue, QUEUE_ARROW_ROOM, queueTarget } from './queuePlacement.ts';
import { flow, makeNode, makeState, rework, templateState } from './test-helpers.ts';
import type { Size } from './types.ts';

const sizeOf = (_id: string, type: NodeType): Size => defaultSize(type);

describe('placeQueue', () => {
  it('makes room on a tight row: the downstream steps move right, the queue sits in the gap', () => {
    // The template: stages 210 wide every 260, so a 50 px gap.
    const state = templateState();
    const place = placeQueue(state, 'security-review--change-management', sizeOf);
    const shift = 120 + 2 * QUEUE_ARROW_ROOM - 50;
    expect(place?.y).toBe(0);
    expect(place?.x).toBe(4 * 260 + 210 + QUEUE_ARROW_ROOM);
    expect(place?.moves).toEqual([
      { id: 'change-management', x: 5 * 260 + shift, y: 0 },
      { id: 'release', x: 6 * 260 + shift, y: 0 },
      { id: 'end', x: 7 * 260 + shift, y: 0 },
    ]);
  });

  it('moves nothing when the gap is wide enough, and centres the queue in it', () => {
    const state = makeState(
      [makeNode('a', 'stage', { x: 0, y: 0 }), makeNode('b', 'stage', { x: 610, y: 0 })],
      [flow('a', 'b')],
    );
    expect(placeQueue(state, 'a->b', sizeOf)).toEqual({ x: 210 + 140, y: 0, moves: [] });
  });

  it('goes halfway between the centres of an arrow that runs back or down', () => {
    const state = makeState(
      [makeNode('a', 'stage', { x: 0, y: 0 }), makeNode('b', 'stage', { x: 0, y: 400 })],
      [flow('a', 'b')],
    );
    expect(placeQueue(state, 'a->b', sizeOf)).toEqual({ x: 105 - 60, y: 200, moves: [] });
  });
});

describe('queueTarget', () => {
  const state = makeState(
    [makeNode('a', 'stage'), makeNode('b', 'stage'), makeNode('k', 'kaizen')],
    [flow('a', 'b'), rework('b', 'a'), flow('k', 'a')],
  );

  it('is the one selected flow arrow between two steps', () => {
    expect(queueTarget(state, ['a->b'])).toBe('a->b');
  });

  it('is null for rework, a kaizen link, several arrows or none', () => {
    expect(queueTarget(state, ['b~>a'])).toBeNull();
    expect(queueTarget(state, ['k->a'])).toBeNull();
    expect(queueTarget(state, ['a->b', 'b~>a'])).toBeNull();
    expect(queueTarget(state, [])).toBeNull();
    expect(queueTarget(null, ['a->b'])).toBeNull();
  });
});
