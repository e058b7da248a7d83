// A v1 file (fixtures/v1-payments.json: the template with a future state, as Flowmap wrote it
// before schema v2) reads unchanged under v2, and yields exactly the figures the v1 engine printed
// for it (recorded from commit a14e220, the last v1 engine): every value bit for bit.
import { describe, expect, it } from 'vitest';
import { computeStateMetrics } from '../metrics/stateMetrics.ts';
import v1File from './fixtures/v1-payments.json' with { type: 'json' };
import { validateMap } from './schema.ts';

// A deep copy, so no test can change what the next one reads.
const raw = JSON.parse(JSON.stringify(v1File)) as typeof v1File & {
  meta: { schemaVersion: number };
};

const V1_FIGURES = {
  current: {
    lt: 10680,
    pt: 935,
    fe: 0.08754681647940075,
    rolled: 0.3866309999999999,
    bottlenecks: [
      ['security-review', 'waits 1w 4d 4h of 2w (47% of all waiting)'],
      ['change-management', 'waits 4d 7h 30m of 1w (24% of all waiting)'],
      ['manual-tests', 'waits 4d of 1w (20% of all waiting)'],
    ],
    quality: ['manual-tests'],
  },
  future: {
    lt: 8760,
    pt: 575,
    fe: 0.0656392694063927,
    rolled: 0.4970969999999999,
    bottlenecks: [
      ['security-review', 'waits 1w 4d 4h of 2w (56% of all waiting)'],
      ['change-management', 'waits 4d 7h 30m of 1w (29% of all waiting)'],
      ['auto-tests', 'waits 7h 15m of 1d (5% of all waiting)'],
    ],
    quality: [],
  },
} as const;

const PATH = [
  'start',
  'vcs',
  'auto-tests',
  'manual-tests',
  'security-review',
  'change-management',
  'release',
  'end',
];

describe('a v1 file under schema v2', () => {
  it('validates, with nothing changed but the version number', () => {
    expect(raw.meta.schemaVersion).toBe(1);
    const result = validateMap(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.map).toEqual({ ...raw, meta: { ...raw.meta, schemaVersion: 2 } });
  });

  it('gives exactly the v1 figures', () => {
    const result = validateMap(raw);
    if (!result.ok) throw new Error('invalid');
    for (const [id, v1] of Object.entries(V1_FIGURES)) {
      const m = computeStateMetrics(result.map.states[id] as never, result.map.meta);
      expect(m.totalLeadTimeMinutes, id).toBe(v1.lt);
      expect(m.totalValueAddMinutes, id).toBe(v1.pt);
      expect(m.flowEfficiency, id).toBe(v1.fe);
      expect(m.rolledPctCA, id).toBe(v1.rolled);
      expect(m.criticalPath, id).toEqual(PATH);
      expect(
        m.bottlenecks.map((b) => [b.nodeId, b.reason]),
        id,
      ).toEqual(v1.bottlenecks);
      expect(
        m.qualityBottlenecks.map((q) => q.nodeId),
        id,
      ).toEqual(v1.quality);
      // and the v2 figures agree: no routes, no rates, nothing disconnected
      expect(m.expectedLeadTimeMinutes, id).toBe(v1.lt);
      expect(m.expectedFlowEfficiency, id).toBe(v1.fe);
      expect([m.disconnected, m.incomplete, m.problems], id).toEqual([[], [], []]);
    }
  });
});
