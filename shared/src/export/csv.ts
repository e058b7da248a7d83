// CSV export: one row per stage per state with its measures and the derived figures, for
// spreadsheets and scripts. RFC 4180 (comma separated, CRLF line ends, fields quoted only when
// they hold a comma, quote or line break). Numbers are written in full precision, unformatted:
// minutes of working time, %C/A 0–100 as in the schema, efficiency and share as fractions 0–1.

import type { StageMetrics, StateMetrics } from '../metrics/index.ts';
import { computeStateMetrics, metricSettings, readStageValues } from '../metrics/index.ts';
import type { FlowMap, MapNode, MapState, Problem } from '../model/types.ts';
import { sortedStates } from './states.ts';

export const CSV_COLUMNS = [
  'state_id',
  'state_name',
  'state_kind',
  'stage_id',
  'stage_name',
  'team',
  'lead_time_minutes',
  'process_time_minutes',
  'pct_ca',
  'waiting_minutes',
  'efficiency',
  'waiting_share',
  'on_critical_path',
  'bottleneck_rank',
  'low_pct_ca',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

type Cell = string | number | boolean | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula: "=HYPERLINK(…)" in a stage name must stay text. The leading
 * apostrophe is what spreadsheets themselves use to mark a cell as text.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // Only finite, non-negative numbers reach here; String() is the shortest exact form.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(field).join(',')}\r\n`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function coordinate(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Stages as the diagram shows them: left to right, then top to bottom, then by id. */
function stagesInReadingOrder(state: MapState): [string, MapNode][] {
  const nodes = state.nodes && typeof state.nodes === 'object' ? state.nodes : {};
  return Object.entries(nodes)
    .filter(([, node]) => node && typeof node === 'object' && node.type === 'stage')
    .sort(
      ([ia, a], [ib, b]) =>
        coordinate(a.x) - coordinate(b.x) ||
        coordinate(a.y) - coordinate(b.y) ||
        (ia < ib ? -1 : ia > ib ? 1 : 0),
    );
}

function stageRow(
  state: MapState,
  id: string,
  node: MapNode,
  metrics: StateMetrics,
  stage: StageMetrics | undefined,
  map: FlowMap,
): Cell[] {
  const { wt } = metricSettings(map.meta);
  // Which values were entered: a missing LT or PT is an empty cell, not a zero.
  const entered = readStageValues(node, `nodes.${id}`, wt, [] as Problem[]);
  const rank = metrics.bottlenecks.find((b) => b.nodeId === id)?.rank ?? null;
  const low = metrics.qualityBottlenecks.some((q) => q.nodeId === id);
  const hasLt = entered.elapsedMinutes !== null;
  return [
    text(state.id),
    text(state.name),
    state.kind === 'future' ? 'future' : 'current',
    id,
    text(node.name),
    text(node.team),
    hasLt ? (stage?.elapsedMinutes ?? null) : null,
    // Counted as the metrics count it: PT above LT is clamped to LT.
    entered.valueAddMinutes !== null ? (stage?.valueAddMinutes ?? null) : null,
    entered.pctCA,
    hasLt ? (stage?.waitingMinutes ?? null) : null,
    stage?.efficiency ?? null,
    stage?.waitingShare ?? 0,
    stage?.onCriticalPath ?? false,
    rank,
    low,
  ];
}

/** Every stage of every state (or of `stateIds` only), one row each, under a header row. */
export function mapToCsv(map: FlowMap, stateIds?: readonly string[]): string {
  const only = stateIds ? new Set(stateIds) : null;
  let out = csvLine(CSV_COLUMNS);
  for (const state of sortedStates(map)) {
    if (only && !only.has(state.id)) continue;
    const metrics = computeStateMetrics(state, map.meta);
    for (const [id, node] of stagesInReadingOrder(state)) {
      out += csvLine(stageRow(state, id, node, metrics, metrics.stages[id], map));
    }
  }
  return out;
}
