// The share of an either/or route and the rate of a rework loop, as the canvas labels its arrows.
import { describe, expect, it } from 'vitest';
import { createDeriveCache, toFlowElements } from './elements.ts';
import { derive, deriveInput, flow, makeNode, makeState, rework } from './test-helpers.ts';

function amounts(edges: ReturnType<typeof derive>['edges']) {
  return Object.fromEntries(edges.map((e) => [e.id, e.data?.amount ?? null]));
}

describe('arrow labels', () => {
  const nodes = [makeNode('a', 'stage'), makeNode('b', 'stage'), makeNode('c', 'stage')];

  it("carries a flow arrow's share and a rework arrow's rate, written as the exports write them", () => {
    const state = makeState(nodes, [
      { ...flow('a', 'b'), share: 0.8 },
      { ...flow('a', 'c'), share: 0.2 },
      { ...rework('c', 'a'), rate: 0.05 },
      flow('b', 'c'),
    ]);
    expect(amounts(derive(state).edges)).toEqual({
      'a->b': '80%',
      'a->c': '20%',
      'c~>a': '5%',
      'b->c': null,
    });
  });

  it('labels nothing the metrics cannot use (a rate of 100 %, a share above 1)', () => {
    const state = makeState(nodes, [
      { ...flow('a', 'b'), share: 1.5 },
      { ...rework('c', 'a'), rate: 1 },
    ]);
    expect(amounts(derive(state).edges)).toEqual({ 'a->b': null, 'c~>a': null });
  });

  it('gives a new arrow object when only the share changed, so the label redraws', () => {
    const before = makeState(nodes, [{ ...flow('a', 'b'), share: 0.5 }]);
    const after = makeState(nodes, [{ ...flow('a', 'b'), share: 0.6 }]);
    const cache = createDeriveCache();
    const first = toFlowElements(deriveInput(before), cache).edges[0];
    expect(toFlowElements(deriveInput(before), cache).edges[0]).toBe(first);
    const second = toFlowElements(deriveInput(after), cache).edges[0];
    expect(second?.data?.amount).toBe('60%');
    expect(second).not.toBe(first);
  });
});
