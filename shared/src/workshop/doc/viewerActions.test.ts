import { describe, expect, it } from 'vitest';
import { connect } from '../../doc/commands/edges.ts';
import { addNode } from '../../doc/commands/nodes.ts';
import { freshMap, makeStage } from '../../doc/test-helpers.ts';
import { ValidationError } from '../../model/schema.ts';
import { setViewersTakePart, startWorkshop, stopWorkshop } from './commands.ts';
import { readWorkshop } from './read.ts';
import { openRound } from './rounds.ts';
import { applyViewerAction, ViewerActionRefused, viewerActionSchema } from './viewerActions.ts';
import { openVote } from './votes.ts';

const T0 = 1_800_000_000_000;

function workshop() {
  const { doc, stateId } = freshMap();
  const qa = addNode(doc, stateId, makeStage({ name: 'Manual QA', team: 'QA', x: 0 }));
  const sec = addNode(doc, stateId, makeStage({ name: 'Security', team: 'AppSec', x: 200 }));
  connect(doc, stateId, { source: qa, target: sec });
  startWorkshop(doc, { facilitatorId: 'fac', stateId, now: T0 });
  const round = openRound(doc, {
    stateId,
    field: 'elapsedMinutes',
    stageIds: [qa],
    named: true,
    now: T0,
  });
  const vote = openVote(doc, { stateId, subject: 'stages', dots: 2, stackLimit: 2, now: T0 });
  return { doc, stateId, qa, sec, round, vote };
}

describe('viewers taking part', () => {
  it('refuses every action until the facilitator lets view links take part', () => {
    const { doc, qa, round } = workshop();
    expect(readWorkshop(doc).viewersTakePart).toBe(false);
    const answer = { kind: 'answer', participantId: 'v1', roundId: round, stageId: qa, value: 480 };
    expect(() => applyViewerAction(doc, viewerActionSchema.parse(answer))).toThrow(
      new ViewerActionRefused('the facilitator has not let view links take part'),
    );
    expect(readWorkshop(doc).rounds[0]?.answers).toEqual({});
  });

  it('joins, answers and votes with the same rules as an editor once allowed', () => {
    const { doc, qa, sec, round, vote } = workshop();
    setViewersTakePart(doc, true);
    const act = (a: unknown) => applyViewerAction(doc, viewerActionSchema.parse(a));
    act({ kind: 'join', participantId: 'v1', name: 'Sam', team: 'Ops' });
    act({ kind: 'answer', participantId: 'v1', roundId: round, stageId: qa, value: 480 });
    act({ kind: 'dot', participantId: 'v1', voteId: vote, itemId: sec, delta: 1 });
    act({ kind: 'dot', participantId: 'v1', voteId: vote, itemId: sec, delta: 1 });
    const w = readWorkshop(doc);
    expect(w.participants.v1).toEqual({ id: 'v1', name: 'Sam', team: 'Ops' });
    expect(w.rounds[0]?.answers).toEqual({ v1: { [qa]: 480 } });
    expect(w.votes[0]?.ballots).toEqual({ v1: { [sec]: 2 } });
    // The commands' own rules still hold: a third dot is over the participant's two.
    expect(() =>
      act({ kind: 'dot', participantId: 'v1', voteId: vote, itemId: qa, delta: 1 }),
    ).toThrow(ValidationError);
  });

  it('stops taking part when the facilitator says so or the workshop ends', () => {
    const { doc, qa, round } = workshop();
    setViewersTakePart(doc, true);
    setViewersTakePart(doc, false);
    const answer = viewerActionSchema.parse({
      kind: 'answer',
      participantId: 'v1',
      roundId: round,
      stageId: qa,
      value: 60,
    });
    expect(() => applyViewerAction(doc, answer)).toThrow(ViewerActionRefused);
    setViewersTakePart(doc, true);
    stopWorkshop(doc, T0 + 1000);
    expect(() => applyViewerAction(doc, answer)).toThrow('no workshop is running on this map');
  });

  it('accepts only the three kinds, with ids and bounded text', () => {
    expect(viewerActionSchema.safeParse({ kind: 'openRound', participantId: 'v1' }).success).toBe(
      false,
    );
    expect(
      viewerActionSchema.safeParse({ kind: 'join', participantId: 'v1', name: 'x'.repeat(61) })
        .success,
    ).toBe(false);
    expect(
      viewerActionSchema.safeParse({
        kind: 'dot',
        participantId: 'v1',
        voteId: 'a',
        itemId: 'b',
        delta: 3,
      }).success,
    ).toBe(false);
  });
});
