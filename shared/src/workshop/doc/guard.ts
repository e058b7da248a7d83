// Where the workshop's maps sit for the sync server's write guard (../../doc/writeGuard.ts): the
// root's fields, the agenda, participants, rounds (with their stages, answers and accepted values)
// and votes (items, ballots, candidates), each with its field rules from ../fields.ts and a bound
// on how many entries it may hold.
import type { FieldSchemas, Place } from '../../doc/writeGuard.ts';
import {
  answerValueSchema,
  candidateValueSchema,
  dotsValueSchema,
  orderValueSchema,
  participantFieldSchemas,
  roundFieldSchemas,
  stepFieldSchemas,
  voteFieldSchemas,
  WORKSHOP_LIMITS,
  workshopFieldSchemas,
} from '../fields.ts';
import { ROUND_CHILDREN, VOTE_CHILDREN, WORKSHOP_CHILDREN } from './keys.ts';

type Entity = (fields: FieldSchemas, children?: [string, Place][]) => Place;

export function workshopPlace(entity: Entity): Place {
  const values = (max: number, what: string, value: FieldSchemas[string]): Place => ({
    kind: 'values',
    max,
    what,
    value,
  });
  const collection = (max: number, what: string, entry: Place): Place => ({
    kind: 'collection',
    max,
    what,
    entry,
  });
  const items = WORKSHOP_LIMITS.itemsPerRound;
  const round = entity(roundFieldSchemas, [
    [ROUND_CHILDREN.stages, values(items, 'stages', orderValueSchema)],
    [
      ROUND_CHILDREN.answers,
      collection(
        WORKSHOP_LIMITS.participants,
        'participants',
        values(items, 'answers', answerValueSchema),
      ),
    ],
    [ROUND_CHILDREN.accepted, values(items, 'accepted values', answerValueSchema)],
  ]);
  const vote = entity(voteFieldSchemas, [
    [VOTE_CHILDREN.items, values(items, 'items', orderValueSchema)],
    [
      VOTE_CHILDREN.ballots,
      collection(
        WORKSHOP_LIMITS.participants,
        'participants',
        values(WORKSHOP_LIMITS.maxDots, 'items with dots', dotsValueSchema),
      ),
    ],
    [VOTE_CHILDREN.candidates, values(items, 'candidates', candidateValueSchema)],
  ]);
  return entity(workshopFieldSchemas, [
    [
      WORKSHOP_CHILDREN.agenda,
      collection(WORKSHOP_LIMITS.agendaSteps, 'agenda steps', entity(stepFieldSchemas)),
    ],
    [
      WORKSHOP_CHILDREN.participants,
      collection(WORKSHOP_LIMITS.participants, 'participants', entity(participantFieldSchemas)),
    ],
    [WORKSHOP_CHILDREN.rounds, collection(WORKSHOP_LIMITS.rounds, 'rounds', round)],
    [WORKSHOP_CHILDREN.votes, collection(WORKSHOP_LIMITS.votes, 'votes', vote)],
  ]);
}
