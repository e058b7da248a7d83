import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../../model/schema.ts';
import { ORIGINS } from '../origins.ts';
import { readMap } from '../read.ts';
import {
  expectRefused,
  freshMap,
  makeStage,
  paths,
  readClean,
  recordTransactions,
} from '../test-helpers.ts';
import { connect } from './edges.ts';
import { addNode, moveNodes, pasteNodes, removeNodes, updateNode } from './nodes.ts';
import { addState } from './states.ts';

describe('addNode', () => {
  it('adds a node with every given field, one key per field, and returns its id', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(
      doc,
      stateId,
      makeStage({ name: 'Build', team: 'Dev', notes: 'CI', x: 10, y: -20 }),
    );
    expect(id).toMatch(/^n_[A-Za-z0-9]{14}$/);
    const map = readClean(doc);
    expect(map.states[stateId]?.nodes[id]).toEqual({
      id,
      type: 'stage',
      x: 10,
      y: -20,
      name: 'Build',
      team: 'Dev',
      elapsedMinutes: 120,
      valueAddMinutes: 30,
      pctCA: 90,
      notes: 'CI',
    });
    const stored = (doc.getMap('states').get(stateId) as Y.Map<unknown>).get(
      'nodes',
    ) as Y.Map<unknown>;
    const node = stored.get(id);
    expect(node).toBeInstanceOf(Y.Map);
    expect([...(node as Y.Map<unknown>).keys()].sort()).toEqual([
      'elapsedMinutes',
      'id',
      'name',
      'notes',
      'pctCA',
      'team',
      'type',
      'valueAddMinutes',
      'x',
      'y',
    ]);
  });

  it('defaults the name to "" and leaves absent optional fields absent', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, { type: 'note', x: 1, y: 2, team: undefined });
    const node = readClean(doc).states[stateId]?.nodes[id];
    expect(node).toEqual({ id, type: 'note', x: 1, y: 2, name: '' });
    expect(Object.keys(node ?? {})).not.toContain('team');
  });

  it('uses a requested id', () => {
    const { doc, stateId } = freshMap();
    expect(addNode(doc, stateId, makeStage({ id: 'build' }))).toBe('build');
    expect(readClean(doc).states[stateId]?.nodes.build?.name).toBe('Stage');
  });

  it.each([
    ['PT > LT', { elapsedMinutes: 10, valueAddMinutes: 20 }, 'valueAddMinutes'],
    ['pctCA 150', { pctCA: 150 }, 'pctCA'],
    ['negative minutes', { elapsedMinutes: -5, valueAddMinutes: undefined }, 'elapsedMinutes'],
    ['NaN x', { x: Number.NaN }, 'x'],
    ['Infinity y', { y: Number.POSITIVE_INFINITY }, 'y'],
    ['unknown type', { type: 'box' as never }, 'type'],
    ['bad id', { id: 'has space' }, 'id'],
    ['reserved id', { id: '__proto__' }, 'id'],
    ['name too long', { name: 'x'.repeat(LIMITS.nameLength + 1) }, 'name'],
  ])('refuses %s, naming the field, and writes nothing', (_, overrides, field) => {
    const { doc, stateId } = freshMap();
    const problems = expectRefused(doc, () => addNode(doc, stateId, makeStage(overrides)));
    expect(paths(problems)).toContain(field);
  });

  it('refuses an unknown state and a taken id', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'a' }));
    expect(paths(expectRefused(doc, () => addNode(doc, 'nope', makeStage())))).toEqual(['stateId']);
    expect(expectRefused(doc, () => addNode(doc, stateId, makeStage({ id: 'a' })))).toEqual([
      { path: 'id', message: '“a” is already used' },
    ]);
  });

  it('refuses a missing type or position at runtime', () => {
    const { doc, stateId } = freshMap();
    const problems = expectRefused(doc, () =>
      addNode(doc, stateId, { name: 'x' } as unknown as Parameters<typeof addNode>[2]),
    );
    expect(paths(problems).sort()).toEqual(['type', 'x', 'y']);
  });
});

describe('updateNode', () => {
  it('changes the given fields, clears fields patched with undefined, keeps the rest', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage({ team: 'QA', notes: 'old' }));
    updateNode(doc, stateId, id, { name: 'Manual tests', pctCA: 70, team: undefined });
    expect(readClean(doc).states[stateId]?.nodes[id]).toEqual({
      id,
      type: 'stage',
      x: 0,
      y: 0,
      name: 'Manual tests',
      elapsedMinutes: 120,
      valueAddMinutes: 30,
      pctCA: 70,
      notes: 'old',
    });
  });

  it('writes only the keys whose value changes', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage());
    const changedKeys: string[] = [];
    const nodes = (doc.getMap('states').get(stateId) as Y.Map<unknown>).get(
      'nodes',
    ) as Y.Map<unknown>;
    (nodes.get(id) as Y.Map<unknown>).observe((event) => changedKeys.push(...event.keysChanged));
    updateNode(doc, stateId, id, {
      name: 'Stage',
      pctCA: 90,
      elapsedMinutes: 240,
      team: undefined,
    });
    expect(changedKeys).toEqual(['elapsedMinutes']);
  });

  it('changes the type (a stage becomes a start)', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage());
    updateNode(doc, stateId, id, { type: 'start' });
    expect(readClean(doc).states[stateId]?.nodes[id]?.type).toBe('start');
  });

  it('checks PT ≤ LT against the node as it would be after the patch', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage({ elapsedMinutes: 120, valueAddMinutes: 30 }));
    expect(
      expectRefused(doc, () => updateNode(doc, stateId, id, { valueAddMinutes: 121 })),
    ).toEqual([{ path: 'valueAddMinutes', message: 'value-add time cannot exceed elapsed time' }]);
    expect(expectRefused(doc, () => updateNode(doc, stateId, id, { elapsedMinutes: 29 }))).toEqual([
      { path: 'elapsedMinutes', message: 'elapsed time cannot be less than value-add time' },
    ]);
    updateNode(doc, stateId, id, { elapsedMinutes: 600, valueAddMinutes: 500 });
    updateNode(doc, stateId, id, { elapsedMinutes: undefined });
    updateNode(doc, stateId, id, { valueAddMinutes: 10_000 });
    expect(readClean(doc).states[stateId]?.nodes[id]).toMatchObject({ valueAddMinutes: 10_000 });
  });

  it.each([
    ['pctCA 150', { pctCA: 150 }, 'pctCA'],
    ['negative minutes', { valueAddMinutes: -1 }, 'valueAddMinutes'],
    ['NaN', { elapsedMinutes: Number.NaN }, 'elapsedMinutes'],
    ['a string for a number', { pctCA: '90' as unknown as number }, 'pctCA'],
    ['clearing a required field', { name: undefined }, 'name'],
    ['an unknown field', { colour: 'red' } as never, 'colour'],
    ['changing the id', { id: 'other' } as never, 'id'],
  ])('refuses %s, naming the field, and writes nothing', (_, patch, field) => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage());
    const problems = expectRefused(doc, () => updateNode(doc, stateId, id, patch));
    expect(paths(problems)).toContain(field);
  });

  it('refuses an unknown state or node', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage());
    expect(paths(expectRefused(doc, () => updateNode(doc, 'nope', id, { name: 'x' })))).toEqual([
      'stateId',
    ]);
    expect(
      paths(expectRefused(doc, () => updateNode(doc, stateId, 'nope', { name: 'x' }))),
    ).toEqual(['nodeId']);
  });

  it('lets a node that already holds PT > LT (from another client) be renamed', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage());
    const nodes = (doc.getMap('states').get(stateId) as Y.Map<unknown>).get(
      'nodes',
    ) as Y.Map<unknown>;
    (nodes.get(id) as Y.Map<unknown>).set('valueAddMinutes', 999);
    updateNode(doc, stateId, id, { name: 'Renamed' });
    expect(readMap(doc).map.states[stateId]?.nodes[id]?.name).toBe('Renamed');
    // …but fixing only one of the two times must leave them consistent.
    expectRefused(doc, () => updateNode(doc, stateId, id, { elapsedMinutes: 500 }));
    updateNode(doc, stateId, id, { elapsedMinutes: 1000 });
    expect(readClean(doc).states[stateId]?.nodes[id]?.elapsedMinutes).toBe(1000);
  });
});

describe('moveNodes', () => {
  it('moves a multi-selection in one transaction', () => {
    const { doc, stateId } = freshMap();
    const a = addNode(doc, stateId, makeStage());
    const b = addNode(doc, stateId, makeStage({ x: 100 }));
    const seen = recordTransactions(doc);
    moveNodes(doc, stateId, [
      { id: a, x: 10, y: 20 },
      { id: b, x: 110, y: 20 },
    ]);
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    const nodes = readClean(doc).states[stateId]?.nodes;
    expect([nodes?.[a]?.x, nodes?.[a]?.y, nodes?.[b]?.x, nodes?.[b]?.y]).toEqual([10, 20, 110, 20]);
  });

  it('skips nodes a collaborator deleted meanwhile', () => {
    const { doc, stateId } = freshMap();
    const a = addNode(doc, stateId, makeStage());
    moveNodes(doc, stateId, [
      { id: 'gone', x: 5, y: 5 },
      { id: a, x: 7, y: 8 },
    ]);
    expect(readClean(doc).states[stateId]?.nodes[a]).toMatchObject({ x: 7, y: 8 });
    expect(Object.keys(readClean(doc).states[stateId]?.nodes ?? {})).toEqual([a]);
  });

  it('refuses invalid coordinates and an unknown state, writing nothing', () => {
    const { doc, stateId } = freshMap();
    const a = addNode(doc, stateId, makeStage());
    const problems = expectRefused(doc, () =>
      moveNodes(doc, stateId, [
        { id: a, x: 1, y: 1 },
        { id: a, x: Number.NaN, y: 2e9 },
      ]),
    );
    expect(paths(problems)).toEqual(['positions.1.x', 'positions.1.y']);
    expect(paths(expectRefused(doc, () => moveNodes(doc, 'nope', [])))).toEqual(['stateId']);
  });
});

describe('removeNodes', () => {
  it('removes the nodes and every edge touching them, keeping the others', () => {
    const { doc, stateId } = freshMap();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => addNode(doc, stateId, makeStage({ id })));
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' });
    connect(doc, stateId, { source: 'b', target: 'c', id: 'bc' });
    connect(doc, stateId, { source: 'c', target: 'd', id: 'cd' });
    connect(doc, stateId, { source: 'c', target: 'a', kind: 'rework', id: 'ca' });
    const removed = removeNodes(doc, stateId, ['b', 'missing']);
    expect(removed.nodes).toEqual(['b']);
    expect(removed.edges.sort()).toEqual(['ab', 'bc']);
    const state = readClean(doc).states[stateId];
    expect(Object.keys(state?.nodes ?? {})).toEqual([a, c, d].sort());
    expect(Object.keys(state?.edges ?? {}).sort()).toEqual(['ca', 'cd']);
    expect(b).toBe('b');
  });

  it('refuses an unknown state or a non-id, writing nothing', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'a' }));
    expect(paths(expectRefused(doc, () => removeNodes(doc, 'nope', ['a'])))).toEqual(['stateId']);
    expect(
      paths(expectRefused(doc, () => removeNodes(doc, stateId, ['a', 3 as unknown as string]))),
    ).toEqual(['nodeIds.1']);
  });
});

describe('pasteNodes', () => {
  it('pastes copies with fresh ids, offset, and re-points the edges inside the selection', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'a', x: 0, y: 0, name: 'A' }));
    addNode(doc, stateId, makeStage({ id: 'b', x: 100, y: 0, name: 'B' }));
    addNode(doc, stateId, makeStage({ id: 'c', x: 200, y: 0, name: 'C' }));
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' });
    connect(doc, stateId, { source: 'b', target: 'c', id: 'bc' });
    const source = readClean(doc).states[stateId];
    const nodes = [source?.nodes.a, source?.nodes.b].filter((n) => n !== undefined);
    const edges = Object.values(source?.edges ?? {});

    const result = pasteNodes(doc, stateId, nodes, edges, { x: 20, y: 30 });

    expect(Object.keys(result.nodes).sort()).toEqual(['a', 'b']);
    expect(Object.keys(result.edges)).toEqual(['ab']);
    const newA = result.nodes.a as string;
    const newB = result.nodes.b as string;
    expect(newA).not.toBe('a');
    const after = readClean(doc).states[stateId];
    expect(Object.keys(after?.nodes ?? {})).toHaveLength(5);
    expect(after?.nodes[newA]).toEqual({ ...source?.nodes.a, id: newA, x: 20, y: 30 });
    expect(after?.nodes[newB]).toMatchObject({ name: 'B', x: 120, y: 30 });
    expect(after?.edges[result.edges.ab as string]).toEqual({
      id: result.edges.ab,
      source: newA,
      target: newB,
      kind: 'flow',
    });
  });

  it('pastes into another state', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'a' }));
    const node = readClean(doc).states[stateId]?.nodes.a;
    if (!node) throw new Error('fixture');
    const target = addState(doc, { name: 'Future', kind: 'future' });
    const result = pasteNodes(doc, target, [node], []);
    expect(readClean(doc).states[target]?.nodes[result.nodes.a as string]?.name).toBe('Stage');
  });

  it('refuses invalid nodes (naming node and field) and writes nothing', () => {
    const { doc, stateId } = freshMap();
    const good = { id: 'a', type: 'stage', x: 0, y: 0, name: 'A' } as const;
    const bad = { ...good, id: 'b', pctCA: 150 };
    const problems = expectRefused(doc, () => pasteNodes(doc, stateId, [good, bad], []));
    expect(paths(problems)).toEqual(['nodes.1.pctCA']);
    const offside = expectRefused(doc, () =>
      pasteNodes(doc, stateId, [good], [], { x: Number.NaN, y: 0 }),
    );
    expect(paths(offside)).toEqual(['nodes.0.x']);
    expect(paths(expectRefused(doc, () => pasteNodes(doc, 'nope', [good], [])))).toEqual([
      'stateId',
    ]);
  });
});
