// What a workshop reads off the trials: the mean, the median and the 85th and 95th percentiles
// ("85 % of changes within …"), and a histogram of equal-width bins for the chart. Percentiles are
// nearest-rank: every figure is a lead time some trial really had.

export interface LeadTimeSummary {
  mean: number;
  p50: number;
  p85: number;
  p95: number;
}

export interface Histogram {
  /** The shortest and longest trial: the bins cover [fromMinutes, toMinutes] in equal widths. */
  fromMinutes: number;
  toMinutes: number;
  /** Trials per bin; the last bin includes toMinutes. One bin when every trial took as long. */
  counts: number[];
}

export interface LeadTimeDistribution {
  trials: number;
  seed: number;
  leadTimeMinutes: LeadTimeSummary;
  histogram: Histogram;
}

export const DEFAULT_BINS = 24;

/** Nearest-rank percentile of ascending `sorted` (p in 0–1). */
export function percentileOf(sorted: Float64Array, p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length - 1e-9)));
  return sorted[rank - 1] as number;
}

/** Sorts `results` in place (a numeric sort: typed arrays sort by value) and summarises them. */
export function summarise(
  results: Float64Array,
  seed: number,
  bins: number = DEFAULT_BINS,
): LeadTimeDistribution {
  const sorted = results.sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  return {
    trials: sorted.length,
    seed,
    leadTimeMinutes: {
      mean: sum / sorted.length,
      p50: percentileOf(sorted, 0.5),
      p85: percentileOf(sorted, 0.85),
      p95: percentileOf(sorted, 0.95),
    },
    histogram: histogram(sorted, bins),
  };
}

function histogram(sorted: Float64Array, bins: number): Histogram {
  const from = sorted[0] as number;
  const to = sorted[sorted.length - 1] as number;
  const width = (to - from) / bins;
  if (!(width > 0)) return { fromMinutes: from, toMinutes: to, counts: [sorted.length] };
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const bin = Math.min(bins - 1, Math.floor(((sorted[i] as number) - from) / width));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return { fromMinutes: from, toMinutes: to, counts };
}
