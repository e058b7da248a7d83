// The projected state next to the drawn future state, as rows a view (or a report) shows: for each
// headline figure the base state's value, the drawn future's and the projected one's (the base with
// its open kaizens' effects applied), each change from the base, and how far the projection falls
// short of — or goes beyond — the drawn future. Worded with the comparison's formatters, so a figure
// reads here exactly as it does in the comparison cards above it.
import type { WorkingTime } from '../model/types.ts';
import type { ComparedMetricKey } from './compare.ts';
import { type FigureUnit, formatChange, formatMetricValue, type Tone } from './compareFormat.ts';
import type { HeadlineFigures } from './types.ts';

export type ProjectedKey = Extract<
  ComparedMetricKey,
  'totalLeadTimeMinutes' | 'expectedLeadTimeMinutes' | 'flowEfficiency' | 'rolledPctCA'
>;

export interface ProjectedChange {
  /** The figure: "1w 2d", "38%"; "—" when it cannot be computed. */
  value: string;
  /** Signed change from the row's reference: "−2d 4h", "+12.5 pp", "no change"; "" unknown. */
  change: string;
  tone: Tone;
}

export interface ProjectedRow {
  key: ProjectedKey;
  label: string;
  base: string;
  /** The drawn future state; null when there is none to show. */
  future: ProjectedChange | null;
  /** The projected state, its change from the base. */
  projected: ProjectedChange;
  /** The projected figure against the drawn future: negative tone means it falls short. */
  projectedVsFuture: ProjectedChange | null;
}

const ROWS: readonly {
  key: ProjectedKey;
  label: string;
  unit: FigureUnit;
  better: 'lower' | 'higher';
}[] = [
  {
    key: 'totalLeadTimeMinutes',
    label: 'Lead time (worst case)',
    unit: 'duration',
    better: 'lower',
  },
  {
    key: 'expectedLeadTimeMinutes',
    label: 'Expected lead time',
    unit: 'duration',
    better: 'lower',
  },
  { key: 'flowEfficiency', label: 'Flow efficiency', unit: 'ratio', better: 'higher' },
  { key: 'rolledPctCA', label: 'Rolled %C/A', unit: 'ratio', better: 'higher' },
];

// Expected figures are sums over routes: equal up to float noise is equal.
const NOISE = 1e-9;

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function change(
  spec: (typeof ROWS)[number],
  from: number | null,
  to: number | null,
  wt: WorkingTime,
): ProjectedChange {
  const value = formatMetricValue(spec.key, to, wt);
  if (from === null || to === null) return { value, change: '', tone: 'neutral' };
  const delta =
    Math.abs(to - from) > NOISE * Math.max(1, Math.abs(from), Math.abs(to)) ? to - from : 0;
  const tone: Tone =
    delta === 0 ? 'same' : (spec.better === 'lower' ? delta < 0 : delta > 0) ? 'better' : 'worse';
  return { value, change: formatChange(spec.unit, delta, wt), tone };
}

/** The rows of the projected-state table; `future` null when there is no drawn future state. */
export function projectedRows(
  base: HeadlineFigures,
  future: HeadlineFigures | null,
  projected: HeadlineFigures,
  wt: WorkingTime,
): ProjectedRow[] {
  return ROWS.map((spec) => {
    const b = finiteOrNull(base[spec.key]);
    const f = future ? finiteOrNull(future[spec.key]) : null;
    const p = finiteOrNull(projected[spec.key]);
    return {
      key: spec.key,
      label: spec.label,
      base: formatMetricValue(spec.key, b, wt),
      future: future ? change(spec, b, f, wt) : null,
      projected: change(spec, b, p, wt),
      projectedVsFuture: future ? change(spec, f, p, wt) : null,
    };
  });
}
