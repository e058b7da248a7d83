import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeStateMetrics } from '../metrics/stateMetrics.ts';
import { SCHEMA_VERSION } from '../model/types.ts';
import { createMapDoc, INITIAL_STATE_ID } from './create.ts';
import { migrateDoc } from './migrate.ts';
import { ORIGINS } from './origins.ts';
import { readMap } from './read.ts';
import { createUndoManager } from './undo.ts';

/** The software-delivery template as a v1 client wrote it: schemaVersion 1 in the document. */
function v1LiveDoc(): Y.Doc {
  const doc = createMapDoc({ title: 'Payments', template: 'software-delivery' });
  doc.getMap('meta').set('schemaVersion', 1);
  return doc;
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
};

describe('migrateDoc', () => {
  it('reads a v1 live document as v2 with its v1 figures, before and after the migration', () => {
    const doc = v1LiveDoc();
    const before = readMap(doc);
    expect(before.problems).toEqual([]);
    expect(before.map.meta.schemaVersion).toBe(2);
    const figures = computeStateMetrics(
      before.map.states[INITIAL_STATE_ID] as never,
      before.map.meta,
    );
    expect(figures.totalLeadTimeMinutes).toBe(10_680);
    expect(migrateDoc(doc)).toBe(true);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(readMap(doc).map).toEqual(before.map);
    expect(migrateDoc(doc)).toBe(false);
  });

  it('two clients upgrading a v1 document while adding v2 content converge on one v2 map', () => {
    const a = v1LiveDoc();
    const b = new Y.Doc();
    sync(a, b);
    // Concurrently: both migrate; a adds a queue in front of Security review, b a rework rate.
    migrateDoc(a);
    migrateDoc(b);
    const nodes = (doc: Y.Doc) =>
      (doc.getMap('states').get(INITIAL_STATE_ID) as Y.Map<unknown>).get('nodes') as Y.Map<
        Y.Map<unknown>
      >;
    a.transact(() => {
      const queue = new Y.Map<unknown>();
      nodes(a).set('q', queue);
      for (const [k, v] of Object.entries({
        id: 'q',
        type: 'queue',
        x: 0,
        y: 0,
        name: 'Queue',
        waitMinutes: 480,
      })) {
        queue.set(k, v);
      }
    }, ORIGINS.local);
    b.transact(() => {
      const edges = (b.getMap('states').get(INITIAL_STATE_ID) as Y.Map<unknown>).get(
        'edges',
      ) as Y.Map<Y.Map<unknown>>;
      const rework = [...edges.values()].find((e) => e.get('kind') === 'rework');
      rework?.set('rate', 0.2);
    }, ORIGINS.local);
    sync(a, b);
    const readA = readMap(a);
    const readB = readMap(b);
    expect(readA).toEqual(readB);
    expect(a.getMap('meta').get('schemaVersion')).toBe(2);
    expect(readA.map.states[INITIAL_STATE_ID]?.nodes.q?.type).toBe('queue');
    const rates = Object.values(readA.map.states[INITIAL_STATE_ID]?.edges ?? {}).map((e) => e.rate);
    expect(rates).toContain(0.2);
  });

  it('is not undoable: undo never takes a document back to an older schema', () => {
    const doc = v1LiveDoc();
    const undo = createUndoManager(doc);
    migrateDoc(doc);
    undo.undo();
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
  });
});
