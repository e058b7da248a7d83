import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode, MapState, NodeType } from '../model/types.ts';
import { criticalPath } from './criticalPath.ts';
import { buildFlowGraph } from './graph.ts';
import { computeStateMetrics } from './stateMetrics.ts';
import { chain, flowEdge, META, makeNode, makeStage, makeState } from './testing.ts';

/** The path through a state's flow graph, using each node's LT and PT as the metrics count them. */
function pathOf(state: MapState) {
  const g = buildFlowGraph(state);
  const weight = (key: 'elapsedMinutes' | 'valueAddMinutes') =>
    g.nodes.map((node) => (node.type === 'stage' ? (node[key] ?? 0) : 0));
  return criticalPath(g, weight('elapsedMinutes'), weight('valueAddMinutes'));
}

describe('criticalPath', () => {
  it('returns null for an empty graph and for a cycle', () => {
    expect(pathOf(makeState([]))).toBeNull();
    expect(pathOf(makeState([makeStage('a', 5)], [flowEdge('a', 'a')]))).toBeNull();
  });

  it('treats a node without edges as its own path', () => {
    expect(pathOf(makeState([makeStage('solo', 30, 10)]))).toEqual({
      indices: [0],
      ids: ['solo'],
      leadTimeMinutes: 30,
      valueAddMinutes: 10,
    });
  });

  it('picks the longest of several disconnected paths', () => {
    const state = makeState(
      [makeStage('a', 10), makeStage('b', 10), makeStage('c', 25), makeStage('d', 1)],
      [flowEdge('a', 'b'), flowEdge('c', 'd')],
    );
    expect(pathOf(state)?.ids).toEqual(['c', 'd']);
  });

  it('passes through start and end nodes with no time', () => {
    const start = makeNode('start', 'start', { elapsedMinutes: 999 });
    const end = makeNode('end', 'end', { elapsedMinutes: 999 });
    const state = makeState([start, makeStage('a', 40, 20), end], chain('start', 'a', 'end'));
    expect(pathOf(state)).toMatchObject({
      ids: ['start', 'a', 'end'],
      leadTimeMinutes: 40,
      valueAddMinutes: 20,
    });
  });

  it('breaks a lead-time tie by the larger value-add time', () => {
    const state = makeState(
      [makeStage('a', 10, 0), makeStage('b', 50, 5), makeStage('c', 50, 30), makeStage('d', 10, 0)],
      [...chain('a', 'b', 'd'), ...chain('a', 'c', 'd')],
    );
    expect(pathOf(state)?.ids).toEqual(['a', 'c', 'd']);
  });

  it('breaks a full tie by the smaller id sequence', () => {
    const nodes = [makeStage('a', 10), makeStage('z', 50), makeStage('m', 50), makeStage('d', 10)];
    const edges = [...chain('a', 'z', 'd'), ...chain('a', 'm', 'd')];
    expect(pathOf(makeState(nodes, edges))?.ids).toEqual(['a', 'm', 'd']);
    // and the same whichever order the document lists them in
    expect(pathOf(makeState([...nodes].reverse(), [...edges].reverse()))?.ids).toEqual([
      'a',
      'm',
      'd',
    ]);
    // two equal sources: the smaller id wins
    expect(pathOf(makeState([makeStage('q', 5), makeStage('p', 5)]))?.ids).toEqual(['p']);
  });
});

type Candidate = { ids: string[]; lead: number; value: number };

/** Better under the documented rule: larger LT, then larger PT, then smaller id sequence. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.lead !== b.lead) return a.lead > b.lead;
  if (a.value !== b.value) return a.value > b.value;
  for (let k = 0; k < Math.min(a.ids.length, b.ids.length); k++) {
    const x = a.ids[k] as string;
    const y = b.ids[k] as string;
    if (x !== y) return x < y;
  }
  return a.ids.length < b.ids.length;
}

/**
 * Every counted path, straight from the raw state (schema v2): when the state has start and end
 * nodes, the nodes on some start→end path are counted, else every pipeline node; the paths are
 * the source→sink paths among counted nodes.
 */
function enumeratePaths(state: MapState): Candidate[] {
  const pipeline = (id: string) =>
    ['stage', 'start', 'end', 'queue'].includes(state.nodes[id]?.type ?? '');
  const ids = Object.keys(state.nodes).filter(pipeline);
  const out = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const e of Object.values(state.edges)) {
    if (e.kind !== 'flow' || !pipeline(e.source) || !pipeline(e.target)) continue;
    out.get(e.source)?.add(e.target);
  }
  const typeOf = (id: string) => state.nodes[id]?.type;
  const counted = new Set<string>(ids);
  const starts = ids.filter((id) => typeOf(id) === 'start');
  const ends = ids.filter((id) => typeOf(id) === 'end');
  if (starts.length > 0 && ends.length > 0) {
    counted.clear();
    const walkAll = (path: string[]) => {
      const last = path[path.length - 1] as string;
      if (typeOf(last) === 'end') for (const id of path) counted.add(id);
      for (const w of out.get(last) ?? []) walkAll([...path, w]);
    };
    for (const s of starts) walkAll([s]);
  }
  const hasIn = new Set<string>();
  for (const [s, targets] of out) {
    if (!counted.has(s)) continue;
    for (const t of targets) if (counted.has(t)) hasIn.add(t);
  }
  const weight = (id: string, key: 'elapsedMinutes' | 'valueAddMinutes') => {
    const node = state.nodes[id] as MapNode;
    return node.type === 'stage' ? (node[key] ?? 0) : 0;
  };
  const paths: Candidate[] = [];
  const walk = (path: string[]) => {
    const last = path[path.length - 1] as string;
    const next = [...(out.get(last) ?? [])].filter((w) => counted.has(w));
    if (next.length === 0) {
      // sink-first summation, as documented, so ties compare exactly
      let lead = 0;
      let value = 0;
      for (let k = path.length - 1; k >= 0; k--) {
        lead = weight(path[k] as string, 'elapsedMinutes') + lead;
        value = weight(path[k] as string, 'valueAddMinutes') + value;
      }
      paths.push({ ids: path, lead, value });
      return;
    }
    for (const w of next) walk([...path, w]);
  };
  for (const id of ids) if (counted.has(id) && !hasIn.has(id)) walk([id]);
  return paths;
}

const TYPES: NodeType[] = ['stage', 'stage', 'stage', 'stage', 'start', 'end', 'kaizen', 'note'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/**
 * Random DAGs of up to 9 nodes: flow edges only go from an earlier to a later position, while
 * ids are shuffled so position order is not id order. Small integer times make ties common.
 * Rework edges go anywhere and dangling edges point at a missing node.
 */
const dagArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc
    .record({
      ids: fc.shuffledSubarray(LETTERS, { minLength: n, maxLength: n }),
      types: fc.array(fc.constantFrom(...TYPES), { minLength: n, maxLength: n }),
      lts: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), {
        minLength: n,
        maxLength: n,
      }),
      pts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      flow: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 16 }),
      rework: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 }),
      dangling: fc.boolean(),
    })
    .map(({ ids, types, lts, pts, flow, rework, dangling }) => {
      const nodes = ids.map((id, i) => {
        const lt = lts[i];
        // PT ≤ LT here; PT > LT clamping has its own tests
        const pt = lt === undefined ? undefined : Math.min(pts[i] ?? 0, lt);
        return types[i] === 'stage' ? makeStage(id, lt, pt, 90) : makeNode(id, types[i] ?? 'note');
      });
      const edges: MapEdge[] = [];
      flow.forEach(([s, t]) => {
        if (s < t) edges.push(flowEdge(ids[s] as string, ids[t] as string));
      });
      rework.forEach(([s, t], k) => {
        edges.push({
          id: `r${k}`,
          source: ids[s] as string,
          target: ids[t] as string,
          kind: 'rework',
        });
      });
      if (dangling) edges.push(flowEdge(ids[0] as string, 'missing'));
      return makeState(nodes, edges);
    }),
);

describe('criticalPath property: matches brute-force enumeration on random DAGs', () => {
  it('finds the best path under the documented tie-breaking rule', () => {
    fc.assert(
      fc.property(dagArb, (state) => {
        const paths = enumeratePaths(state);
        const metrics = computeStateMetrics(state, META);
        expect(metrics.errors).toEqual([]);
        if (paths.length === 0) {
          expect(metrics.criticalPath).toEqual([]);
          return;
        }
        let best = paths[0] as Candidate;
        for (const p of paths) if (better(p, best)) best = p;
        expect(metrics.totalLeadTimeMinutes).toBe(Math.max(...paths.map((p) => p.lead)));
        expect(metrics.criticalPath).toEqual(best.ids);
        expect(metrics.totalValueAddMinutes).toBe(best.value);
        expect(metrics.totalWaitingMinutes).toBe(best.lead - best.value);
        // it is a real path: a listed source→sink path of the flow graph
        expect(
          paths.some((p) => p.ids.join('\u0000') === metrics.criticalPath.join('\u0000')),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order in which the document lists nodes and edges', () => {
    fc.assert(
      fc.property(dagArb, (state) => {
        const reversed: MapState = {
          ...state,
          nodes: Object.fromEntries(Object.entries(state.nodes).reverse()),
          edges: Object.fromEntries(Object.entries(state.edges).reverse()),
        };
        expect(computeStateMetrics(reversed, META)).toEqual(computeStateMetrics(state, META));
      }),
      { numRuns: 100 },
    );
  });
});
