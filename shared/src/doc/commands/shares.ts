// Either/or splits as a workshop edits them: a node's outgoing flow arrows are parallel work (no
// shares: every item goes down all of them) or an either/or route (every arrow carries the share of
// the items taking it, adding up to 100 %). Switching and editing a share rewrite all the arrows of
// the split in one transaction, so the total never reads wrong on anyone's screen, not even for
// one update, and one undo puts every share back.
import type * as Y from 'yjs';
import { validateEdgePatch } from '../../model/schema.ts';
import { equalShares, rebalanceShares, type ShareEntry } from '../../model/shares.ts';
import { isPipelineNode, type MapEdge, type NodeType, type Problem } from '../../model/types.ts';
import {
  assertNoProblems,
  asYMap,
  field,
  findState,
  type StateHandle,
  writeFields,
  type YEntity,
} from '../access.ts';
import { ORIGINS, type Origin } from '../origins.ts';
import { findNode } from './nodes.ts';

export type RouteMode = 'parallel' | 'either-or';

interface SplitArrow extends ShareEntry {
  edge: YEntity;
}

function onPipeline(handle: StateHandle, id: unknown): boolean {
  const node = typeof id === 'string' ? asYMap(handle.nodes.get(id)) : undefined;
  const type = node?.get('type');
  return typeof type === 'string' && isPipelineNode(type as NodeType);
}

/** The flow arrows out of `nodeId` to steps of the flow (not a kaizen's link), by id. */
function splitArrows(handle: StateHandle, nodeId: string): SplitArrow[] {
  const arrows: SplitArrow[] = [];
  handle.edges.forEach((value, id) => {
    const edge = asYMap(value);
    if (!edge || field<MapEdge>(edge, 'kind') !== 'flow') return;
    if (field<MapEdge>(edge, 'source') !== nodeId) return;
    if (!onPipeline(handle, field<MapEdge>(edge, 'target'))) return;
    const share = field<MapEdge>(edge, 'share');
    arrows.push({ id, edge, share: typeof share === 'number' ? share : undefined });
  });
  // Sorted, so an equal split gives the odd percent to the same arrow on every client.
  return arrows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Makes the outgoing flow arrows of `nodeId` parallel work (every share removed) or an either/or
 * route (equal shares adding up to 100 %; an arrow that already has a share is reset too, so the
 * split starts from a total that adds up). Needs at least two arrows to choose between.
 */
export function setRouteMode(
  doc: Y.Doc,
  stateId: string,
  nodeId: string,
  mode: RouteMode,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const node = handle ? findNode(handle, nodeId, problems) : undefined;
  if (mode !== 'parallel' && mode !== 'either-or') {
    problems.push({ path: 'mode', message: 'must be parallel or either-or' });
  }
  if (handle && node && !onPipeline(handle, nodeId)) {
    problems.push({ path: 'nodeId', message: 'only a step of the flow has routes' });
  }
  const arrows = handle && node ? splitArrows(handle, nodeId) : [];
  if (problems.length === 0 && mode === 'either-or' && arrows.length < 2) {
    problems.push({
      path: 'nodeId',
      message: 'an either/or route needs at least two arrows out of this step',
    });
  }
  assertNoProblems(problems);
  const shares = mode === 'either-or' ? equalShares(arrows.map((a) => a.id)) : new Map();
  doc.transact(() => {
    for (const arrow of arrows) writeFields(arrow.edge, { share: shares.get(arrow.id) });
  }, origin);
}

/**
 * Sets the share of one flow arrow (0–1) and adjusts the other arrows out of the same step so the
 * split still adds up to 100 % (in proportion to what they had; equally when they had none). An
 * arrow alone out of its step takes the share as given. `undefined` clears this arrow's share only.
 */
export function setRouteShare(
  doc: Y.Doc,
  stateId: string,
  edgeId: string,
  share: number | undefined,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const edge = handle && typeof edgeId === 'string' ? asYMap(handle.edges.get(edgeId)) : undefined;
  if (handle && !edge) {
    problems.push({
      path: 'edgeId',
      message: `there is no arrow “${String(edgeId)}” in this state`,
    });
  }
  problems.push(...validateEdgePatch({ share }));
  if (edge && field<MapEdge>(edge, 'kind') !== 'flow') {
    problems.push({ path: 'share', message: 'only a flow arrow has a share' });
  } else if (handle && edge && !onPipeline(handle, field<MapEdge>(edge, 'source'))) {
    problems.push({ path: 'share', message: "a kaizen's link to its stage has no share" });
  }
  assertNoProblems(problems);
  const source = field<MapEdge>(edge as YEntity, 'source');
  const arrows =
    typeof source === 'string' && share !== undefined
      ? splitArrows(handle as StateHandle, source)
      : [];
  const inSplit = arrows.length > 1 && arrows.some((a) => a.id === edgeId);
  const next = inSplit
    ? rebalanceShares(arrows, edgeId, share as number)
    : new Map([[edgeId, share]]);
  doc.transact(() => {
    if (!inSplit) {
      writeFields(edge as YEntity, { share });
      return;
    }
    for (const arrow of arrows) writeFields(arrow.edge, { share: next.get(arrow.id) });
  }, origin);
}
