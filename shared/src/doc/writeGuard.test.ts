import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../model/schema.ts';
import { addNode, updateNode } from './commands/nodes.ts';
import { createMapDoc, INITIAL_STATE_ID } from './create.ts';
import { ORIGINS } from './origins.ts';
import { makeStage } from './test-helpers.ts';
import { checkDocument, checkTransactionWrites, WriteRefusedError } from './writeGuard.ts';

/** What the server does: apply an untrusted update to its copy, then check what it wrote. */
function applyChecked(target: Y.Doc, update: Uint8Array): void {
  const transactions: Y.Transaction[] = [];
  const collect = (tr: Y.Transaction) => transactions.push(tr);
  target.on('afterTransaction', collect);
  try {
    Y.applyUpdate(target, update);
  } finally {
    target.off('afterTransaction', collect);
  }
  for (const tr of transactions) checkTransactionWrites(target, tr);
}

/** A server-side copy of `source` (its roots still generic, as after Y.applyUpdate). */
function serverCopy(source: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  applyChecked(copy, Y.encodeStateAsUpdate(source));
  return copy;
}

/** The update `edit` makes to a client's copy of `base`. */
function editOf(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client), ORIGINS.local);
  return Y.encodeStateAsUpdate(client, before);
}

const nodes = (doc: Y.Doc) =>
  (doc.getMap('states').get(INITIAL_STATE_ID) as Y.Map<unknown>).get('nodes') as Y.Map<unknown>;

function refusal(fn: () => void): { path: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof WriteRefusedError) return error.problem;
    throw error;
  }
  throw new Error('the write was accepted');
}

describe('checkTransactionWrites', () => {
  it('accepts a whole template map and ordinary edits, including PT > LT and deletions', () => {
    const source = createMapDoc({ title: 'Delivery', template: 'software-delivery' });
    const server = serverCopy(source);
    const id = addNode(source, INITIAL_STATE_ID, makeStage({ name: 'Deploy' }), ORIGINS.local);
    applyChecked(
      server,
      editOf(server, (doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(source))),
    );
    // Cross-field rules are the read path's business: concurrent valid edits can break them.
    applyChecked(
      server,
      editOf(server, (doc) => {
        const node = nodes(doc).get(id) as Y.Map<unknown>;
        node.set('valueAddMinutes', 10_000);
        node.delete('pctCA');
      }),
    );
    expect((nodes(server).get(id) as Y.Map<unknown>).get('valueAddMinutes')).toBe(10_000);
  });

  it('refuses a field value the import validator refuses, naming the field', () => {
    const server = serverCopy(createMapDoc({ title: 'A', template: 'software-delivery' }));
    const someId = [...nodes(server).keys()][0] as string;
    const set = (key: string, value: unknown) =>
      refusal(() =>
        applyChecked(
          server,
          editOf(server, (doc) => (nodes(doc).get(someId) as Y.Map<unknown>).set(key, value)),
        ),
      );
    expect(set('name', 'x'.repeat(LIMITS.nameLength + 1))).toEqual({
      path: `states.${INITIAL_STATE_ID}.nodes.${someId}.name`,
      message: `must be at most ${LIMITS.nameLength} characters`,
    });
    expect(set('elapsedMinutes', '3 days').message).toBe('must be a number of minutes');
    expect(set('pctCA', 140).message).toBe('must be 0–100');
    expect(set('type', 'castle').message).toMatch(/^must be one of stage/);
    expect(set('name', new Y.Text('a Y.Text where text belongs')).message).toBe('must be text');
  });

  it('checks every field of an entity created by the same update', () => {
    const server = serverCopy(createMapDoc({ title: 'A' }));
    const problem = refusal(() =>
      applyChecked(
        server,
        editOf(server, (doc) => {
          const node = new Y.Map<unknown>();
          nodes(doc).set('n1', node);
          node.set('id', 'n1');
          node.set('type', 'stage');
          node.set('x', 0);
          node.set('y', 1e12);
          node.set('name', 'Far away');
        }),
      ),
    );
    expect(problem).toEqual({
      path: `states.${INITIAL_STATE_ID}.nodes.n1.y`,
      message: 'is too far off the canvas',
    });
  });

  it('refuses an invalid id key, a non-map entity and a whole new state with a bad node', () => {
    const server = serverCopy(createMapDoc({ title: 'A' }));
    expect(
      refusal(() =>
        applyChecked(
          server,
          editOf(server, (doc) => nodes(doc).set('k'.repeat(10_000), new Y.Map())),
        ),
      ).message,
    ).toBe(`key must be at most ${LIMITS.idLength} characters`);
    expect(
      refusal(() =>
        applyChecked(
          server,
          editOf(server, (doc) => nodes(doc).set('n2', 'not a node')),
        ),
      ).message,
    ).toBe('must be a map');
    const problem = refusal(() =>
      applyChecked(
        server,
        editOf(server, (doc) => {
          const state = new Y.Map<unknown>();
          doc.getMap('states').set('s2', state);
          state.set('id', 's2');
          state.set('name', 'Future');
          state.set('kind', 'future');
          state.set('order', 1);
          const stateNodes = new Y.Map<unknown>();
          state.set('nodes', stateNodes);
          const node = new Y.Map<unknown>();
          stateNodes.set('n', node);
          node.set('notes', 'n'.repeat(LIMITS.notesLength + 1));
        }),
      ),
    );
    expect(problem.path).toBe('states.s2.nodes.n.notes');
  });

  it('refuses more nodes in a state than an import allows', () => {
    const server = serverCopy(createMapDoc({ title: 'A' }));
    const problem = refusal(() =>
      applyChecked(
        server,
        editOf(server, (doc) => {
          for (let i = 0; i <= LIMITS.nodesPerState; i++) {
            const node = new Y.Map<unknown>();
            nodes(doc).set(`n${i}`, node);
          }
        }),
      ),
    );
    expect(problem).toEqual({
      path: `states.${INITIAL_STATE_ID}.nodes`,
      message: `has more than ${LIMITS.nodesPerState} nodes`,
    });
  });

  it('leaves types outside schema v1 to the size cap', () => {
    const server = serverCopy(createMapDoc({ title: 'A' }));
    applyChecked(
      server,
      editOf(server, (doc) => {
        doc.getMap('somethingElse').set('blob', 'x'.repeat(50_000));
        doc.getMap('meta').set('futureSetting', { nested: true });
      }),
    );
    expect(server.getMap('somethingElse').get('blob')).toHaveLength(50_000);
  });
});

describe('checkDocument', () => {
  it('accepts a valid map and names the first problem of an invalid one', () => {
    const doc = createMapDoc({ title: 'Delivery', template: 'software-delivery' });
    expect(() => checkDocument(doc)).not.toThrow();
    const id = addNode(doc, INITIAL_STATE_ID, makeStage(), ORIGINS.local);
    updateNode(doc, INITIAL_STATE_ID, id, { name: 'ok' }, ORIGINS.local);
    (nodes(doc).get(id) as Y.Map<unknown>).set('pctCA', -1);
    expect(refusal(() => checkDocument(doc)).path).toBe(
      `states.${INITIAL_STATE_ID}.nodes.${id}.pctCA`,
    );
  });
});
