import { inLocale } from '@flowmap/shared/i18n';
import { describe, expect, it } from 'vitest';
import { describeNode } from './describe.ts';
import { createDeriveCache, toFlowElements } from './elements.ts';
import { deriveInput, flow, makeNode, makeState } from './test-helpers.ts';

const state = makeState(
  [
    makeNode('start', 'start'),
    makeNode('review', 'stage', { name: 'Review', elapsedMinutes: 480 }),
    makeNode('end', 'end'),
    makeNode('idea', 'kaizen', { name: 'Pair on reviews', owner: 'Ana', status: 'doing' }),
  ],
  [flow('start', 'review'), flow('review', 'end'), flow('idea', 'review')],
);

const label = (id: string, cache = createDeriveCache()) =>
  toFlowElements(deriveInput(state), cache).nodes.find((n) => n.id === id)?.ariaLabel;

describe('describeNode', () => {
  it('announces a node in the display language (Korean)', () => {
    const idea = inLocale('ko', () => label('idea'));
    expect(idea).toBe('카이젠 버스트: Pair on reviews, 담당자 Ana, 상태 진행 중');
    expect(inLocale('ko', () => label('review'))).toMatch(/^단계: Review, 리드 타임 1일/);
  });

  it('words a node anew after a language switch, though nothing else changed', () => {
    const cache = createDeriveCache();
    expect(label('idea', cache)).toMatch(/^Kaizen burst: /);
    expect(inLocale('ko', () => label('idea', cache))).toMatch(/^카이젠 버스트: /);
  });

  it('calls a node without a name unnamed', () => {
    const data = toFlowElements(deriveInput(state)).nodes.find((n) => n.id === 'idea')?.data;
    if (!data) throw new Error('no kaizen');
    expect(describeNode('note', { ...data, name: '', team: '' })).toBe('Note: unnamed');
    expect(inLocale('ko', () => describeNode('note', { ...data, name: '', team: '' }))).toBe(
      '메모: 이름 없음',
    );
  });
});
