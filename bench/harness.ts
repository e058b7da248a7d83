// A tiny measuring harness: warm up, then time many runs and report percentiles. Benchmarks print
// figures and ratios against a baseline measured in the same run, because these machines are
// shared and noisy; absolute milliseconds are only comparable within one run.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { record } from './results.ts';

export interface Timing {
  label: string;
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

export function measure(label: string, fn: () => unknown, { runs = 50, warmup = 5 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    label,
    runs,
    p50: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/**
 * Prints the timings, each with its ratio to `baseline`, and records them for results.json under
 * `section` (default: the title's first line): value = p50 in ms, extra = p95, mean, runs, ratio.
 */
export function printTimings(
  title: string,
  timings: Timing[],
  baseline?: Timing,
  section = title.split('\n')[0] ?? title,
): void {
  console.log(`\n${title}`);
  for (const t of timings) {
    const ratio =
      baseline && t !== baseline ? `  ×${(t.p50 / baseline.p50).toFixed(2)} baseline` : '';
    console.log(
      `  ${t.label.padEnd(44)} p50 ${t.p50.toFixed(3).padStart(8)} ms  p95 ${t.p95
        .toFixed(3)
        .padStart(8)} ms  (${t.runs} runs)${ratio}`,
    );
    record(section, t.label, t.p50, 'ms', {
      stat: 'p50',
      p95: t.p95,
      mean: t.mean,
      runs: t.runs,
      ...(baseline && t !== baseline
        ? { baseline: baseline.label, ratio: t.p50 / baseline.p50 }
        : {}),
    });
  }
}

/**
 * Event-loop delay: how late a 1 ms timer fires, in ms. Node's `monitorEventLoopDelay` records
 * the whole interval between its timer's callbacks, the resolution included: with the usual
 * `resolution: 10` an idle process reports p50 ≈ 10.4 ms and a 5 ms stall between two ticks goes
 * unseen. A 1 ms resolution sees short stalls, and the resolution is subtracted here so that the
 * figure is the delay alone (0 for a loop that never stalls).
 */
export const LOOP_RESOLUTION_MS = 1;

export interface LoopDelay {
  enable(): void;
  disable(): void;
  reset(): void;
  /** The delay at percentile `p` (0–100), ms. */
  percentile(p: number): number;
  max(): number;
}

export function loopDelayMonitor(): LoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const delay = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  return {
    enable: () => histogram.enable(),
    disable: () => histogram.disable(),
    reset: () => histogram.reset(),
    percentile: (p) => delay(histogram.percentile(p)),
    max: () => delay(histogram.max),
  };
}
