import { describe, expect, it } from 'vitest';
import { validateMap } from './schema.ts';
import {
  SOFTWARE_DELIVERY_STATE_ID,
  SOFTWARE_DELIVERY_TITLE,
  softwareDeliveryTemplate,
  TEMPLATES,
} from './templates.ts';
import type { MapState } from './types.ts';
import { DEFAULT_META } from './types.ts';

const H = 60;
const D = 8 * H;

function current(): MapState {
  const state = softwareDeliveryTemplate().states[SOFTWARE_DELIVERY_STATE_ID];
  if (!state) throw new Error('template has no current state');
  return state;
}

/** Node ids from the start node along flow edges, as a person would read the pipeline. */
function flowPath(state: MapState): string[] {
  const path = ['start'];
  for (;;) {
    const last = path[path.length - 1];
    const next = Object.values(state.edges).filter((e) => e.kind === 'flow' && e.source === last);
    if (next.length === 0) return path;
    expect(next).toHaveLength(1);
    path.push(next[0]?.target ?? '');
  }
}

describe('softwareDeliveryTemplate', () => {
  it('passes strict validation unchanged', () => {
    const map = softwareDeliveryTemplate();
    expect(validateMap(map)).toEqual({ ok: true, map });
  });

  it('has one current state with the default settings and the given title', () => {
    const map = softwareDeliveryTemplate({ title: 'Payments team' });
    expect(Object.keys(map.states)).toEqual(['current']);
    expect(map.meta).toEqual({
      ...DEFAULT_META,
      title: 'Payments team',
      description: expect.stringContaining('from version control to production'),
    });
    expect(softwareDeliveryTemplate().meta.title).toBe(SOFTWARE_DELIVERY_TITLE);
    expect(current()).toMatchObject({
      id: 'current',
      name: 'Current state',
      kind: 'current',
      order: 0,
    });
  });

  it('runs from commit to production along flow edges, laid out left to right', () => {
    const state = current();
    expect(flowPath(state)).toEqual([
      'start',
      'vcs',
      'auto-tests',
      'manual-tests',
      'security-review',
      'change-management',
      'release',
      'end',
    ]);
    expect(flowPath(state).map((id) => state.nodes[id]?.x)).toEqual([
      0, 260, 520, 780, 1040, 1300, 1560, 1820,
    ]);
    expect(flowPath(state).every((id) => state.nodes[id]?.y === 0)).toBe(true);
    expect(state.nodes.start).toMatchObject({ type: 'start', name: 'Change committed' });
    expect(state.nodes.end).toMatchObject({ type: 'end', name: 'Running in production' });
  });

  it('holds the stage numbers the docs quote (minutes of 8 h days)', () => {
    const nodes = current().nodes;
    const figures = Object.values(nodes)
      .filter((n) => n.type === 'stage')
      .map((n) => [n.id, n.team, n.elapsedMinutes, n.valueAddMinutes, n.pctCA]);
    expect(figures).toEqual([
      ['vcs', 'Dev', 2 * H, 20, 95],
      ['auto-tests', 'Dev', 1 * D, 45, 90],
      ['manual-tests', 'QA', 5 * D, 1 * D, 70],
      ['security-review', 'Security', 10 * D, 4 * H, 80],
      ['change-management', 'Change Advisory Board', 5 * D, 30, 95],
      ['release', 'Ops', 1 * D, 2 * H, 85],
    ]);
  });

  it('shows the classic waste: 22¼ days of lead time, under 9 % of it value-add, 39 % rolled %C/A', () => {
    const stages = Object.values(current().nodes).filter((n) => n.type === 'stage');
    const lead = stages.reduce((sum, n) => sum + (n.elapsedMinutes ?? 0), 0);
    const work = stages.reduce((sum, n) => sum + (n.valueAddMinutes ?? 0), 0);
    const rolled = stages.reduce((product, n) => (product * (n.pctCA ?? 100)) / 100, 1);
    expect(lead).toBe(10_680);
    expect(lead / D).toBe(22.25);
    expect(work).toBe(935);
    expect(work / lead).toBeCloseTo(0.0875, 4);
    expect(rolled).toBeCloseTo(0.3866, 4);
    const waits = stages.map((n) => [n.id, (n.elapsedMinutes ?? 0) - (n.valueAddMinutes ?? 0)]);
    const ranked = [...waits].sort((a, b) => Number(b[1]) - Number(a[1])).map(([id]) => id);
    expect(ranked.slice(0, 3)).toEqual(['security-review', 'change-management', 'manual-tests']);
  });

  it('sends rework from manual tests back to version control, and proposes a kaizen there', () => {
    const state = current();
    const rework = Object.values(state.edges).filter((e) => e.kind === 'rework');
    expect(rework).toEqual([
      { id: 'manual-tests--vcs--rework', source: 'manual-tests', target: 'vcs', kind: 'rework' },
    ]);
    const kaizen = Object.values(state.nodes).filter((n) => n.type === 'kaizen');
    expect(kaizen).toHaveLength(1);
    expect(kaizen[0]).toMatchObject({ name: 'Automate the regression suite' });
    const manual = state.nodes['manual-tests'];
    expect(Math.abs((kaizen[0]?.x ?? 0) - (manual?.x ?? 0))).toBeLessThan(100);
    expect(state.dora).toEqual({
      deploymentsPerWeek: 0.5,
      changeFailureRate: 0.15,
      timeToRestoreMinutes: 720,
    });
  });

  it('returns a fresh copy on every call', () => {
    const first = softwareDeliveryTemplate();
    const vcs = first.states.current?.nodes.vcs;
    if (vcs) vcs.name = 'changed';
    expect(softwareDeliveryTemplate().states.current?.nodes.vcs?.name).toBe('Version control');
  });
});

describe('TEMPLATES', () => {
  it('lists the blank map and software delivery', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['blank', 'software-delivery']);
    for (const t of TEMPLATES) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(0);
    }
  });
});
