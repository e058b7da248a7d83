import type { MapState } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { translator } from '../testing/translators.ts';
import { describePath, relevantProblems, summarise } from './problems.ts';

const en = translator('en', 'panels');
const ko = translator('ko', 'panels');

const state: MapState = {
  id: 's1',
  name: 'Current',
  kind: 'current',
  order: 0,
  nodes: {
    n1: { id: 'n1', type: 'stage', x: 0, y: 0, name: 'Manual tests' },
    n2: { id: 'n2', type: 'stage', x: 0, y: 0, name: 'Release' },
    k1: { id: 'k1', type: 'kaizen', x: 0, y: 0, name: '' },
  },
  edges: { e1: { id: 'e1', source: 'n1', target: 'n2', kind: 'flow' } },
};

describe('relevantProblems', () => {
  it('keeps the active state and the map settings, not other states', () => {
    const problems = [
      { path: 'states.s1.nodes.n1.pctCA', message: 'must be 0–100' },
      { path: 'states.s10.nodes.n1.pctCA', message: 'must be 0–100' },
      { path: 'states.s2.nodes.n1.pctCA', message: 'must be 0–100' },
      { path: 'meta.hoursPerDay', message: 'must be 1–24' },
      { path: 'metadata', message: 'nope' },
      { path: '', message: 'must be a JSON object' },
    ];
    expect(relevantProblems(problems, 's1').map((p) => p.path)).toEqual([
      'states.s1.nodes.n1.pctCA',
      'meta.hoursPerDay',
      '',
    ]);
  });
});

describe('describePath', () => {
  it('names nodes, edges and fields', () => {
    expect(describePath(en, 'states.s1.nodes.n1.valueAddMinutes', state)).toBe(
      'Stage “Manual tests” · value-add time (PT)',
    );
    expect(describePath(en, 'states.s1.nodes.gone.pctCA', state)).toBe(
      'Node “gone” (not readable) · %C/A',
    );
    expect(describePath(en, 'states.s1.edges.e1.kind', state)).toBe(
      'Edge Manual tests → Release · kind',
    );
    expect(describePath(en, 'states.s1.edges.e9.target', state)).toBe('Edge “e9” · target');
    expect(describePath(en, 'states.s1.dora.changeFailureRate', state)).toBe(
      'Four key metrics · change failure rate',
    );
    expect(describePath(en, 'meta.daysPerWeek', state)).toBe('Map settings · days per week');
    expect(describePath(en, 'states.s1.name', state)).toBe('State “Current” · name');
    expect(describePath(en, '', state)).toBe('Map');
  });

  it('uses the display name of an unnamed node', () => {
    expect(describePath(en, 'states.s1.nodes.k1.x', state)).toMatch(
      /^Kaizen burst “.+” · position$/,
    );
  });
});

describe('summarise', () => {
  it('counts the problems', () => {
    expect(summarise(en, 1)).toMatch(/^One value/);
    expect(summarise(en, 4)).toMatch(/^4 values/);
  });

  it('counts in Korean', () => {
    expect(summarise(ko, 4)).toBe(
      '이 맵의 값 4개가 규칙에 맞지 않아, 누군가 고칠 때까지 무시되거나 표시됩니다.',
    );
  });
});

describe('describePath in Korean', () => {
  it('names nodes, edges and fields in Korean around the map’s own names', () => {
    expect(describePath(ko, 'states.s1.nodes.n1.valueAddMinutes', state)).toBe(
      '단계 “Manual tests” · 처리 시간(PT)',
    );
    expect(describePath(ko, 'states.s1.edges.e1.kind', state)).toBe(
      '화살표 Manual tests → Release · 종류',
    );
    expect(describePath(ko, 'meta.daysPerWeek', state)).toBe('맵 설정 · 주당 근무일');
  });
});
