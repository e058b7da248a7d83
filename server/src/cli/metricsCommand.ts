// `flowmap metrics <map.json> [--json] [--strict]`: the metrics engine on a map file (schema v2;
// v1 files are read through the migration). The JSON fields are a public contract that other
// tools read (PRODUCT.md, "Metrics v2"); numbers carry no float noise beyond 1e-9. Exit codes are a
// contract for scripts: 2 = the file is unusable (nothing on stdout), 1 = a state has errors such
// as a flow cycle (or, with --strict, anything incomplete, wrong or not connected), 0 = all clear.
import {
  computeStateMetrics,
  type FlowMap,
  formatDuration,
  formatRatio,
  type HeadlineFigures,
  type StateMetrics,
} from '@flowmap/shared';
import type { CliIO, ExitCode } from './io.ts';
import { loadMap } from './loadMap.ts';

export interface MetricsJsonState extends HeadlineFigures {
  id: string;
  name: string;
  kind: string;
  criticalPath: string[];
  bottlenecks: {
    nodeId: string;
    name: string;
    kind: 'stage' | 'queue';
    waitingMinutes: number;
    waitingShare: number;
    reason: string;
  }[];
  qualityBottlenecks: { nodeId: string; name: string; pctCA: number; reason: string }[];
  capacityBottlenecks: { nodeId: string; name: string; utilisation: number; reason: string }[];
  disconnected: string[];
  incomplete: string[];
  problems: { path: string; message: string }[];
  errors: string[];
  routeCount: number;
  /** Working minutes between two items at the map's demand; null without demand. */
  taktMinutes: number | null;
  utilisation: Record<string, number>;
  projected: HeadlineFigures;
}

export async function metricsCommand(
  file: string,
  options: { json: boolean; strict?: boolean },
  io: CliIO,
): Promise<ExitCode> {
  const map = await loadMap(file, io);
  if (!map) return 2;
  const states = computeAll(map);
  io.out(
    options.json ? `${JSON.stringify({ states }, roundNumbers, 2)}\n` : renderTable(map, states),
  );
  if (states.some((s) => s.errors.length > 0)) return 1;
  const doubtful = (s: MetricsJsonState) =>
    s.incomplete.length > 0 || s.problems.length > 0 || s.disconnected.length > 0;
  return options.strict && states.some(doubtful) ? 1 : 0;
}

/**
 * 0.3866309999999999 → 0.386631: binary float noise is not part of a figure. Twelve significant
 * digits keep every real digit of a fraction or a number of minutes and drop the noise, which sits
 * in the 16th.
 */
function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value)
    ? Number(value.toPrecision(12)) + 0
    : value;
}

export function computeAll(map: FlowMap): MetricsJsonState[] {
  return Object.values(map.states)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .map((state) => toJson(state.id, state.name, state.kind, computeStateMetrics(state, map.meta)));
}

function toJson(id: string, name: string, kind: string, m: StateMetrics): MetricsJsonState {
  return {
    id,
    name,
    kind,
    totalLeadTimeMinutes: m.totalLeadTimeMinutes,
    totalValueAddMinutes: m.totalValueAddMinutes,
    flowEfficiency: m.flowEfficiency,
    expectedLeadTimeMinutes: m.expectedLeadTimeMinutes,
    expectedValueAddMinutes: m.expectedValueAddMinutes,
    expectedFlowEfficiency: m.expectedFlowEfficiency,
    rolledPctCA: m.rolledPctCA,
    criticalPath: m.criticalPath,
    bottlenecks: m.bottlenecks.map((b) => ({
      nodeId: b.nodeId,
      name: b.name,
      kind: (m.queues[b.nodeId] ? 'queue' : 'stage') as 'stage' | 'queue',
      waitingMinutes: b.waitingMinutes,
      waitingShare: b.waitingShare,
      reason: b.reason,
    })),
    qualityBottlenecks: m.qualityBottlenecks.map(({ nodeId, name, pctCA, reason }) => ({
      nodeId,
      name,
      pctCA,
      reason,
    })),
    capacityBottlenecks: m.capacityBottlenecks,
    disconnected: m.disconnected,
    incomplete: m.incomplete,
    problems: m.problems,
    errors: m.errors.map((e) => e.message),
    routeCount: m.routeCount,
    taktMinutes: m.taktMinutes,
    utilisation: m.utilisation,
    projected: m.projected,
  };
}

// As the app writes a ratio, so the table and the screen quote the same figure.
const percent = formatRatio;

function renderTable(map: FlowMap, states: MetricsJsonState[]): string {
  const wt = map.meta;
  const lines: string[] = [`${map.meta.title}`, ''];
  for (const state of states) {
    const nodes = map.states[state.id]?.nodes ?? {};
    const label = (id: string) => nodes[id]?.name || id;
    const duration = (minutes: number) => formatDuration(minutes, wt);
    const both = (worst: string, expected: string) =>
      worst === expected ? worst : `${worst} worst case, ${expected} expected`;
    lines.push(`${state.name} (${state.kind})`);
    const rows: [string, string][] = [
      [
        'Total lead time',
        both(duration(state.totalLeadTimeMinutes), duration(state.expectedLeadTimeMinutes)),
      ],
      [
        'Value-add time',
        both(duration(state.totalValueAddMinutes), duration(state.expectedValueAddMinutes)),
      ],
      [
        'Flow efficiency',
        both(percent(state.flowEfficiency), percent(state.expectedFlowEfficiency)),
      ],
      ['Rolled %C/A', percent(state.rolledPctCA)],
      ['Critical path', state.criticalPath.map(label).join(' → ') || '—'],
    ];
    if (state.taktMinutes !== null) rows.push(['Takt', duration(state.taktMinutes)]);
    const p = state.projected;
    if (
      p.totalLeadTimeMinutes !== state.totalLeadTimeMinutes ||
      p.rolledPctCA !== state.rolledPctCA ||
      p.expectedLeadTimeMinutes !== state.expectedLeadTimeMinutes
    ) {
      rows.push([
        'With the kaizens',
        `${duration(p.expectedLeadTimeMinutes)} expected, ${percent(p.rolledPctCA)} rolled %C/A`,
      ]);
    }
    for (const [key, value] of rows) lines.push(`  ${key.padEnd(17)}${value}`);
    const list = (title: string, items: { name: string; reason: string }[], numbered = false) => {
      if (items.length === 0) return;
      lines.push(`  ${title}`);
      const width = Math.max(...items.map((b) => b.name.length));
      items.forEach((b, i) => {
        lines.push(`    ${numbered ? `${i + 1}. ` : ''}${b.name.padEnd(width)}  ${b.reason}`);
      });
    };
    list('Bottlenecks', state.bottlenecks, true);
    list('Quality bottlenecks', state.qualityBottlenecks);
    list('Capacity bottlenecks', state.capacityBottlenecks);
    // Never silent: what the figures leave out or could not read.
    if (state.disconnected.length > 0) {
      lines.push(`  Not connected (not counted): ${state.disconnected.map(label).join(', ')}`);
    }
    if (state.incomplete.length > 0) {
      lines.push(
        `  Incomplete (missing values count as 0): ${state.incomplete.map(label).join(', ')}`,
      );
    }
    for (const problem of state.problems)
      lines.push(`  Problem: ${problem.path}: ${problem.message}`);
    for (const error of state.errors) lines.push(`  Error: ${error}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
