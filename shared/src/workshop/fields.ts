// The field rules of the workshop's part of the document (root key `workshop`), in the style of
// ../model/fields.ts: the sync server's write guard (../doc/writeGuard.ts) checks every write under
// `workshop` with these, so a hostile or broken client cannot put a string where the timer's
// milliseconds belong, an agenda of 10,000 steps, or 500 dots on one item.
import { z } from 'zod';
import { MAX_DURATION_MINUTES } from '../model/durations.ts';
import { idSchema, LIMITS } from '../model/fields.ts';
import { MAX_TIMER_MS } from './timer.ts';
import { ESTIMATE_FIELDS, STEP_KINDS, VOTE_SUBJECTS } from './types.ts';

export const WORKSHOP_LIMITS = {
  agendaSteps: 30,
  participants: 200,
  rounds: 500,
  votes: 200,
  /** Stages (or kaizens) one round or vote may name: a state's node limit. */
  itemsPerRound: LIMITS.nodesPerState,
  titleLength: 100,
  promptLength: 1_000,
  participantNameLength: 60,
  maxDots: 20,
  stepMinutes: 24 * 60,
} as const;

const num = (what = 'a number') => z.number({ error: `must be ${what}` });
const bool = z.boolean({ error: 'must be true or false' });
const text = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
/** Epoch milliseconds (server time), from 2000 to 2200. */
const instant = num('a time in milliseconds')
  .int('must be whole milliseconds')
  .min(946_684_800_000, 'is not a plausible time')
  .max(7_258_118_400_000, 'is not a plausible time');
const whole = (min: number, max: number) =>
  num()
    .int('must be a whole number')
    .min(min, `must be ${min}–${max}`)
    .max(max, `must be ${min}–${max}`);

export const workshopFieldSchemas = {
  active: bool,
  stateId: idSchema,
  facilitatorId: idSchema,
  stepIndex: whole(0, WORKSHOP_LIMITS.agendaSteps - 1),
  timerRunningSince: instant,
  timerRemainingMs: num('milliseconds')
    .min(-MAX_TIMER_MS, 'is too large')
    .max(MAX_TIMER_MS, 'is too large'),
  gatherClientId: whole(0, 2 ** 53 - 1),
  gatherAt: instant,
  startedAt: instant,
  viewersTakePart: bool,
} as const;

export const stepFieldSchemas = {
  id: idSchema,
  order: num(),
  kind: oneOf(STEP_KINDS),
  title: text(WORKSHOP_LIMITS.titleLength),
  prompt: text(WORKSHOP_LIMITS.promptLength),
  minutes: num('a number of minutes')
    .min(0, 'must not be negative')
    .max(WORKSHOP_LIMITS.stepMinutes, 'is too long'),
} as const;

export const participantFieldSchemas = {
  id: idSchema,
  name: text(WORKSHOP_LIMITS.participantNameLength),
  team: text(LIMITS.teamLength),
} as const;

export const roundFieldSchemas = {
  id: idSchema,
  stateId: idSchema,
  field: oneOf(ESTIMATE_FIELDS),
  named: bool,
  revealed: bool,
  closed: bool,
  openedAt: instant,
} as const;

export const voteFieldSchemas = {
  id: idSchema,
  stateId: idSchema,
  subject: oneOf(VOTE_SUBJECTS),
  dots: whole(1, WORKSHOP_LIMITS.maxDots),
  stackLimit: whole(1, WORKSHOP_LIMITS.maxDots),
  closed: bool,
  openedAt: instant,
} as const;

/** An item's position in a round or vote. */
export const orderValueSchema = num().min(0, 'must not be negative').max(1_000_000, 'is too large');
/** One answer: minutes for LT/PT, 0–100 for %C/A (the command checks which). */
export const answerValueSchema = num('a number')
  .min(0, 'must not be negative')
  .max(MAX_DURATION_MINUTES, 'is too large');
/** Dots one participant placed on one item. */
export const dotsValueSchema = whole(0, WORKSHOP_LIMITS.maxDots);
/** The kaizen node an item became. */
export const candidateValueSchema = idSchema;
