// Published maps as fixtures: a map whose figures someone else printed must give the same figures
// here. fixtures/published-vsm-workshop.json is the example map of the open-source vsm-workshop
// tool re-entered in schema v2 (its data, not its code): five stages in a row, LT 2220 min, PT
// 345 min, 15.5 % flow efficiency and 58.1 % rolled %C/A as that tool prints them, plus its two
// rework arrows (review → development 15 %, QA → development 20 %), which that tool draws but
// leaves out of its headline. Flowmap's worst case is its headline; the expected figures add the
// rework, by the rule in PRODUCT.md ("Metrics v2").
import { describe, expect, it } from 'vitest';
import { formatRatio } from '../metrics/index.ts';
import { computeStateMetrics } from '../metrics/stateMetrics.ts';
import published from './fixtures/published-vsm-workshop.json' with { type: 'json' };
import { validateMap } from './schema.ts';

function load() {
  const result = validateMap(JSON.parse(JSON.stringify(published)));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const map = result.map;
  const state = map.states.current;
  if (!state) throw new Error('the fixture has a current state');
  return { map, metrics: computeStateMetrics(state, map.meta) };
}

describe('the vsm-workshop example map', () => {
  it('gives the published headline: 2220 / 345 min, 15.5 %, 58.1 %', () => {
    const { metrics } = load();
    expect(metrics.totalLeadTimeMinutes).toBe(2220);
    expect(metrics.totalValueAddMinutes).toBe(345);
    expect(metrics.flowEfficiency).toBeCloseTo(345 / 2220, 12);
    // Flowmap writes ratios of 10 % and more as whole percentages, everywhere.
    expect(formatRatio(metrics.flowEfficiency)).toBe('16%');
    // 1 × 0.85 × 0.90 × 0.80 × 0.95
    expect(metrics.rolledPctCA).toBeCloseTo(0.5814, 12);
    expect(formatRatio(metrics.rolledPctCA)).toBe('58%');
    expect(metrics.criticalPath).toEqual(['backlog', 'develop', 'review', 'qa', 'deploy']);
    expect(metrics.disconnected).toEqual([]);
    expect(metrics.incomplete).toEqual([]);
    expect(metrics.problems).toEqual([]);
  });

  it('adds the rework the published headline leaves out to the expected figures', () => {
    const { metrics } = load();
    // Development and review lie in both loops (÷ 0.85 × 0.8), QA only in QA's (÷ 0.8).
    const both = 0.85 * 0.8;
    const lead = 480 + 960 / both + 240 / both + 480 / 0.8 + 60;
    const work = 0 + 240 / both + 30 / both + 60 / 0.8 + 15;
    expect(metrics.expectedLeadTimeMinutes).toBeCloseTo(lead, 9);
    expect(metrics.expectedValueAddMinutes).toBeCloseTo(work, 9);
    expect(metrics.expectedFlowEfficiency).toBeCloseTo(work / lead, 9);
    // Rework changes how long, not what comes out right: rolled %C/A stays the product.
    expect(metrics.rolledPctCA).toBeCloseTo(0.5814, 12);
  });

  it('ranks the longest waits as bottlenecks; no step is below the 80 % %C/A threshold', () => {
    const { metrics } = load();
    // Waiting: development 720, backlog 480, QA 420, review 210, deploy 45.
    expect(metrics.bottlenecks.map((b) => [b.nodeId, b.waitingMinutes])).toEqual([
      ['develop', 720],
      ['backlog', 480],
      ['qa', 420],
    ]);
    expect(metrics.qualityBottlenecks.map((q) => q.nodeId)).toEqual([]);
  });
});
