// What model v2 adds to the canvas elements: outside steps, measured times, the three-point range,
// a kaizen's owner and status, and a stray stage that stops being greyed once it is wired in.
import type { MapState } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { describeNode } from './describe.ts';
import { createDeriveCache, toFlowElements } from './elements.ts';
import { derive, deriveInput, flow, makeNode, makeState } from './test-helpers.ts';

const DAY = 480;

function pipeline(): MapState {
  return makeState(
    [
      makeNode('start', 'start'),
      makeNode('audit', 'stage', {
        elapsedMinutes: 2 * DAY,
        valueAddMinutes: 120,
        pctCA: 90,
        outside: true,
        timeSource: 'measured',
        elapsedLowMinutes: DAY,
        elapsedHighMinutes: 3 * DAY + 240,
      }),
      makeNode('build', 'stage', { elapsedMinutes: DAY, valueAddMinutes: 60, pctCA: 95 }),
      makeNode('end', 'end'),
      makeNode('idea', 'kaizen', { owner: 'Ana', status: 'doing' }),
      makeNode('stray', 'stage', { elapsedMinutes: 50 * DAY, valueAddMinutes: 60, pctCA: 10 }),
    ],
    [flow('start', 'audit'), flow('audit', 'build'), flow('build', 'end'), flow('idea', 'build')],
  );
}

const data = (state: MapState, id: string) => {
  const node = derive(state).nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node.data;
};

describe('model v2 on the canvas', () => {
  it('marks an outside step, measured times and the LT range, and only there', () => {
    const state = pipeline();
    expect(data(state, 'audit')).toMatchObject({
      outside: true,
      measured: true,
      range: '1d – 3d 4h',
      lt: '2d',
    });
    expect(data(state, 'build')).toMatchObject({ outside: false, measured: false, range: null });
  });

  it('shows no range when only one end of it is set', () => {
    const state = pipeline();
    delete state.nodes.audit?.elapsedHighMinutes;
    expect(data(state, 'audit').range).toBeNull();
  });

  it("carries a kaizen's owner and status, and nothing of the kind on a stage", () => {
    const state = pipeline();
    expect(data(state, 'idea')).toMatchObject({ owner: 'Ana', status: 'doing' });
    expect(data(state, 'build')).toMatchObject({ owner: '', status: null });
    (state.nodes.idea as { status: unknown }).status = 'someday';
    expect(data(state, 'idea').status).toBeNull();
  });

  it('announces the v2 marks to a screen reader', () => {
    const state = pipeline();
    expect(describeNode('stage', data(state, 'audit'))).toContain(
      'lead time range 1d – 3d 4h, times measured, done by another organisation',
    );
    expect(describeNode('stage', data(state, 'stray'))).toContain('not connected, not counted');
    expect(describeNode('kaizen', data(state, 'idea'))).toBe(
      'Kaizen burst: idea, owner Ana, status doing',
    );
  });
});

describe('a stray stage', () => {
  it('is greyed while on no counted path, and no longer once it is wired in', () => {
    const cache = createDeriveCache();
    const stray = pipeline();
    const before = toFlowElements(deriveInput(stray), cache);
    expect(before.nodes.find((n) => n.id === 'stray')?.data.counted).toBe(false);
    expect(before.nodes.find((n) => n.id === 'build')?.data.counted).toBe(true);

    // Wired in as a parallel branch start → stray → end, off the critical path and with no
    // figures: being counted is the only thing about it that changes.
    const bare = pipeline();
    bare.nodes.stray = makeNode('stray', 'stage');
    toFlowElements(deriveInput(bare), cache);
    const wired = pipeline();
    wired.nodes.stray = makeNode('stray', 'stage');
    Object.assign(wired.edges, {
      'start->stray': flow('start', 'stray'),
      'stray->end': flow('stray', 'end'),
    });
    const after = toFlowElements(deriveInput(wired), cache);
    expect(after.nodes.find((n) => n.id === 'stray')?.data.counted).toBe(true);
  });
});
