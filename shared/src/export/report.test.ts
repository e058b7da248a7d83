import { describe, expect, it } from 'vitest';
import { buildReport, formatRelativeChange } from './report.ts';
import { templateWithFuture } from './testing.ts';

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
      rolledPctCA: '38.7%',
      topBottleneck: 'Security review — waits 9d 4h of 10d (47% of all waiting)',
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
      before: '38.7%',
      after: '49.7%',
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
      'Manual tests: LT 5d → 1d, PT 1d → 2h, %C/A 70% → 90%',
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

  it('formats relative changes as people read them', () => {
    expect(formatRelativeChange(-0.62)).toBe('−62%');
    expect(formatRelativeChange(0.004)).toBe('+0.4%');
    expect(formatRelativeChange(0)).toBe('0%');
  });
});
