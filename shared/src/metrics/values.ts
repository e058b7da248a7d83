// Reads a stage's numbers from an untrusted document. The editor rejects invalid values at input,
// but a document written by an old or hostile client may hold anything despite its types: each
// bad value is reported as a Problem and then treated as missing, so the metrics never throw and
// never produce NaN or Infinity.
import { formatDuration, MAX_DURATION_MINUTES } from '../model/durations.ts';
import type { MapNode, Problem, WorkingTime } from '../model/types.ts';

export interface StageValues {
  /** Valid lead time (LT) in minutes, or null when missing or invalid. */
  elapsedMinutes: number | null;
  /** Valid process time (PT) in minutes as entered (may exceed LT), or null. */
  valueAddMinutes: number | null;
  /** Valid %C/A, 0–100, or null. */
  pctCA: number | null;
}

const LABELS = {
  elapsedMinutes: 'Lead time (LT)',
  valueAddMinutes: 'Process time (PT)',
  waitMinutes: 'Wait',
  effectElapsedMinutes: 'Lead time (LT) after the kaizen',
  effectValueAddMinutes: 'Process time (PT) after the kaizen',
  pctCA: '%C/A',
} as const;

type MinutesField =
  | 'elapsedMinutes'
  | 'valueAddMinutes'
  | 'waitMinutes'
  | 'effectElapsedMinutes'
  | 'effectValueAddMinutes';

function describe(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(short);
  }
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a value of type ${typeof value}`;
}

export function readMinutes(
  node: MapNode,
  field: MinutesField,
  path: string,
  problems: Problem[],
): number | null {
  const value: unknown = node[field];
  if (value === undefined) return null;
  const label = LABELS[field];
  const at = `${path}.${field}`;
  if (typeof value !== 'number') {
    problems.push({
      path: at,
      message: `${label} must be a number of minutes, got ${describe(value)}; treated as missing`,
    });
    return null;
  }
  if (!Number.isFinite(value)) {
    problems.push({
      path: at,
      message: `${label} must be a finite number, got ${value}; treated as missing`,
    });
    return null;
  }
  if (value < 0) {
    problems.push({
      path: at,
      message: `${label} cannot be negative (${value}); treated as missing`,
    });
    return null;
  }
  if (value > MAX_DURATION_MINUTES) {
    problems.push({
      path: at,
      message: `${label} of ${value} minutes is too large; treated as missing`,
    });
    return null;
  }
  return value + 0; // + 0 turns -0 into 0
}

export function readPctCA(
  node: MapNode,
  path: string,
  problems: Problem[],
  field: 'pctCA' | 'effectPctCA' = 'pctCA',
): number | null {
  const value: unknown = node[field];
  if (value === undefined) return null;
  const at = `${path}.${field}`;
  if (typeof value !== 'number') {
    problems.push({
      path: at,
      message: `%C/A must be a number from 0 to 100, got ${describe(value)}; treated as missing`,
    });
    return null;
  }
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    problems.push({
      path: at,
      message: `%C/A must be from 0 to 100, got ${value}; treated as missing`,
    });
    return null;
  }
  return value + 0;
}

/**
 * The stage's valid values; problems found are appended to `problems` with paths under `path`
 * (e.g. "nodes.n4"). PT > LT is reported here too, but the clamping is left to the caller.
 */
export function readStageValues(
  node: MapNode,
  path: string,
  wt: WorkingTime,
  problems: Problem[],
): StageValues {
  const elapsedMinutes = readMinutes(node, 'elapsedMinutes', path, problems);
  const valueAddMinutes = readMinutes(node, 'valueAddMinutes', path, problems);
  const pctCA = readPctCA(node, path, problems);
  if (elapsedMinutes !== null && valueAddMinutes !== null && valueAddMinutes > elapsedMinutes) {
    const lt = formatDuration(elapsedMinutes, wt);
    problems.push({
      path: `${path}.valueAddMinutes`,
      message: `Process time (PT) ${formatDuration(valueAddMinutes, wt)} is longer than lead time (LT) ${lt}; PT is counted as ${lt}`,
    });
  }
  return { elapsedMinutes, valueAddMinutes, pctCA };
}

/** The name a person sees for a node; a nameless (or hostile, non-string) name falls back to the id. */
export function displayName(node: MapNode, id: string): string {
  return typeof node.name === 'string' && node.name.trim() !== '' ? node.name : id;
}

/** A non-negative count (people, items) from an untrusted document, or null. */
export function readCount(
  node: MapNode,
  field: 'people' | 'items',
  path: string,
  problems: Problem[],
): number | null {
  const value: unknown = node[field];
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push({
      path: `${path}.${field}`,
      message: `${field === 'people' ? 'People' : 'Items'} must be a number from 0, got ${describe(value)}; treated as missing`,
    });
    return null;
  }
  return value + 0;
}
