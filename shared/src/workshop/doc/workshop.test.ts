import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect } from '../../doc/commands/edges.ts';
import { addNode } from '../../doc/commands/nodes.ts';
import { ORIGINS } from '../../doc/origins.ts';
import { readMap } from '../../doc/read.ts';
import { freshMap, makeStage } from '../../doc/test-helpers.ts';
import { createUndoManager } from '../../doc/undo.ts';
import { ValidationError } from '../../model/schema.ts';
import { planRows } from '../plan.ts';
import { ranking } from '../voting.ts';
import {
  extendTimer,
  joinWorkshop,
  moveStep,
  pauseTimer,
  removeStep,
  setStep,
  startTimer,
  startWorkshop,
  updateStep,
} from './commands.ts';
import { readWorkshop } from './read.ts';
import { acceptEstimate, answerRound, openRound, revealRound } from './rounds.ts';
import { closeVote, makeKaizenCandidates, openVote, placeDot } from './votes.ts';

const T0 = 1_800_000_000_000;

function pipeline() {
  const { doc, stateId } = freshMap();
  const build = addNode(doc, stateId, makeStage({ name: 'Build', team: 'Dev', x: 0 }));
  const qa = addNode(doc, stateId, makeStage({ name: 'Manual QA', team: 'QA', x: 200 }));
  const sec = addNode(doc, stateId, makeStage({ name: 'Security', team: 'AppSec', x: 400 }));
  connect(doc, stateId, { source: build, target: qa });
  connect(doc, stateId, { source: qa, target: sec });
  startWorkshop(doc, { facilitatorId: 'fac', stateId, now: T0 });
  return { doc, stateId, build, qa, sec };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems[0]?.message ?? '';
    throw error;
  }
  throw new Error('not refused');
}

describe('workshop mode', () => {
  it('starts with the default agenda, step 1 and its time box on a paused timer', () => {
    const { doc, stateId } = pipeline();
    const w = readWorkshop(doc);
    expect(w.active).toBe(true);
    expect(w.facilitatorId).toBe('fac');
    expect(w.stateId).toBe(stateId);
    expect(w.agenda.map((s) => s.title)).toEqual([
      'Scope',
      'Steps',
      'Time',
      'Quality',
      'Rework',
      'Bottlenecks',
      'Future state',
      'Action plan',
    ]);
    expect(w.stepIndex).toBe(0);
    expect(w.timer).toEqual({ runningSince: null, remainingMs: 10 * 60_000 });
  });

  it('edits a step, moves steps (resetting the timer) and runs the timer in server time', () => {
    const { doc } = pipeline();
    updateStep(doc, 'step-time', { minutes: 25, prompt: 'How long?' });
    setStep(doc, 2);
    expect(readWorkshop(doc).agenda[2]?.prompt).toBe('How long?');
    expect(readWorkshop(doc).timer).toEqual({ runningSince: null, remainingMs: 25 * 60_000 });
    startTimer(doc, T0 + 1000);
    extendTimer(doc, 5 * 60_000);
    pauseTimer(doc, T0 + 61_000);
    expect(readWorkshop(doc).timer).toEqual({ runningSince: null, remainingMs: 29 * 60_000 });
    expect(refusal(() => setStep(doc, 8))).toBe('there is no such agenda step');
    expect(refusal(() => updateStep(doc, 'step-time', { minutes: -1 }))).toBe(
      'must not be negative',
    );
  });

  it('is not undoable: Ctrl+Z never rewinds the room', () => {
    const { doc } = pipeline();
    const undo = createUndoManager(doc);
    setStep(doc, 3);
    undo.undo();
    expect(readWorkshop(doc).stepIndex).toBe(3);
  });
});

describe('silent estimation', () => {
  it('collects private answers, reveals min/median/max and writes the accepted median with its range', () => {
    const { doc, stateId, qa } = pipeline();
    joinWorkshop(doc, { id: 'p1', name: 'Ana', team: 'QA' });
    const id = openRound(doc, {
      stateId,
      field: 'elapsedMinutes',
      stageIds: [qa],
      named: false,
      now: T0,
    });
    answerRound(doc, id, 'fac', qa, 60);
    answerRound(doc, id, 'p1', qa, 480);
    answerRound(doc, id, 'p2', qa, 120);
    expect(refusal(() => acceptEstimate(doc, id, qa))).toBe(
      'reveal the answers before accepting a value',
    );
    revealRound(doc, id);
    expect(refusal(() => answerRound(doc, id, 'p3', qa, 1))).toContain('revealed');
    expect(acceptEstimate(doc, id, qa)).toBe(120);
    const node = readMap(doc).map.states[stateId]?.nodes[qa];
    expect(node).toMatchObject({
      elapsedMinutes: 120,
      elapsedLowMinutes: 60,
      elapsedHighMinutes: 480,
      timeSource: 'estimate',
    });
    expect(readWorkshop(doc).rounds[0]?.accepted).toEqual({ [qa]: 120 });
  });

  it('asks %C/A of the downstream team and records ratedBy; a bad value writes nothing', () => {
    const { doc, stateId, qa } = pipeline();
    const id = openRound(doc, { stateId, field: 'pctCA', stageIds: [qa], named: true, now: T0 });
    expect(refusal(() => answerRound(doc, id, 'p1', qa, 140))).toBe('must be 0–100');
    answerRound(doc, id, 'p1', qa, 70);
    revealRound(doc, id);
    acceptEstimate(doc, id, qa, 75);
    expect(readMap(doc).map.states[stateId]?.nodes[qa]).toMatchObject({
      pctCA: 75,
      ratedBy: 'AppSec',
    });
  });

  it('refuses a round id already used, writing nothing', () => {
    const { doc, stateId, qa } = pipeline();
    openRound(doc, { stateId, field: 'pctCA', stageIds: [qa], named: true, now: T0, id: 'r1' });
    const before = Y.encodeStateVector(doc);
    expect(
      refusal(() => openRound(doc, { stateId, field: 'pctCA', named: true, now: T0, id: 'r1' })),
    ).toBe('“r1” is already used');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(readWorkshop(doc).rounds[0]?.closed).toBe(false);
  });

  it('keeps concurrent answers of two participants made offline in two copies', () => {
    const { doc, stateId, qa } = pipeline();
    const id = openRound(doc, {
      stateId,
      field: 'valueAddMinutes',
      stageIds: [qa],
      named: true,
      now: T0,
    });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    answerRound(doc, id, 'p1', qa, 10);
    answerRound(other, id, 'p2', qa, 20, ORIGINS.remote);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(readWorkshop(doc).rounds[0]?.answers).toEqual({ p1: { [qa]: 10 }, p2: { [qa]: 20 } });
  });
});

describe('dot voting', () => {
  it('takes dots within the limits, ranks after close and turns the top items into linked kaizens', () => {
    const { doc, stateId, build, qa, sec } = pipeline();
    const id = openVote(doc, { stateId, subject: 'stages', dots: 3, stackLimit: 2, now: T0 });
    placeDot(doc, id, 'p1', sec, 1);
    placeDot(doc, id, 'p1', sec, 1);
    expect(refusal(() => placeDot(doc, id, 'p1', sec, 1))).toBe('at most 2 dots on one item');
    placeDot(doc, id, 'p1', qa, 1);
    expect(refusal(() => placeDot(doc, id, 'p1', build, 1))).toBe('you have placed all 3 dots');
    placeDot(doc, id, 'p2', qa, 1);
    placeDot(doc, id, 'p2', qa, -1);
    placeDot(doc, id, 'p2', sec, 1);
    expect(refusal(() => makeKaizenCandidates(doc, id, 2))).toBe('close the vote first');
    closeVote(doc, id);
    const vote = readWorkshop(doc).votes[0];
    expect(vote && ranking(vote).map((r) => [r.itemId, r.votes])).toEqual([
      [sec, 3],
      [qa, 1],
      [build, 0],
    ]);
    const made = makeKaizenCandidates(doc, id, 2);
    expect(made).toHaveLength(2);
    expect(makeKaizenCandidates(doc, id, 2)).toEqual(made); // one click twice: no duplicates
    const state = readMap(doc).map.states[stateId];
    if (!state) throw new Error('no state');
    const rows = planRows(state, readWorkshop(doc).votes, { hoursPerDay: 8, daysPerWeek: 5 });
    expect(rows.map((r) => [r.kaizen, r.stages, r.votes, r.status])).toEqual([
      ['Improve Security', ['Security'], 3, 'idea'],
      ['Improve Manual QA', ['Manual QA'], 1, 'idea'],
    ]);
  });
});

describe('picking the agenda', () => {
  const titles = (doc: Y.Doc) => readWorkshop(doc).agenda.map((s) => s.title);

  it('removes steps the session does not need; the room stays on its step', () => {
    const { doc } = pipeline();
    setStep(doc, 3); // Quality
    removeStep(doc, 'step-scope');
    let w = readWorkshop(doc);
    expect(titles(doc)).toEqual([
      'Steps',
      'Time',
      'Quality',
      'Rework',
      'Bottlenecks',
      'Future state',
      'Action plan',
    ]);
    expect(w.agenda[w.stepIndex]?.title).toBe('Quality');
    // Removing the current step moves the room to the one that takes its place, timer reset.
    removeStep(doc, 'step-quality');
    w = readWorkshop(doc);
    expect(w.agenda[w.stepIndex]?.title).toBe('Rework');
    expect(w.timer).toEqual({
      runningSince: null,
      remainingMs: (w.agenda[w.stepIndex]?.minutes ?? 0) * 60_000,
    });
  });

  it('keeps at least one step', () => {
    const { doc } = pipeline();
    for (const step of readWorkshop(doc).agenda.slice(1)) removeStep(doc, step.id);
    expect(titles(doc)).toEqual(['Scope']);
    expect(refusal(() => removeStep(doc, 'step-scope'))).toBe('an agenda needs at least one step');
  });

  it('moves a step earlier or later and follows the current step', () => {
    const { doc } = pipeline();
    setStep(doc, 1); // Steps
    moveStep(doc, 'step-rework', -1);
    expect(titles(doc).slice(2, 5)).toEqual(['Time', 'Rework', 'Quality']);
    moveStep(doc, 'step-steps', -1);
    const w = readWorkshop(doc);
    expect(titles(doc).slice(0, 2)).toEqual(['Steps', 'Scope']);
    expect(w.agenda[w.stepIndex]?.title).toBe('Steps');
    expect(refusal(() => moveStep(doc, 'step-steps', -1))).toBe('is already first');
    expect(refusal(() => moveStep(doc, 'step-plan', 1))).toBe('is already last');
  });
});
