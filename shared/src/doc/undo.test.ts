import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import { connect } from './commands/edges.ts';
import { updateMeta } from './commands/meta.ts';
import { addNode, removeNodes, updateNode } from './commands/nodes.ts';
import { cloneStateAsFuture } from './commands/states.ts';
import { createMapDoc, writeMapToDoc } from './create.ts';
import { ORIGINS } from './origins.ts';
import { readMap } from './read.ts';
import { freshMap, makeStage, readClean, sync } from './test-helpers.ts';
import { createUndoManager } from './undo.ts';

/** Two clients of one map, in sync, each with its own undo manager. */
function twoClients() {
  const { doc: a, stateId } = freshMap();
  addNode(a, stateId, makeStage({ id: 'n', name: 'Build', pctCA: 90 }), ORIGINS.server);
  const b = new Y.Doc();
  sync(a, b);
  return {
    a,
    b,
    stateId,
    undoA: createUndoManager(a, { captureTimeout: 0 }),
    undoB: createUndoManager(b, { captureTimeout: 0 }),
  };
}

const nodeOf = (doc: Y.Doc, stateId: string, id = 'n') => readClean(doc).states[stateId]?.nodes[id];

describe('createUndoManager', () => {
  it("after A and B both edit, A's undo reverts only A's edit", () => {
    const { a, b, stateId, undoA } = twoClients();
    updateNode(a, stateId, 'n', { name: 'Compile' });
    updateNode(b, stateId, 'n', { pctCA: 60 });
    sync(a, b);

    undoA.undo();
    sync(a, b);

    for (const doc of [a, b])
      expect(nodeOf(doc, stateId)).toMatchObject({ name: 'Build', pctCA: 60 });
    expect(readMap(a)).toEqual(readMap(b));
    undoA.redo();
    expect(nodeOf(a, stateId)).toMatchObject({ name: 'Compile', pctCA: 60 });
  });

  it("does not take back a collaborator's later edit of the same field", () => {
    const { a, b, stateId, undoA } = twoClients();
    updateNode(a, stateId, 'n', { name: 'Mine' });
    sync(a, b);
    updateNode(b, stateId, 'n', { name: 'Theirs' });
    sync(a, b);
    undoA.undo();
    expect(nodeOf(a, stateId)?.name).toBe('Theirs');
  });

  it('ignores edits made with any origin but local (remote, import, template, server)', () => {
    const doc = createMapDoc({ title: 'T', template: 'software-delivery' });
    const undo = createUndoManager(doc);
    updateNode(doc, 'current', 'vcs', { name: 'By the server' }, ORIGINS.server);
    writeMapToDoc(doc, softwareDeliveryTemplate({ title: 'Imported' }), ORIGINS.import);
    const other = new Y.Doc();
    sync(doc, other);
    updateMeta(other, { title: 'Remote title' });
    sync(doc, other);
    expect(undo.canUndo()).toBe(false);
    undo.undo();
    expect(readClean(doc).meta.title).toBe('Remote title');
  });

  it('undoes a node removal with its edges, and redoes it', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'a' }), ORIGINS.server);
    addNode(doc, stateId, makeStage({ id: 'b' }), ORIGINS.server);
    connect(doc, stateId, { source: 'a', target: 'b', id: 'ab' }, ORIGINS.server);
    const before = readClean(doc);
    const undo = createUndoManager(doc);
    removeNodes(doc, stateId, ['a']);
    expect(Object.keys(readClean(doc).states[stateId]?.edges ?? {})).toEqual([]);
    undo.undo();
    expect(readClean(doc)).toEqual(before);
    undo.redo();
    expect(Object.keys(readClean(doc).states[stateId]?.nodes ?? {})).toEqual(['b']);
  });

  it('undoes a whole cloned state in one step, and meta edits', () => {
    const { doc, stateId } = freshMap('Before');
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const before = readClean(doc);
    updateMeta(doc, { title: 'After' });
    cloneStateAsFuture(doc, stateId);
    undo.undo();
    expect(Object.keys(readClean(doc).states)).toEqual([stateId]);
    expect(readClean(doc).meta.title).toBe('After');
    undo.undo();
    expect(readClean(doc)).toEqual(before);
  });

  it('merges edits closer together than captureTimeout into one step', () => {
    const { doc, stateId } = freshMap();
    addNode(doc, stateId, makeStage({ id: 'n', name: '' }), ORIGINS.server);
    const undo = createUndoManager(doc, { captureTimeout: 60_000 });
    for (const name of ['B', 'Bu', 'Bui', 'Build']) updateNode(doc, stateId, 'n', { name });
    undo.undo();
    expect(nodeOf(doc, stateId)?.name).toBe('');
    expect(undo.canUndo()).toBe(false);
  });
});
