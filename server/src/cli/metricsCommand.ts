// `flowmap metrics <map.json> [--json]`: the metrics engine on a schema-v1 file. Exit codes are a
// contract for scripts: 2 = the file is unusable (nothing on stdout), 1 = a state has errors such
// as a flow cycle, 0 = all states computed.
import {
  computeStateMetrics,
  type FlowMap,
  formatDuration,
  type StateMetrics,
} from '@flowmap/shared';
import type { CliIO, ExitCode } from './io.ts';
import { loadMap } from './loadMap.ts';

export interface MetricsJsonState {
  id: string;
  name: string;
  kind: string;
  totalLeadTimeMinutes: number;
  totalValueAddMinutes: number;
  flowEfficiency: number | null;
  rolledPctCA: number | null;
  criticalPath: string[];
  bottlenecks: { nodeId: string; name: string; waitingMinutes: number; reason: string }[];
  qualityBottlenecks: { nodeId: string; name: string; pctCA: number; reason: string }[];
  errors: string[];
}

export async function metricsCommand(
  file: string,
  options: { json: boolean },
  io: CliIO,
): Promise<ExitCode> {
  const map = await loadMap(file, io);
  if (!map) return 2;
  const states = computeAll(map);
  io.out(options.json ? `${JSON.stringify({ states }, null, 2)}\n` : renderTable(map, states));
  return states.some((s) => s.errors.length > 0) ? 1 : 0;
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
    rolledPctCA: m.rolledPctCA,
    criticalPath: m.criticalPath,
    bottlenecks: m.bottlenecks.map(({ nodeId, name, waitingMinutes, reason }) => ({
      nodeId,
      name,
      waitingMinutes,
      reason,
    })),
    qualityBottlenecks: m.qualityBottlenecks.map(({ nodeId, name, pctCA, reason }) => ({
      nodeId,
      name,
      pctCA,
      reason,
    })),
    errors: m.errors.map((e) => e.message),
  };
}

const percent = (fraction: number | null) =>
  fraction === null ? '—' : `${(fraction * 100).toFixed(1)}%`;

function renderTable(map: FlowMap, states: MetricsJsonState[]): string {
  const wt = map.meta;
  const lines: string[] = [`${map.meta.title}`, ''];
  for (const state of states) {
    const nodes = map.states[state.id]?.nodes ?? {};
    const label = (id: string) => nodes[id]?.name || id;
    lines.push(`${state.name} (${state.kind})`);
    const rows: [string, string][] = [
      ['Total lead time', formatDuration(state.totalLeadTimeMinutes, wt)],
      ['Value-add time', formatDuration(state.totalValueAddMinutes, wt)],
      ['Flow efficiency', percent(state.flowEfficiency)],
      ['Rolled %C/A', percent(state.rolledPctCA)],
      ['Critical path', state.criticalPath.map(label).join(' → ') || '—'],
    ];
    for (const [key, value] of rows) lines.push(`  ${key.padEnd(17)}${value}`);
    if (state.bottlenecks.length > 0) {
      lines.push('  Bottlenecks');
      const width = Math.max(...state.bottlenecks.map((b) => b.name.length));
      state.bottlenecks.forEach((b, i) => {
        lines.push(`    ${i + 1}. ${b.name.padEnd(width)}  ${b.reason}`);
      });
    }
    if (state.qualityBottlenecks.length > 0) {
      lines.push('  Quality bottlenecks');
      const width = Math.max(...state.qualityBottlenecks.map((q) => q.name.length));
      for (const q of state.qualityBottlenecks)
        lines.push(`    ${q.name.padEnd(width)}  ${q.reason}`);
    }
    for (const error of state.errors) lines.push(`  Error: ${error}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
