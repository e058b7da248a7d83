import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_TIME } from '../model/types.ts';
import { projectedKaizens } from './projected.ts';
import { projectedRows } from './projectedRows.ts';
import { computeStateMetrics } from './stateMetrics.ts';
import { chain, DAY, flowEdge, META, makeNode, makeStage, makeState } from './testing.ts';

const wt = DEFAULT_WORKING_TIME;
const link = (kaizen: string, stage: string) => flowEdge(kaizen, stage);

/** start → build (4d, PT 4h, 80 %) → deploy (2d, PT 2h, 90 %) → end, with kaizens on build. */
function current(...kaizens: Parameters<typeof makeNode>[2][]) {
  const nodes = [
    makeNode('start', 'start'),
    makeStage('build', 4 * DAY, 240, 80),
    makeStage('deploy', 2 * DAY, 120, 90),
    makeNode('end', 'end'),
    ...kaizens.map((extra, i) => makeNode(`k${i}`, 'kaizen', extra)),
  ];
  return makeState(nodes, [
    ...chain('start', 'build', 'deploy', 'end'),
    ...kaizens.map((_, i) => link(`k${i}`, 'build')),
  ]);
}

describe('projectedKaizens', () => {
  it('counts the open kaizens that promise an effect on a linked stage, and only those', () => {
    const state = current(
      { status: 'planned', effectElapsedMinutes: DAY },
      { status: 'done', effectElapsedMinutes: DAY },
      { status: 'idea' },
      { effectPctCA: 95 },
    );
    // k2 promises nothing; k1 is done (already in the drawn figures).
    expect(projectedKaizens(state)).toEqual(['k0', 'k3']);
    const unlinked = makeState([
      makeStage('a', DAY, 60, 90),
      makeNode('k', 'kaizen', { effectElapsedMinutes: 60 }),
    ]);
    expect(projectedKaizens(unlinked)).toEqual([]);
  });
});

describe('projectedRows', () => {
  it('puts base, drawn future and projected side by side with each change', () => {
    const base = current({ status: 'doing', effectElapsedMinutes: DAY, effectPctCA: 100 });
    const future = makeState(
      [
        makeNode('start', 'start'),
        makeStage('build', 2 * DAY, 240, 90),
        makeStage('deploy', 2 * DAY, 120, 90),
        makeNode('end', 'end'),
      ],
      chain('start', 'build', 'deploy', 'end'),
      's2',
    );
    const b = computeStateMetrics(base, META);
    const f = computeStateMetrics(future, META);
    const rows = projectedRows(b, f, b.projected, wt);
    expect(rows.map((r) => r.label)).toEqual([
      'Lead time (worst case)',
      'Expected lead time',
      'Flow efficiency',
      'Rolled %C/A',
    ]);
    // Base 6d; drawn future 4d; projected: build takes 1d → 3d.
    expect(rows[0]).toEqual({
      key: 'totalLeadTimeMinutes',
      label: 'Lead time (worst case)',
      base: '1w 1d',
      future: { value: '4d', change: '−2d', tone: 'better' },
      projected: { value: '3d', change: '−3d', tone: 'better' },
      projectedVsFuture: { value: '3d', change: '−1d', tone: 'better' },
    });
    // Flow efficiency 360/2880 = 12.5 %; future 360/1920 = 18.75 %; projected 360/1440 = 25 %.
    expect(rows[2]).toMatchObject({
      base: '13%',
      future: { value: '19%', change: '+6.3 pp', tone: 'better' },
      projected: { value: '25%', change: '+12.5 pp', tone: 'better' },
    });
    // Rolled %C/A 72 %; future 81 %; projected 90 % (build at 100 %).
    expect(rows[3]).toMatchObject({
      base: '72%',
      future: { value: '81%', change: '+9 pp' },
      projected: { value: '90%', change: '+18 pp', tone: 'better' },
      projectedVsFuture: { change: '+9 pp', tone: 'better' },
    });
  });

  it('says when the projection falls short of the drawn future, and works without one', () => {
    const base = current({ effectElapsedMinutes: 3 * DAY });
    const future = current();
    future.nodes.build = makeStage('build', DAY, 240, 80);
    const b = computeStateMetrics(base, META);
    const withFuture = projectedRows(b, computeStateMetrics(future, META), b.projected, wt);
    expect(withFuture[0]?.projectedVsFuture).toEqual({
      value: '1w',
      change: '+2d',
      tone: 'worse',
    });
    expect(withFuture[3]?.projected).toEqual({ value: '72%', change: 'no change', tone: 'same' });
    const alone = projectedRows(b, null, b.projected, wt);
    expect(alone[0]).toMatchObject({ future: null, projectedVsFuture: null });
    expect(alone[0]?.projected).toEqual({ value: '1w', change: '−1d', tone: 'better' });
  });

  it('shows "—" and no change for a figure that cannot be computed', () => {
    const empty = makeState([makeNode('start', 'start'), makeNode('end', 'end')]);
    const m = computeStateMetrics(empty, META);
    const rows = projectedRows(m, null, m.projected, wt);
    expect(rows[2]?.base).toBe('—');
    expect(rows[2]?.projected).toEqual({ value: '—', change: '', tone: 'neutral' });
  });
});
