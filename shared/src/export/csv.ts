// CSV export: one row per stage and per queue per state with its measures and the derived
// figures, for spreadsheets and scripts. RFC 4180 (comma separated, CRLF line ends, fields quoted
// only when they hold a comma, quote or line break). Numbers are written in full precision,
// unformatted: minutes of working time, %C/A 0–100 as in the schema, efficiency, share and
// utilisation as fractions 0–1. The v2 columns come after v1's, so a script that reads v1's
// columns by position still reads them. The forecast's percentiles of the state's lead time come
// last: a state-level figure, repeated on each of the state's rows like its id and name, so a sheet
// can filter by state and read them without a second file.

import { forecastState } from '../forecast/forecast.ts';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../forecast/simulateState.ts';
import type { LeadTimeSummary } from '../forecast/summary.ts';
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
  // Model v2
  'node_type',
  'counted',
  'people',
  'batch_size',
  'wip_items',
  'lead_time_low_minutes',
  'lead_time_high_minutes',
  'time_source',
  'rated_by',
  'outside',
  'utilisation',
  'queue_items',
  // Forecast (state level, seeded simulation; empty when the state cannot be simulated)
  'state_lt_p50_minutes',
  'state_lt_p85_minutes',
  'state_lt_p95_minutes',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

type Cell = string | number | boolean | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula: "=HYPERLINK(…)" in a stage
 * name must stay text. What comes before the trigger does not save it: spreadsheets trim spaces
 * (`\s`: every Unicode space, NBSP included), and importers drop control characters (`\p{Cc}`:
 * NUL…) and invisible format characters (`\p{Cf}`: the BOM, zero-width and bidi marks); some fold
 * the full-width and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫) to ASCII. A leading tab or carriage
 * return is marked whatever follows, since some tools treat those as the start of a formula too.
 * The leading apostrophe is what spreadsheets themselves use to mark a cell as text.
 */
const FORMULA_START =
  /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/u;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // Only finite numbers reach here (negative only for changes); String() is the shortest exact form.
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

/** A count or duration as the document holds it: a finite number from `min`, else empty. */
function atLeast(value: unknown, min: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : null;
}

/** Stages and queues as the diagram shows them: left to right, then top to bottom, then by id. */
function stepsInReadingOrder(state: MapState): [string, MapNode][] {
  const nodes = state.nodes && typeof state.nodes === 'object' ? state.nodes : {};
  return Object.entries(nodes)
    .filter(
      ([, node]) =>
        node && typeof node === 'object' && (node.type === 'stage' || node.type === 'queue'),
    )
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
  const timeSource = node.timeSource === 'estimate' || node.timeSource === 'measured';
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
    'stage',
    !metrics.disconnected.includes(id),
    atLeast(node.people, 0),
    atLeast(node.batchSize, 1),
    atLeast(node.wipItems, 0),
    atLeast(node.elapsedLowMinutes, 0),
    atLeast(node.elapsedHighMinutes, 0),
    timeSource ? (node.timeSource as string) : null,
    text(node.ratedBy),
    node.outside === true,
    Object.hasOwn(metrics.utilisation, id) ? (metrics.utilisation[id] ?? null) : null,
    null,
  ];
}

/**
 * A queue: its wait is its lead time and all of it waiting (no process time, no %C/A), as the
 * metrics count it; empty when the wait cannot be known (no wait, and items without a demand).
 */
function queueRow(
  state: MapState,
  id: string,
  node: MapNode,
  metrics: StateMetrics,
  queue: StageMetrics | undefined,
): Cell[] {
  const known = queue !== undefined && !metrics.incomplete.includes(id);
  const rank = metrics.bottlenecks.find((b) => b.nodeId === id)?.rank ?? null;
  return [
    text(state.id),
    text(state.name),
    state.kind === 'future' ? 'future' : 'current',
    id,
    text(node.name),
    text(node.team),
    known ? queue.elapsedMinutes : null,
    known ? 0 : null,
    null,
    known ? queue.waitingMinutes : null,
    known ? queue.efficiency : null,
    queue?.waitingShare ?? 0,
    queue?.onCriticalPath ?? false,
    rank,
    false,
    'queue',
    !metrics.disconnected.includes(id),
    null,
    null,
    null,
    null,
    null,
    null,
    '',
    null,
    null,
    atLeast(node.items, 0),
  ];
}

/**
 * The state's lead-time percentiles with the editor's, the CLI's and the PDF's trials and seed, so
 * every place quotes the same figure; empty cells when it cannot be simulated (a flow cycle, no
 * counted step).
 */
function stateForecastCells(state: MapState, map: FlowMap): Cell[] {
  const { distribution } = forecastState(state, map.meta, {
    trials: DEFAULT_TRIALS,
    seed: DEFAULT_SEED,
    skipKaizens: true,
  });
  const lt: LeadTimeSummary | undefined = distribution?.leadTimeMinutes;
  return lt ? [lt.p50, lt.p85, lt.p95] : [null, null, null];
}

/** Every stage and queue of every state (or of `stateIds` only), one row each, under a header. */
export function mapToCsv(map: FlowMap, stateIds?: readonly string[]): string {
  const only = stateIds ? new Set(stateIds) : null;
  let out = csvLine(CSV_COLUMNS);
  for (const state of sortedStates(map)) {
    if (only && !only.has(state.id)) continue;
    const metrics = computeStateMetrics(state, map.meta);
    const forecast = stateForecastCells(state, map);
    for (const [id, node] of stepsInReadingOrder(state)) {
      const row =
        node.type === 'queue'
          ? queueRow(state, id, node, metrics, metrics.queues[id])
          : stageRow(state, id, node, metrics, metrics.stages[id], map);
      out += csvLine([...row, ...forecast]);
    }
  }
  return out;
}
