import { describe, expect, it } from 'vitest';
import {
  sanitizeMap,
  validateDoraPatch,
  validateMap,
  validateMetaPatch,
  validateNodePatch,
} from './schema.ts';
import { formatProblem } from './types.ts';

function validMap() {
  return {
    meta: { schemaVersion: 1, title: 'Delivery', description: '', hoursPerDay: 8, daysPerWeek: 5 },
    states: {
      s1: {
        id: 's1',
        name: 'Current state',
        kind: 'current',
        order: 0,
        nodes: {
          n1: {
            id: 'n1',
            type: 'stage',
            x: 0,
            y: 0,
            name: 'Build',
            elapsedMinutes: 120,
            valueAddMinutes: 30,
            pctCA: 90,
          },
          n2: {
            id: 'n2',
            type: 'stage',
            x: 260,
            y: 0,
            name: 'Test',
            team: 'QA',
            elapsedMinutes: 480,
          },
        },
        edges: { e1: { id: 'e1', source: 'n1', target: 'n2', kind: 'flow' } },
      },
    },
  };
}

const messages = (raw: unknown) => {
  const result = validateMap(raw);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('validateMap', () => {
  it('accepts a valid map and fills setting defaults', () => {
    const result = validateMap(validMap());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.meta.lowPctCAThreshold).toBe(80);
    expect(result.map.meta.bottleneckCount).toBe(3);
    expect(result.map.states.s1?.nodes.n2?.team).toBe('QA');
    expect(result.map.states.s1?.nodes.n2).not.toHaveProperty('pctCA');
  });

  it('names the path of every problem', () => {
    const raw = validMap();
    const n1 = raw.states.s1.nodes.n1 as Record<string, unknown>;
    n1.pctCA = 150;
    n1.elapsedMinutes = -5;
    (raw.states.s1.nodes.n2 as Record<string, unknown>).type = 'robot';
    expect(messages(raw)).toEqual([
      'states.s1.nodes.n1.elapsedMinutes: must not be negative',
      'states.s1.nodes.n1.pctCA: must be 0–100',
      'states.s1.nodes.n2.type: must be one of stage, start, end, kaizen, note',
      'states.s1.edges.e1.target: refers to a missing node “n2”',
    ]);
  });

  it('reports NaN, Infinity, strings for numbers and PT > LT', () => {
    const raw = validMap();
    const n1 = raw.states.s1.nodes.n1 as Record<string, unknown>;
    n1.x = Number.NaN;
    n1.valueAddMinutes = 500;
    (raw.states.s1.nodes.n2 as Record<string, unknown>).elapsedMinutes = '8h';
    expect(messages(raw)).toEqual([
      'states.s1.nodes.n1.x: must be a number',
      'states.s1.nodes.n1.valueAddMinutes: value-add time cannot exceed elapsed time',
      'states.s1.nodes.n2.elapsedMinutes: must be a number of minutes',
    ]);
  });

  it('refuses maps that are not objects, newer schema versions and mismatched keys', () => {
    expect(messages(null)).toContain('must be a JSON object');
    expect(messages([])).toContain('states: must be an object of states keyed by id');
    const newer = validMap();
    newer.meta.schemaVersion = 2;
    expect(messages(newer)[0]).toMatch(/^meta.schemaVersion: is 2, made by a newer Flowmap/);
    const mismatched = validMap();
    mismatched.states.s1.nodes.n1.id = 'other';
    expect(messages(mismatched)).toContain('states.s1.nodes.n1.id: must equal its key “n1”');
  });

  it('refuses a reference to a missing base state and ids with odd characters', () => {
    const raw = validMap() as ReturnType<typeof validMap> & { states: Record<string, unknown> };
    (raw.states.s1 as Record<string, unknown>).basedOn = 'nope';
    raw.states['../x'] = { id: '../x', name: 'x', kind: 'future', order: 1, nodes: {}, edges: {} };
    expect(messages(raw)).toEqual([
      'states.../x.id: must use only letters, digits, - and _',
      'states.s1.basedOn: refers to a missing state “nope”',
    ]);
  });
});

describe('sanitizeMap', () => {
  it('keeps every valid part of a hostile document and drops the rest', () => {
    const raw = validMap() as unknown as Record<string, any>;
    raw.states.s1.nodes.n1.pctCA = 'lots';
    raw.states.s1.nodes.n2 = 'not a node';
    raw.states.s1.nodes.n3 = { id: 'n3', type: 'note', x: 1, y: 2, name: 'Sticky', notes: 42 };
    raw.states.s2 = 7;
    const { map, problems } = sanitizeMap(raw);
    expect(map.states.s1?.nodes.n1).toMatchObject({ name: 'Build', elapsedMinutes: 120 });
    expect(map.states.s1?.nodes.n1).not.toHaveProperty('pctCA');
    expect(map.states.s1?.nodes.n2).toBeUndefined();
    expect(map.states.s1?.nodes.n3).toEqual({ id: 'n3', type: 'note', x: 1, y: 2, name: 'Sticky' });
    expect(map.states.s1?.edges).toEqual({});
    expect(map.states.s2).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'states.s1.nodes.n1.pctCA: must be 0–100',
      'states.s1.nodes.n2: must be an object',
      'states.s1.nodes.n3.notes: must be text',
      'states.s1.edges.e1.target: refers to a missing node “n2”',
      'states.s2: must be an object',
    ]);
  });

  it('never throws on arbitrary values', () => {
    for (const raw of [
      undefined,
      0,
      'x',
      [],
      { meta: [] },
      { states: { a: { nodes: [], edges: 5 } } },
    ]) {
      const { map } = sanitizeMap(raw);
      expect(map.meta.schemaVersion).toBe(1);
      expect(typeof map.states).toBe('object');
    }
  });
});

describe('patch validators', () => {
  it('checks each field and PT ≤ LT against the node after the patch', () => {
    expect(validateNodePatch({ pctCA: 101 })).toEqual([
      { path: 'pctCA', message: 'must be 0–100' },
    ]);
    expect(validateNodePatch({ valueAddMinutes: 90 }, { elapsedMinutes: 60 })).toEqual([
      { path: 'valueAddMinutes', message: 'value-add time cannot exceed elapsed time' },
    ]);
    expect(validateNodePatch({ elapsedMinutes: 30 }, { valueAddMinutes: 60 })).toEqual([
      { path: 'elapsedMinutes', message: 'elapsed time cannot be less than value-add time' },
    ]);
    expect(validateNodePatch({ pctCA: undefined, team: 'Ops' })).toEqual([]);
    expect(validateNodePatch({ name: undefined })).toEqual([
      { path: 'name', message: 'is required' },
    ]);
    expect(validateNodePatch({ colour: 'red' } as never)).toEqual([
      { path: 'colour', message: 'is not a field that can be set' },
    ]);
  });

  it('checks DORA inputs and map settings', () => {
    expect(validateDoraPatch({ changeFailureRate: 15 })).toEqual([
      { path: 'changeFailureRate', message: 'must be 0–1' },
    ]);
    expect(validateMetaPatch({ hoursPerDay: 30, bottleneckCount: 2.5 })).toEqual([
      { path: 'hoursPerDay', message: 'must be 1–24' },
      { path: 'bottleneckCount', message: 'must be a whole number' },
    ]);
  });
});

describe('hostile keys', () => {
  it('refuses __proto__ ids and references to inherited properties', () => {
    const raw = validMap() as unknown as Record<string, any>;
    raw.states.s1.edges.e2 = { id: 'e2', source: 'n1', target: 'constructor', kind: 'flow' };
    raw.states.s1.basedOn = 'toString';
    const result = validateMap(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      'states.s1.edges.e2.target: refers to a missing node “constructor”',
      'states.s1.basedOn: refers to a missing state “toString”',
    ]);
    const proto = JSON.parse(
      '{"__proto__": {"id": "__proto__", "type": "stage", "x": 0, "y": 0, "name": "P"}}',
    );
    raw.states.s1.nodes = { ...raw.states.s1.nodes, ...proto };
    const { map, problems } = sanitizeMap(raw);
    expect(Object.getPrototypeOf(map.states.s1?.nodes)).toBe(Object.prototype);
    expect(problems.map(formatProblem)).toContain('states.s1.nodes.__proto__.id: is reserved');
  });

  it('refuses a map without any state', () => {
    const raw = validMap() as unknown as Record<string, any>;
    raw.states = {};
    expect(messages(raw)).toEqual(['states: must hold at least one state']);
  });
});
