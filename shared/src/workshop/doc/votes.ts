// Dot votes in the document: the facilitator opens a vote on bottleneck stages or kaizen ideas,
// each participant places dots in a Y.Map of their own (concurrent votes all survive), the
// facilitator closes it, and the top items become kaizen candidates: a burst next to each voted
// stage, linked to it by a flow arrow (as the projected state reads kaizens), in one transaction.
import type * as Y from 'yjs';
import { connect } from '../../doc/commands/edges.ts';
import { addNode } from '../../doc/commands/nodes.ts';
import { newId } from '../../doc/ids.ts';
import { ORIGINS, type Origin } from '../../doc/origins.ts';
import { readState } from '../../doc/read.ts';
import { idSchema } from '../../model/fields.ts';
import { voteFieldSchemas, WORKSHOP_LIMITS } from '../fields.ts';
import type { VoteSubject } from '../types.ts';
import { checkDot, topItems } from '../voting.ts';
import { asMap, check, child, entity, newYMap, refuse, workshopRoot } from './access.ts';
import { VOTE_CHILDREN, WORKSHOP_CHILDREN } from './keys.ts';
import { readWorkshop } from './read.ts';

export interface OpenVoteInput {
  stateId: string;
  subject: VoteSubject;
  /** Items voted on; every stage (or kaizen) of the state when omitted. */
  itemIds?: readonly string[] | undefined;
  dots: number;
  stackLimit: number;
  now: number;
  id?: string | undefined;
}

/** Opens a dot vote and returns its id. */
export function openVote(doc: Y.Doc, input: OpenVoteInput, origin: Origin = ORIGINS.local): string {
  const { state } = readState(doc, input.stateId);
  if (!state) refuse('stateId', `there is no state “${String(input.stateId)}”`);
  check(voteFieldSchemas.subject, input.subject, 'subject');
  check(voteFieldSchemas.dots, input.dots, 'dots');
  check(voteFieldSchemas.stackLimit, input.stackLimit, 'stackLimit');
  check(voteFieldSchemas.openedAt, Math.round(input.now), 'now');
  const wanted = input.subject === 'stages' ? ['stage', 'queue'] : ['kaizen'];
  const itemIds = input.itemIds
    ? [...input.itemIds]
    : Object.values(state.nodes)
        .filter((n) => wanted.includes(n.type))
        .sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1))
        .map((n) => n.id);
  if (itemIds.length === 0) {
    refuse(
      'itemIds',
      input.subject === 'stages'
        ? 'there are no stages to vote on'
        : 'there are no kaizen ideas to vote on',
    );
  }
  for (const id of itemIds) {
    if (!wanted.includes(state.nodes[id]?.type ?? ''))
      refuse('itemIds', `“${String(id)}” cannot be voted on here`);
  }
  const id = input.id ?? newId('v');
  check(idSchema, id, 'id');
  const root = workshopRoot(doc);
  const existing = asMap(root.get(WORKSHOP_CHILDREN.votes));
  if (existing?.has(id)) refuse('id', `“${id}” is already used`);
  if ((existing?.size ?? 0) >= WORKSHOP_LIMITS.votes)
    refuse('votes', 'the workshop holds too many votes');
  doc.transact(() => {
    const votes = child(root, WORKSHOP_CHILDREN.votes);
    const vote = newYMap();
    vote.set('id', id);
    vote.set('stateId', input.stateId);
    vote.set('subject', input.subject);
    vote.set('dots', input.dots);
    vote.set('stackLimit', input.stackLimit);
    vote.set('closed', false);
    vote.set('openedAt', Math.round(input.now));
    const items = newYMap();
    itemIds.forEach((itemId, i) => {
      items.set(itemId, i);
    });
    vote.set(VOTE_CHILDREN.items, items);
    vote.set(VOTE_CHILDREN.ballots, newYMap());
    vote.set(VOTE_CHILDREN.candidates, newYMap());
    votes.set(id, vote);
  }, origin);
  return id;
}

function voteOf(doc: Y.Doc, voteId: string) {
  const vote = readWorkshop(doc).votes.find((v) => v.id === voteId);
  if (!vote) refuse('voteId', `there is no vote “${String(voteId)}”`);
  return { vote, map: entity(doc, WORKSHOP_CHILDREN.votes, voteId, 'vote') };
}

/** Places (+1) or takes back (−1) one of the participant's dots on an item. */
export function placeDot(
  doc: Y.Doc,
  voteId: string,
  participantId: string,
  itemId: string,
  delta: 1 | -1,
  origin: Origin = ORIGINS.local,
): void {
  const { vote, map } = voteOf(doc, voteId);
  check(idSchema, participantId, 'participantId');
  const problem = checkDot(vote, participantId, itemId, delta);
  if (problem) refuse('itemId', problem);
  const next = (vote.ballots[participantId]?.[itemId] ?? 0) + delta;
  doc.transact(() => {
    const ballot = child(child(map, VOTE_CHILDREN.ballots), participantId);
    if (next === 0) ballot.delete(itemId);
    else ballot.set(itemId, next);
  }, origin);
}

/** Closes the vote: ballots are shown and ranked, and no more dots are taken. */
export function closeVote(doc: Y.Doc, voteId: string, origin: Origin = ORIGINS.local): void {
  const { map } = voteOf(doc, voteId);
  doc.transact(() => map.set('closed', true), origin);
}

/**
 * Turns the top `count` items of a closed vote into kaizen candidates and returns the kaizen ids:
 * a voted stage gets a new burst ("Improve Security review", status idea) above it, linked to it;
 * a voted kaizen is its own candidate. Items that already have one are skipped.
 */
export function makeKaizenCandidates(
  doc: Y.Doc,
  voteId: string,
  count: number,
  origin: Origin = ORIGINS.local,
): string[] {
  const { vote, map } = voteOf(doc, voteId);
  if (!vote.closed) refuse('voteId', 'close the vote first');
  const { state } = readState(doc, vote.stateId);
  if (!state) refuse('stateId', `there is no state “${vote.stateId}”`);
  const made: string[] = [];
  doc.transact(() => {
    const candidates = child(map, VOTE_CHILDREN.candidates);
    for (const item of topItems(vote, count)) {
      const existing = candidates.get(item.itemId);
      if (typeof existing === 'string' && state.nodes[existing]) {
        made.push(existing);
        continue;
      }
      const node = state.nodes[item.itemId];
      if (!node) continue;
      if (node.type === 'kaizen') {
        candidates.set(item.itemId, item.itemId);
        made.push(item.itemId);
        continue;
      }
      const kaizenId = addNode(
        doc,
        vote.stateId,
        {
          type: 'kaizen',
          x: node.x + 20,
          y: node.y - 140,
          name: `Improve ${node.name.trim() || 'this step'}`.slice(0, 200),
          status: 'idea',
        },
        origin,
      );
      if (node.type === 'stage')
        connect(doc, vote.stateId, { source: kaizenId, target: node.id }, origin);
      candidates.set(item.itemId, kaizenId);
      made.push(kaizenId);
    }
  }, origin);
  return made;
}
