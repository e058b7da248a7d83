import { SOFTWARE_DELIVERY_STATE_ID, softwareDeliveryTemplate } from '@flowmap/shared';
import { translatorFor } from '@flowmap/shared/i18n';
import {
  type AgendaStep,
  checkDot,
  type DotVote,
  defaultAgenda,
  promptFor,
  raterOf,
} from '@flowmap/shared/workshop';
import { describe, expect, it } from 'vitest';
import { dotRefusal, questionFor, stepPrompt, stepTitle } from './wording.ts';

const en = translatorFor('en', 'workshop');
const ko = translatorFor('ko', 'workshop');

const state = softwareDeliveryTemplate().states[SOFTWARE_DELIVERY_STATE_ID];
if (!state) throw new Error('the template has no current state');
const stageIds = Object.values(state.nodes)
  .filter((n) => n.type === 'stage')
  .map((n) => n.id);
// A stage renamed in Korean, and the stage it sends its work to (whose team rates it).
const firstId = stageIds[0] as string;
state.nodes[firstId] = { ...(state.nodes[firstId] as (typeof state.nodes)[string]), name: '빌드' };

describe('the default agenda in the reader’s language', () => {
  const agenda = defaultAgenda();
  it('words every default step in Korean and leaves English as stored', () => {
    for (const step of agenda) {
      expect(stepTitle(step, en)).toBe(step.title);
      expect(stepPrompt(step, en)).toBe(step.prompt);
    }
    const time = agenda.find((s) => s.kind === 'time') as AgendaStep;
    expect(stepTitle(time, ko)).toBe('시간');
    expect(stepPrompt(time, ko)).toMatch(/리드 타임/);
  });

  it('shows a facilitator’s own text as typed', () => {
    const edited = { ...(agenda[0] as AgendaStep), title: '우리 범위', prompt: 'Own words' };
    expect(stepTitle(edited, ko)).toBe('우리 범위');
    expect(stepPrompt(edited, ko)).toBe('Own words');
  });
});

describe('a round’s question', () => {
  it('reads exactly as shared words it in English', () => {
    for (const field of ['elapsedMinutes', 'valueAddMinutes', 'pctCA'] as const) {
      for (const id of stageIds) {
        expect(questionFor(state, field, id, en)).toBe(promptFor(state, field, id));
      }
    }
  });

  it('asks in Korean, naming the rater', () => {
    const rater = raterOf(state, firstId);
    expect(rater).toBeTruthy();
    expect(questionFor(state, 'pctCA', firstId, ko)).toBe(
      `${rater}: 빌드에서 받는 것 중 그대로 쓸 수 있는 비율은 얼마인가요?`,
    );
    expect(questionFor(state, 'elapsedMinutes', firstId, ko)).toBe(
      '빌드: 작업 한 건이 도착해서 떠날 때까지 얼마나 걸리나요(리드 타임)?',
    );
  });
});

describe('why a dot is refused', () => {
  const vote = {
    id: 'v',
    stateId: 'current',
    subject: 'stages',
    itemIds: ['build', 'review'],
    dots: 2,
    stackLimit: 1,
    closed: false,
    ballots: { me: { build: 1 } },
    candidates: {},
    openedAt: 0,
  } as unknown as DotVote;

  it('agrees with checkDot in English and words it in Korean', () => {
    expect(dotRefusal(vote, 'me', 'build', en)).toBe(checkDot(vote, 'me', 'build', 1));
    expect(dotRefusal(vote, 'me', 'build', ko)).toBe(
      '한 항목에는 닷을 최대 1개까지 붙일 수 있습니다',
    );
    expect(dotRefusal(vote, 'me', 'review', ko)).toBe('');
    const full = { ...vote, ballots: { me: { build: 1, review: 1 } } } as DotVote;
    expect(dotRefusal(full, 'me', 'review', en)).toBe(checkDot(full, 'me', 'review', 1));
    expect(dotRefusal(full, 'me', 'review', ko)).toBe('닷 2개를 모두 붙였습니다');
    const closed = { ...vote, closed: true } as DotVote;
    expect(dotRefusal(closed, 'me', 'review', en)).toBe('the vote is closed');
  });
});
