import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import type { FlowMap } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import { addNode } from './commands/nodes.ts';
import {
  createMapDoc,
  hasMap,
  INITIAL_STATE_ID,
  initialiseBlankMap,
  writeMapToDoc,
} from './create.ts';
import { ORIGINS } from './origins.ts';
import { readMap } from './read.ts';
import {
  expectRefused,
  makeStage,
  paths,
  problemsOf,
  readClean,
  recordTransactions,
} from './test-helpers.ts';

describe('createMapDoc', () => {
  it('creates a blank map in one template transaction', () => {
    const doc = new Y.Doc();
    const seen = recordTransactions(doc);
    expect(createMapDoc({ title: 'Checkout', doc })).toBe(doc);
    expect(seen).toEqual([{ origin: ORIGINS.template, changed: true }]);
    expect(readClean(doc)).toEqual({
      meta: { ...DEFAULT_META, title: 'Checkout' },
      states: {
        [INITIAL_STATE_ID]: {
          id: INITIAL_STATE_ID,
          name: 'Current state',
          kind: 'current',
          order: 0,
          nodes: {},
          edges: {},
        },
      },
    });
    expect(hasMap(doc)).toBe(true);
  });

  it('creates a map from the software-delivery template, titled as asked', () => {
    const doc = new Y.Doc();
    const seen = recordTransactions(doc);
    createMapDoc({ title: 'Payments', template: 'software-delivery', doc });
    expect(seen).toEqual([{ origin: ORIGINS.template, changed: true }]);
    expect(readClean(doc)).toEqual(softwareDeliveryTemplate({ title: 'Payments' }));
  });

  it('makes a new Y.Doc when none is given', () => {
    expect(readClean(createMapDoc({ title: 'x', template: 'blank' })).meta.title).toBe('x');
  });

  it('refuses a document that already holds a map, and an invalid title', () => {
    const doc = createMapDoc({ title: 'One' });
    expect(expectRefused(doc, () => createMapDoc({ title: 'Two', doc }))).toEqual([
      { path: '', message: 'the document already holds a map' },
    ]);
    expectRefused(doc, () => createMapDoc({ title: 'Two', template: 'software-delivery', doc }));
    const empty = new Y.Doc();
    expect(
      paths(expectRefused(empty, () => createMapDoc({ title: 'x'.repeat(201), doc: empty }))),
    ).toEqual(['title']);
    expect(hasMap(empty)).toBe(false);
  });
});

describe('initialiseBlankMap', () => {
  it('uses the given origin and returns the state id', () => {
    const doc = new Y.Doc();
    const seen = recordTransactions(doc);
    expect(initialiseBlankMap(doc, { title: 'M', origin: ORIGINS.server })).toBe(INITIAL_STATE_ID);
    expect(seen).toEqual([{ origin: ORIGINS.server, changed: true }]);
  });
});

describe('writeMapToDoc', () => {
  it('imports a map into an empty document in one import transaction', () => {
    const map = softwareDeliveryTemplate();
    const doc = new Y.Doc();
    const seen = recordTransactions(doc);
    writeMapToDoc(doc, map);
    expect(seen).toEqual([{ origin: ORIGINS.import, changed: true }]);
    expect(readClean(doc)).toEqual(map);
  });

  it('replaces everything a document held', () => {
    const doc = createMapDoc({ title: 'Old' });
    addNode(doc, INITIAL_STATE_ID, makeStage({ id: 'old-node' }));
    doc.getMap('meta').set('legacySetting', true);
    doc.getMap('states').set('junk', new Y.Text('junk'));
    const map = softwareDeliveryTemplate({ title: 'New' });
    writeMapToDoc(doc, map, ORIGINS.server);
    expect(readClean(doc)).toEqual(map);
    expect(doc.getMap('meta').has('legacySetting')).toBe(false);
  });

  it('applies the defaults of missing settings', () => {
    const doc = new Y.Doc();
    const map = {
      meta: { schemaVersion: 1, title: 'Sparse' },
      states: { s: { id: 's', name: 'S', kind: 'current', order: 0, nodes: {}, edges: {} } },
    } as unknown as FlowMap;
    writeMapToDoc(doc, map);
    expect(readClean(doc).meta).toEqual({ ...DEFAULT_META, title: 'Sparse' });
  });

  it('refuses an invalid map with every problem, writing nothing', () => {
    const map = softwareDeliveryTemplate();
    const current = map.states.current;
    if (!current?.nodes.vcs || !current.edges['vcs--auto-tests']) throw new Error('fixture');
    current.nodes.vcs.pctCA = 150;
    current.nodes.vcs.valueAddMinutes = -1;
    current.edges['vcs--auto-tests'].target = 'nowhere';
    const doc = createMapDoc({ title: 'Keep me' });
    const before = readMap(doc);
    const problems = expectRefused(doc, () => writeMapToDoc(doc, map));
    expect(paths(problems)).toEqual(
      expect.arrayContaining([
        'states.current.nodes.vcs.pctCA',
        'states.current.nodes.vcs.valueAddMinutes',
        'states.current.edges.vcs--auto-tests.target',
      ]),
    );
    expect(readMap(doc)).toEqual(before);
  });

  it('refuses a map with no state, and references that only resolve through the prototype', () => {
    const doc = new Y.Doc();
    const noStates = { meta: { ...DEFAULT_META, title: 'x' }, states: {} } as FlowMap;
    expect(problemsOf(() => writeMapToDoc(doc, noStates))).toEqual([
      { path: 'states', message: 'must hold at least one state' },
    ]);
    const map = softwareDeliveryTemplate();
    const edge = map.states.current?.edges['vcs--auto-tests'];
    if (!edge) throw new Error('fixture');
    edge.target = 'toString';
    expect(paths(problemsOf(() => writeMapToDoc(doc, map)))).toEqual([
      'states.current.edges.vcs--auto-tests.target',
    ]);
    expect(hasMap(doc)).toBe(false);
  });
});
