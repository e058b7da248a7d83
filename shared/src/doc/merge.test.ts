// Concurrent editing: clients edit offline copies of one map, then exchange updates. Every entity
// is a Y.Map with one key per field, so edits to different fields of one stage both survive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ValidationError } from '../model/schema.ts';
import { connect, removeEdges, setEdgeKind } from './commands/edges.ts';
import { updateMeta } from './commands/meta.ts';
import { addNode, moveNodes, removeNodes, updateNode } from './commands/nodes.ts';
import {
  addState,
  cloneStateAsFuture,
  removeState,
  renameState,
  updateDora,
} from './commands/states.ts';
import { readMap } from './read.ts';
import { freshMap, makeStage, readClean } from './test-helpers.ts';

/** Clients that start from the same map, then go offline. */
function clients(count: number) {
  const { doc: first, stateId } = freshMap();
  addNode(
    first,
    stateId,
    makeStage({ id: 'build', name: 'Build', elapsedMinutes: 600, valueAddMinutes: 60 }),
  );
  addNode(first, stateId, makeStage({ id: 'test', name: 'Test' }));
  connect(first, stateId, { source: 'build', target: 'test', id: 'bt' });
  const base = Y.encodeStateAsUpdate(first);
  const docs = [first];
  for (let i = 1; i < count; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    docs.push(doc);
  }
  return { docs, stateId };
}

/** Each doc receives what the other lacks, computed after both have edited. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const forB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const forA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, forB);
  Y.applyUpdate(a, forA);
}

describe('concurrent edits', () => {
  it('two people editing different fields of the same stage both win, and both docs read the same', () => {
    const {
      docs: [a, b],
      stateId,
    } = clients(2);
    if (!a || !b) throw new Error('fixture');
    updateNode(a, stateId, 'build', { name: 'Build & package', pctCA: 75 });
    moveNodes(a, stateId, [{ id: 'build', x: 40, y: 80 }]);
    updateNode(b, stateId, 'build', { elapsedMinutes: 480, team: 'Platform' });
    exchange(a, b);

    const merged = readClean(a);
    expect(merged.states[stateId]?.nodes.build).toEqual({
      id: 'build',
      type: 'stage',
      x: 40,
      y: 80,
      name: 'Build & package',
      team: 'Platform',
      elapsedMinutes: 480,
      valueAddMinutes: 60,
      pctCA: 75,
    });
    expect(readClean(b)).toEqual(merged);
  });

  it('nodes, edges and states added concurrently are all kept', () => {
    const {
      docs: [a, b],
      stateId,
    } = clients(2);
    if (!a || !b) throw new Error('fixture');
    const fromA = addNode(a, stateId, makeStage({ name: 'From A' }));
    connect(a, stateId, { source: 'test', target: fromA });
    const fromB = addNode(b, stateId, makeStage({ name: 'From B' }));
    const futureB = cloneStateAsFuture(b, stateId);
    updateMeta(a, { title: 'A title' });
    updateMeta(b, { hoursPerDay: 6 });
    exchange(a, b);

    const merged = readClean(a);
    expect(Object.keys(merged.states[stateId]?.nodes ?? {}).sort()).toEqual(
      ['build', 'test', fromA, fromB].sort(),
    );
    expect(Object.keys(merged.states[stateId]?.edges ?? {})).toHaveLength(2);
    expect(merged.states[futureB]?.basedOn).toBe(stateId);
    expect(merged.meta).toMatchObject({ title: 'A title', hoursPerDay: 6 });
    expect(readClean(b)).toEqual(merged);
  });

  it('an edge drawn to a node someone else deleted is reported, not fatal, the same on both sides', () => {
    const {
      docs: [a, b],
      stateId,
    } = clients(2);
    if (!a || !b) throw new Error('fixture');
    removeNodes(a, stateId, ['test']);
    connect(b, stateId, { source: 'build', target: 'test', kind: 'rework', id: 'late' });
    exchange(a, b);
    const read = readMap(a);
    expect(read.problems).toEqual([
      { path: `states.${stateId}.edges.late.target`, message: 'refers to a missing node “test”' },
    ]);
    expect(read.map.states[stateId]?.edges).toEqual({});
    expect(readMap(b)).toEqual(read);
  });

  it('converges for random command sequences on three clients with random syncs', () => {
    const nodeIds = ['build', 'test', 'n1', 'n2', 'n3'];
    const stateIds = ['current', 's1', 's2'];
    const nodeId = fc.constantFrom(...nodeIds);
    // Biased towards inputs that pass validation, so that most steps really edit.
    const stateId = fc.constantFrom('current', 'current', 'current', ...stateIds);
    const minutes = fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 5000 }) },
      { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN) },
    );
    const action = fc.oneof(
      fc.record({ op: fc.constant('add' as const), state: stateId, id: nodeId, lt: minutes }),
      fc.record({ op: fc.constant('add' as const), state: stateId, id: nodeId, lt: minutes }),
      fc.record({
        op: fc.constant('update' as const),
        state: stateId,
        id: nodeId,
        lt: fc.option(minutes, { nil: undefined }),
        pt: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
        pct: fc.option(fc.integer({ min: -5, max: 120 }), { nil: undefined }),
        name: fc.string({ maxLength: 5 }),
      }),
      fc.record({
        op: fc.constant('move' as const),
        state: stateId,
        id: nodeId,
        x: fc.integer({ min: -20_000_000, max: 20_000_000 }),
        y: fc.integer({ min: -5000, max: 5000 }),
      }),
      fc.record({ op: fc.constant('remove' as const), state: stateId, ids: fc.subarray(nodeIds) }),
      fc.record({
        op: fc.constant('connect' as const),
        state: stateId,
        source: nodeId,
        target: nodeId,
        rework: fc.boolean(),
      }),
      fc.record({ op: fc.constant('flip' as const), state: stateId }),
      fc.record({ op: fc.constant('unlink' as const), state: stateId }),
      fc.record({ op: fc.constant('clone' as const), state: stateId, id: stateId }),
      fc.record({ op: fc.constant('addState' as const), id: stateId }),
      fc.record({ op: fc.constant('removeState' as const), state: stateId }),
      fc.record({
        op: fc.constant('rename' as const),
        state: stateId,
        name: fc.string({ maxLength: 5 }),
      }),
      fc.record({
        op: fc.constant('dora' as const),
        state: stateId,
        rate: fc.double({ min: -1, max: 2 }),
      }),
      fc.record({ op: fc.constant('meta' as const), hours: fc.integer({ min: 0, max: 30 }) }),
    );
    type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

    function run(doc: Y.Doc, act: Action): void {
      const firstEdge = (state: string) => {
        const edges = readMap(doc).map.states[state]?.edges ?? {};
        return Object.keys(edges)[0] ?? 'none';
      };
      switch (act.op) {
        case 'add':
          addNode(
            doc,
            act.state,
            makeStage({ id: act.id, elapsedMinutes: act.lt, valueAddMinutes: 0 }),
          );
          return;
        case 'update':
          updateNode(doc, act.state, act.id, {
            name: act.name,
            elapsedMinutes: act.lt,
            valueAddMinutes: act.pt,
            pctCA: act.pct,
          });
          return;
        case 'move':
          moveNodes(doc, act.state, [{ id: act.id, x: act.x, y: act.y }]);
          return;
        case 'remove':
          removeNodes(doc, act.state, act.ids);
          return;
        case 'connect':
          connect(doc, act.state, {
            source: act.source,
            target: act.target,
            kind: act.rework ? 'rework' : 'flow',
          });
          return;
        case 'flip':
          setEdgeKind(doc, act.state, firstEdge(act.state), 'rework');
          return;
        case 'unlink':
          removeEdges(doc, act.state, [firstEdge(act.state)]);
          return;
        case 'clone':
          cloneStateAsFuture(doc, act.state, { id: act.id });
          return;
        case 'addState':
          addState(doc, { name: 'Added', kind: 'future', id: act.id });
          return;
        case 'removeState':
          removeState(doc, act.state);
          return;
        case 'rename':
          renameState(doc, act.state, act.name);
          return;
        case 'dora':
          updateDora(doc, act.state, { changeFailureRate: act.rate });
          return;
        case 'meta':
          updateMeta(doc, { hoursPerDay: act.hours });
          return;
      }
    }

    const step = fc.oneof(
      { weight: 4, arbitrary: fc.record({ client: fc.nat(2), act: action }) },
      { weight: 1, arbitrary: fc.record({ sync: fc.tuple(fc.nat(2), fc.nat(2)) }) },
    );

    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        const { docs } = clients(3);
        for (const s of steps) {
          if ('sync' in s) {
            const [i, j] = s.sync;
            const [x, y] = [docs[i], docs[j]];
            if (x && y && x !== y) exchange(x, y);
            continue;
          }
          const doc = docs[s.client];
          if (!doc) continue;
          try {
            run(doc, s.act);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
          }
        }
        const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc];
        exchange(a, b);
        exchange(b, c);
        exchange(a, b);
        const reads = docs.map((d) => readMap(d));
        expect(reads[1]).toEqual(reads[0]);
        expect(reads[2]).toEqual(reads[0]);
        // Only what concurrency can produce: edges to nodes deleted elsewhere, PT > LT from
        // two people editing the two times, a future state of a state deleted elsewhere.
        for (const p of reads[0]?.problems ?? []) {
          expect(p.message).toMatch(
            /^(refers to a missing (node|state) “.*”|value-add time cannot exceed elapsed time|must hold at least one state)$/,
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
