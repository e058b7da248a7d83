// Commands on kaizen bursts and the stage each one improves. A burst is linked to its stage by a
// flow edge burst → stage (as in v1; the metrics ignore it because a burst is not on the
// pipeline, and the projected state reads it to know where the burst's effect goes). Adding a
// burst for a stage and linking it is one transaction, so it is one undo step and one update on
// the wire: nobody ever sees, or undoes into, a burst that is placed but not yet linked.
import type * as Y from 'yjs';
import { LIMITS, validateNodePatch } from '../../model/schema.ts';
import type { MapEdge, MapNode, Problem } from '../../model/types.ts';
import {
  assertNoProblems,
  asYMap,
  checkNewId,
  field,
  findState,
  type StateHandle,
  toYMap,
  type YEntity,
} from '../access.ts';
import { newId } from '../ids.ts';
import { ORIGINS, type Origin } from '../origins.ts';
import { connect } from './edges.ts';
import { addNode, findNode, type NodeInput } from './nodes.ts';

/** A new burst: where, what it says, and (optionally) the stage it improves. */
export type KaizenInput = Omit<NodeInput, 'type'> & {
  /** The stage this idea improves; absent or null adds the burst unlinked, as before v2. */
  stageId?: string | null | undefined;
};

export interface AddedKaizen {
  kaizenId: string;
  /** The link edge burst → stage, null when no stage was given. */
  linkId: string | null;
}

// A position missing at runtime reaches the validator as `undefined` ("is required").
const REQUIRED_XY: Readonly<Record<'x' | 'y', undefined>> = { x: undefined, y: undefined };

/** Checks that `stageId` names a process stage of the state (only a stage takes an effect). */
function checkStage(
  handle: StateHandle,
  stageId: string,
  problems: Problem[],
): YEntity | undefined {
  const stage = findNode(handle, stageId, problems, 'stageId');
  if (stage && field<MapNode>(stage, 'type') !== 'stage') {
    problems.push({ path: 'stageId', message: 'a kaizen burst can only improve a process stage' });
    return undefined;
  }
  return stage;
}

function checkEdgeRoom(handle: StateHandle, problems: Problem[]): void {
  if (handle.edges.size >= LIMITS.edgesPerState) {
    problems.push({
      path: 'edges',
      message: `a state holds at most ${LIMITS.edgesPerState} edges`,
    });
  }
}

/**
 * Adds a kaizen burst and, given a stage, links it to that stage, in one transaction. Everything
 * the link needs is checked before anything is written, so a refusal leaves the document as it
 * was (never a burst without the link that was asked for).
 */
export function addKaizen(
  doc: Y.Doc,
  stateId: string,
  input: KaizenInput,
  origin: Origin = ORIGINS.local,
): AddedKaizen {
  const { stageId, ...fields } = input;
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  // What addNode would refuse, checked here too so that it refuses before the transaction opens
  // (an empty transaction is still an update event for every observer).
  problems.push(
    ...validateNodePatch({ ...REQUIRED_XY, ...fields, type: 'kaizen', name: fields.name ?? '' }),
  );
  if (handle) {
    if (fields.id !== undefined) checkNewId(fields.id, handle.nodes, 'id', problems);
    if (handle.nodes.size >= LIMITS.nodesPerState) {
      problems.push({
        path: 'nodes',
        message: `a state holds at most ${LIMITS.nodesPerState} nodes`,
      });
    }
    if (stageId !== undefined && stageId !== null) {
      checkStage(handle, stageId, problems);
      checkEdgeRoom(handle, problems);
    }
  }
  assertNoProblems(problems);
  const result: AddedKaizen = { kaizenId: '', linkId: null };
  // After the checks above neither addNode nor connect can refuse halfway through (the burst is
  // new, so its link meets no parallel edge).
  doc.transact(() => {
    result.kaizenId = addNode(doc, stateId, { ...fields, type: 'kaizen' }, origin);
    if (stageId !== undefined && stageId !== null) {
      result.linkId = connect(doc, stateId, { source: result.kaizenId, target: stageId }, origin);
    }
  }, origin);
  return result;
}

/** Ids of the flow edges leaving `kaizenId`: its links (a burst has no other flow). */
function linksOf(edges: YEntity, kaizenId: string): { id: string; target: unknown }[] {
  const links: { id: string; target: unknown }[] = [];
  edges.forEach((value, id) => {
    const edge = asYMap(value);
    if (!edge) return;
    if (field<MapEdge>(edge, 'source') === kaizenId && field<MapEdge>(edge, 'kind') === 'flow') {
      links.push({ id, target: field<MapEdge>(edge, 'target') });
    }
  });
  return links;
}

/**
 * Links a burst to exactly one stage (or, with null, to none), replacing whatever links it had,
 * in one transaction. A link to that stage that is already there is kept, so linking twice writes
 * nothing. Returns the link's id, or null when unlinked.
 */
export function linkKaizen(
  doc: Y.Doc,
  stateId: string,
  kaizenId: string,
  stageId: string | null,
  origin: Origin = ORIGINS.local,
): string | null {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const kaizen = handle ? findNode(handle, kaizenId, problems, 'kaizenId') : undefined;
  if (kaizen && field<MapNode>(kaizen, 'type') !== 'kaizen') {
    problems.push({ path: 'kaizenId', message: 'only a kaizen burst is linked to a stage' });
  }
  if (handle && stageId !== null) checkStage(handle, stageId, problems);
  assertNoProblems(problems);
  const { edges } = handle as StateHandle;
  const links = linksOf(edges, kaizenId);
  const kept = stageId === null ? undefined : links.find((l) => l.target === stageId);
  const doomed = links.filter((l) => l !== kept);
  // Replacing a link frees the room the new one takes.
  if (stageId !== null && !kept && edges.size - doomed.length >= LIMITS.edgesPerState) {
    problems.push({
      path: 'edges',
      message: `a state holds at most ${LIMITS.edgesPerState} edges`,
    });
  }
  assertNoProblems(problems);
  if (kept && doomed.length === 0) return kept.id;
  let linkId: string | null = kept?.id ?? null;
  doc.transact(() => {
    for (const link of doomed) edges.delete(link.id);
    if (stageId !== null && !kept) {
      linkId = newId('e');
      edges.set(
        linkId,
        toYMap({ id: linkId, source: kaizenId, target: stageId, kind: 'flow' } satisfies MapEdge),
      );
    }
  }, origin);
  return linkId;
}
