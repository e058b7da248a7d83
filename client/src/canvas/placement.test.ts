import type { NodeType } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { defaultSize } from './nodes/sizes.ts';
import { freeSpot, NEXT_GAP, placeNewNode } from './placement.ts';
import { flow, makeNode, makeState } from './test-helpers.ts';
import type { Size } from './types.ts';

const sizeOf = (_id: string, type: NodeType): Size => defaultSize(type);
const state = makeState(
  [
    makeNode('start', 'start', { x: 0, y: 0 }),
    makeNode('a', 'stage', { x: 240, y: 0 }),
    makeNode('b', 'stage', { x: 510, y: 0 }),
  ],
  [flow('start', 'a'), flow('a', 'b')],
);

describe('placeNewNode', () => {
  it('adds the next step to the right of the selected one, joined to it', () => {
    expect(
      placeNewNode('stage', state, sizeOf, { centre: { x: 0, y: 0 }, selected: ['b'] }),
    ).toEqual({ x: 510 + 210 + NEXT_GAP, y: 0, linkFrom: 'b', linkTo: null });
    expect(
      placeNewNode('end', state, sizeOf, { centre: { x: 0, y: 0 }, selected: ['b'] }),
    ).toMatchObject({ linkFrom: 'b' });
  });

  it('continues the chain after a selected queue too', () => {
    const withQueue = makeState([makeNode('q', 'queue', { x: 0, y: 0 })]);
    expect(
      placeNewNode('stage', withQueue, sizeOf, { centre: { x: 0, y: 0 }, selected: ['q'] }),
    ).toEqual({ x: 120 + NEXT_GAP, y: 0, linkFrom: 'q', linkTo: null });
  });

  it('branches below when the spot after the selected step is taken', () => {
    const place = placeNewNode('stage', state, sizeOf, { centre: { x: 0, y: 0 }, selected: ['a'] });
    expect(place).toEqual({ x: 240 + 210 + NEXT_GAP, y: 150 + 60, linkFrom: 'a', linkTo: null });
  });

  it('puts a kaizen burst above and a note below the selected node, unlinked', () => {
    const kaizen = placeNewNode('kaizen', state, sizeOf, {
      centre: { x: 0, y: 0 },
      selected: ['a'],
    });
    expect(kaizen).toEqual({ x: 245, y: -170, linkFrom: null, linkTo: null });
    const note = placeNewNode('note', state, sizeOf, { centre: { x: 0, y: 0 }, selected: ['a'] });
    expect(note).toMatchObject({ y: 190, linkFrom: null, linkTo: null });
  });

  it('puts a start before a selected stage, flowing into it', () => {
    const lone = makeState([makeNode('a', 'stage', { x: 500, y: 100 })]);
    expect(
      placeNewNode('start', lone, sizeOf, { centre: { x: 0, y: 0 }, selected: ['a'] }),
    ).toEqual({
      x: 500 - 180 - NEXT_GAP,
      y: 100,
      linkFrom: null,
      linkTo: 'a',
    });
  });

  it('centres on the screen without a selection, stepping off other nodes', () => {
    const centre = { x: 345, y: 36 };
    const place = placeNewNode('stage', state, sizeOf, { centre, selected: [] });
    expect(place.linkFrom).toBeNull();
    // (240, 0) is taken by "a"; the spot moves diagonally until it touches nothing.
    expect(place.x).toBeGreaterThan(240);
    expect(place.y).toBeGreaterThanOrEqual(150);
    const empty = makeState([]);
    expect(placeNewNode('stage', empty, sizeOf, { centre, selected: ['gone'] })).toEqual({
      x: 240,
      y: 0,
      linkFrom: null,
      linkTo: null,
    });
  });
});

describe('freeSpot', () => {
  it('returns the start when nothing is in the way', () => {
    expect(freeSpot({ x: 1, y: 2 }, { width: 10, height: 10 }, [], { x: 5, y: 5 })).toEqual({
      x: 1,
      y: 2,
    });
  });
});
