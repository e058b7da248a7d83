// `flowmap simulate <map.json> [--state <id|name>] [--trials N] [--seed S] [--json]`: the lead-time
// forecast of each state by seeded simulation (shared/src/forecast), with the projected state and
// what each kaizen buys alone. The JSON is a public contract (PRODUCT.md, "Measured reality and
// forecasts": per state `leadTimeMinutes {mean, p50, p85, p95}`); numbers carry no float noise
// beyond 1e-9. Same seed, same numbers. Exit 2: unusable file or arguments (nothing on stdout);
// exit 1: a state has errors (e.g. a flow cycle); 0 otherwise.
import {
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  type FlowMap,
  findState,
  forecastMap,
  formatForecastDuration,
  formatKaizenEffect,
  formatWithin,
  type Histogram,
  type LeadTimeSummary,
  MAX_TRIALS,
  type StateForecast,
} from '@flowmap/shared';
import type { CliIO, ExitCode } from './io.ts';
import { loadMap } from './loadMap.ts';

export interface SimulateOptions {
  state?: string | undefined;
  trials?: string | undefined;
  seed?: string | undefined;
  json: boolean;
}

export interface SimulateJsonState {
  id: string;
  name: string;
  kind: string;
  /** Null when the state has a flow cycle or no counted step (see errors). */
  leadTimeMinutes: LeadTimeSummary | null;
  histogram: Histogram | null;
  /** The metrics engine's expected lead time, for reference. */
  expectedLeadTimeMinutes: number;
  projected: {
    leadTimeMinutes: LeadTimeSummary | null;
    histogram: Histogram | null;
    expectedLeadTimeMinutes: number;
    stageIds: string[];
  } | null;
  kaizenEffects: {
    kaizenId: string;
    name: string;
    stageIds: string[];
    expectedChangeMinutes: number;
    p85ChangeMinutes: number;
    text: string;
  }[];
  problems: { path: string; message: string }[];
  errors: string[];
}

const MAX_SEED = 2 ** 32 - 1;

/** A whole number from `min` to `max` written in plain digits, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
}

export async function simulateCommand(
  file: string,
  options: SimulateOptions,
  io: CliIO,
): Promise<ExitCode> {
  const trials =
    options.trials === undefined ? DEFAULT_TRIALS : wholeNumber(options.trials, 1, MAX_TRIALS);
  if (trials === null) {
    io.err(
      `flowmap: --trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en')}, got “${options.trials}”\n`,
    );
    return 2;
  }
  const seed = options.seed === undefined ? DEFAULT_SEED : wholeNumber(options.seed, 0, MAX_SEED);
  if (seed === null) {
    io.err(`flowmap: --seed must be a whole number from 0 to ${MAX_SEED}, got “${options.seed}”\n`);
    return 2;
  }
  const map = await loadMap(file, io);
  if (!map) return 2;
  let stateId: string | undefined;
  if (options.state !== undefined) {
    const found = findState(map, options.state);
    if (!found.ok) {
      io.err(`flowmap: ${found.message}\n`);
      return 2;
    }
    stateId = found.state.id;
  }
  const forecasts = forecastMap(map, { trials, seed, ...(stateId ? { stateId } : {}) });
  const states = forecasts.map((f) => toJson(f, map));
  io.out(
    options.json
      ? `${JSON.stringify({ trials, seed, states }, roundNumbers, 2)}\n`
      : renderTable(map, forecasts, trials, seed),
  );
  return states.some((s) => s.errors.length > 0) ? 1 : 0;
}

/** As `flowmap metrics` writes numbers: twelve significant digits, no binary float noise. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value)
    ? Number(value.toPrecision(12)) + 0
    : value;
}

function toJson(f: StateForecast, map: FlowMap): SimulateJsonState {
  return {
    id: f.stateId,
    name: f.name,
    kind: f.kind,
    leadTimeMinutes: f.distribution?.leadTimeMinutes ?? null,
    histogram: f.distribution?.histogram ?? null,
    expectedLeadTimeMinutes: f.expectedLeadTimeMinutes,
    projected: f.projected && {
      leadTimeMinutes: f.projected.distribution?.leadTimeMinutes ?? null,
      histogram: f.projected.distribution?.histogram ?? null,
      expectedLeadTimeMinutes: f.projected.expectedLeadTimeMinutes,
      stageIds: f.projected.stageIds,
    },
    kaizenEffects: f.kaizenEffects.map((k) => ({ ...k, text: formatKaizenEffect(k, map.meta) })),
    problems: f.problems,
    errors: f.errors,
  };
}

const BARS = '▁▂▃▄▅▆▇█';

/** The histogram as one line of block characters, shortest trials on the left. */
export function sparkline(histogram: Histogram): string {
  const max = Math.max(...histogram.counts);
  return histogram.counts
    .map((c) => (c === 0 ? ' ' : BARS[Math.min(7, Math.floor((c / max) * 7.999))]))
    .join('');
}

function renderTable(
  map: FlowMap,
  forecasts: StateForecast[],
  trials: number,
  seed: number,
): string {
  const wt = map.meta;
  const d = (minutes: number) => formatForecastDuration(minutes, wt);
  const lines: string[] = [
    map.meta.title,
    `${trials.toLocaleString('en')} trials, seed ${seed}`,
    '',
  ];
  for (const f of forecasts) {
    lines.push(`${f.name} (${f.kind})`);
    const rows: [string, string][] = [];
    const dist = f.distribution;
    if (dist) {
      const lt = dist.leadTimeMinutes;
      rows.push(
        ['Lead time', formatWithin(dist, map.meta)],
        ['Mean', `${d(lt.mean)} (metrics' expected: ${d(f.expectedLeadTimeMinutes)})`],
        ['p50 / p85 / p95', `${d(lt.p50)} / ${d(lt.p85)} / ${d(lt.p95)}`],
        [
          'Distribution',
          `${d(dist.histogram.fromMinutes)} ${sparkline(dist.histogram)} ${d(dist.histogram.toMinutes)}`,
        ],
      );
    }
    const projected = f.projected?.distribution;
    if (projected) {
      const lt = projected.leadTimeMinutes;
      rows.push([
        'With the kaizens',
        `${d(lt.mean)} mean, ${d(lt.p85)} at p85 (${formatWithin(projected, map.meta)})`,
      ]);
    }
    for (const [key, value] of rows) lines.push(`  ${key.padEnd(18)}${value}`);
    if (f.kaizenEffects.length > 0) {
      lines.push('  Kaizens by effect, each alone');
      f.kaizenEffects.forEach((k, i) => {
        lines.push(`    ${i + 1}. ${formatKaizenEffect(k, wt)}`);
      });
    }
    for (const problem of f.problems) lines.push(`  Problem: ${problem.path}: ${problem.message}`);
    for (const error of f.errors) lines.push(`  Error: ${error}`);
    lines.push('');
  }
  return lines.join('\n');
}
