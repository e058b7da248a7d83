// The Monte Carlo trials: one item through a compiled state per trial, its lead time recorded.
// Per trial, in one forward sweep each (positions are a topological order):
//   1. the route: work enters at the sources; at an either/or split the item takes one arrow,
//      drawn by share; elsewhere it goes down every arrow (parallel work);
//   2. the rework: per loop, a geometric number of extra passes (rate r: P(k) = (1 − r)·rᵏ); every
//      step on the loop on this route — queues included — is passed that many more times; nested
//      loops multiply;
//   3. the times: each step's passes are drawn afresh and added up, and the item leaves a step when
//      its longest branch has arrived (parallel branches wait for the longest) plus that time.
// The lead time is when the last branch finishes. The scratch arrays are allocated once per run,
// never per trial, and the random stream is consumed in a fixed order, so the same seed gives the
// same numbers.
import { FIXED, LOG_NORMAL, type SimModel, TRIANGULAR } from './compile.ts';
import { extraPasses, logNormal, standardNormal, triangular } from './distributions.ts';
import { Random } from './random.ts';

/** Above this many passes of one step in one trial, their sum is drawn by the central limit. */
const MAX_SUMMED_PASSES = 64;
/** Passes are capped here: a rate of 0.999999 must not hang the editor. */
const MAX_PASSES = 1_000_000;

/** Lead time of each trial, in working minutes (unsorted, trial order). */
export function runTrials(model: SimModel, trials: number, seed: number): Float64Array {
  if (!Number.isInteger(trials) || trials < 1) {
    throw new RangeError(`trials must be a whole number from 1, got ${trials}`);
  }
  const { size: m, source, succStart, succ, split, cum, kind, a, b, c, d, mean, sd } = model;
  const { loopFrom, loopTo, loopLogRate } = model;
  const loopCount = loopFrom.length;
  const random = new Random(seed);
  const results = new Float64Array(trials);
  const active = new Uint8Array(m);
  const chosen = new Int32Array(m);
  const arrive = new Float64Array(m);
  const passes = new Float64Array(m).fill(1);
  const forward = new Int32Array(m);
  const backward = new Int32Array(m);
  let stamp = 0;

  for (let t = 0; t < trials; t++) {
    // 1. The route.
    active.set(source);
    for (let k = 0; k < m; k++) {
      if (active[k] === 0) continue;
      const first = succStart[k] as number;
      const end = succStart[k + 1] as number;
      if (split[k] === 1) {
        const u = random.next();
        let e = first;
        while (e < end - 1 && u >= (cum[e] as number)) e++;
        chosen[k] = e;
        active[succ[e] as number] = 1;
      } else {
        for (let e = first; e < end; e++) active[succ[e] as number] = 1;
      }
    }

    // 2. The rework: the steps between the loop's ends on this route pass again.
    if (loopCount > 0) {
      passes.fill(1);
      for (let l = 0; l < loopCount; l++) {
        const extra = extraPasses(random.nextOpen(), loopLogRate[l] as number);
        const from = loopFrom[l] as number;
        const to = loopTo[l] as number;
        if (extra === 0 || active[from] === 0 || active[to] === 0) continue;
        stamp++;
        forward[from] = stamp;
        for (let k = from; k < to; k++) {
          if (forward[k] !== stamp) continue;
          const first = split[k] === 1 ? (chosen[k] as number) : (succStart[k] as number);
          const end = split[k] === 1 ? first + 1 : (succStart[k + 1] as number);
          for (let e = first; e < end; e++) {
            const w = succ[e] as number;
            if (w <= to) forward[w] = stamp;
          }
        }
        if (forward[to] !== stamp) continue;
        backward[to] = stamp;
        for (let k = to - 1; k >= from; k--) {
          if (forward[k] !== stamp) continue;
          const first = split[k] === 1 ? (chosen[k] as number) : (succStart[k] as number);
          const end = split[k] === 1 ? first + 1 : (succStart[k + 1] as number);
          for (let e = first; e < end; e++) {
            if (backward[succ[e] as number] === stamp) {
              backward[k] = stamp;
              break;
            }
          }
        }
        for (let k = from; k <= to; k++) {
          if (backward[k] === stamp) {
            passes[k] = Math.min(MAX_PASSES, (passes[k] as number) * (1 + extra));
          }
        }
      }
    }

    // 3. The times, and the longest branch.
    arrive.fill(0);
    let lead = 0;
    for (let k = 0; k < m; k++) {
      if (active[k] === 0) continue;
      const n = passes[k] as number;
      let duration: number;
      const nodeKind = kind[k];
      if (nodeKind === FIXED) {
        duration = (a[k] as number) * n;
      } else if (n > MAX_SUMMED_PASSES) {
        // Many passes: their sum is normal by the central limit theorem (never below 0).
        const z = standardNormal(random.nextOpen(), random.next());
        duration = Math.max(0, (mean[k] as number) * n + Math.sqrt(n) * (sd[k] as number) * z);
      } else {
        duration = 0;
        for (let p = 0; p < n; p++) {
          duration +=
            nodeKind === TRIANGULAR
              ? triangular(
                  random.next(),
                  a[k] as number,
                  b[k] as number,
                  c[k] as number,
                  d[k] as number,
                )
              : nodeKind === LOG_NORMAL
                ? logNormal(random.nextOpen(), random.next(), a[k] as number, b[k] as number)
                : 0;
        }
      }
      const leave = (arrive[k] as number) + duration;
      if (leave > lead) lead = leave;
      const first = split[k] === 1 ? (chosen[k] as number) : (succStart[k] as number);
      const end = split[k] === 1 ? first + 1 : (succStart[k + 1] as number);
      for (let e = first; e < end; e++) {
        const w = succ[e] as number;
        if (leave > (arrive[w] as number)) arrive[w] = leave;
      }
    }
    results[t] = lead;
  }
  return results;
}
