import { inLocale } from '@flowmap/shared/i18n';
import { describe, expect, it } from 'vitest';
import { describeReconnected } from './reconnected.ts';
import { makeNode, makeState } from './test-helpers.ts';

const state = makeState([
  makeNode('build', 'stage', { name: 'Build' }),
  makeNode('release', 'stage', { name: 'Release' }),
  makeNode('hotfix', 'stage', { name: 'Hotfix' }),
  makeNode('unnamed', 'stage', { name: '' }),
]);

describe('describeReconnected', () => {
  it('names the steps joined', () => {
    expect(describeReconnected(state, [{ id: 'e1', source: 'build', target: 'release' }])).toBe(
      'Reconnected Build → Release',
    );
  });

  it('lists up to three joins, then counts the rest', () => {
    const join = (target: string) => ({ id: target, source: 'build', target });
    expect(describeReconnected(state, ['release', 'hotfix', 'release', 'hotfix'].map(join))).toBe(
      'Reconnected Build → Release, Build → Hotfix, Build → Release and 1 more',
    );
  });

  it('speaks the display language (Korean)', () => {
    const join = (target: string) => ({ id: target, source: 'build', target });
    expect(
      inLocale('ko', () =>
        describeReconnected(state, ['release', 'hotfix', 'release', 'hotfix'].map(join)),
      ),
    ).toBe('Build → Release, Build → Hotfix, Build → Release 외 1개를 다시 연결했습니다');
  });

  it('says nothing when nothing was joined', () => {
    expect(describeReconnected(state, [])).toBeNull();
  });
});
