import dagre from '@dagrejs/dagre';
import { isPipelineNode, type MapState, type NodeType } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { computeLayout } from './layout.ts';
import { defaultSize } from './nodes/sizes.ts';
import { flow, makeNode, makeState, rework, templateState } from './test-helpers.ts';
import type { Size } from './types.ts';

const sizeOf = (_id: string, type: NodeType): Size => defaultSize(type);

function apply(state: MapState): MapState {
  const next = structuredClone(state);
  for (const p of computeLayout(dagre, state, sizeOf)) {
    const node = next.nodes[p.id];
    if (node) Object.assign(node, { x: p.x, y: p.y });
  }
  return next;
}

function expectLeftToRight(state: MapState) {
  for (const edge of Object.values(state.edges)) {
    if (edge.kind !== 'flow') continue;
    const source = state.nodes[edge.source];
    const target = state.nodes[edge.target];
    if (!source || !target) throw new Error(`dangling edge ${edge.id}`);
    // A kaizen burst's link to its stage is not part of the pipeline's left-to-right order.
    if (!isPipelineNode(source.type) || !isPipelineNode(target.type)) continue;
    expect(target.x, `${edge.id}`).toBeGreaterThanOrEqual(
      source.x + defaultSize(source.type).width + 40,
    );
  }
}

describe('computeLayout', () => {
  it('puts every flow edge’s target to the right of its source', () => {
    // A scrambled pipeline with a parallel branch and a rework edge pointing back.
    const state = makeState(
      [
        makeNode('start', 'start', { x: 900, y: 300 }),
        makeNode('build', 'stage', { x: 0, y: 0 }),
        makeNode('unit', 'stage', { x: -400, y: 80 }),
        makeNode('lint', 'stage', { x: 200, y: -500 }),
        makeNode('deploy', 'stage', { x: 50, y: 50 }),
        makeNode('end', 'end', { x: -900, y: 0 }),
      ],
      [
        flow('start', 'build'),
        flow('build', 'unit'),
        flow('build', 'lint'),
        flow('unit', 'deploy'),
        flow('lint', 'deploy'),
        flow('deploy', 'end'),
        rework('deploy', 'build'),
      ],
    );
    expectLeftToRight(apply(state));
  });

  it('levels a straight chain on one handle line whatever the node heights', () => {
    const laid = apply(templateState());
    const ids = ['start', 'vcs', 'auto-tests', 'manual-tests', 'security-review', 'release', 'end'];
    const ys = new Set(ids.map((id) => laid.nodes[id]?.y));
    expect(ys.size).toBe(1);
    expectLeftToRight(laid);
  });

  it('starts the laid-out pipeline where the old one started', () => {
    const state = makeState(
      [makeNode('a', 'stage', { x: 500, y: 200 }), makeNode('b', 'stage', { x: 100, y: 900 })],
      [flow('a', 'b')],
    );
    const laid = apply(state);
    expect(laid.nodes.a).toMatchObject({ x: 100, y: 200 });
    expect(laid.nodes.b?.y).toBe(200);
    expect(laid.nodes.b?.x).toBeGreaterThan(100 + 210);
  });

  it('moves kaizen bursts and notes with their nearest stage', () => {
    const state = makeState(
      [
        makeNode('a', 'stage', { x: 0, y: 0 }),
        makeNode('b', 'stage', { x: 0, y: 400 }),
        makeNode('idea', 'kaizen', { x: 20, y: 240 }),
        makeNode('memo', 'note', { x: 10, y: -150 }),
      ],
      [flow('a', 'b')],
    );
    const laid = apply(state);
    const b = laid.nodes.b;
    const a = laid.nodes.a;
    if (!a || !b) throw new Error('missing');
    // The burst's centre is closest to b's, so it keeps its offset from b (20 right, 160 up).
    expect(laid.nodes.idea).toMatchObject({ x: b.x + 20, y: b.y - 160 });
    expect(laid.nodes.memo).toMatchObject({ x: a.x + 10, y: a.y - 150 });
  });

  it('returns only the nodes that move, and nothing for a map without a pipeline', () => {
    const laidOnce = apply(templateState());
    expect(computeLayout(dagre, laidOnce, sizeOf)).toEqual([]);
    const notesOnly = makeState([makeNode('n', 'note', { x: 5, y: 5 })]);
    expect(computeLayout(dagre, notesOnly, sizeOf)).toEqual([]);
  });
});
