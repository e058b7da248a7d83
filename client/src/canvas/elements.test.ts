import { describe, expect, it } from 'vitest';
import { createDeriveCache, toFlowElements } from './elements.ts';
import {
  derive,
  deriveInput,
  flow,
  makeNode,
  makeState,
  metricsFor,
  rework,
  templateState,
} from './test-helpers.ts';
import { HANDLES } from './types.ts';

describe('toFlowElements on the software-delivery template', () => {
  const state = templateState();
  const { nodes, edges } = derive(state);
  const node = (id: string) => {
    const found = nodes.find((n) => n.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  };

  it('derives one node per document node, typed by kind, at the document position', () => {
    expect(nodes).toHaveLength(9);
    expect(node('start').type).toBe('start');
    expect(node('end').type).toBe('end');
    expect(node('kaizen-automate-regression').type).toBe('kaizen');
    expect(node('manual-tests').type).toBe('stage');
    expect(node('manual-tests').position).toEqual({ x: 780, y: 0 });
    expect(node('kaizen-automate-regression').position).toEqual({ x: 820, y: -180 });
  });

  it('formats the data box with the working time', () => {
    expect(node('manual-tests').data).toMatchObject({
      name: 'Manual tests',
      team: 'QA',
      lt: '1w',
      pt: '1d',
      ca: '70%',
      eff: '20%',
    });
    expect(node('vcs').data).toMatchObject({ lt: '2h', pt: '20m', ca: '95%', eff: '17%' });
    expect(node('security-review').data).toMatchObject({ lt: '2w', pt: '4h', eff: '5%' });
    // Start, end and kaizen carry no numbers.
    expect(node('start').data).toMatchObject({ lt: null, pt: null, ca: null, eff: null, heat: 0 });
  });

  it('heats, ranks and flags stages from the metrics', () => {
    expect(node('security-review').data.heat).toBe(4);
    expect(node('security-review').data.rank).toBe(1);
    expect(node('security-review').data.rankReason).toMatch(/^waits 1w 4d 4h of 2w/);
    expect(node('change-management').data.rank).toBe(2);
    expect(node('manual-tests').data.rank).toBe(3);
    expect(node('vcs').data.rank).toBeNull();
    expect(node('vcs').data.heat).toBe(1);
    expect(node('manual-tests').data.quality).toBe('only 70% complete and accurate');
    expect(node('vcs').data.quality).toBeNull();
    expect(node('vcs').data.critical).toBe(true);
    expect(node('kaizen-automate-regression').data.critical).toBe(false);
  });

  it('draws flow edges between side handles, thicker on the critical path', () => {
    const flowEdges = edges.filter((e) => e.type === 'flow');
    expect(flowEdges).toHaveLength(7);
    const first = edges.find((e) => e.id === 'start--vcs');
    expect(first).toMatchObject({
      source: 'start',
      target: 'vcs',
      sourceHandle: HANDLES.out,
      targetHandle: HANDLES.in,
      className: 'is-critical',
      data: { critical: true, editable: true },
    });
    expect(first?.ariaLabel).toBe('Flow from Change committed to Version control');
  });

  it('draws rework between the bottom handles, never as critical', () => {
    const back = edges.find((e) => e.id === 'manual-tests--vcs--rework');
    expect(back).toMatchObject({
      type: 'rework',
      sourceHandle: HANDLES.reworkOut,
      targetHandle: HANDLES.reworkIn,
      data: { critical: false },
    });
    expect(back?.className).toBeUndefined();
  });
});

describe('toFlowElements overlays', () => {
  const state = makeState(
    [
      makeNode('a', 'stage', { x: 10, y: 20, elapsedMinutes: 60, valueAddMinutes: 30, pctCA: 90 }),
      makeNode('b', 'stage', { x: 300, y: 20 }),
      makeNode('k', 'kaizen', { x: 0, y: -200 }),
    ],
    [flow('a', 'b'), rework('b', 'a'), flow('k', 'a')],
  );

  it('puts local drags over peers’ drags over the document', () => {
    const { nodes } = derive(state, {
      dragPositions: { a: { x: 1, y: 2 } },
      peerDragging: { a: { x: 50, y: 60 }, b: { x: 400, y: 90 } },
    });
    expect(nodes.find((n) => n.id === 'a')?.position).toEqual({ x: 1, y: 2 });
    expect(nodes.find((n) => n.id === 'b')?.position).toEqual({ x: 400, y: 90 });
    expect(nodes.find((n) => n.id === 'k')?.position).toEqual({ x: 0, y: -200 });
  });

  it('marks the store selection, peers’ tags and measured sizes', () => {
    const { nodes, edges } = derive(state, {
      selectedNodes: new Set(['b']),
      selectedEdges: new Set(['a->b']),
      peerTags: { a: [{ name: 'Ben', colour: '#3cb44b' }] },
      measured: new Map([['a', { width: 210, height: 148 }]]),
    });
    expect(nodes.map((n) => n.selected)).toEqual([false, true, false]);
    expect(edges.find((e) => e.id === 'a->b')?.selected).toBe(true);
    expect(nodes[0]?.data.peers).toEqual([{ name: 'Ben', colour: '#3cb44b' }]);
    expect(nodes[0]?.measured).toEqual({ width: 210, height: 148 });
    expect(nodes[1]?.measured).toBeUndefined();
  });

  it('draws the kaizen burst’s edge as a link, not as flow', () => {
    const { edges } = derive(state);
    expect(edges.map((e) => `${e.id}:${e.type}`).sort()).toEqual([
      'a->b:flow',
      'b~>a:rework',
      'k->a:link',
    ]);
  });

  it('shows missing numbers as missing and no metrics as no heat', () => {
    const { nodes } = derive(state, { metrics: null });
    expect(nodes.find((n) => n.id === 'b')?.data).toMatchObject({
      lt: null,
      pt: null,
      ca: null,
      eff: null,
      heat: 0,
      rank: null,
    });
    expect(nodes.find((n) => n.id === 'a')?.data).toMatchObject({ lt: '1h', pt: '30m', eff: null });
  });

  it('turns editing off in view mode', () => {
    const { nodes, edges } = derive(state, { editable: false });
    expect(nodes.every((n) => n.data.editable === false)).toBe(true);
    expect(edges.every((e) => e.data?.editable === false)).toBe(true);
  });
});

describe('toFlowElements cache', () => {
  it('hands back the same objects when nothing they show changed', () => {
    const state = templateState();
    const cache = createDeriveCache();
    const first = toFlowElements(deriveInput(state), cache);
    // A fresh snapshot of the same document (the session re-reads everything on each update).
    const again = structuredClone(state);
    const second = toFlowElements(deriveInput(again, { metrics: metricsFor(again) }), cache);
    expect(second.nodes.every((n, i) => n === first.nodes[i])).toBe(true);
    expect(second.edges.every((e, i) => e === first.edges[i])).toBe(true);
  });

  it('re-creates only what a drag or an edit touches', () => {
    const state = templateState();
    const cache = createDeriveCache();
    const first = toFlowElements(deriveInput(state), cache);
    const dragged = toFlowElements(
      deriveInput(state, { dragPositions: { vcs: { x: 5, y: 50 } } }),
      cache,
    );
    const changed = dragged.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['vcs']);

    const renamed = structuredClone(state);
    (renamed.nodes.release as { name: string }).name = 'Ship it';
    const third = toFlowElements(deriveInput(renamed, { metrics: metricsFor(renamed) }), cache);
    const changedByRename = third.nodes.filter((n, i) => n !== dragged.nodes[i]).map((n) => n.id);
    expect(changedByRename.sort()).toEqual(['release', 'vcs']);
    expect(third.nodes.find((n) => n.id === 'release')?.ariaLabel).toMatch(
      /^Stage: Ship it, team Ops/,
    );
  });
});

describe('kaizen links', () => {
  it('draws a kaizen burst’s edge to a stage as a link between the link handles, and no other edge involving bursts or notes', () => {
    const state = makeState(
      [
        makeNode('a', 'stage'),
        makeNode('b', 'stage'),
        makeNode('k', 'kaizen'),
        makeNode('sticky', 'note'),
      ],
      [flow('a', 'b'), flow('k', 'b'), flow('sticky', 'a'), flow('a', 'k')],
    );
    const { edges } = derive(state);
    expect(edges.map((e) => [e.type, e.source, e.target])).toEqual([
      ['flow', 'a', 'b'],
      ['link', 'k', 'b'],
    ]);
    const link = edges.find((e) => e.type === 'link');
    expect(link).toMatchObject({ sourceHandle: HANDLES.linkOut, targetHandle: HANDLES.linkIn });
    expect(link?.markerEnd).toBeUndefined();
  });
});

describe('derivation cache', () => {
  it('hands back the same arrays when nothing changed, and a new nodes array only when a node moved', () => {
    const state = templateState();
    const cache = createDeriveCache();
    const first = toFlowElements(deriveInput(state), cache);
    const again = toFlowElements(deriveInput(state), cache);
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    const dragged = toFlowElements(
      deriveInput(state, { dragPositions: { vcs: { x: 5, y: 5 } } }),
      cache,
    );
    expect(dragged.nodes).not.toBe(first.nodes);
    // Edges do not change during a drag: React Flow keeps its edge lookup.
    expect(dragged.edges).toBe(first.edges);
  });
});

describe('peers on arrows', () => {
  it('colours an arrow another participant has selected', () => {
    const state = makeState([makeNode('a', 'stage'), makeNode('b', 'stage')], [flow('a', 'b')]);
    const plain = derive(state);
    expect(plain.edges[0]?.data?.peerColour).toBeUndefined();
    const { edges } = derive(state, { peerTags: { 'a->b': [{ name: 'Ben', colour: '#3cb44b' }] } });
    expect(edges[0]?.data?.peerColour).toBe('#3cb44b');
  });
});
