// Which parts of a comparison a view shows beyond the metrics, the four key metrics and the
// stages: a map that never drew a queue or weighed an arrow is not told "no queue changed".
import { EXPECTED_METRIC_KEYS, type StateComparison, type StateMetrics } from '@flowmap/shared';

export interface ComparisonSections {
  /** The comparison lists expected figures: say what they are, next to the totals. */
  expectedNote: boolean;
  /** Either side has a queue. */
  queues: boolean;
  /** A rework rate or route share changed. */
  edges: boolean;
}

export function comparisonSections(
  result: StateComparison,
  before: Pick<StateMetrics, 'queues'>,
  after: Pick<StateMetrics, 'queues'>,
): ComparisonSections {
  const expected: readonly string[] = EXPECTED_METRIC_KEYS;
  return {
    expectedNote: result.metrics.some((m) => expected.includes(m.key)),
    queues: Object.keys(before.queues).length + Object.keys(after.queues).length > 0,
    edges: result.edges.length > 0,
  };
}
