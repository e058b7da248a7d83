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
      'states.s1.nodes.n2.type: must be one of stage, start, end, kaizen, note, queue',
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
    newer.meta.schemaVersion = 3;
    expect(messages(newer)[0]).toMatch(/^meta.schemaVersion: is 3, made by a newer Flowmap/);
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
      expect(map.meta.schemaVersion).toBe(2);
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

describe('schema v2', () => {
  it('reads a v1 map as v2 by its version number alone, every value as it was', () => {
    const v1 = validMap();
    const result = validateMap(v1);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('; '));
    expect(result.map.meta.schemaVersion).toBe(2);
    const { schemaVersion: _v, ...rest } = result.map.meta;
    expect(rest).toMatchObject({ title: 'Delivery', hoursPerDay: 8, daysPerWeek: 5 });
    expect(result.map.states.s1?.nodes).toEqual(v1.states.s1.nodes);
  });

  it('accepts every v2 field and refuses invalid ones with their path', () => {
    const raw = validMap() as ReturnType<typeof validMap> & { meta: Record<string, unknown> };
    raw.meta.schemaVersion = 2;
    Object.assign(raw.meta, { demandPerDay: 4, unitOfWork: 'change', locale: 'ko' });
    const nodes = raw.states.s1.nodes as Record<string, Record<string, unknown>>;
    Object.assign(nodes.n1 as object, {
      people: 2,
      batchSize: 5,
      wipItems: 3,
      elapsedLowMinutes: 60,
      elapsedHighMinutes: 600,
      timeSource: 'measured',
      ratedBy: 'QA',
      outside: true,
    });
    nodes.q = { id: 'q', type: 'queue', x: 0, y: 0, name: 'Waiting for QA', items: 10 };
    nodes.k = {
      id: 'k',
      type: 'kaizen',
      x: 0,
      y: 0,
      name: 'Automate',
      owner: 'Ops',
      dueDate: '2027-03-31',
      status: 'planned',
      effectElapsedMinutes: 30,
      effectValueAddMinutes: 10,
      effectPctCA: 95,
    };
    const edges = raw.states.s1.edges as Record<string, Record<string, unknown>>;
    edges.r = { id: 'r', source: 'n2', target: 'n1', kind: 'rework', rate: 0.2 };
    (edges.e1 as Record<string, unknown>).share = 1;
    expect(messages(raw)).toEqual([]);

    Object.assign(raw.meta, { demandPerDay: 0, unitOfWork: 'u'.repeat(41), locale: 'fr' });
    Object.assign(nodes.k as object, { dueDate: '2027-02-30', status: 'someday' });
    Object.assign(nodes.n1 as object, { batchSize: 0, outside: 'yes', elapsedLowMinutes: 9_999 });
    (edges.r as Record<string, unknown>).rate = 1;
    expect(messages(raw)).toEqual([
      'meta.demandPerDay: must be above 0',
      'meta.unitOfWork: must be at most 40 characters',
      'meta.locale: must be one of en, ko',
      'states.s1.nodes.n1.batchSize: must be at least 1',
      'states.s1.nodes.n1.outside: must be true or false',
      'states.s1.nodes.n1.elapsedLowMinutes: the three-point estimate needs low ≤ likely ≤ high',
      'states.s1.nodes.k.dueDate: is not a calendar date',
      'states.s1.nodes.k.status: must be one of idea, planned, doing, done',
      'states.s1.edges.r.rate: must be below 1',
    ]);
  });
});
