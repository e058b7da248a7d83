import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, MapState } from '../model/types.ts';
import { buildFlowGraph, findCycle, topologicalOrder } from './graph.ts';
import { chain, flowEdge, makeNode, makeStage, makeState, reworkEdge } from './testing.ts';

function successors(state: MapState, id: string): string[] {
  const g = buildFlowGraph(state);
  const i = g.indexOf.get(id);
  if (i === undefined) return [];
  return Array.from(g.outTargets.subarray(g.outStart[i], g.outStart[i + 1])).map(
    (t) => g.ids[t] as string,
  );
}

describe('buildFlowGraph', () => {
  it('keeps pipeline nodes sorted by id and only flow edges between them', () => {
    const state = makeState(
      [
        makeStage('b'),
        makeNode('start', 'start'),
        makeStage('a'),
        makeNode('end', 'end'),
        makeNode('k', 'kaizen'),
        makeNode('n', 'note'),
      ],
      [
        flowEdge('start', 'b'),
        flowEdge('b', 'a'),
        flowEdge('b', 'a'), // a duplicate is the same path
        flowEdge('a', 'end'),
        reworkEdge('a', 'b'),
        flowEdge('a', 'k'),
        flowEdge('n', 'a'),
        flowEdge('a', 'missing'),
        flowEdge('ghost', 'a'),
      ],
    );
    const g = buildFlowGraph(state);
    expect(g.ids).toEqual(['a', 'b', 'end', 'start']);
    expect(Array.from(g.outStart)).toEqual([0, 1, 2, 2, 3]);
    expect(Array.from(g.outTargets).map((t) => g.ids[t])).toEqual(['end', 'a', 'b']);
    expect(Array.from(g.inDegree)).toEqual([1, 1, 1, 0]);
    expect(successors(state, 'a')).toEqual(['end']);
  });

  it('lists successors in ascending id order whatever the edge order', () => {
    const state = makeState(
      ['x', 'c', 'a', 'b'].map((id) => makeStage(id)),
      [flowEdge('x', 'c'), flowEdge('x', 'a'), flowEdge('x', 'b')],
    );
    expect(successors(state, 'x')).toEqual(['a', 'b', 'c']);
  });

  it('ignores malformed nodes and edges from a hostile document', () => {
    const state = {
      id: 's',
      nodes: {
        a: makeStage('a'),
        b: null,
        c: 'stage',
        d: { ...makeStage('d'), type: 'weird' },
        e: [1, 2],
        f: makeStage('f'),
      },
      edges: {
        e1: null,
        e2: { id: 'e2', source: 'a', target: 'f', kind: 'FLOW' },
        e3: { id: 'e3', source: 1, target: 'f', kind: 'flow' },
        e4: { id: 'e4', source: 'a', target: 'f', kind: 'flow' },
        e5: { id: 'e5', source: 'a', target: 'b', kind: 'flow' },
      },
    } as unknown as MapState;
    const g = buildFlowGraph(state);
    expect(g.ids).toEqual(['a', 'f']);
    expect(successors(state, 'a')).toEqual(['f']);
    expect(buildFlowGraph({ id: 's', nodes: null, edges: 5 } as unknown as MapState).ids).toEqual(
      [],
    );
    expect(buildFlowGraph(null as unknown as MapState).ids).toEqual([]);
  });

  it('treats the record key as the node identity', () => {
    const state = makeState([]);
    state.nodes = { k1: makeStage('other-id'), k2: makeStage('k2') };
    state.edges = { e: flowEdge('k1', 'k2') };
    expect(successors(state, 'k1')).toEqual(['k2']);
  });
});

describe('topologicalOrder', () => {
  it('orders every node with edges pointing forward', () => {
    const state = makeState(
      ['d', 'c', 'b', 'a'].map((id) => makeStage(id)),
      [flowEdge('d', 'b'), flowEdge('b', 'a'), flowEdge('c', 'a'), flowEdge('d', 'c')],
    );
    const g = buildFlowGraph(state);
    const order = topologicalOrder(g);
    expect(order).not.toBeNull();
    const ids = Array.from(order ?? []).map((i) => g.ids[i]);
    expect(ids).toHaveLength(4);
    const pos = (id: string) => ids.indexOf(id);
    expect(pos('d')).toBeLessThan(pos('b'));
    expect(pos('d')).toBeLessThan(pos('c'));
    expect(pos('b')).toBeLessThan(pos('a'));
    expect(pos('c')).toBeLessThan(pos('a'));
  });

  it('returns null for a cycle', () => {
    const state = makeState([makeStage('a'), makeStage('b')], chain('a', 'b', 'a'));
    expect(topologicalOrder(buildFlowGraph(state))).toBeNull();
  });
});

describe('findCycle', () => {
  it('returns null for a DAG and for an empty graph', () => {
    expect(findCycle(buildFlowGraph(makeState([])))).toBeNull();
    const state = makeState(
      ['a', 'b', 'c'].map((id) => makeStage(id)),
      [...chain('a', 'b', 'c'), flowEdge('a', 'c'), reworkEdge('c', 'a')],
    );
    expect(findCycle(buildFlowGraph(state))).toBeNull();
  });

  it('returns the cycle in edge order', () => {
    const state = makeState(
      ['start', 'build', 'test', 'deploy'].map((id) => makeStage(id)),
      [...chain('start', 'build', 'test', 'deploy'), flowEdge('deploy', 'build')],
    );
    expect(findCycle(buildFlowGraph(state))).toEqual(['build', 'test', 'deploy']);
  });

  it('reports a self-loop as a one-node cycle', () => {
    const state = makeState(
      [makeStage('a'), makeStage('b')],
      [flowEdge('a', 'b'), flowEdge('b', 'b')],
    );
    expect(findCycle(buildFlowGraph(state))).toEqual(['b']);
  });

  it('does not mistake a diamond (a node reached twice) for a cycle', () => {
    const state = makeState(
      ['a', 'b', 'c', 'd'].map((id) => makeStage(id)),
      [...chain('a', 'b', 'd'), ...chain('a', 'c', 'd')],
    );
    expect(findCycle(buildFlowGraph(state))).toBeNull();
  });

  it('handles a 100,000-node chain closing into a cycle without recursion', () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `n${String(i).padStart(6, '0')}`);
    const state = makeState(
      ids.map((id) => makeStage(id)),
      [...chain(...ids), flowEdge(ids[n - 1] as string, ids[0] as string)],
    );
    const cycle = findCycle(buildFlowGraph(state));
    expect(cycle).toHaveLength(n);
    expect(cycle?.[0]).toBe(ids[0]);
    expect(cycle?.[n - 1]).toBe(ids[n - 1]);
  });

  it('property: any graph with a flow cycle yields a real cycle, acyclic graphs yield null', () => {
    const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        types: fc.array(fc.constantFrom('stage', 'stage', 'start', 'end', 'kaizen', 'note'), {
          minLength: n,
          maxLength: n,
        }),
        edges: fc.array(
          fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom('flow', 'flow', 'rework')),
          { maxLength: 30 },
        ),
      }),
    );
    fc.assert(
      fc.property(graphArb, ({ types, edges }) => {
        const nodes: MapNode[] = types.map((type, i) => makeNode(`v${i}`, type));
        const mapEdges: MapEdge[] = edges.map(([s, t, kind], k) => ({
          id: `e${k}`,
          source: `v${s}`,
          target: `v${t}`,
          kind,
        }));
        const state = makeState(nodes, mapEdges);
        const isFlow = (s: string, t: string) =>
          mapEdges.some(
            (e) =>
              e.kind === 'flow' &&
              e.source === s &&
              e.target === t &&
              ['stage', 'start', 'end'].includes(state.nodes[s]?.type ?? '') &&
              ['stage', 'start', 'end'].includes(state.nodes[t]?.type ?? ''),
          );
        // Brute force: v is on a cycle iff v reaches itself through at least one flow edge.
        const reachesItself = (v: string) => {
          const seen = new Set<string>();
          const todo = nodes.map((x) => x.id).filter((w) => isFlow(v, w));
          while (todo.length > 0) {
            const w = todo.pop() as string;
            if (w === v) return true;
            if (seen.has(w)) continue;
            seen.add(w);
            for (const x of nodes) if (isFlow(w, x.id)) todo.push(x.id);
          }
          return false;
        };
        const hasCycle = nodes.some((v) => reachesItself(v.id));
        const cycle = findCycle(buildFlowGraph(state));
        expect(cycle !== null).toBe(hasCycle);
        if (cycle !== null) {
          expect(cycle.length).toBeGreaterThan(0);
          expect(new Set(cycle).size).toBe(cycle.length);
          cycle.forEach((id, k) => {
            expect(isFlow(id, cycle[(k + 1) % cycle.length] as string)).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
