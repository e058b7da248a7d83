// `flowmap measure <events.csv|json> --map <map.json> [--state <id|name>] [--deployments <file>]
// [--json]`: measured reality (PRODUCT.md, "Measured reality and forecasts") from the logs a team's
// tools export. The logs are read here and aggregated by shared/measure, exactly as the editor's
// import does in its worker; nothing is written anywhere. The JSON fields are a public contract:
// `stages` keyed by map stage id, `unmatchedStages`, `dora`. Exit 2: an unusable map, state or log
// (every problem with its row number on stderr, nothing on stdout); else 0.
import {
  classifyDora,
  type DoraInputs,
  defaultState,
  type FlowMap,
  findState,
  formatDuration,
  formatPctCA,
  formatRatio,
  type MapState,
} from '@flowmap/shared';
import {
  aggregateDeployments,
  aggregateEvents,
  type DoraMeasurement,
  formatRowProblem,
  logStageNames,
  type MeasureResult,
  matchStages,
  parseDeploymentLog,
  parseEventLog,
  type ReadResult,
  rememberedMapping,
  stageRanks,
  stagesOf,
} from '@flowmap/shared/measure';
import type { CliIO, ExitCode } from './io.ts';
import { loadMap } from './loadMap.ts';

export interface MeasureOptions {
  map?: string | undefined;
  state?: string | undefined;
  deployments?: string | undefined;
  json: boolean;
}

export interface MeasureJson extends Omit<MeasureResult, 'stages'> {
  state: string;
  stages: Record<string, MeasureResult['stages'][string] & { name: string }>;
  /** Only with --deployments. */
  dora: DoraMeasurement | null;
}

async function readLog<T>(
  file: string,
  what: string,
  parse: (text: string) => ReadResult<T>,
  io: CliIO,
): Promise<T[] | null> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : null;
    io.err(`flowmap: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}\n`);
    return null;
  }
  const read = parse(text);
  if (read.ok) return read.rows;
  io.err(`flowmap: ${file} is not a usable ${what}; nothing was measured:\n`);
  for (const problem of read.problems) io.err(`  ${formatRowProblem(problem)}\n`);
  return null;
}

function pickState(map: FlowMap, query: string | undefined, io: CliIO): MapState | null {
  if (query === undefined) {
    const state = defaultState(map);
    if (!state) io.err('flowmap: the map has no states\n');
    return state;
  }
  const found = findState(map, query);
  if (found.ok) return found.state;
  io.err(`flowmap: ${found.message}\n`);
  return null;
}

export async function measureCommand(
  file: string,
  options: MeasureOptions,
  io: CliIO,
): Promise<ExitCode> {
  if (!options.map) {
    io.err('flowmap: measure needs --map <map.json>: the stages to measure against\n');
    return 2;
  }
  const map = await loadMap(options.map, io);
  if (!map) return 2;
  const state = pickState(map, options.state, io);
  if (!state) return 2;
  const events = await readLog(file, 'event log', parseEventLog, io);
  if (!events) return 2;
  let dora: DoraMeasurement | null = null;
  if (options.deployments !== undefined) {
    const rows = await readLog(options.deployments, 'deployment log', parseDeploymentLog, io);
    if (!rows) return 2;
    dora = aggregateDeployments(rows, map.meta);
  }
  // The mapping the editor's last import remembered on the map, then names matched as they are.
  const remembered = rememberedMapping(map.meta.stageMapping);
  const mapping = matchStages(logStageNames(events), stagesOf(state), remembered);
  const result = aggregateEvents(events, state, map.meta, mapping);
  const stages: MeasureJson['stages'] = {};
  for (const [id, figures] of Object.entries(result.stages)) {
    stages[id] = { name: state.nodes[id]?.name ?? id, ...figures };
  }
  const json: MeasureJson = { ...result, state: state.id, stages, dora };
  io.out(
    options.json ? `${JSON.stringify(json, roundNumbers, 2)}\n` : renderTable(map, state, json),
  );
  return 0;
}

/** As `flowmap metrics`: binary float noise beyond twelve significant digits is not a figure. */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value)
    ? Number(value.toPrecision(12)) + 0
    : value;
}

function renderTable(map: FlowMap, state: MapState, m: MeasureJson): string {
  const wt = map.meta;
  const d = (minutes: number | null) => (minutes === null ? '—' : formatDuration(minutes, wt));
  const day = (iso: string) => iso.replace('T', ' ').slice(0, 16);
  const lines = [
    `${map.meta.title} — ${state.name}, measured`,
    '',
    `  Period        ${day(m.period.from)} → ${day(m.period.to)} UTC: ${m.items} items, ${m.events} events`,
    `  Working time  calendar time × ${wt.hoursPerDay} h × ${wt.daysPerWeek} d / 168 h = × ${m.conversion.share.toFixed(3)}`,
    '',
  ];
  const header = [
    'Stage',
    'Passes',
    'Items',
    'LT p50',
    'LT p85',
    'LT mean',
    'PT',
    '%C/A',
    'Sent back',
  ];
  // In flow order, as the stages stand on the map.
  const ranks = stageRanks(state);
  const rank = (id: string) => ranks.get(id) ?? 0;
  const rows = Object.entries(m.stages)
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([, s]) => [
      s.name,
      String(s.passes),
      String(s.items),
      d(s.leadTimeMinutes.p50),
      d(s.leadTimeMinutes.p85),
      d(s.leadTimeMinutes.mean),
      d(s.processTimeMinutes),
      formatPctCA(s.pctCA),
      s.rework
        .map(
          (r) =>
            `${formatRatio(r.rate)} to ${m.stages[r.to]?.name ?? state.nodes[r.to]?.name ?? r.to}`,
        )
        .join(', ') || '—',
    ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  for (const row of [header, ...rows]) {
    lines.push(
      `  ${row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}`,
    );
  }
  if (rows.length === 0) lines.push('  No log stage matches a stage of this state.');
  if (m.unmatchedStages.length > 0) {
    lines.push('', `  Not on the map (not counted): ${m.unmatchedStages.join(', ')}`);
  }
  if (m.dora) {
    // Read as the app reads them: the same values, wording and DORA levels (on working time).
    const inputs: DoraInputs = {
      deploymentsPerWeek: m.dora.deploymentsPerWeek,
      changeFailureRate: m.dora.changeFailureRate,
    };
    if (m.dora.timeToRestoreMinutes !== null)
      inputs.timeToRestoreMinutes = m.dora.timeToRestoreMinutes;
    if (m.dora.leadTimeForChangesMinutes !== null)
      inputs.leadTimeForChangesMinutes = m.dora.leadTimeForChangesMinutes;
    const assessed = classifyDora(inputs, 0, wt);
    lines.push(
      '',
      `  Four key metrics, measured from ${m.dora.deployments} deployments (${day(m.dora.period.from)} → ${day(m.dora.period.to)} UTC)`,
    );
    for (const a of Object.values(assessed)) {
      lines.push(`    ${a.label.padEnd(24)}${a.display}${a.level ? ` (${a.level})` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
