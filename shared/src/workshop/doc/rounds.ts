// Silent estimation rounds in the document: the facilitator opens a round (one stage or all of a
// state's stages, one field), each participant writes only their own answers (a Y.Map of their
// own, so concurrent answers all survive), the facilitator reveals and accepts a value, which is
// written to the stage in the same transaction as the round's record of it.
import type * as Y from 'yjs';
import { updateNode } from '../../doc/commands/nodes.ts';
import { newId } from '../../doc/ids.ts';
import { ORIGINS, type Origin } from '../../doc/origins.ts';
import { readState } from '../../doc/read.ts';
import { idSchema } from '../../model/fields.ts';
import { acceptedPatch, checkEstimate, statsFor } from '../estimation.ts';
import { roundFieldSchemas, WORKSHOP_LIMITS } from '../fields.ts';
import type { EstimateField } from '../types.ts';
import { asMap, check, child, entity, newYMap, refuse, workshopRoot } from './access.ts';
import { ROUND_CHILDREN, WORKSHOP_CHILDREN } from './keys.ts';
import { readWorkshop } from './read.ts';

export interface OpenRoundInput {
  stateId: string;
  field: EstimateField;
  /** The stages asked about; every stage of the state when omitted. */
  stageIds?: readonly string[] | undefined;
  named: boolean;
  /** Server time (epoch ms). */
  now: number;
  id?: string | undefined;
}

/** Opens a round (closing any round still open) and returns its id. */
export function openRound(
  doc: Y.Doc,
  input: OpenRoundInput,
  origin: Origin = ORIGINS.local,
): string {
  const { state } = readState(doc, input.stateId);
  if (!state) refuse('stateId', `there is no state “${String(input.stateId)}”`);
  check(roundFieldSchemas.field, input.field, 'field');
  check(roundFieldSchemas.openedAt, Math.round(input.now), 'now');
  const stages = Object.values(state.nodes)
    .filter((n) => n.type === 'stage')
    .sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : 1));
  const stageIds = input.stageIds ? [...input.stageIds] : stages.map((s) => s.id);
  if (stageIds.length === 0) refuse('stageIds', 'there are no stages to estimate');
  if (stageIds.length > WORKSHOP_LIMITS.itemsPerRound) refuse('stageIds', 'too many stages');
  for (const id of stageIds) {
    if (state.nodes[id]?.type !== 'stage')
      refuse('stageIds', `“${String(id)}” is not a stage of this state`);
  }
  const id = input.id ?? newId('r');
  check(idSchema, id, 'id');
  const root = workshopRoot(doc);
  const existing = asMap(root.get(WORKSHOP_CHILDREN.rounds));
  if (existing?.has(id)) refuse('id', `“${id}” is already used`);
  if ((existing?.size ?? 0) >= WORKSHOP_LIMITS.rounds)
    refuse('rounds', 'the workshop holds too many rounds');
  doc.transact(() => {
    const rounds = child(root, WORKSHOP_CHILDREN.rounds);
    rounds.forEach((r) => {
      const m = asMap(r);
      if (m && m.get('closed') !== true) m.set('closed', true);
    });
    const round = newYMap();
    round.set('id', id);
    round.set('stateId', input.stateId);
    round.set('field', input.field);
    round.set('named', input.named);
    round.set('revealed', false);
    round.set('closed', false);
    round.set('openedAt', Math.round(input.now));
    const order = newYMap();
    stageIds.forEach((stageId, i) => {
      order.set(stageId, i);
    });
    round.set(ROUND_CHILDREN.stages, order);
    round.set(ROUND_CHILDREN.answers, newYMap());
    round.set(ROUND_CHILDREN.accepted, newYMap());
    rounds.set(id, round);
  }, origin);
  return id;
}

function roundOf(doc: Y.Doc, roundId: string) {
  const round = readWorkshop(doc).rounds.find((r) => r.id === roundId);
  if (!round) refuse('roundId', `there is no round “${String(roundId)}”`);
  return { round, map: entity(doc, WORKSHOP_CHILDREN.rounds, roundId, 'round') };
}

/** One participant's answer for one stage of an open, unrevealed round. */
export function answerRound(
  doc: Y.Doc,
  roundId: string,
  participantId: string,
  stageId: string,
  value: number,
  origin: Origin = ORIGINS.local,
): void {
  const { round, map } = roundOf(doc, roundId);
  check(idSchema, participantId, 'participantId');
  if (round.closed) refuse('roundId', 'the round is closed');
  if (round.revealed) refuse('roundId', 'the answers are revealed; the round takes no more');
  if (!round.stageIds.includes(stageId)) refuse('stageId', 'this stage is not part of the round');
  const problem = checkEstimate(round.field, value);
  if (problem) refuse('value', problem);
  doc.transact(() => {
    const answers = child(map, ROUND_CHILDREN.answers);
    child(answers, participantId).set(stageId, value);
  }, origin);
}

/** Shows every answer to the room (named or not, as the round says) with min/median/max. */
export function revealRound(doc: Y.Doc, roundId: string, origin: Origin = ORIGINS.local): void {
  const { map } = roundOf(doc, roundId);
  doc.transact(() => map.set('revealed', true), origin);
}

export function closeRound(doc: Y.Doc, roundId: string, origin: Origin = ORIGINS.local): void {
  const { map } = roundOf(doc, roundId);
  doc.transact(() => map.set('closed', true), origin);
}

/**
 * Accepts the median of the answers (or `value`, typed by the facilitator) for one stage: writes
 * the stage's field (for LT with the answers' low/high as its three-point range, marked as an
 * estimate; for %C/A with the downstream team as `ratedBy`) and records it in the round. Returns
 * the accepted value. The stage command validates first (PT ≤ LT …), so a refusal writes nothing.
 */
export function acceptEstimate(
  doc: Y.Doc,
  roundId: string,
  stageId: string,
  value?: number,
  origin: Origin = ORIGINS.local,
): number {
  const { round, map } = roundOf(doc, roundId);
  if (!round.revealed) refuse('roundId', 'reveal the answers before accepting a value');
  if (!round.stageIds.includes(stageId)) refuse('stageId', 'this stage is not part of the round');
  const accepted = value ?? statsFor(round, stageId)?.median;
  if (accepted === undefined) refuse('value', 'nobody answered for this stage; type a value');
  const problem = checkEstimate(round.field, accepted);
  if (problem) refuse('value', problem);
  const { state } = readState(doc, round.stateId);
  if (!state) refuse('stateId', `there is no state “${round.stateId}”`);
  const patch = acceptedPatch(state, round, stageId, accepted);
  doc.transact(() => {
    updateNode(doc, round.stateId, stageId, patch, origin);
    child(map, ROUND_CHILDREN.accepted).set(stageId, accepted);
  }, origin);
  return accepted;
}
