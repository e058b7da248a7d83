// Commands on the nodes of one state. Each validates everything first, then writes in exactly one
// transaction, so an invalid input leaves the document untouched and a multi-node edit is one
// undo step and one update on the wire.
import type * as Y from 'yjs';
import { LIMITS, validateNodePatch } from '../../model/schema.ts';
import type { MapEdge, MapNode, Problem } from '../../model/types.ts';
import { EDGE_KINDS } from '../../model/types.ts';
import {
  assertNoProblems,
  asYMap,
  checkNewId,
  findState,
  type StateHandle,
  toYMap,
  writeFields,
  type YEntity,
} from '../access.ts';
import { newId } from '../ids.ts';
import { ORIGINS, type Origin } from '../origins.ts';
import { removeEdgesTouching } from './edges.ts';

type OptionalNodeFields = Omit<MapNode, 'id' | 'type' | 'x' | 'y'>;

/** A new node: type and position are required; `name` defaults to "". */
export type NodeInput = Pick<MapNode, 'type' | 'x' | 'y'> & {
  [K in keyof OptionalNodeFields]?: OptionalNodeFields[K] | undefined;
} & { id?: string | undefined };

/** Fields to change; `undefined` clears an optional field. The id cannot change. */
export type NodePatch = { [K in Exclude<keyof MapNode, 'id'>]?: MapNode[K] | undefined };

export interface NodePosition {
  id: string;
  x: number;
  y: number;
}

// Spread first under the input, so a required field missing at runtime reaches the validator as
// `undefined` ("is required") instead of being silently absent.
const REQUIRED: Readonly<Record<'type' | 'x' | 'y', undefined>> = {
  type: undefined,
  x: undefined,
  y: undefined,
};

const REQUIRED_PASTED: Readonly<Record<'type' | 'x' | 'y' | 'name', undefined>> = {
  ...REQUIRED,
  name: undefined,
};

export function findNode(
  handle: StateHandle,
  nodeId: string,
  problems: Problem[],
  path = 'nodeId',
): YEntity | undefined {
  const node = typeof nodeId === 'string' ? asYMap(handle.nodes.get(nodeId)) : undefined;
  if (!node) problems.push({ path, message: `there is no node “${String(nodeId)}” in this state` });
  return node;
}

function prefixed(prefix: string, problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));
}

function checkRoom(handle: StateHandle, adding: number, problems: Problem[]): void {
  if (handle.nodes.size + adding > LIMITS.nodesPerState) {
    problems.push({
      path: 'nodes',
      message: `a state holds at most ${LIMITS.nodesPerState} nodes`,
    });
  }
}

/** Adds one node and returns its id. */
export function addNode(
  doc: Y.Doc,
  stateId: string,
  input: NodeInput,
  origin: Origin = ORIGINS.local,
): string {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const { id: requested, ...fields } = input;
  const id = requested ?? newId('n');
  const values: Record<string, unknown> = { ...REQUIRED, ...fields, name: fields.name ?? '' };
  if (handle) {
    checkNewId(id, handle.nodes, 'id', problems);
    checkRoom(handle, 1, problems);
  }
  problems.push(...validateNodePatch(values));
  assertNoProblems(problems);
  const nodes = (handle as StateHandle).nodes;
  doc.transact(() => {
    nodes.set(id, toYMap({ ...values, id }));
  }, origin);
  return id;
}

function storedMinutes(
  node: YEntity,
  key: 'elapsedMinutes' | 'valueAddMinutes',
): number | undefined {
  const value = node.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Changes fields of one node, writing only the keys whose value differs. PT ≤ LT is checked
 * against the node as it would be after the patch, and only when the patch touches a time: a
 * node that already holds bad times can still be renamed.
 */
export function updateNode(
  doc: Y.Doc,
  stateId: string,
  nodeId: string,
  patch: NodePatch,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const node = handle ? findNode(handle, nodeId, problems) : undefined;
  if ('id' in patch) problems.push({ path: 'id', message: 'cannot be changed' });
  const { id: _ignored, ...fields } = patch as NodePatch & { id?: unknown };
  const touchesTime = 'elapsedMinutes' in fields || 'valueAddMinutes' in fields;
  let current: Partial<MapNode> | undefined;
  if (node && touchesTime) {
    current = {};
    const lt = storedMinutes(node, 'elapsedMinutes');
    const pt = storedMinutes(node, 'valueAddMinutes');
    if (lt !== undefined) current.elapsedMinutes = lt;
    if (pt !== undefined) current.valueAddMinutes = pt;
  }
  problems.push(...validateNodePatch(fields, current));
  assertNoProblems(problems);
  doc.transact(() => {
    writeFields(node as YEntity, fields);
  }, origin);
}

/**
 * Commits the end of a drag of a multi-selection as one transaction. Ids of nodes that a
 * collaborator deleted meanwhile are skipped rather than failing the whole drag.
 */
export function moveNodes(
  doc: Y.Doc,
  stateId: string,
  positions: readonly NodePosition[],
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  positions.forEach((p, i) => {
    if (typeof p?.id !== 'string')
      problems.push({ path: `positions.${i}.id`, message: 'must be an id' });
    problems.push(...prefixed(`positions.${i}`, validateNodePatch({ x: p?.x, y: p?.y })));
  });
  assertNoProblems(problems);
  const nodes = (handle as StateHandle).nodes;
  doc.transact(() => {
    for (const { id, x, y } of positions) {
      const node = asYMap(nodes.get(id));
      if (node) writeFields(node, { x, y });
    }
  }, origin);
}

export interface Removed {
  nodes: string[];
  edges: string[];
}

/**
 * Removes nodes and every edge touching them. Ids already gone (a collaborator deleted them
 * first) are skipped: deleting twice is not an error in a shared document.
 */
export function removeNodes(
  doc: Y.Doc,
  stateId: string,
  nodeIds: readonly string[],
  origin: Origin = ORIGINS.local,
): Removed {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  nodeIds.forEach((id, i) => {
    if (typeof id !== 'string') problems.push({ path: `nodeIds.${i}`, message: 'must be an id' });
  });
  assertNoProblems(problems);
  const { nodes, edges } = handle as StateHandle;
  const gone = new Set(nodeIds.filter((id) => nodes.has(id)));
  const removed: Removed = { nodes: [...gone], edges: [] };
  doc.transact(() => {
    for (const id of gone) nodes.delete(id);
    removed.edges = removeEdgesTouching(edges, gone);
  }, origin);
  return removed;
}

export interface PasteResult {
  /** Old node id → new node id. */
  nodes: Record<string, string>;
  /** Old edge id → new edge id, for the edges pasted (both ends in the selection). */
  edges: Record<string, string>;
}

/**
 * Pastes copies of nodes with fresh ids, moved by `offset`. Edges are pasted only when both ends
 * are among the pasted nodes, re-pointed to the copies; edges to anything outside are dropped.
 */
export function pasteNodes(
  doc: Y.Doc,
  stateId: string,
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  offset: { x: number; y: number } = { x: 0, y: 0 },
  origin: Origin = ORIGINS.local,
): PasteResult {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const result: PasteResult = { nodes: {}, edges: {} };
  const copies: Record<string, unknown>[] = [];
  nodes.forEach((node, i) => {
    const { id: oldId, ...fields } = node;
    const values: Record<string, unknown> = {
      ...REQUIRED_PASTED,
      ...fields,
      x: fields.x + offset.x,
      y: fields.y + offset.y,
    };
    problems.push(...prefixed(`nodes.${i}`, validateNodePatch(values)));
    if (typeof oldId !== 'string')
      problems.push({ path: `nodes.${i}.id`, message: 'must be an id' });
    else if (Object.hasOwn(result.nodes, oldId)) {
      problems.push({ path: `nodes.${i}.id`, message: `“${oldId}” appears twice` });
    } else {
      const id = newId('n');
      result.nodes[oldId] = id;
      copies.push({ ...values, id });
    }
  });
  const pastedEdges: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  edges.forEach((edge, i) => {
    const source = Object.hasOwn(result.nodes, edge.source) ? result.nodes[edge.source] : undefined;
    const target = Object.hasOwn(result.nodes, edge.target) ? result.nodes[edge.target] : undefined;
    const kind = edge.kind;
    if (!EDGE_KINDS.includes(kind)) {
      problems.push({
        path: `edges.${i}.kind`,
        message: `must be one of ${EDGE_KINDS.join(', ')}`,
      });
      return;
    }
    const key = `${source}\u0000${target}\u0000${kind}`;
    if (!source || !target || source === target || seen.has(key)) return;
    seen.add(key);
    const id = newId('e');
    result.edges[edge.id] = id;
    pastedEdges.push({ id, source, target, kind });
  });
  if (handle) checkRoom(handle, copies.length, problems);
  if (handle && handle.edges.size + pastedEdges.length > LIMITS.edgesPerState) {
    problems.push({
      path: 'edges',
      message: `a state holds at most ${LIMITS.edgesPerState} edges`,
    });
  }
  assertNoProblems(problems);
  const target = handle as StateHandle;
  doc.transact(() => {
    for (const copy of copies) target.nodes.set(copy.id as string, toYMap(copy));
    for (const edge of pastedEdges) target.edges.set(edge.id as string, toYMap(edge));
  }, origin);
  return result;
}
