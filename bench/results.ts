// Collects every figure a benchmark prints, so `pnpm bench` can also write them to
// bench/results.json (machine-readable; an output of a run, not kept in git). Each figure carries
// the 1-minute load average when it was recorded: these machines are shared and noisy.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  /** The benchmark and table it belongs to, e.g. "Memory: heap per loaded 200-stage document". */
  section: string;
  /** What was measured; baselines start with "baseline". */
  name: string;
  value: number;
  /** "ms", "KB", "MB", "bytes", "%", "ratio", "count", "pass"… */
  unit: string;
  /** 1-minute load average when recorded. */
  load1: number;
  /** Anything else worth keeping: p95, runs, the baseline's name, the ratio to it… */
  extra?: Record<string, unknown>;
}

export const RESULTS_PATH = join(import.meta.dirname, 'results.json');

const figures: Figure[] = [];
const startedAt = new Date();
const loadAtStart = loadavg();

/**
 * Records one figure. `section` groups figures as printed; name a baseline "baseline: …" and give
 * the others `extra.baseline` (its name) and `extra.ratio` (figure / baseline) where that applies.
 */
export function record(
  section: string,
  name: string,
  value: number,
  unit: string,
  extra?: Record<string, unknown>,
): void {
  figures.push({
    section,
    name,
    value: Number.isFinite(value) ? value : Number.NaN,
    unit,
    load1: round(loadavg()[0] ?? 0),
    ...(extra ? { extra } : {}),
  });
}

/** Everything recorded so far (for tests and for a caller that wants to print a summary). */
export function recorded(): readonly Figure[] {
  return figures;
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return head || null;
  } catch {
    return null;
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Writes bench/results.json (or `path`): the machine, the run, then every recorded figure. */
export function writeResults(
  options: { path?: string; benchmarks?: string[]; failures?: string[] } = {},
): string {
  const path = options.path ?? RESULTS_PATH;
  const cpuList = cpus();
  const result = {
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? 'unknown',
      memoryGB: round(totalmem() / 1024 ** 3),
      freeMemoryGB: round(freemem() / 1024 ** 3),
      loadAverageAtStart: loadAtStart.map(round),
      loadAverageAtEnd: loadavg().map(round),
    },
    run: {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      seconds: round((Date.now() - startedAt.getTime()) / 1000),
      commit: gitCommit(),
      benchmarks: options.benchmarks ?? [],
      failures: options.failures ?? [],
    },
    figures: figures.map((f) => tidy(f)),
  };
  writeFileSync(path, `${toJson(result)}\n`);
  return path;
}

const LINE_WIDTH = 100; // biome.json's: `pnpm lint` checks this file too when it exists

/**
 * JSON.stringify(value, null, 2), except that an array of numbers, strings, booleans or nulls that
 * fits on its line is written on it, as the repository's formatter (Biome) writes it, so a
 * results.json left in the tree does not fail `pnpm lint`.
 */
function toJson(value: unknown, indent = '', prefix = 0, last = true): string {
  if (Array.isArray(value) && value.length > 0) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
      if (indent.length + prefix + inline.length + (last ? 0 : 1) <= LINE_WIDTH) return inline;
    }
    const inner = `${indent}  `;
    const items = value.map((v, i) => `${inner}${toJson(v, inner, 0, i === value.length - 1)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const items = entries.map(([k, v], i) => {
      const key = `${JSON.stringify(k)}: `;
      return `${inner}${key}${toJson(v, inner, key.length, i === entries.length - 1)}`;
    });
    return `{\n${items.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const round4 = (n: number) => (Math.abs(n) >= 100 ? round(n) : Math.round(n * 10_000) / 10_000);

/** Rounds every number (4 decimals below 100, 2 above) and turns NaN/Infinity into null. */
function tidy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? round4(value) : null;
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  }
  return value;
}
