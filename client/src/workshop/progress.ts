// "Who has answered the current prompt": for an open estimation round, the participants who have
// answered every stage; for an open dot vote, those who placed all their dots.
import { answeredAll, dotsLeft, type Workshop } from '@flowmap/shared/workshop';

export interface Progress {
  done: number;
  of: number;
  /** What "done" means now: the catalog words it ("2 of 3 answered"). */
  what: 'answered' | 'voted';
  /** "Ana ✓, Bo …" for the tooltip and the panel. */
  names: string;
}

export function openRound(workshop: Workshop) {
  const last = workshop.rounds.at(-1);
  return last && !last.closed ? last : null;
}

export function currentVote(workshop: Workshop) {
  return workshop.votes.at(-1) ?? null;
}

export function progressOf(workshop: Workshop): Progress | null {
  const people = Object.values(workshop.participants).sort((a, b) => a.name.localeCompare(b.name));
  if (people.length === 0) return null;
  const round = openRound(workshop);
  const vote = currentVote(workshop);
  let isDone: ((id: string) => boolean) | null = null;
  let what: Progress['what'] = 'answered';
  if (round && !round.revealed) {
    isDone = (id) => answeredAll(round, id);
    what = 'answered';
  } else if (vote && !vote.closed) {
    isDone = (id) => dotsLeft(vote, id) === 0;
    what = 'voted';
  }
  if (!isDone) return null;
  const check = isDone;
  const done = people.filter((p) => check(p.id));
  return {
    done: done.length,
    of: people.length,
    what,
    names: people.map((p) => `${p.name} ${check(p.id) ? '✓' : '…'}`).join(', '),
  };
}
