// Runtime validation of schema v2. One walk serves two callers:
// - imports (`validateMap`) refuse a file with any problem and show every problem with its path;
// - reading a live document (`sanitizeMap`) must never crash on what an old or hostile client
//   wrote, so it keeps what is valid, drops what is not, and reports each drop.
// Field rules live once in fields.ts; commands validate their input with the same schemas.
import type { z } from 'zod';
import {
  DORA_OPTIONAL,
  doraFieldSchemas,
  doraSchema,
  EDGE_OPTIONAL,
  edgeFieldSchemas,
  edgeSchema,
  LIMITS,
  META_OPTIONAL,
  metaFieldSchemas,
  metaSchema,
  NODE_OPTIONAL,
  nodeFieldSchemas,
  nodeSchema,
  STATE_OPTIONAL,
  stateFieldSchemas,
  stateHeaderSchema,
} from './fields.ts';
import { migrateToCurrent } from './migrations.ts';
import type { DoraInputs, FlowMap, MapEdge, MapMeta, MapNode, MapState, Problem } from './types.ts';
import { DEFAULT_META } from './types.ts';

export {
  doraFieldSchemas,
  edgeFieldSchemas,
  idSchema,
  LIMITS,
  metaFieldSchemas,
  nodeFieldSchemas,
  stateFieldSchemas,
} from './fields.ts';

const join = (base: string, key: PropertyKey) =>
  base === '' ? String(key) : `${base}.${String(key)}`;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one entity. Invalid optional fields are dropped (each reported); an invalid required
 * field makes the whole entity unusable, reported, and `null` is returned.
 */
function parseEntity<T>(
  schema: z.ZodType,
  raw: unknown,
  path: string,
  optional: ReadonlySet<string>,
  problems: Problem[],
  fallbacks: Readonly<Record<string, unknown>> = {},
): T | null {
  if (!isRecord(raw)) {
    problems.push({ path, message: 'must be an object' });
    return null;
  }
  let candidate: Record<string, unknown> = { ...raw };
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = schema.safeParse(candidate);
    if (result.success) return result.data as T;
    let fatal = false;
    const repaired = { ...candidate };
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      problems.push({ path: join(path, issue.path.map(String).join('.')), message: issue.message });
      if (typeof field === 'string' && optional.has(field)) delete repaired[field];
      else if (typeof field === 'string' && field in fallbacks) repaired[field] = fallbacks[field];
      else fatal = true;
    }
    if (fatal) return null;
    candidate = repaired;
  }
  return null;
}

function parseNodes(raw: unknown, path: string, problems: Problem[]): Record<string, MapNode> {
  const nodes: Record<string, MapNode> = {};
  if (!isRecord(raw)) {
    problems.push({ path, message: 'must be an object of nodes keyed by id' });
    return nodes;
  }
  const entries = Object.entries(raw);
  if (entries.length > LIMITS.nodesPerState) {
    problems.push({ path, message: `has more than ${LIMITS.nodesPerState} nodes` });
  }
  for (const [key, value] of entries.slice(0, LIMITS.nodesPerState)) {
    const at = join(path, key);
    const node = parseEntity<MapNode>(nodeSchema, value, at, NODE_OPTIONAL, problems, {
      name: '',
      x: 0,
      y: 0,
    });
    if (!node) continue;
    if (node.id !== key) {
      problems.push({ path: join(at, 'id'), message: `must equal its key “${key}”` });
      continue;
    }
    const { elapsedLowMinutes: low, elapsedHighMinutes: high } = node;
    if (
      (low !== undefined && node.elapsedMinutes !== undefined && low > node.elapsedMinutes) ||
      (high !== undefined && node.elapsedMinutes !== undefined && high < node.elapsedMinutes) ||
      (low !== undefined && high !== undefined && low > high)
    ) {
      // Kept: the simulation and the editor treat it as no range until someone fixes it.
      problems.push({
        path: join(at, 'elapsedLowMinutes'),
        message: 'the three-point estimate needs low ≤ likely ≤ high',
      });
    }
    const { elapsedMinutes: lt, valueAddMinutes: pt } = node;
    if (lt !== undefined && pt !== undefined && pt > lt) {
      // Kept, not dropped: the numbers are someone's data; metrics clamp PT to LT meanwhile.
      problems.push({
        path: join(at, 'valueAddMinutes'),
        message: 'value-add time cannot exceed elapsed time',
      });
    }
    nodes[key] = node;
  }
  return nodes;
}

function parseEdges(
  raw: unknown,
  path: string,
  nodes: Record<string, MapNode>,
  problems: Problem[],
): Record<string, MapEdge> {
  const edges: Record<string, MapEdge> = {};
  if (!isRecord(raw)) {
    problems.push({ path, message: 'must be an object of edges keyed by id' });
    return edges;
  }
  const entries = Object.entries(raw);
  if (entries.length > LIMITS.edgesPerState) {
    problems.push({ path, message: `has more than ${LIMITS.edgesPerState} edges` });
  }
  for (const [key, value] of entries.slice(0, LIMITS.edgesPerState)) {
    const at = join(path, key);
    const edge = parseEntity<MapEdge>(edgeSchema, value, at, EDGE_OPTIONAL, problems, {
      kind: 'flow',
    });
    if (!edge) continue;
    if (edge.id !== key) {
      problems.push({ path: join(at, 'id'), message: `must equal its key “${key}”` });
      continue;
    }
    const missing = (['source', 'target'] as const).filter(
      (end) => !Object.hasOwn(nodes, edge[end]),
    );
    if (missing.length > 0) {
      for (const end of missing) {
        problems.push({ path: join(at, end), message: `refers to a missing node “${edge[end]}”` });
      }
      continue;
    }
    edges[key] = edge;
  }
  return edges;
}

function parseState(raw: unknown, key: string, path: string, problems: Problem[]): MapState | null {
  const header = parseEntity<Omit<MapState, 'nodes' | 'edges' | 'dora'>>(
    stateHeaderSchema,
    raw,
    path,
    STATE_OPTIONAL,
    problems,
    { name: 'Untitled state', order: 0 },
  );
  if (!header || !isRecord(raw)) return null;
  if (header.id !== key) {
    problems.push({ path: join(path, 'id'), message: `must equal its key “${key}”` });
    return null;
  }
  const state: MapState = { ...header, nodes: {}, edges: {} };
  if (raw.dora !== undefined) {
    const dora = parseEntity<DoraInputs>(
      doraSchema,
      raw.dora,
      join(path, 'dora'),
      DORA_OPTIONAL,
      problems,
    );
    if (dora) state.dora = dora;
  }
  state.nodes = parseNodes(raw.nodes, join(path, 'nodes'), problems);
  state.edges = parseEdges(raw.edges, join(path, 'edges'), state.nodes, problems);
  return state;
}

export interface SanitizeResult {
  map: FlowMap;
  problems: Problem[];
}

/**
 * Best-effort read of untrusted map data: every valid part is kept, every invalid part is
 * dropped and reported. Never throws.
 */
export function sanitizeMap(raw: unknown): SanitizeResult {
  const problems: Problem[] = [];
  const migrated = migrateToCurrent(raw);
  problems.push(...migrated.problems);
  const input = isRecord(migrated.value) ? migrated.value : {};
  if (!isRecord(migrated.value)) problems.push({ path: '', message: 'must be a JSON object' });

  const meta = parseEntity<MapMeta>(
    metaSchema,
    input.meta ?? undefined,
    'meta',
    META_OPTIONAL,
    problems,
    {
      ...DEFAULT_META,
      title: 'Untitled map',
    },
  ) ?? { ...DEFAULT_META, title: 'Untitled map' };

  const states: Record<string, MapState> = {};
  if (!isRecord(input.states)) {
    problems.push({ path: 'states', message: 'must be an object of states keyed by id' });
  } else {
    const entries = Object.entries(input.states);
    if (entries.length > LIMITS.statesPerMap) {
      problems.push({ path: 'states', message: `has more than ${LIMITS.statesPerMap} states` });
    }
    for (const [key, value] of entries.slice(0, LIMITS.statesPerMap)) {
      const state = parseState(value, key, join('states', key), problems);
      if (state) states[key] = state;
    }
    for (const state of Object.values(states)) {
      if (state.basedOn !== undefined && !Object.hasOwn(states, state.basedOn)) {
        problems.push({
          path: `states.${state.id}.basedOn`,
          message: `refers to a missing state “${state.basedOn}”`,
        });
        delete state.basedOn;
      }
    }
  }
  if (isRecord(input.states) && Object.keys(states).length === 0) {
    problems.push({ path: 'states', message: 'must hold at least one state' });
  }
  return { map: { meta, states }, problems: dedupe(problems) };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type ValidateResult = { ok: true; map: FlowMap } | { ok: false; problems: Problem[] };

/** Strict validation for imports and the CLI: any problem refuses the whole file. */
export function validateMap(raw: unknown): ValidateResult {
  const { map, problems } = sanitizeMap(raw);
  return problems.length === 0 ? { ok: true, map } : { ok: false, problems };
}

/** Thrown by commands when their input is invalid; carries every problem found. */
export class ValidationError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '));
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/**
 * Checks the fields of a patch (e.g. from the inspector) and the cross-field rule PT ≤ LT against
 * the node as it would be after the patch. `undefined` clears an optional field and is allowed.
 */
export function validateNodePatch(
  patch: Readonly<Partial<Record<keyof MapNode, unknown>>>,
  current?: Readonly<Partial<MapNode>>,
): Problem[] {
  const problems = validateFields(nodeFieldSchemas, patch, NODE_OPTIONAL);
  if (problems.length > 0) return problems;
  const lt = 'elapsedMinutes' in patch ? patch.elapsedMinutes : current?.elapsedMinutes;
  const pt = 'valueAddMinutes' in patch ? patch.valueAddMinutes : current?.valueAddMinutes;
  if (typeof lt === 'number' && typeof pt === 'number' && pt > lt) {
    const field = 'valueAddMinutes' in patch ? 'valueAddMinutes' : 'elapsedMinutes';
    problems.push({
      path: field,
      message:
        field === 'valueAddMinutes'
          ? 'value-add time cannot exceed elapsed time'
          : 'elapsed time cannot be less than value-add time',
    });
  }
  return problems;
}

export function validateDoraPatch(patch: Readonly<Record<string, unknown>>): Problem[] {
  return validateFields(doraFieldSchemas, patch, DORA_OPTIONAL);
}

export function validateMetaPatch(patch: Readonly<Record<string, unknown>>): Problem[] {
  return validateFields(metaFieldSchemas, patch, META_OPTIONAL);
}

export function validateEdgePatch(patch: Readonly<Record<string, unknown>>): Problem[] {
  return validateFields(edgeFieldSchemas, patch, EDGE_OPTIONAL);
}

export function validateStatePatch(patch: Readonly<Record<string, unknown>>): Problem[] {
  return validateFields(stateFieldSchemas, patch, STATE_OPTIONAL);
}

function validateFields(
  schemas: Readonly<Record<string, z.ZodType>>,
  patch: Readonly<Record<string, unknown>>,
  optional: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const schema = schemas[field];
    if (!schema) {
      problems.push({ path: field, message: 'is not a field that can be set' });
      continue;
    }
    if (value === undefined) {
      if (!optional.has(field)) problems.push({ path: field, message: 'is required' });
      continue;
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues)
        problems.push({ path: field, message: issue.message });
    }
  }
  return problems;
}
