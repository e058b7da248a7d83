// Y.Doc → plain FlowMap. The document is whatever every client ever wrote, so this walk assumes
// nothing: each level is checked to be the Y.Map schema v1 says it is, values are copied field by
// field, and the result goes through `sanitizeMap`, which keeps what is valid and reports the rest.
// It never throws. Not `toJSON()`: that would flatten a Y.Text or a plain object stored where a
// Y.Map belongs into data that looks valid but that no command can edit.
import * as Y from 'yjs';
import { sanitizeMap } from '../model/schema.ts';
import type { FlowMap, MapState, Problem } from '../model/types.ts';
import { asYMap } from './access.ts';
import {
  DORA_FIELDS,
  EDGE_FIELDS,
  META_FIELDS,
  NODE_FIELDS,
  ROOT,
  STATE_CHILDREN,
  STATE_FIELDS,
} from './keys.ts';

export interface ReadResult {
  map: FlowMap;
  problems: Problem[];
}

type Raw = Record<string, unknown>;

/** Keys that a plain object cannot hold as data; an entity stored under one is unreadable. */
const UNSAFE_KEYS = new Set(['__proto__']);

function describe(value: unknown): string {
  if (value instanceof Y.Text) return 'a Y.Text';
  if (value instanceof Y.Array) return 'a Y.Array';
  if (value instanceof Y.XmlFragment || value instanceof Y.XmlElement) return 'a Y.Xml type';
  if (value instanceof Y.AbstractType) return 'a shared type of another kind';
  if (value instanceof Y.Doc) return 'a subdocument';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a plain object';
  return `a ${typeof value}`;
}

// A shared type or subdocument where a value belongs is handed to the validators as `null`, which
// they reject with the field's own message ("must be a number"); the live object never leaks out.
function plainValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  return value instanceof Y.AbstractType || value instanceof Y.Doc ? null : value;
}

// Only the known keys are read (a `get` per field measured faster than iterating the entries);
// anything else a client stored is ignored.
function readEntity(entity: Y.Map<unknown>, fields: readonly string[]): Raw {
  const out: Raw = {};
  for (const field of fields) {
    const value = entity.get(field);
    if (value !== undefined) out[field] = plainValue(value);
  }
  return out;
}

function notAMap(path: string, value: unknown): Problem {
  return { path, message: `must be a Y.Map, found ${describe(value)}` };
}

/** Entities of a container in id order, so every client reads (and exports) the same order. */
function readContainer(
  container: Y.Map<unknown>,
  path: string,
  fields: readonly string[],
  problems: Problem[],
): Raw {
  const out: Raw = {};
  for (const key of [...container.keys()].sort()) {
    const value = container.get(key);
    const entity = asYMap(value);
    if (UNSAFE_KEYS.has(key))
      problems.push({ path: `${path}.${key}`, message: 'is a reserved id' });
    else if (!entity) problems.push(notAMap(`${path}.${key}`, value));
    else out[key] = readEntity(entity, fields);
  }
  return out;
}

function readChild(
  state: Y.Map<unknown>,
  key: 'nodes' | 'edges',
  path: string,
  fields: readonly string[],
  problems: Problem[],
): Raw {
  const value = state.get(key);
  const child = asYMap(value);
  if (child) return readContainer(child, `${path}.${key}`, fields, problems);
  problems.push(
    value === undefined
      ? { path: `${path}.${key}`, message: 'is missing' }
      : notAMap(`${path}.${key}`, value),
  );
  return {};
}

function readStateEntity(
  state: Y.Map<unknown>,
  path: string,
  withContent: boolean,
  problems: Problem[],
): Raw {
  const out = readEntity(state, STATE_FIELDS);
  const doraValue = state.get(STATE_CHILDREN.dora);
  if (doraValue !== undefined) {
    const dora = asYMap(doraValue);
    if (dora) out.dora = readEntity(dora, DORA_FIELDS);
    else problems.push(notAMap(`${path}.${STATE_CHILDREN.dora}`, doraValue));
  }
  out.nodes = withContent
    ? readChild(state, STATE_CHILDREN.nodes, path, NODE_FIELDS, problems)
    : {};
  out.edges = withContent
    ? readChild(state, STATE_CHILDREN.edges, path, EDGE_FIELDS, problems)
    : {};
  return out;
}

function rootMap(doc: Y.Doc, name: string, problems: Problem[]): Y.Map<unknown> | undefined {
  try {
    return doc.getMap(name);
  } catch {
    // Only possible when this process already opened the root under another type.
    problems.push({ path: name, message: 'must be a Y.Map' });
    return undefined;
  }
}

/** `only`: read nodes and edges of that state alone (other states contribute their headers). */
function readRaw(doc: Y.Doc, problems: Problem[], only?: string): Raw {
  const meta = rootMap(doc, ROOT.meta, problems);
  const states = rootMap(doc, ROOT.states, problems);
  const rawStates: Raw = {};
  if (states) {
    for (const key of [...states.keys()].sort()) {
      const path = `${ROOT.states}.${key}`;
      const value = states.get(key);
      const state = asYMap(value);
      if (UNSAFE_KEYS.has(key)) problems.push({ path, message: 'is a reserved id' });
      else if (!state) problems.push(notAMap(path, value));
      else
        rawStates[key] = readStateEntity(state, path, only === undefined || only === key, problems);
    }
  }
  return { meta: meta ? readEntity(meta, META_FIELDS) : undefined, states: rawStates };
}

/** The whole map as plain data, with every problem found on the way. Never throws. */
export function readMap(doc: Y.Doc): ReadResult {
  const problems: Problem[] = [];
  const raw = readRaw(doc, problems);
  const sanitized = sanitizeMap(raw);
  return { map: sanitized.map, problems: [...problems, ...sanitized.problems] };
}

export interface StateReadResult {
  /** `null` when there is no such state or it is unreadable (the problems say why). */
  state: MapState | null;
  /** Problems inside this state only. */
  problems: Problem[];
}

/** One state, without reading the nodes and edges of the others. Never throws. */
export function readState(doc: Y.Doc, stateId: string): StateReadResult {
  const problems: Problem[] = [];
  const raw = readRaw(doc, problems, stateId);
  const sanitized = sanitizeMap(raw);
  const prefix = `${ROOT.states}.${stateId}`;
  const own = [...problems, ...sanitized.problems].filter(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`),
  );
  const state = Object.hasOwn(sanitized.map.states, stateId)
    ? sanitized.map.states[stateId]
    : undefined;
  return { state: state ?? null, problems: own };
}
