import { describe, expect, it } from 'vitest';
import { translatorFor as translator } from '../i18n/translator.ts';
import { computeStateMetrics } from '../metrics/stateMetrics.ts';
import { DEFAULT_META, type MapMeta, type MapState } from '../model/types.ts';
import {
  bottleneckReason,
  capacityReason,
  cycleMessage,
  qualityReason,
  unitWord,
} from './reasons.ts';
import { renderStateSvg } from './renderState.ts';

const en = translator('en', 'panels');
const ko = translator('ko', 'panels');
const wt = { hoursPerDay: 8, daysPerWeek: 5 };

function pipeline(queue: { items?: number } | null, last = true): MapState {
  const node = (id: string, type: 'start' | 'end' | 'stage' | 'queue', extra = {}) => ({
    id,
    type,
    x: 0,
    y: 0,
    name: id === 'tests' ? 'Manual tests' : id,
    ...extra,
  });
  const nodes = [
    node('start', 'start'),
    node('build', 'stage', { elapsedMinutes: 240, valueAddMinutes: 60, pctCA: 90 }),
    node('tests', 'stage', { elapsedMinutes: 960, valueAddMinutes: 120, pctCA: 55 }),
    node('end', 'end'),
    ...(queue ? [node('q', 'queue', { waitMinutes: 480, ...queue })] : []),
  ];
  const path = queue
    ? last
      ? ['start', 'build', 'tests', 'q', 'end']
      : ['start', 'build', 'q', 'tests', 'end']
    : ['start', 'build', 'tests', 'end'];
  const edges = path.slice(1).map((target, i) => ({
    id: `e${i}`,
    source: path[i] as string,
    target,
    kind: 'flow' as const,
  }));
  return {
    id: 's',
    name: 's',
    kind: 'current',
    order: 0,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: Object.fromEntries(edges.map((e) => [e.id, e])),
  };
}

function reasons(state: MapState, meta: MapMeta, t = en, locale: 'en' | 'ko' = 'en') {
  const metrics = computeStateMetrics(state, meta);
  return metrics.bottlenecks.map((b) => ({
    shared: b.reason,
    ours: bottleneckReason(t, locale, b, state, metrics, wt, meta),
  }));
}

describe('bottleneck reasons', () => {
  const meta: MapMeta = { ...DEFAULT_META, title: 'Test' };

  it('read in English exactly as shared words them, for stages and queues of every kind', () => {
    const cases = [
      [pipeline(null), meta],
      [pipeline({}), meta],
      [pipeline({}, false), meta],
      [pipeline({ items: 10 }, false), meta],
      [pipeline({ items: 1 }, false), meta],
      [pipeline({ items: 3 }), { ...meta, unitOfWork: 'change' }],
    ] as const;
    let compared = 0;
    for (const [state, m] of cases) {
      for (const { shared, ours } of reasons(state, m)) {
        expect(ours).toBe(shared);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(8);
  });

  it('read in Korean, with the queue naming what it holds back', () => {
    const [tests, queue] = reasons(pipeline({ items: 10 }, false), meta, ko, 'ko');
    expect(tests?.ours).toBe('2d 중 1d 6h 대기 (전체 대기의 56%)');
    expect(queue?.ours).toBe('작업 항목 10건이 Manual tests 앞에서 1d 대기 (전체 대기의 32%)');
  });

  it('words a quality bottleneck and a cycle', () => {
    expect(qualityReason(en, { pctCA: 55 })).toBe('only 55% complete and accurate');
    expect(qualityReason(ko, { pctCA: 55 })).toBe('완전·정확한 비율이 55%에 불과');
    const state = pipeline(null);
    expect(cycleMessage(en, { nodeIds: ['build', 'tests'] }, state)).toBe(
      'Flow edges form a cycle: build → Manual tests → build. Mark the edge that sends work back as rework.',
    );
    expect(cycleMessage(ko, { nodeIds: ['build', 'tests'] }, state)).toBe(
      '흐름 화살표가 순환을 이룹니다: build → Manual tests → build. 작업을 되돌려 보내는 화살표를 재작업으로 표시하세요.',
    );
  });

  it('keeps a typed unit of work as typed where the language has no plural', () => {
    expect(unitWord('change', 'changes', 1, 'en')).toBe('change');
    expect(unitWord('change', 'changes', 3, 'en')).toBe('changes');
    expect(unitWord('변경', '변경s', 3, 'ko')).toBe('변경');
  });

  it('words a capacity bottleneck as shared does, and in Korean', () => {
    const state = pipeline(null);
    const tests = state.nodes.tests;
    if (tests) Object.assign(tests, { people: 1 });
    const busy = { ...meta, demandPerDay: 6, unitOfWork: 'change' };
    const metrics = computeStateMetrics(state, busy);
    const [c] = metrics.capacityBottlenecks;
    if (!c) throw new Error('6 changes × 2h on one person is above 85 % of an 8 h day');
    expect(capacityReason(en, 'en', c, busy)).toBe(c.reason);
    expect(capacityReason(ko, 'ko', c, busy)).toBe(
      '하루 change 6건 기준 작업일의 150% 가동 (85% 초과: 대기가 끝없이 늘어남)',
    );
  });

  it("puts Korean reasons, not the engine's English, into a Korean map's export", () => {
    const state = pipeline({ items: 10 }, false);
    const map = { meta: { ...meta, locale: 'ko' as const }, states: { [state.id]: state } };
    const svg = renderStateSvg(map, state.id);
    expect(svg).toContain('전체 대기의 56%');
    expect(svg).not.toContain('of all waiting');
    expect(svg).toContain('완전·정확한 비율이 55%에 불과');
  });
});
