// What someone on a view link may do in a workshop, when the facilitator lets viewers take part:
// join the participant list, answer an estimation round, place or take back a dot. Nothing else.
//
// Why through the server and not the document: a view link's socket never writes (the sync server
// drops its updates, whatever they contain), and telling a harmless Yjs update ("an answer under
// workshop.rounds") from a harmful one would mean trusting the client's encoding of it. Instead the
// client posts one of these actions; the server checks the request against this schema and the
// room's current workshop, and applies it with the same commands an editor runs.
import type * as Y from 'yjs';
import { z } from 'zod';
import { ORIGINS, type Origin } from '../../doc/origins.ts';
import { idSchema } from '../../model/fields.ts';
import { WORKSHOP_LIMITS } from '../fields.ts';
import { joinWorkshop } from './commands.ts';
import { readWorkshop } from './read.ts';
import { answerRound } from './rounds.ts';
import { placeDot } from './votes.ts';

export const viewerActionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('join'),
    participantId: idSchema,
    name: z.string().max(WORKSHOP_LIMITS.participantNameLength),
    team: z.string().max(WORKSHOP_LIMITS.participantNameLength).optional(),
  }),
  z.object({
    kind: z.literal('answer'),
    participantId: idSchema,
    roundId: idSchema,
    stageId: idSchema,
    value: z.number(),
  }),
  z.object({
    kind: z.literal('dot'),
    participantId: idSchema,
    voteId: idSchema,
    itemId: idSchema,
    delta: z.union([z.literal(1), z.literal(-1)]),
  }),
]);

export type ViewerAction = z.infer<typeof viewerActionSchema>;

/** The workshop does not let viewers take part now (not started, ended, or not allowed). */
export class ViewerActionRefused extends Error {}

/**
 * Applies a viewer's action to the document, or throws: ViewerActionRefused when viewers may not
 * take part, the commands' ValidationError when the action itself is wrong (a closed round…).
 */
export function applyViewerAction(
  doc: Y.Doc,
  action: ViewerAction,
  origin: Origin = ORIGINS.server,
): void {
  const workshop = readWorkshop(doc);
  if (!workshop.active) throw new ViewerActionRefused('no workshop is running on this map');
  if (!workshop.viewersTakePart) {
    throw new ViewerActionRefused('the facilitator has not let view links take part');
  }
  switch (action.kind) {
    case 'join':
      joinWorkshop(
        doc,
        {
          id: action.participantId,
          name: action.name,
          ...(action.team !== undefined ? { team: action.team } : {}),
        },
        origin,
      );
      return;
    case 'answer':
      answerRound(doc, action.roundId, action.participantId, action.stageId, action.value, origin);
      return;
    case 'dot':
      placeDot(doc, action.voteId, action.participantId, action.itemId, action.delta, origin);
      return;
  }
}
