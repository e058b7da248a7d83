// Commands on the workshop's part of the document: start and stop, the agenda and the current
// step, the shared timer, "bring everyone to my view" and the participant list. Each validates
// first, then writes in one transaction tagged with its origin; estimation and voting are in
// ./rounds.ts and ./votes.ts. Workshop writes are not undoable (the undo manager tracks the map
// only): Ctrl+Z must not rewind the room's timer.
import type * as Y from 'yjs';
import { asYMap, statesMap } from '../../doc/access.ts';
import { ORIGINS, type Origin } from '../../doc/origins.ts';
import { defaultAgenda } from '../agenda.ts';
import { participantFieldSchemas, stepFieldSchemas, workshopFieldSchemas } from '../fields.ts';
import * as timer from '../timer.ts';
import type { AgendaStep, TimerState } from '../types.ts';
import { asMap, check, child, newYMap, refuse, workshopRoot, type YMap } from './access.ts';
import { WORKSHOP_CHILDREN } from './keys.ts';
import { readWorkshop } from './read.ts';

export interface StartWorkshopInput {
  facilitatorId: string;
  stateId: string;
  /** Server time (epoch ms). */
  now: number;
}

/**
 * Starts (or resumes) workshop mode with `facilitatorId` in charge. The first start writes the
 * default agenda; a later start keeps the agenda, rounds and votes the room already has.
 */
export function startWorkshop(
  doc: Y.Doc,
  input: StartWorkshopInput,
  origin: Origin = ORIGINS.local,
): void {
  check(workshopFieldSchemas.facilitatorId, input.facilitatorId, 'facilitatorId');
  check(workshopFieldSchemas.startedAt, input.now, 'now');
  if (!asYMap(statesMap(doc).get(input.stateId))) {
    refuse('stateId', `there is no state “${String(input.stateId)}”`);
  }
  const root = workshopRoot(doc);
  doc.transact(() => {
    const agenda = child(root, WORKSHOP_CHILDREN.agenda);
    if (agenda.size === 0) {
      for (const step of defaultAgenda()) agenda.set(step.id, stepMap(step));
    }
    const first = readWorkshop(doc).agenda[0];
    root.set('active', true);
    root.set('facilitatorId', input.facilitatorId);
    root.set('stateId', input.stateId);
    if (!root.has('startedAt')) {
      root.set('startedAt', input.now);
      root.set('stepIndex', 0);
      root.set('timerRemainingMs', (first?.minutes ?? 0) * 60_000);
      root.delete('timerRunningSince');
    }
  }, origin);
}

function stepMap(step: AgendaStep): YMap {
  const y = newYMap();
  for (const [k, v] of Object.entries(step)) y.set(k, v);
  return y;
}

/** Ends workshop mode; the agenda, rounds, votes and plan stay in the document. */
export function stopWorkshop(doc: Y.Doc, now: number, origin: Origin = ORIGINS.local): void {
  const root = workshopRoot(doc);
  doc.transact(() => {
    writeTimer(root, timer.pauseTimer(readWorkshop(doc).timer, now));
    root.set('active', false);
  }, origin);
}

/** Hands the facilitator role to another participant (or takes it). */
export function setFacilitator(
  doc: Y.Doc,
  participantId: string,
  origin: Origin = ORIGINS.local,
): void {
  check(workshopFieldSchemas.facilitatorId, participantId, 'facilitatorId');
  doc.transact(() => workshopRoot(doc).set('facilitatorId', participantId), origin);
}

export interface ParticipantInput {
  id: string;
  name: string;
  team?: string | undefined;
}

/** Adds or updates a participant (name and team shown in progress and the summary). */
export function joinWorkshop(
  doc: Y.Doc,
  participant: ParticipantInput,
  origin: Origin = ORIGINS.local,
): void {
  check(participantFieldSchemas.id, participant.id, 'id');
  const name = participant.name.trim().slice(0, 60) || 'Guest';
  check(participantFieldSchemas.name, name, 'name');
  const team = participant.team?.trim();
  if (team) check(participantFieldSchemas.team, team, 'team');
  const root = workshopRoot(doc);
  doc.transact(() => {
    const participants = child(root, WORKSHOP_CHILDREN.participants);
    let entry = asMap(participants.get(participant.id));
    if (!entry) {
      entry = newYMap();
      entry.set('id', participant.id);
      participants.set(participant.id, entry);
    }
    if (entry.get('name') !== name) entry.set('name', name);
    if (team) {
      if (entry.get('team') !== team) entry.set('team', team);
    } else if (entry.has('team')) entry.delete('team');
  }, origin);
}

/** Lets people on the view link take part (join, answer, vote) or stops them; the facilitator's. */
export function setViewersTakePart(
  doc: Y.Doc,
  allowed: boolean,
  origin: Origin = ORIGINS.local,
): void {
  check(workshopFieldSchemas.viewersTakePart, allowed, 'viewersTakePart');
  const root = workshopRoot(doc);
  if (root.size === 0) refuse('workshop', 'no workshop has been started on this map');
  doc.transact(() => root.set('viewersTakePart', allowed), origin);
}

export type StepPatch = Partial<Pick<AgendaStep, 'title' | 'prompt' | 'minutes'>>;

/** Edits one agenda step's title, prompt or time box. */
export function updateStep(
  doc: Y.Doc,
  stepId: string,
  patch: StepPatch,
  origin: Origin = ORIGINS.local,
): void {
  const step = asMap(asMap(workshopRoot(doc).get(WORKSHOP_CHILDREN.agenda))?.get(stepId));
  if (!step) refuse('stepId', `there is no agenda step “${String(stepId)}”`);
  for (const [key, value] of Object.entries(patch)) {
    const schema = stepFieldSchemas[key as keyof StepPatch];
    if (!schema) refuse(key, 'cannot be changed');
    check(schema, value, key);
  }
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && step.get(key) !== value) step.set(key, value);
    }
  }, origin);
}

/**
 * Takes a step out of the agenda (a facilitator picks the steps the session needs). The room stays
 * on the step it was on; if that is the one removed, it moves to the step that takes its place,
 * its timer reset. The last step cannot go: an agenda has at least one.
 */
export function removeStep(doc: Y.Doc, stepId: string, origin: Origin = ORIGINS.local): void {
  const { agenda, stepIndex } = readWorkshop(doc);
  const index = agenda.findIndex((s) => s.id === stepId);
  if (index < 0) refuse('stepId', `there is no agenda step “${String(stepId)}”`);
  if (agenda.length === 1) refuse('stepId', 'an agenda needs at least one step');
  const root = workshopRoot(doc);
  const rest = agenda.filter((s) => s.id !== stepId);
  doc.transact(() => {
    child(root, WORKSHOP_CHILDREN.agenda).delete(stepId);
    if (index < stepIndex) root.set('stepIndex', stepIndex - 1);
    else if (index === stepIndex) {
      const next = Math.min(index, rest.length - 1);
      root.set('stepIndex', next);
      writeTimer(root, { runningSince: null, remainingMs: (rest[next]?.minutes ?? 0) * 60_000 });
    }
  }, origin);
}

/**
 * Moves a step one place earlier (−1) or later (+1) by swapping its order with its neighbour's; the
 * room stays on the same step, wherever it now is.
 */
export function moveStep(
  doc: Y.Doc,
  stepId: string,
  direction: -1 | 1,
  origin: Origin = ORIGINS.local,
): void {
  const { agenda, stepIndex } = readWorkshop(doc);
  const index = agenda.findIndex((s) => s.id === stepId);
  if (index < 0) refuse('stepId', `there is no agenda step “${String(stepId)}”`);
  const other = agenda[index + direction];
  const step = agenda[index];
  if (!other || !step) refuse('stepId', direction < 0 ? 'is already first' : 'is already last');
  const steps = child(workshopRoot(doc), WORKSHOP_CHILDREN.agenda);
  // Equal orders (two concurrent moves) would make a swap a no-op: step past the neighbour instead.
  const [mine, theirs] =
    step.order === other.order
      ? [other.order + direction / 2, other.order]
      : [other.order, step.order];
  const current = agenda[stepIndex]?.id;
  doc.transact(() => {
    asMap(steps.get(step.id))?.set('order', mine);
    asMap(steps.get(other.id))?.set('order', theirs);
    const moved = readWorkshop(doc).agenda.findIndex((s) => s.id === current);
    if (moved >= 0 && moved !== stepIndex) workshopRoot(doc).set('stepIndex', moved);
  }, origin);
}

/** Moves the room to agenda step `index`; the timer is reset, paused, to that step's time box. */
export function setStep(doc: Y.Doc, index: number, origin: Origin = ORIGINS.local): void {
  const { agenda } = readWorkshop(doc);
  const step = agenda[index];
  if (!Number.isInteger(index) || !step) refuse('stepIndex', 'there is no such agenda step');
  const root = workshopRoot(doc);
  doc.transact(() => {
    root.set('stepIndex', index);
    writeTimer(root, { runningSince: null, remainingMs: step.minutes * 60_000 });
  }, origin);
}

function writeTimer(root: YMap, state: TimerState): void {
  if (state.runningSince === null) {
    if (root.has('timerRunningSince')) root.delete('timerRunningSince');
  } else if (root.get('timerRunningSince') !== state.runningSince) {
    root.set('timerRunningSince', Math.round(state.runningSince));
  }
  root.set('timerRemainingMs', Math.round(state.remainingMs));
}

function changeTimer(doc: Y.Doc, change: (t: TimerState) => TimerState, origin: Origin): void {
  const next = change(readWorkshop(doc).timer);
  if (next.runningSince !== null) {
    check(workshopFieldSchemas.timerRunningSince, Math.round(next.runningSince), 'now');
  }
  doc.transact(() => writeTimer(workshopRoot(doc), next), origin);
}

export function startTimer(doc: Y.Doc, now: number, origin: Origin = ORIGINS.local): void {
  changeTimer(doc, (t) => timer.startTimer(t, now), origin);
}

export function pauseTimer(doc: Y.Doc, now: number, origin: Origin = ORIGINS.local): void {
  changeTimer(doc, (t) => timer.pauseTimer(t, now), origin);
}

/** Adds time to the current step (+5 min in the bar). */
export function extendTimer(doc: Y.Doc, ms: number, origin: Origin = ORIGINS.local): void {
  if (!Number.isFinite(ms) || ms <= 0) refuse('ms', 'must be a positive number of milliseconds');
  changeTimer(doc, (t) => timer.extendTimer(t, ms), origin);
}

/**
 * "Bring everyone to my view": every client that sees a newer `gatherAt` follows the awareness
 * client `clientId` (the facilitator's tab) until its person pans away.
 */
export function gatherEveryone(
  doc: Y.Doc,
  clientId: number,
  now: number,
  origin: Origin = ORIGINS.local,
): void {
  check(workshopFieldSchemas.gatherClientId, clientId, 'clientId');
  check(workshopFieldSchemas.gatherAt, Math.round(now), 'now');
  const root = workshopRoot(doc);
  doc.transact(() => {
    root.set('gatherClientId', clientId);
    root.set('gatherAt', Math.round(now));
  }, origin);
}
