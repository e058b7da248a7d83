import { compareStates, computeStateMetrics, DEFAULT_META, type MapState } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { comparisonSections } from './sections.ts';

const meta = { ...DEFAULT_META, title: 'Test' };

function state(rate: number | null, queue: boolean): MapState {
  const node = (id: string, type: 'start' | 'end' | 'stage' | 'queue', extra = {}) => ({
    id,
    type,
    x: 0,
    y: 0,
    name: id,
    ...extra,
  });
  const nodes = [
    node('start', 'start'),
    node('build', 'stage', { elapsedMinutes: 240, valueAddMinutes: 60, pctCA: 90 }),
    node('tests', 'stage', { elapsedMinutes: 960, valueAddMinutes: 120, pctCA: 70 }),
    node('end', 'end'),
    ...(queue ? [node('q', 'queue', { waitMinutes: 480 })] : []),
  ];
  const path = queue ? ['start', 'build', 'q', 'tests', 'end'] : ['start', 'build', 'tests', 'end'];
  const edges = path.slice(1).map((target, i) => ({
    id: `e${i}`,
    source: path[i] as string,
    target,
    kind: 'flow' as const,
  }));
  const rework =
    rate === null
      ? []
      : [{ id: 'back', source: 'tests', target: 'build', kind: 'rework' as const, rate }];
  return {
    id: 's',
    name: 's',
    kind: 'current',
    order: 0,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: Object.fromEntries([...edges, ...rework].map((e) => [e.id, e])),
  };
}

function sections(before: MapState, after: MapState) {
  const b = { state: before, metrics: computeStateMetrics(before, meta) };
  const a = { state: after, metrics: computeStateMetrics(after, meta) };
  return comparisonSections(compareStates(b, a), b.metrics, a.metrics);
}

describe('comparisonSections', () => {
  it('shows nothing beyond v1 for a map without queues, rates or shares', () => {
    expect(sections(state(null, false), state(null, false))).toEqual({
      expectedNote: false,
      queues: false,
      edges: false,
    });
  });

  it('explains the expected figures and lists the rate when rework changed', () => {
    expect(sections(state(0.2, false), state(0.05, false))).toEqual({
      expectedNote: true,
      queues: false,
      edges: true,
    });
  });

  it('shows the queues when either side has one, changed or not', () => {
    expect(sections(state(null, true), state(null, true)).queues).toBe(true);
    expect(sections(state(null, false), state(null, true)).queues).toBe(true);
  });
});
