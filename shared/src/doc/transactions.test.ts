// Every command is exactly one transaction, tagged with its origin (local unless told otherwise):
// one undo step, one update on the wire, one refresh of the client's snapshot.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { connect, removeEdges, setEdgeKind } from './commands/edges.ts';
import { updateMeta } from './commands/meta.ts';
import { addNode, moveNodes, pasteNodes, removeNodes, updateNode } from './commands/nodes.ts';
import {
  addState,
  cloneStateAsFuture,
  removeState,
  renameState,
  reorderStates,
  updateDora,
  updateState,
} from './commands/states.ts';
import { isOrigin, ORIGINS, type Origin } from './origins.ts';
import { freshMap, makeStage, readClean, recordTransactions } from './test-helpers.ts';

/** A map with a state 's' holding nodes a → b (edge 'ab') and a second state 'other'. */
function fixture(): Y.Doc {
  const { doc, stateId } = freshMap();
  addState(doc, { name: 'S', kind: 'current', id: 's' });
  addState(doc, { name: 'Other', kind: 'future', id: 'other', basedOn: stateId });
  addNode(doc, 's', makeStage({ id: 'a' }));
  addNode(doc, 's', makeStage({ id: 'b', x: 300 }));
  connect(doc, 's', { source: 'a', target: 'b', id: 'ab' });
  return doc;
}

const COMMANDS: [string, (doc: Y.Doc, origin?: Origin) => unknown][] = [
  ['addNode', (doc, o) => addNode(doc, 's', makeStage(), o)],
  ['updateNode', (doc, o) => updateNode(doc, 's', 'a', { name: 'A', pctCA: 50 }, o)],
  [
    'moveNodes',
    (doc, o) =>
      moveNodes(
        doc,
        's',
        [
          { id: 'a', x: 5, y: 5 },
          { id: 'b', x: 9, y: 9 },
        ],
        o,
      ),
  ],
  ['removeNodes', (doc, o) => removeNodes(doc, 's', ['a', 'b'], o)],
  [
    'pasteNodes',
    (doc, o) =>
      pasteNodes(
        doc,
        's',
        Object.values(readClean(doc).states.s?.nodes ?? {}),
        [],
        { x: 1, y: 1 },
        o,
      ),
  ],
  ['connect', (doc, o) => connect(doc, 's', { source: 'b', target: 'a', kind: 'rework' }, o)],
  ['setEdgeKind', (doc, o) => setEdgeKind(doc, 's', 'ab', 'rework', o)],
  ['removeEdges', (doc, o) => removeEdges(doc, 's', ['ab'], o)],
  ['addState', (doc, o) => addState(doc, { name: 'New', kind: 'future' }, o)],
  ['renameState', (doc, o) => renameState(doc, 's', 'Renamed', o)],
  [
    'updateState',
    (doc, o) => updateState(doc, 'other', { kind: 'current', basedOn: undefined }, o),
  ],
  ['removeState', (doc, o) => removeState(doc, 's', o)],
  ['reorderStates', (doc, o) => reorderStates(doc, ['other', 's'], o)],
  ['cloneStateAsFuture', (doc, o) => cloneStateAsFuture(doc, 's', {}, o)],
  ['updateMeta', (doc, o) => updateMeta(doc, { title: 'New title', daysPerWeek: 4 }, o)],
  ['updateDora', (doc, o) => updateDora(doc, 's', { deploymentsPerWeek: 3 }, o)],
];

describe('every command', () => {
  it.each(COMMANDS)('%s is one local transaction by default', (_, command) => {
    const doc = fixture();
    const seen = recordTransactions(doc);
    command(doc);
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
  });

  it.each(COMMANDS)('%s is one transaction with the origin it is given', (_, command) => {
    const doc = fixture();
    const seen = recordTransactions(doc);
    command(doc, ORIGINS.server);
    expect(seen).toEqual([{ origin: ORIGINS.server, changed: true }]);
  });
});

describe('origins', () => {
  it('are distinct strings, recognised by isOrigin', () => {
    const values = Object.values(ORIGINS);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((v) => typeof v === 'string' && isOrigin(v))).toBe(true);
    expect(isOrigin('local')).toBe(false);
    expect(Object.isFrozen(ORIGINS)).toBe(true);
  });
});
