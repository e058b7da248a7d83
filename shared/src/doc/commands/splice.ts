// Editing the flow as a chain rather than as boxes and arrows: put a queue (the VSM inventory
// triangle) on an arrow, splitting a→b into a→queue→b, and take a step out of the middle of a chain
// with its neighbours joined up again. Each is one transaction (one undo step, one update on the
// wire), so a workshop never sees, or undoes into, a chain broken halfway.
import type * as Y from 'yjs';
import { LIMITS, validateNodePatch } from '../../model/schema.ts';
import { isPipelineNode, type MapEdge, type NodeType, type Problem } from '../../model/types.ts';
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
import { removeEdgesTouching } from './edges.ts';
import type { NodePosition, Removed } from './nodes.ts';

export interface QueueInput {
  id?: string | undefined;
  /** Defaults to "Waiting for <the next step>" (or "Queue" when it has no name). */
  name?: string | undefined;
  /** Top-left corner; defaults to halfway between the two ends' corners. */
  x?: number | undefined;
  y?: number | undefined;
  /** Nodes moved in the same step (e.g. the steps downstream, to make room for the queue). */
  moves?: readonly NodePosition[] | undefined;
}

export interface InsertedQueue {
  queueId: string;
  /** The arrow into the queue: the original arrow (id, share) now ending at the queue. */
  inEdgeId: string;
  /** The new arrow from the queue on to the step the original arrow led to. */
  outEdgeId: string;
}

function nodeType(handle: StateHandle, id: unknown): NodeType | undefined {
  const node = typeof id === 'string' ? asYMap(handle.nodes.get(id)) : undefined;
  const type = node?.get('type');
  return typeof type === 'string' ? (type as NodeType) : undefined;
}

function coordinate(node: YEntity | undefined, key: 'x' | 'y'): number {
  const value = node?.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function defaultQueueName(target: YEntity | undefined): string {
  const name = target?.get('name');
  if (typeof name !== 'string' || name.trim() === '') return 'Queue';
  return `Waiting for ${name.trim()}`.slice(0, LIMITS.nameLength);
}

/**
 * Splits the flow arrow `edgeId` (a→b) into a→queue→b. The original arrow keeps its id and its
 * share (an either/or route still leads into the queue) and now ends at the queue; a new arrow
 * leads on to b. The queue starts without a wait: the person fills in its wait or items next.
 */
export function insertQueueOnEdge(
  doc: Y.Doc,
  stateId: string,
  edgeId: string,
  input: QueueInput = {},
  origin: Origin = ORIGINS.local,
): InsertedQueue {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const edge = handle && typeof edgeId === 'string' ? asYMap(handle.edges.get(edgeId)) : undefined;
  if (handle && !edge) {
    problems.push({
      path: 'edgeId',
      message: `there is no arrow “${String(edgeId)}” in this state`,
    });
  }
  const source = edge ? field<MapEdge>(edge, 'source') : undefined;
  const target = edge ? field<MapEdge>(edge, 'target') : undefined;
  if (handle && edge) {
    if (field<MapEdge>(edge, 'kind') !== 'flow') {
      problems.push({
        path: 'edgeId',
        message: 'a queue goes on a flow arrow, not a rework arrow',
      });
    }
    for (const [end, id] of [
      ['source', source],
      ['target', target],
    ] as const) {
      const type = nodeType(handle, id);
      if (type === undefined) {
        problems.push({ path: end, message: `the arrow's ${end} “${String(id)}” is gone` });
      } else if (!isPipelineNode(type)) {
        problems.push({ path: end, message: 'a queue goes between steps of the flow' });
      }
    }
  }
  const queueId = input.id ?? newId('n');
  const outEdgeId = newId('e');
  const from = handle && typeof source === 'string' ? asYMap(handle.nodes.get(source)) : undefined;
  const to = handle && typeof target === 'string' ? asYMap(handle.nodes.get(target)) : undefined;
  const values: Record<string, unknown> = {
    type: 'queue',
    x: input.x ?? Math.round((coordinate(from, 'x') + coordinate(to, 'x')) / 2),
    y: input.y ?? Math.round((coordinate(from, 'y') + coordinate(to, 'y')) / 2),
    name: input.name ?? defaultQueueName(to),
  };
  problems.push(...validateNodePatch(values));
  const moves = input.moves ?? [];
  moves.forEach((p, i) => {
    if (typeof p?.id !== 'string')
      problems.push({ path: `moves.${i}.id`, message: 'must be an id' });
    for (const problem of validateNodePatch({ x: p?.x, y: p?.y })) {
      problems.push({ ...problem, path: `moves.${i}.${problem.path}` });
    }
  });
  if (handle) {
    checkNewId(queueId, handle.nodes, 'id', problems);
    if (handle.nodes.size + 1 > LIMITS.nodesPerState) {
      problems.push({
        path: 'nodes',
        message: `a state holds at most ${LIMITS.nodesPerState} nodes`,
      });
    }
    if (handle.edges.size + 1 > LIMITS.edgesPerState) {
      problems.push({
        path: 'edges',
        message: `a state holds at most ${LIMITS.edgesPerState} edges`,
      });
    }
  }
  assertNoProblems(problems);
  const { nodes, edges } = handle as StateHandle;
  doc.transact(() => {
    nodes.set(queueId, toYMap({ ...values, id: queueId }));
    // Re-pointing the arrow (rather than deleting and drawing it again) keeps its id, its share
    // and a collaborator's concurrent edit of that share.
    writeFields(edge as YEntity, { target: queueId });
    edges.set(
      outEdgeId,
      toYMap({
        id: outEdgeId,
        source: queueId,
        target: target as string,
        kind: 'flow',
      } satisfies MapEdge),
    );
    for (const { id, x, y } of moves) {
      const node = asYMap(nodes.get(id));
      if (node) writeFields(node, { x, y });
    }
  }, origin);
  return { queueId, inEdgeId: edgeId, outEdgeId };
}

/** An arrow a deletion drew to keep a chain whole. */
export interface Reconnection {
  id: string;
  source: string;
  target: string;
}

export interface RemovedReconnecting extends Removed {
  reconnected: Reconnection[];
}

interface PlanEdge {
  id: string;
  source: string;
  target: string;
  kind: unknown;
  share: number | undefined;
  /** Drawn by this deletion (not in the document yet). */
  planned: boolean;
  /** Its share changed (an arrow already in the document). */
  updated: boolean;
}

const basisPoints = (fraction: number) => Math.round(fraction * 10_000) / 10_000;

function validShare(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
    ? value
    : undefined;
}

/** Which steps a deletion passes the flow through: stages and queues, never a start or an end. */
function passesFlow(type: NodeType | undefined): boolean {
  return type === 'stage' || type === 'queue';
}

/**
 * Takes `n` out of the planned edges and joins each step before it to each step after it. The
 * share of a new p→s is the share of p→n (the items p sent to n), times n's share to s when n was
 * an either/or split itself; when n sent work to several steps in parallel, p's share cannot be
 * kept (an item now takes all of them) and the new arrows have none. When p→s already exists,
 * its share grows by what went through n, so p's shares still add up.
 */
function bypass(n: string, plan: PlanEdge[], typeOf: (id: string) => NodeType | undefined): void {
  const flow = (e: PlanEdge) => e.kind === 'flow';
  const onPipeline = (id: string) => {
    const type = typeOf(id);
    return type !== undefined && isPipelineNode(type);
  };
  const ins = plan.filter(
    (e) => flow(e) && e.target === n && e.source !== n && onPipeline(e.source),
  );
  const outs = plan.filter(
    (e) => flow(e) && e.source === n && e.target !== n && onPipeline(e.target),
  );
  for (let i = plan.length - 1; i >= 0; i--) {
    const e = plan[i] as PlanEdge;
    if (e.source === n || e.target === n) plan.splice(i, 1);
  }
  const outsSplit = outs.length > 1 && outs.every((o) => o.share !== undefined);
  for (const into of ins) {
    for (const out of outs) {
      if (into.source === out.target) continue;
      const factor = outs.length === 1 ? 1 : outsSplit ? (out.share as number) : undefined;
      const share =
        into.share !== undefined && factor !== undefined
          ? basisPoints(into.share * factor)
          : undefined;
      const existing = plan.find(
        (e) => flow(e) && e.source === into.source && e.target === out.target,
      );
      if (existing) {
        if (share !== undefined && existing.share !== undefined) {
          existing.share = Math.min(1, basisPoints(existing.share + share));
          existing.updated = !existing.planned;
        }
        continue;
      }
      plan.push({
        id: newId('e'),
        source: into.source,
        target: out.target,
        kind: 'flow',
        share,
        planned: true,
        updated: false,
      });
    }
  }
}

function readPlan(edges: YEntity): PlanEdge[] {
  const plan: PlanEdge[] = [];
  edges.forEach((value, id) => {
    const edge = asYMap(value);
    if (!edge) return;
    const source = field<MapEdge>(edge, 'source');
    const target = field<MapEdge>(edge, 'target');
    if (typeof source !== 'string' || typeof target !== 'string') return;
    plan.push({
      id,
      source,
      target,
      kind: field<MapEdge>(edge, 'kind'),
      share: validShare(field<MapEdge>(edge, 'share')),
      planned: false,
      updated: false,
    });
  });
  return plan;
}

/**
 * Removes nodes and every arrow touching them, and keeps the chain whole: a stage or queue taken
 * out of the middle of the flow (arrows in from P, out to S) leaves an arrow from each step of P
 * to each of S that is not joined already. Deleting a start or an end, or a step with nothing
 * flowing through it, draws nothing. Several steps in a row deleted together join the steps on
 * either side. Ids already gone (a collaborator deleted them first) are skipped.
 */
export function removeNodesReconnecting(
  doc: Y.Doc,
  stateId: string,
  nodeIds: readonly string[],
  origin: Origin = ORIGINS.local,
): RemovedReconnecting {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  nodeIds.forEach((id, i) => {
    if (typeof id !== 'string') problems.push({ path: `nodeIds.${i}`, message: 'must be an id' });
  });
  assertNoProblems(problems);
  const state = handle as StateHandle;
  const gone = [...new Set(nodeIds.filter((id) => state.nodes.has(id)))];
  const typeOf = (id: string) => nodeType(state, id);
  const plan = readPlan(state.edges);
  for (const id of gone) if (passesFlow(typeOf(id))) bypass(id, plan, typeOf);
  const doomed = new Set(gone);
  const kept = plan.filter((e) => !doomed.has(e.source) && !doomed.has(e.target));
  const created = kept.filter((e) => e.planned);
  const updated = kept.filter((e) => e.updated);
  const before = state.edges.size;
  const removed: RemovedReconnecting = { nodes: gone, edges: [], reconnected: [] };
  doc.transact(() => {
    for (const id of gone) state.nodes.delete(id);
    removed.edges = removeEdgesTouching(state.edges, doomed);
    for (const e of updated) {
      const edge = asYMap(state.edges.get(e.id));
      if (edge) writeFields(edge, { share: e.share });
    }
    // Never more arrows than the state may hold: a deletion must always be possible, so the
    // reconnection stops short rather than refusing it.
    const room = Math.max(0, LIMITS.edgesPerState - (before - removed.edges.length));
    for (const e of created.slice(0, room)) {
      const values: MapEdge = { id: e.id, source: e.source, target: e.target, kind: 'flow' };
      if (e.share !== undefined) values.share = e.share;
      state.edges.set(e.id, toYMap({ ...values }));
      removed.reconnected.push({ id: e.id, source: e.source, target: e.target });
    }
  }, origin);
  return removed;
}
