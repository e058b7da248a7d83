// Reads the workshop root of a map document into plain data (../types.ts). Like the map's read
// path it trusts nothing: a field of the wrong type reads as absent, so a damaged entry never
// breaks the workshop bar of everyone in the room.
import * as Y from 'yjs';
import type { AgendaStep, DotVote, EstimationRound, Participant, Workshop } from '../types.ts';
import { EMPTY_WORKSHOP, ESTIMATE_FIELDS, STEP_KINDS, VOTE_SUBJECTS } from '../types.ts';
import { ROUND_CHILDREN, VOTE_CHILDREN, WORKSHOP_CHILDREN, WORKSHOP_ROOT } from './keys.ts';

type YMap = Y.Map<unknown>;

const asMap = (v: unknown): YMap | undefined => (v instanceof Y.Map ? (v as YMap) : undefined);
const str = (m: YMap, k: string): string | undefined => {
  const v = m.get(k);
  return typeof v === 'string' ? v : undefined;
};
const num = (m: YMap, k: string): number | undefined => {
  const v = m.get(k);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const bool = (m: YMap, k: string): boolean => m.get(k) === true;
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | undefined =>
  (values as readonly unknown[]).includes(v) ? (v as T) : undefined;

/** Numeric entries of a values map (item id → number). */
function numbers(map: YMap | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  map?.forEach((v, k) => {
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  });
  return out;
}

function ordered(map: YMap | undefined): string[] {
  return Object.entries(numbers(map))
    .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1))
    .map(([id]) => id);
}

function entries(parent: YMap, key: string): [string, YMap][] {
  const out: [string, YMap][] = [];
  asMap(parent.get(key))?.forEach((v, k) => {
    const m = asMap(v);
    if (m) out.push([k, m]);
  });
  return out;
}

function readStep(id: string, m: YMap): AgendaStep | null {
  const kind = oneOf(STEP_KINDS, m.get('kind'));
  if (!kind) return null;
  return {
    id,
    order: num(m, 'order') ?? 0,
    kind,
    title: str(m, 'title') ?? kind,
    prompt: str(m, 'prompt') ?? '',
    minutes: Math.max(0, num(m, 'minutes') ?? 0),
  };
}

function readRound(id: string, m: YMap): EstimationRound | null {
  const field = oneOf(ESTIMATE_FIELDS, m.get('field'));
  const stateId = str(m, 'stateId');
  if (!field || !stateId) return null;
  const answers: Record<string, Record<string, number>> = {};
  for (const [participantId, a] of entries(m, ROUND_CHILDREN.answers)) {
    answers[participantId] = numbers(a);
  }
  return {
    id,
    stateId,
    field,
    stageIds: ordered(asMap(m.get(ROUND_CHILDREN.stages))),
    named: bool(m, 'named'),
    revealed: bool(m, 'revealed'),
    closed: bool(m, 'closed'),
    openedAt: num(m, 'openedAt') ?? 0,
    answers,
    accepted: numbers(asMap(m.get(ROUND_CHILDREN.accepted))),
  };
}

function readVote(id: string, m: YMap): DotVote | null {
  const subject = oneOf(VOTE_SUBJECTS, m.get('subject'));
  const stateId = str(m, 'stateId');
  if (!subject || !stateId) return null;
  const ballots: Record<string, Record<string, number>> = {};
  for (const [participantId, b] of entries(m, VOTE_CHILDREN.ballots)) {
    ballots[participantId] = numbers(b);
  }
  const candidates: Record<string, string> = {};
  asMap(m.get(VOTE_CHILDREN.candidates))?.forEach((v, k) => {
    if (typeof v === 'string') candidates[k] = v;
  });
  return {
    id,
    stateId,
    subject,
    dots: Math.max(1, Math.round(num(m, 'dots') ?? 1)),
    stackLimit: Math.max(1, Math.round(num(m, 'stackLimit') ?? 1)),
    closed: bool(m, 'closed'),
    openedAt: num(m, 'openedAt') ?? 0,
    itemIds: ordered(asMap(m.get(VOTE_CHILDREN.items))),
    ballots,
    candidates,
  };
}

const byOpened = <T extends { openedAt: number; id: string }>(a: T, b: T) =>
  a.openedAt - b.openedAt || (a.id < b.id ? -1 : 1);

export function readWorkshop(doc: Y.Doc): Workshop {
  if (!doc.share.has(WORKSHOP_ROOT)) return EMPTY_WORKSHOP;
  const root = doc.getMap(WORKSHOP_ROOT);
  if (root.size === 0) return EMPTY_WORKSHOP;
  const agenda = entries(root, WORKSHOP_CHILDREN.agenda)
    .map(([id, m]) => readStep(id, m))
    .filter((s): s is AgendaStep => s !== null)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const participants: Record<string, Participant> = {};
  for (const [id, m] of entries(root, WORKSHOP_CHILDREN.participants)) {
    const team = str(m, 'team');
    participants[id] = { id, name: str(m, 'name') ?? 'Guest', ...(team ? { team } : {}) };
  }
  const since = num(root, 'timerRunningSince');
  const gatherClientId = num(root, 'gatherClientId');
  const gatherAt = num(root, 'gatherAt');
  const stepIndex = Math.round(num(root, 'stepIndex') ?? 0);
  return {
    active: bool(root, 'active'),
    stateId: str(root, 'stateId') ?? null,
    facilitatorId: str(root, 'facilitatorId') ?? null,
    stepIndex: Math.min(Math.max(0, stepIndex), Math.max(0, agenda.length - 1)),
    timer: { runningSince: since ?? null, remainingMs: num(root, 'timerRemainingMs') ?? 0 },
    gather:
      gatherClientId !== undefined && gatherAt !== undefined
        ? { clientId: gatherClientId, at: gatherAt }
        : null,
    startedAt: num(root, 'startedAt') ?? null,
    viewersTakePart: bool(root, 'viewersTakePart'),
    agenda,
    participants,
    rounds: entries(root, WORKSHOP_CHILDREN.rounds)
      .map(([id, m]) => readRound(id, m))
      .filter((r): r is EstimationRound => r !== null)
      .sort(byOpened),
    votes: entries(root, WORKSHOP_CHILDREN.votes)
      .map(([id, m]) => readVote(id, m))
      .filter((v): v is DotVote => v !== null)
      .sort(byOpened),
  };
}
