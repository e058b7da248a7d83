import { describe, expect, it } from 'vitest';
import { computeStateMetrics, EXPECTED_NOTE } from '../metrics/index.ts';
import {
  DAY,
  flowEdge,
  HOUR,
  makeNode,
  makeStage,
  makeState,
  reworkEdge,
} from '../metrics/testing.ts';
import { formatDuration } from '../model/durations.ts';
import type { FlowMap, MapEdge, MapState } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import { buildReport } from './report.ts';
import { clone, templateWithFuture } from './testing.ts';

describe('buildReport', () => {
  it('reports every state with its headline metrics and DORA levels', () => {
    const report = buildReport(templateWithFuture());
    expect(report.title).toBe('Payments service');
    expect(report.workingTime).toBe('8 h per day, 5 days per week');
    expect(report.states.map((s) => s.id)).toEqual(['current', 'future']);
    const [current, future] = report.states;
    expect(current).toEqual({
      id: 'current',
      name: 'Current state',
      kind: 'current',
      stages: '6',
      leadTime: '4w 2d 2h',
      valueAdd: '1d 7h 35m',
      waiting: '4w 2h 25m', // 10680 − 935 minutes
      flowEfficiency: '8.8%',
      rolledPctCA: '39%',
      // Model v2: nothing to add for a map without routes, rework rates, demand or kaizen effects.
      expected: null,
      takt: null,
      disconnected: 0,
      incomplete: 0,
      capacityBottlenecks: [],
      projected: null,
      topBottleneck: 'Security review — waits 1w 4d 4h of 2w (47% of all waiting)',
      dora: [
        {
          key: 'deploymentFrequency',
          label: 'Deployment frequency',
          value: '2.2 per month',
          level: 'medium',
        },
        {
          key: 'leadTimeForChanges',
          label: 'Lead time for changes',
          value: '4w 2d 2h (map)',
          level: 'low',
        },
        { key: 'changeFailureRate', label: 'Change failure rate', value: '15%', level: 'high' },
        { key: 'timeToRestore', label: 'Time to restore service', value: '1d 4h', level: 'medium' },
      ],
      notes: [],
    });
    expect(future).toMatchObject({ kind: 'future', leadTime: '3w 3d 2h', valueAdd: '1d 1h 35m' });
    expect(future?.dora.map((d) => d.level)).toEqual(['high', 'medium', 'elite', 'elite']);
  });

  // Worded as the app's Compare view words it (metrics/compareFormat.ts): totals to two units,
  // ratios to a whole percent from 10 % up.
  it('compares the future state with its base: absolute and relative changes, DORA levels', () => {
    const [comparison] = buildReport(templateWithFuture()).comparisons;
    if (!comparison) throw new Error('no comparison');
    expect(comparison.title).toBe('Future state compared with Current state');
    const byKey = Object.fromEntries(comparison.metrics.map((m) => [m.key, m]));
    expect(byKey.totalLeadTimeMinutes).toEqual({
      key: 'totalLeadTimeMinutes',
      label: 'Total lead time',
      before: '4w 2d 2h',
      after: '3w 3d 2h',
      absolute: '−4d',
      relative: '−18%',
      tone: 'better',
    });
    expect(byKey.flowEfficiency).toMatchObject({
      before: '8.8%',
      after: '6.6%',
      absolute: '−2.2 pp',
      relative: '−25%',
      tone: 'worse',
    });
    expect(byKey.rolledPctCA).toMatchObject({
      before: '39%',
      after: '50%',
      absolute: '+11 pp',
      relative: '+29%',
      tone: 'better',
    });
    expect(byKey.stageCount).toMatchObject({ absolute: 'no change', relative: '0%', tone: 'same' });
    expect(comparison.dora[0]).toEqual({
      key: 'deploymentFrequency',
      label: 'Deployment frequency',
      before: '2.2 per month',
      after: '5 per week',
      absolute: '+4.5 per week',
      relative: '+900%',
      tone: 'better',
      beforeLevel: 'medium',
      afterLevel: 'high',
    });
    expect(comparison.dora[2]).toMatchObject({
      before: '15%',
      after: '5%',
      absolute: '−10 pp',
      beforeLevel: 'high',
      afterLevel: 'elite',
    });
    expect(comparison.stagesChanged).toEqual([
      'Manual tests: LT 1w → 1d, PT 1d → 2h, %C/A 70% → 90%',
    ]);
    expect(comparison.stagesAdded).toEqual([]);
    expect(comparison.stagesRemoved).toEqual([]);
  });

  it('limits itself to the asked states and says why figures are missing', () => {
    const map = templateWithFuture();
    const future = map.states.future;
    if (!future) throw new Error('no future state');
    future.edges.back = { id: 'back', source: 'release', target: 'vcs', kind: 'flow' };
    const report = buildReport(map, ['future']);
    expect(report.states.map((s) => s.id)).toEqual(['future']);
    expect(report.states[0]).toMatchObject({
      leadTime: '—',
      flowEfficiency: '—',
      topBottleneck: '—',
    });
    expect(report.states[0]?.notes[0]).toMatch(/^Flow edges form a cycle: /);
    const [comparison] = report.comparisons;
    expect(comparison?.metrics[0]).toMatchObject({ after: '—', absolute: '—', tone: 'neutral' });
    expect(comparison?.notes).toHaveLength(1);
    expect(buildReport(map, ['current']).comparisons).toEqual([]);
  });
});

describe('buildReport with model v2', () => {
  const WT = { hoursPerDay: 8, daysPerWeek: 5 };
  const share = (edge: MapEdge, value: number): MapEdge => ({ ...edge, share: value });

  /** A queue, an either/or split, a rework rate, a stray stage and a kaizen with effects. */
  function v2Map(): FlowMap {
    const current = makeState(
      [
        makeNode('start', 'start'),
        makeStage('build', 2 * HOUR, 30, 95, { name: 'Build', people: 4 }),
        makeNode('queue', 'queue', { name: 'Waiting for review', items: 12 }),
        makeStage('review', 2 * DAY, 90, 70, { name: 'Code review', people: 1 }),
        makeStage('deploy', HOUR, 20, 98, { name: 'Automated deploy' }),
        makeStage('audit', 10 * DAY, 4 * HOUR, 85, { name: 'Vendor audit', outside: true }),
        makeStage('release', DAY, HOUR, 90, { name: 'Release' }),
        makeNode('end', 'end'),
        makeStage('stray', DAY, HOUR, 60, { name: 'Old manual QA' }),
        makeNode('kaizen', 'kaizen', {
          name: 'Pair on reviews',
          status: 'planned',
          effectElapsedMinutes: 4 * HOUR,
          effectValueAddMinutes: HOUR,
        }),
      ],
      [
        flowEdge('start', 'build'),
        flowEdge('build', 'queue'),
        flowEdge('queue', 'review'),
        share(flowEdge('review', 'deploy'), 0.8),
        share(flowEdge('review', 'audit'), 0.2),
        flowEdge('deploy', 'release'),
        flowEdge('audit', 'release'),
        flowEdge('release', 'end'),
        { ...reworkEdge('review', 'build'), rate: 0.2 },
        flowEdge('kaizen', 'review'),
      ],
      'current',
    );
    current.name = 'Current state';
    const future: MapState = {
      ...clone(current),
      id: 'future',
      name: 'Future state',
      kind: 'future',
      order: 1,
      basedOn: 'current',
    };
    Object.assign(future.nodes.queue ?? {}, { items: 2 });
    Object.assign(future.nodes.review ?? {}, { people: 2 });
    Object.assign(future.edges['review~>build'] ?? {}, { rate: 0.05 });
    return {
      meta: { ...DEFAULT_META, title: 'Payments', demandPerDay: 5, unitOfWork: 'change' },
      states: { current, future },
    };
  }

  it('puts the expected figures beside the worst case, with takt, counts and capacity', () => {
    const map = v2Map();
    const metrics = computeStateMetrics(map.states.current as MapState, map.meta);
    const [current] = buildReport(map).states;
    expect(current).toMatchObject({
      leadTime: formatDuration(metrics.totalLeadTimeMinutes, WT),
      expected: {
        leadTime: formatDuration(metrics.expectedLeadTimeMinutes, WT),
        valueAdd: formatDuration(metrics.expectedValueAddMinutes, WT),
      },
      takt: '1h 36m (5 changes a day)',
      disconnected: 1,
      incomplete: 0,
      rolledPctCA: '57%',
    });
    expect(current?.expected?.leadTime).not.toBe(current?.leadTime);
    expect(current?.capacityBottlenecks).toEqual([
      `Code review — ${metrics.capacityBottlenecks[0]?.reason}`,
    ]);
    expect(current?.capacityBottlenecks[0]).toMatch(/busy 94% of the working day/);
    expect(current?.notes).toEqual([
      '1 step is on no start→end path and counts for nothing: “Old manual QA”.',
    ]);
    // The kaizen on the wall would shorten review to 4h.
    expect(current?.projected).toMatch(/^With the kaizens not yet done: lead time /);
    expect(current?.projected).toContain(
      formatDuration(metrics.projected.totalLeadTimeMinutes, WT),
    );
  });

  it('counts queues without a wait as incomplete and says what to enter', () => {
    const map = v2Map();
    delete map.meta.demandPerDay;
    const [current] = buildReport(map, ['current']).states;
    expect(current).toMatchObject({ takt: null, incomplete: 1, capacityBottlenecks: [] });
    expect(current?.notes).toContain(
      "1 queue has no wait: enter one, or its items and the map's demand per day.",
    );
  });

  it('lists changed queues, v2 stage fields and rework rates in the comparison', () => {
    const [comparison] = buildReport(v2Map()).comparisons;
    if (!comparison) throw new Error('no comparison');
    expect(comparison.stagesChanged).toEqual(['Code review: people 1 → 2']);
    expect(comparison.queuesChanged).toHaveLength(1);
    expect(comparison.queuesChanged[0]).toMatch(/^Waiting for review: .*items waiting 12 → 2/);
    expect(comparison.edgesChanged).toEqual(['Rework Code review → Build: 20% → 5%']);
    expect(comparison.queuesAdded).toEqual([]);
    // The expected figures differ from the totals: the comparison has their rows and says why.
    expect(comparison.metrics.map((m) => m.key)).toContain('expectedLeadTimeMinutes');
    expect(comparison.notes).toContain(EXPECTED_NOTE);
  });
});
