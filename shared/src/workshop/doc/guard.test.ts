import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode } from '../../doc/commands/nodes.ts';
import { ORIGINS } from '../../doc/origins.ts';
import { freshMap, makeStage } from '../../doc/test-helpers.ts';
import { checkDocument, checkTransactionWrites, WriteRefusedError } from '../../doc/writeGuard.ts';
import { joinWorkshop, startWorkshop } from './commands.ts';
import { answerRound, openRound } from './rounds.ts';
import { openVote, placeDot } from './votes.ts';

const T0 = 1_800_000_000_000;

/** What the sync server does with an untrusted update: apply, then check what it wrote. */
function applyChecked(target: Y.Doc, update: Uint8Array): void {
  const transactions: Y.Transaction[] = [];
  const collect = (tr: Y.Transaction) => transactions.push(tr);
  target.on('afterTransaction', collect);
  try {
    Y.applyUpdate(target, update);
  } finally {
    target.off('afterTransaction', collect);
  }
  for (const tr of transactions) checkTransactionWrites(target, tr);
}

function editOf(base: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(client);
  client.transact(() => edit(client), ORIGINS.local);
  return Y.encodeStateAsUpdate(client, before);
}

function refusal(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof WriteRefusedError) return error.message;
    throw error;
  }
  throw new Error('the write was accepted');
}

function workshopDoc() {
  const { doc, stateId } = freshMap();
  const qa = addNode(doc, stateId, makeStage({ name: 'QA' }));
  startWorkshop(doc, { facilitatorId: 'fac', stateId, now: T0 });
  joinWorkshop(doc, { id: 'p1', name: 'Ana', team: 'QA' });
  const round = openRound(doc, { stateId, field: 'pctCA', stageIds: [qa], named: true, now: T0 });
  answerRound(doc, round, 'p1', qa, 70);
  const vote = openVote(doc, { stateId, subject: 'stages', dots: 3, stackLimit: 2, now: T0 });
  placeDot(doc, vote, 'p1', qa, 1);
  return { doc, qa, round, vote };
}

const ws = (doc: Y.Doc) => doc.getMap('workshop');
const path = (doc: Y.Doc, ...keys: string[]) =>
  keys.reduce((m, k) => m.get(k) as Y.Map<unknown>, ws(doc));

describe('the write guard and the workshop key', () => {
  it('accepts everything the workshop commands write, first sync and later edits', () => {
    const { doc, qa, round } = workshopDoc();
    const server = new Y.Doc();
    applyChecked(server, Y.encodeStateAsUpdate(doc));
    expect(() => checkDocument(server)).not.toThrow();
    applyChecked(
      server,
      editOf(server, (d) => path(d, 'rounds', round, 'answers', 'p1').set(qa, 80)),
    );
    expect(path(server, 'rounds', round, 'answers', 'p1').get(qa)).toBe(80);
  });

  it('refuses bad shapes under workshop, naming the path', () => {
    const { doc, qa, round, vote } = workshopDoc();
    const server = new Y.Doc();
    applyChecked(server, Y.encodeStateAsUpdate(doc));
    const edit = (fn: (d: Y.Doc) => void) =>
      refusal(() => applyChecked(server, editOf(server, fn)));
    expect(edit((d) => ws(d).set('timerRemainingMs', 'soon'))).toBe(
      'workshop.timerRemainingMs: must be milliseconds',
    );
    expect(edit((d) => ws(d).set('stepIndex', 1.5))).toBe(
      'workshop.stepIndex: must be a whole number',
    );
    expect(edit((d) => path(d, 'votes', vote, 'ballots', 'p1').set(qa, 500))).toBe(
      `workshop.votes.${vote}.ballots.p1.${qa}: must be 0–20`,
    );
    expect(edit((d) => path(d, 'rounds', round, 'answers', 'p1').set(qa, 'lots'))).toBe(
      `workshop.rounds.${round}.answers.p1.${qa}: must be a number`,
    );
    expect(edit((d) => path(d, 'rounds', round).set('field', 'cost'))).toBe(
      `workshop.rounds.${round}.field: must be one of elapsedMinutes, valueAddMinutes, pctCA`,
    );
    expect(edit((d) => path(d, 'rounds', round, 'answers').set('p2', 5))).toBe(
      `workshop.rounds.${round}.answers.p2: must be a map`,
    );
    expect(
      edit((d) => {
        const agenda = path(d, 'agenda');
        for (let i = 0; i < 30; i++) agenda.set(`x${i}`, new Y.Map());
      }),
    ).toBe('workshop.agenda: has more than 30 agenda steps');
    expect(edit((d) => path(d, 'participants', 'p1').set('name', 'x'.repeat(61)))).toBe(
      'workshop.participants.p1.name: must be at most 60 characters',
    );
  });
});
