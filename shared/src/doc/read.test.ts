import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateMap } from '../model/schema.ts';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import { DEFAULT_META } from '../model/types.ts';
import { addNode } from './commands/nodes.ts';
import { addState } from './commands/states.ts';
import { createMapDoc, writeMapToDoc } from './create.ts';
import { readMap, readState } from './read.ts';
import { freshMap, makeStage, paths } from './test-helpers.ts';

/** Sets fields on a new Y.Map attached at `parent.key`, like a client using the raw Y API. */
function rawMap(parent: Y.Map<unknown>, key: string, fields: Record<string, unknown> = {}) {
  const map = new Y.Map<unknown>();
  parent.set(key, map);
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

/** What another client receives: the hostile document through an update. */
function received(src: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(src));
  return doc;
}

describe('readMap', () => {
  it('reads a blank map', () => {
    const { doc } = freshMap('Blank');
    expect(readMap(doc)).toEqual({
      map: {
        meta: { ...DEFAULT_META, title: 'Blank' },
        states: {
          current: {
            id: 'current',
            name: 'Current state',
            kind: 'current',
            order: 0,
            nodes: {},
            edges: {},
          },
        },
      },
      problems: [],
    });
  });

  it('reads back exactly the map that was written', () => {
    const map = softwareDeliveryTemplate({ title: 'Round trip' });
    const doc = new Y.Doc();
    writeMapToDoc(doc, map);
    expect(readMap(received(doc))).toEqual({ map, problems: [] });
  });

  it('lists entities in id order, whatever order they were added in', () => {
    const { doc, stateId } = freshMap();
    for (const id of ['c', 'a', 'b']) addNode(doc, stateId, makeStage({ id }));
    expect(Object.keys(readMap(doc).map.states[stateId]?.nodes ?? {})).toEqual(['a', 'b', 'c']);
  });

  it('reports an empty document instead of failing', () => {
    const { map, problems } = readMap(new Y.Doc());
    expect(map.states).toEqual({});
    expect(paths(problems)).toContain('meta.schemaVersion');
  });

  it('ignores keys a newer or foreign client added to an entity', () => {
    const { doc, stateId } = freshMap();
    const id = addNode(doc, stateId, makeStage());
    const nodes = (doc.getMap('states').get(stateId) as Y.Map<unknown>).get(
      'nodes',
    ) as Y.Map<unknown>;
    (nodes.get(id) as Y.Map<unknown>).set('colour', new Y.Text('red'));
    const { map, problems } = readMap(doc);
    expect(problems).toEqual([]);
    expect(map.states[stateId]?.nodes[id]).not.toHaveProperty('colour');
  });

  it('reads a hostile document without throwing and reports every problem with its path', () => {
    const src = new Y.Doc();
    const meta = src.getMap('meta');
    meta.set('schemaVersion', 1);
    meta.set('title', new Y.Text('A title as Y.Text'));
    meta.set('hoursPerDay', 'eight');
    const states = src.getMap('states');
    states.set('txt', new Y.Text('not a state'));
    states.set('arr', new Y.Array());
    states.set('prim', 42);
    states.set('plain', {
      id: 'plain',
      name: 'P',
      kind: 'current',
      order: 0,
      nodes: {},
      edges: {},
    });
    const s1 = rawMap(states, 's1', { id: 's1', name: 'S', kind: 'current', order: 0 });
    s1.set('basedOn', 'constructor');
    s1.set('dora', new Y.Array());
    const nodes = rawMap(s1, 'nodes');
    const edges = rawMap(s1, 'edges');
    rawMap(nodes, 'n1', {
      id: 'n1',
      type: 'stage',
      x: Number.NaN,
      y: 0,
      name: 'N1',
      pctCA: '90',
      team: new Y.Text('Dev'),
      elapsedMinutes: 10,
      valueAddMinutes: 20,
    });
    rawMap(nodes, 'n2', { id: 'n2', type: 'stage', x: 1, y: 0, name: 'N2', notes: new Y.Map() });
    rawMap(nodes, 'wrong-key', { id: 'n9', type: 'stage', x: 1, y: 0, name: 'Nope' });
    rawMap(nodes, '__proto__', { id: '__proto__', type: 'stage', x: 1, y: 0, name: 'Proto' });
    nodes.set('n3', new Y.Text('x'));
    nodes.set('n4', null);
    rawMap(edges, 'e1', { id: 'e1', source: 'n2', target: 'constructor', kind: 'flow' });
    rawMap(edges, 'e2', { id: 'e2', source: 'n2', target: 'n1', kind: 'sideways' });
    rawMap(edges, 'e3', { id: 'e3', source: 'n2', target: 'gone', kind: 'flow' });
    edges.set('e4', ['n1', 'n2']);
    const s2 = rawMap(states, 's2', { id: 's2', name: 'S2', kind: 'future', order: 1 });
    s2.set('nodes', new Y.Array());

    const { map, problems } = readMap(received(src));

    // Structural problems are reported by the reader itself, with exact messages.
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'states.txt', message: 'must be a Y.Map, found a Y.Text' },
        { path: 'states.arr', message: 'must be a Y.Map, found a Y.Array' },
        { path: 'states.prim', message: 'must be a Y.Map, found a number' },
        { path: 'states.plain', message: 'must be a Y.Map, found a plain object' },
        { path: 'states.s1.dora', message: 'must be a Y.Map, found a Y.Array' },
        { path: 'states.s1.nodes.n3', message: 'must be a Y.Map, found a Y.Text' },
        { path: 'states.s1.nodes.n4', message: 'must be a Y.Map, found null' },
        { path: 'states.s1.nodes.__proto__', message: 'is a reserved id' },
        { path: 'states.s1.edges.e4', message: 'must be a Y.Map, found a list' },
        { path: 'states.s1.basedOn', message: 'refers to a missing state “constructor”' },
        { path: 'states.s1.edges.e1.target', message: 'refers to a missing node “constructor”' },
        { path: 'states.s2.nodes', message: 'must be a Y.Map, found a Y.Array' },
        { path: 'states.s2.edges', message: 'is missing' },
      ]),
    );
    // Field problems come from the schema's validators; their wording is theirs.
    expect(paths(problems)).toEqual(
      expect.arrayContaining([
        'meta.title',
        'meta.hoursPerDay',
        'states.s1.nodes.n1.x',
        'states.s1.nodes.n1.pctCA',
        'states.s1.nodes.n1.team',
        'states.s1.nodes.n1.valueAddMinutes',
        'states.s1.nodes.n2.notes',
        'states.s1.nodes.wrong-key.id',
        'states.s1.edges.e2.kind',
        'states.s1.edges.e3.target',
      ]),
    );
    // What is valid is kept; nothing invalid or live leaks into the model.
    expect(Object.keys(map.states)).toEqual(['s1', 's2']);
    const s = map.states.s1;
    expect(Object.keys(s?.nodes ?? {})).toEqual(['n1', 'n2']);
    expect(s?.nodes.n1).not.toHaveProperty('pctCA');
    expect(s?.nodes.n1).not.toHaveProperty('team');
    expect(s?.nodes.n2).toEqual({ id: 'n2', type: 'stage', x: 1, y: 0, name: 'N2' });
    expect(s).not.toHaveProperty('basedOn');
    expect(s).not.toHaveProperty('dora');
    expect(Object.keys(s?.edges ?? {})).not.toContain('e1');
    expect(Object.keys(s?.edges ?? {})).not.toContain('e3');
    expect(Object.getPrototypeOf(s?.nodes)).toBe(Object.prototype);
    expect(map.meta.hoursPerDay).toBe(DEFAULT_META.hoursPerDay);
    expect(typeof map.meta.title).toBe('string');
    expect(JSON.parse(JSON.stringify(map))).toEqual(map);
  });

  it('reads a hostile document that validateMap would refuse, and the result validates', () => {
    const src = new Y.Doc();
    src.getMap('meta').set('schemaVersion', 1);
    const s = rawMap(src.getMap('states'), 's', { id: 's', name: '', kind: 'x', order: 'first' });
    rawMap(s, 'nodes');
    rawMap(s, 'edges');
    const ok = rawMap(src.getMap('states'), 'ok', {
      id: 'ok',
      name: 'Fine',
      kind: 'current',
      order: 0,
    });
    rawMap(ok, 'nodes');
    rawMap(ok, 'edges');
    const { map, problems } = readMap(received(src));
    expect(problems.length).toBeGreaterThan(0);
    const again = validateMap(map);
    expect(again.ok || again.problems).toBe(true);
  });

  it('reports a newer schema version rather than guessing', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 99);
    expect(paths(readMap(doc).problems)).toContain('meta.schemaVersion');
  });
});

describe('readState', () => {
  it('reads one state with its basedOn intact, and only its own problems', () => {
    const doc = createMapDoc({ title: 'T', template: 'software-delivery' });
    const future = addState(doc, { name: 'Future', kind: 'future', basedOn: 'current' });
    const nodes = (doc.getMap('states').get('current') as Y.Map<unknown>).get(
      'nodes',
    ) as Y.Map<unknown>;
    nodes.set('bad', 7);
    doc.getMap('meta').set('hoursPerDay', 99);

    expect(readState(doc, future)).toEqual({
      state: {
        id: future,
        name: 'Future',
        kind: 'future',
        order: 1,
        basedOn: 'current',
        nodes: {},
        edges: {},
      },
      problems: [],
    });
    const current = readState(doc, 'current');
    expect(current.state).toEqual(softwareDeliveryTemplate().states.current);
    expect(current.problems).toEqual([
      { path: 'states.current.nodes.bad', message: 'must be a Y.Map, found a number' },
    ]);
  });

  it('returns null for an unknown or unreadable state', () => {
    const { doc } = freshMap();
    doc.getMap('states').set('text', new Y.Text('x'));
    expect(readState(doc, 'nope')).toEqual({ state: null, problems: [] });
    expect(readState(doc, 'text')).toEqual({
      state: null,
      problems: [{ path: 'states.text', message: 'must be a Y.Map, found a Y.Text' }],
    });
  });
});
