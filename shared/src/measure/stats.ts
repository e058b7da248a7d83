// Order statistics used by the measurements. Percentiles are nearest-rank (the smallest value
// with at least p of the values at or below it): every figure is a duration that really occurred,
// and the same log gives the same figure whichever tool recomputes it.

/** Nearest-rank percentile of ascending `sorted` (p in 0–1); NaN for no values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil(p * n - 1e-9)));
  return sorted[rank - 1] as number;
}

/** The median: the middle value, or the mean of the two middle ones; NaN for no values. */
export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  return sum / n;
}

/** Ascending copy as a Float64Array (a numeric sort, not the default string sort). */
export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}
