// The names of schema v2 inside the Yjs document: the root types and one key per field of every
// entity. They are the public contract other tools write against, so they are spelled once, here;
// the field lists are checked against the model types so the two cannot drift apart.
import type { DoraInputs, MapEdge, MapMeta, MapNode, MapState } from '../model/types.ts';

/** Root-level shared types of a map document (`doc.getMap(ROOT.meta)`). */
export const ROOT = {
  meta: 'meta',
  states: 'states',
} as const;

/** Keys of a state's Y.Map that hold nested Y.Maps rather than values. */
export const STATE_CHILDREN = {
  dora: 'dora',
  nodes: 'nodes',
  edges: 'edges',
} as const satisfies Record<string, keyof MapState>;

/** Every key must name a field of T, and every field of T must be listed. */
type Exhaustive<T, K extends readonly (keyof T)[]> = [Exclude<keyof T, K[number]>] extends [never]
  ? K
  : never;

const fields =
  <T>() =>
  <const K extends readonly (keyof T)[]>(keys: Exhaustive<T, K>): K =>
    keys;

export const META_FIELDS = fields<MapMeta>()([
  'schemaVersion',
  'title',
  'description',
  'hoursPerDay',
  'daysPerWeek',
  'lowPctCAThreshold',
  'bottleneckCount',
  'demandPerDay',
  'unitOfWork',
  'locale',
  'stageMapping',
]);

/** The value fields of a state; its children (dora, nodes, edges) are in STATE_CHILDREN. */
export const STATE_FIELDS = fields<Omit<MapState, keyof typeof STATE_CHILDREN>>()([
  'id',
  'name',
  'kind',
  'order',
  'basedOn',
]);

export const DORA_FIELDS = fields<DoraInputs>()([
  'deploymentsPerWeek',
  'changeFailureRate',
  'timeToRestoreMinutes',
  'leadTimeForChangesMinutes',
  'measured',
]);

export const NODE_FIELDS = fields<MapNode>()([
  'id',
  'type',
  'x',
  'y',
  'name',
  'team',
  'elapsedMinutes',
  'valueAddMinutes',
  'pctCA',
  'notes',
  'people',
  'batchSize',
  'wipItems',
  'elapsedLowMinutes',
  'elapsedHighMinutes',
  'timeSource',
  'ratedBy',
  'outside',
  'waitMinutes',
  'items',
  'owner',
  'dueDate',
  'status',
  'effectElapsedMinutes',
  'effectValueAddMinutes',
  'effectPctCA',
  'measured',
  'estimate',
]);

export const EDGE_FIELDS = fields<MapEdge>()(['id', 'source', 'target', 'kind', 'rate', 'share']);
