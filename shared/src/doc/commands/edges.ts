// Commands on the edges of one state: flow edges carry work downstream and form the paths the
// metrics follow; rework edges send work back and are drawn but not part of paths.
import type * as Y from 'yjs';
import { LIMITS, validateEdgePatch } from '../../model/schema.ts';
import type { EdgeKind, MapEdge, Problem } from '../../model/types.ts';
import { EDGE_KINDS } from '../../model/types.ts';
import {
  assertNoProblems,
  asYMap,
  checkNewId,
  field,
  findState,
  type StateHandle,
  toYMap,
  writeFields,
  type YEntity,
} from '../access.ts';
import { newId } from '../ids.ts';
import { ORIGINS, type Origin } from '../origins.ts';

export interface EdgeInput {
  source: string;
  target: string;
  /** Defaults to 'flow'. */
  kind?: EdgeKind | undefined;
  id?: string | undefined;
}

function checkKind(kind: unknown, problems: Problem[]): kind is EdgeKind {
  if ((EDGE_KINDS as readonly unknown[]).includes(kind)) return true;
  problems.push({ path: 'kind', message: `must be one of ${EDGE_KINDS.join(', ')}` });
  return false;
}

/** Id of an edge source → target of `kind`, other than `except`, if there is one. */
function findParallel(
  edges: YEntity,
  source: unknown,
  target: unknown,
  kind: unknown,
  except?: string,
): string | undefined {
  let found: string | undefined;
  edges.forEach((value, id) => {
    const edge = asYMap(value);
    if (found !== undefined || !edge || id === except) return;
    if (
      field<MapEdge>(edge, 'source') === source &&
      field<MapEdge>(edge, 'target') === target &&
      field<MapEdge>(edge, 'kind') === kind
    ) {
      found = id;
    }
  });
  return found;
}

/** Connects two nodes of a state and returns the new edge's id. */
export function connect(
  doc: Y.Doc,
  stateId: string,
  input: EdgeInput,
  origin: Origin = ORIGINS.local,
): string {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const { source, target } = input;
  const kind = input.kind ?? 'flow';
  const id = input.id ?? newId('e');
  checkKind(kind, problems);
  if (handle) {
    for (const end of ['source', 'target'] as const) {
      const nodeId = input[end];
      if (typeof nodeId !== 'string' || !asYMap(handle.nodes.get(nodeId))) {
        problems.push({ path: end, message: `there is no node “${String(nodeId)}” in this state` });
      }
    }
    if (source === target) {
      problems.push({ path: 'target', message: 'a node cannot be connected to itself' });
    } else if (findParallel(handle.edges, source, target, kind) !== undefined) {
      problems.push({
        path: 'target',
        message: `these nodes are already joined by a ${kind} edge`,
      });
    }
    checkNewId(id, handle.edges, 'id', problems);
    if (handle.edges.size >= LIMITS.edgesPerState) {
      problems.push({
        path: 'edges',
        message: `a state holds at most ${LIMITS.edgesPerState} edges`,
      });
    }
  }
  assertNoProblems(problems);
  const { edges } = handle as StateHandle;
  doc.transact(() => {
    edges.set(id, toYMap({ id, source, target, kind } satisfies MapEdge));
  }, origin);
  return id;
}

export function setEdgeKind(
  doc: Y.Doc,
  stateId: string,
  edgeId: string,
  kind: EdgeKind,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const edge = handle && typeof edgeId === 'string' ? asYMap(handle.edges.get(edgeId)) : undefined;
  if (handle && !edge) {
    problems.push({
      path: 'edgeId',
      message: `there is no edge “${String(edgeId)}” in this state`,
    });
  }
  if (checkKind(kind, problems) && handle && edge) {
    const source = field<MapEdge>(edge, 'source');
    const target = field<MapEdge>(edge, 'target');
    if (findParallel(handle.edges, source, target, kind, edgeId) !== undefined) {
      problems.push({ path: 'kind', message: `these nodes are already joined by a ${kind} edge` });
    }
  }
  assertNoProblems(problems);
  doc.transact(() => {
    // A share belongs to a flow arrow, a rate to a rework arrow: the other one goes with the kind.
    writeFields(
      edge as YEntity,
      kind === 'flow' ? { kind, rate: undefined } : { kind, share: undefined },
    );
  }, origin);
}

/** What an arrow carries beyond its ends and kind (schema v2); `undefined` clears a value. */
export type EdgePatch = { rate?: number | undefined; share?: number | undefined };

/**
 * Sets a rework arrow's rate or a flow arrow's share. A rate on a flow arrow or a share on a
 * rework arrow means nothing to the metrics, so it is refused here rather than stored unused.
 */
export function updateEdge(
  doc: Y.Doc,
  stateId: string,
  edgeId: string,
  patch: EdgePatch,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const edge = handle && typeof edgeId === 'string' ? asYMap(handle.edges.get(edgeId)) : undefined;
  if (handle && !edge) {
    problems.push({
      path: 'edgeId',
      message: `there is no edge “${String(edgeId)}” in this state`,
    });
  }
  problems.push(...validateEdgePatch(patch));
  if (edge) {
    const kind = field<MapEdge>(edge, 'kind');
    if (patch.rate !== undefined && kind !== 'rework') {
      problems.push({ path: 'rate', message: 'only a rework arrow has a rate' });
    }
    if (patch.share !== undefined && kind !== 'flow') {
      problems.push({ path: 'share', message: 'only a flow arrow has a share' });
    }
  }
  assertNoProblems(problems);
  doc.transact(() => {
    writeFields(edge as YEntity, patch);
  }, origin);
}

/** Removes edges; ids already gone (deleted by a collaborator) are skipped. Returns those removed. */
export function removeEdges(
  doc: Y.Doc,
  stateId: string,
  edgeIds: readonly string[],
  origin: Origin = ORIGINS.local,
): string[] {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  edgeIds.forEach((id, i) => {
    if (typeof id !== 'string') problems.push({ path: `edgeIds.${i}`, message: 'must be an id' });
  });
  assertNoProblems(problems);
  const { edges } = handle as StateHandle;
  const gone = [...new Set(edgeIds.filter((id) => edges.has(id)))];
  doc.transact(() => {
    for (const id of gone) edges.delete(id);
  }, origin);
  return gone;
}

/** Deletes (inside the caller's transaction) every edge with an end in `nodeIds`. */
export function removeEdgesTouching(edges: YEntity, nodeIds: ReadonlySet<string>): string[] {
  const doomed: string[] = [];
  edges.forEach((value, id) => {
    const edge = asYMap(value);
    if (!edge) return;
    const source = field<MapEdge>(edge, 'source');
    const target = field<MapEdge>(edge, 'target');
    if (
      (typeof source === 'string' && nodeIds.has(source)) ||
      (typeof target === 'string' && nodeIds.has(target))
    ) {
      doomed.push(id);
    }
  });
  for (const id of doomed) edges.delete(id);
  return doomed;
}
