// How one pass of a step is drawn, and how many extra passes a rework loop sends an item through.
// Each draw is an inverse-CDF transform of uniforms from Random, so one uniform (two for the
// log-normal) is consumed per draw whatever the parameters: two forecasts that differ only in a
// stage's values (a kaizen's effect) then see the same random stream and their difference is not
// blurred by noise (common random numbers).

/**
 * Inverse CDF of the triangular distribution (low, mode, high) at u in [0, 1). Its mean is
 * (low + mode + high) / 3. `split` = (mode − low) / (high − low), precomputed.
 */
export function triangular(u: number, low: number, mode: number, high: number, split: number) {
  const width = high - low;
  return u < split
    ? low + Math.sqrt(u * width * (mode - low))
    : high - Math.sqrt((1 - u) * width * (high - mode));
}

/** z of the standard normal at 0.85: a log-normal through p50 and p85 has σ = ln(p85/p50) / z. */
export const Z85 = 1.0364333894937898;

/**
 * Log-normal parameters through a measured median and 85th percentile — the usual shape of lead
 * times (never negative, a long right tail). Null when the two do not make one (p85 < p50).
 */
export function logNormalFrom(p50: number, p85: number): { mu: number; sigma: number } | null {
  if (!(p50 > 0) || !(p85 >= p50) || !Number.isFinite(p85)) return null;
  return { mu: Math.log(p50), sigma: Math.log(p85 / p50) / Z85 };
}

/** One standard normal draw from two uniforms (Box–Muller; u1 in (0, 1]). */
export function standardNormal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** One log-normal draw from two uniforms (u1 in (0, 1]). */
export function logNormal(u1: number, u2: number, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(u1, u2));
}

/**
 * Extra passes through a rework loop: an item leaving the loop's last step is sent back with
 * probability `rate`, again and again, so the count is geometric — P(k) = (1 − rate) × rateᵏ, mean
 * rate / (1 − rate), which makes the mean number of passes 1 / (1 − rate) as in the expected
 * figures. `logRate` = ln(rate) (negative), u in (0, 1].
 */
export function extraPasses(u: number, logRate: number): number {
  return Math.floor(Math.log(u) / logRate) + 0; // + 0: u = 1 gives -0
}
