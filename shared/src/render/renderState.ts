// One state of a map as a standalone SVG document in VSM notation: header, pipeline, timeline
// ladder, metrics summary and legend, stacked top to bottom. The client's export button, the
// server endpoint and the CLI all call this, so every export of the same map is the same picture:
// the output depends on nothing but the arguments (no ids, dates or iteration-order effects).
import type { MetricsMeta, StateMetrics } from '../metrics/index.ts';
import {
  classifyDora,
  computeStateMetrics,
  DORA_KEYS,
  DORA_THRESHOLDS,
  metricSettings,
} from '../metrics/index.ts';
import { formatDuration } from '../model/durations.ts';
import type { FlowMap, MapState, WorkingTime } from '../model/types.ts';
import type { Diagram } from './diagram.ts';
import { buildDiagram } from './diagram.ts';
import { markerDefs } from './edges.ts';
import { HEADER_H, renderHeader, renderLegend, renderNotice, translate } from './frame.ts';
import type { LadderStep } from './ladder.ts';
import { renderLadder } from './ladder.ts';
import { DEFAULT_WIDTH, LADDER, ladderGeometry, MARGIN, MAX_WIDTH, MIN_WIDTH } from './layout.ts';
import type { SummaryData, SummaryNote } from './summary.ts';
import { renderSummary } from './summary.ts';
import { asText, el, escapeXml, formatPercent, num } from './svg.ts';
import { COLORS, FONT_STACK } from './theme.ts';

export interface RenderOptions {
  /** Preferred drawing width in px (default 1600); a map that cannot fit legibly widens it. */
  width?: number;
  /** Draw the timeline ladder under the pipeline (default true). */
  showLadder?: boolean;
  /** Draw the metrics summary panels (default true). */
  showSummary?: boolean;
  /** CSS font-family list; the default is a system font stack that resvg resolves too. */
  fontFamily?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function findState(map: FlowMap, stateId: string): MapState | null {
  const states: unknown = isRecord(map) ? map.states : undefined;
  if (!isRecord(states) || typeof stateId !== 'string' || !Object.hasOwn(states, stateId)) {
    return null;
  }
  const state = states[stateId];
  return isRecord(state) ? (state as unknown as MapState) : null;
}

/** At most `max` UTF-16 units; a surrogate pair cut in half is dropped by escapeXml. */
function ellipsizeChars(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function workingTimeText(wt: WorkingTime): string {
  return `${num(wt.hoursPerDay)} h per day, ${num(wt.daysPerWeek)} days per week`;
}

function summaryData(
  state: MapState,
  metrics: StateMetrics,
  wt: WorkingTime,
  hasCycle: boolean,
): SummaryData {
  const full = (m: number) => formatDuration(m, wt);
  const notes: SummaryNote[] = [];
  if (hasCycle) {
    notes.push({
      text: 'Flow cycle: lead time, value-add time and flow efficiency are not computed until it is broken.',
      color: COLORS.danger,
    });
  }
  if (metrics.incomplete.length > 0) {
    notes.push({
      text: `${plural(metrics.incomplete.length, 'stage is', 'stages are')} missing LT, PT or %C/A.`,
      color: COLORS.warn,
    });
  }
  if (metrics.problems.length > 0) {
    notes.push({
      text: `${plural(metrics.problems.length, 'invalid value was', 'invalid values were')} treated as missing.`,
      color: COLORS.warn,
    });
  }
  const shownQuality = metrics.qualityBottlenecks.slice(0, 4);
  const dora = isRecord(state.dora) && Object.keys(state.dora).length > 0 ? state.dora : null;
  const assessed = dora === null ? null : classifyDora(dora, metrics.totalLeadTimeMinutes, wt);
  const src = DORA_THRESHOLDS.source;
  return {
    rows: [
      {
        label: 'Total lead time',
        value: hasCycle ? '—' : full(metrics.totalLeadTimeMinutes),
        cls: 'total-lead-time',
      },
      {
        label: 'Value-add time',
        value: hasCycle ? '—' : full(metrics.totalValueAddMinutes),
        cls: 'total-value-add',
      },
      {
        label: 'Flow efficiency',
        value: hasCycle ? '—' : formatPercent(metrics.flowEfficiency),
        cls: 'flow-efficiency',
      },
      { label: 'Rolled %C/A', value: formatPercent(metrics.rolledPctCA), cls: 'rolled-pct-ca' },
      { label: 'Stages', value: String(metrics.stageCount), cls: 'stage-count' },
    ],
    notes,
    bottlenecks: metrics.bottlenecks.map((b) => ({ rank: b.rank, name: b.name, reason: b.reason })),
    quality: shownQuality.map((q) => ({ name: q.name, reason: q.reason })),
    qualityMore: metrics.qualityBottlenecks.length - shownQuality.length,
    noBottlenecks: hasCycle
      ? 'Bottlenecks are ranked once the flow cycle is broken.'
      : metrics.stageCount === 0
        ? 'No stages yet.'
        : 'No bottlenecks: nothing waits on the critical path.',
    dora:
      assessed === null
        ? null
        : DORA_KEYS.map((key) => ({
            label: assessed[key].label,
            display:
              assessed[key].source === 'computed' && assessed[key].value !== null
                ? `${assessed[key].display} (map)`
                : assessed[key].display,
            level: assessed[key].level,
          })),
    doraSource: `Levels as in the ${src.title} (DORA).`,
  };
}

function ladderSteps(metrics: StateMetrics, diagram: Diagram): LadderStep[] {
  const steps: LadderStep[] = [];
  for (const id of metrics.criticalPath) {
    const view = diagram.stages.get(id);
    if (!view) continue; // start and end nodes take no time
    steps.push({ id, name: view.name, lt: view.lt, pt: view.pt, heat: view.heat, rank: view.rank });
  }
  return steps;
}

export function renderStateSvg(map: FlowMap, stateId: string, options: RenderOptions = {}): string {
  const meta: Record<string, unknown> = isRecord(map) && isRecord(map.meta) ? map.meta : {};
  const settings = metricSettings(meta as Partial<MetricsMeta>);
  const wt = settings.wt;
  const found = findState(map, stateId);
  const state: MapState = found ?? {
    id: typeof stateId === 'string' ? stateId : '',
    name: '',
    kind: 'current',
    order: 0,
    nodes: {},
    edges: {},
  };
  const metrics = computeStateMetrics(state, meta as unknown as MetricsMeta);
  const hasCycle = metrics.errors.length > 0;
  const opt = isRecord(options) ? (options as RenderOptions) : {};
  const preferred =
    typeof opt.width === 'number' && Number.isFinite(opt.width)
      ? Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, opt.width)))
      : DEFAULT_WIDTH;
  const showLadder = opt.showLadder !== false;
  const showSummary = opt.showSummary !== false;
  const font =
    typeof opt.fontFamily === 'string' && opt.fontFamily.trim() !== ''
      ? opt.fontFamily
      : FONT_STACK;

  const title = asText(meta.title).trim() || 'Untitled map';
  const stateName = asText(state.name).trim() || asText(state.id) || 'Unnamed state';
  const kind = state.kind === 'future' ? 'future' : 'current';

  const diagram = buildDiagram(state, metrics, wt, preferred - 2 * MARGIN);
  const steps = ladderSteps(metrics, diagram);
  const base = Math.max(preferred, Math.ceil(diagram.width) + 2 * MARGIN);
  const geometry = ladderGeometry(steps.length, base - 2 * MARGIN);
  const width = Math.ceil(
    Math.max(base, showLadder && !hasCycle ? geometry.width + 2 * MARGIN : 0),
  );
  const inner = width - 2 * MARGIN;

  const body: string[] = [];
  let y = MARGIN;
  body.push(
    el('g', { transform: translate(MARGIN, y) }, renderHeader(title, stateName, kind, inner)),
  );
  y += HEADER_H;

  if (found === null) {
    const notice = renderNotice(
      'State not found',
      `This map has no state with the id “${typeof stateId === 'string' ? stateId : ''}”.`,
      Math.min(inner, 900),
    );
    body.push(el('g', { transform: translate(MARGIN, y) }, notice.svg));
    y += notice.height + 32;
  } else {
    const x = MARGIN + Math.max(0, (inner - diagram.width) / 2);
    body.push(el('g', { transform: translate(x, y) }, diagram.svg));
    y += diagram.height + 32;
  }

  if (showLadder) {
    if (hasCycle) {
      const message = metrics.errors.map((e) => e.message).join(' ');
      const notice = renderNotice(
        'Flow cycle: the timeline and totals cannot be computed',
        message,
        Math.min(inner, 1000),
      );
      body.push(el('g', { transform: translate(MARGIN, y) }, notice.svg));
      y += notice.height + 32;
    } else {
      const totals = {
        leadTime: formatDuration(metrics.totalLeadTimeMinutes, wt),
        valueAdd: formatDuration(metrics.totalValueAddMinutes, wt),
        flowEfficiency: formatPercent(metrics.flowEfficiency),
      };
      body.push(
        el('g', { transform: translate(MARGIN, y) }, renderLadder(steps, totals, geometry)),
      );
      y += LADDER.height + 32;
    }
  }

  if (showSummary) {
    const summary = renderSummary(summaryData(state, metrics, wt, hasCycle), inner);
    body.push(el('g', { transform: translate(MARGIN, y) }, summary.svg));
    y += summary.height + 24;
  }

  const legend = renderLegend(settings.lowPctCAThreshold, workingTimeText(wt), inner);
  body.push(el('g', { transform: translate(MARGIN, y) }, legend.svg));
  y += legend.height + MARGIN;
  const height = Math.ceil(y);

  const kindLabel = kind === 'future' ? 'future state' : 'current state';
  // "Current state (current state)" says nothing twice.
  const docTitle = stateName.toLowerCase().includes(kindLabel)
    ? `${title} — ${stateName}`
    : `${title} — ${stateName} (${kindLabel})`;
  const description = hasCycle
    ? `Value stream map. ${metrics.errors.map((e) => e.message).join(' ')}`
    : `Value stream map. Total lead time ${formatDuration(metrics.totalLeadTimeMinutes, wt)}, ` +
      `value-add time ${formatDuration(metrics.totalValueAddMinutes, wt)}, ` +
      `flow efficiency ${formatPercent(metrics.flowEfficiency)}, ` +
      `rolled %C/A ${formatPercent(metrics.rolledPctCA)}, ${plural(metrics.stageCount, 'stage', 'stages')}.`;

  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        version: '1.1',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        'font-family': font,
        'data-state-id': asText(state.id),
        'data-state-kind': kind,
      },
      el('title', {}, escapeXml(ellipsizeChars(docTitle, 300))) +
        el('desc', {}, escapeXml(description)) +
        el('defs', {}, markerDefs()) +
        el('rect', { x: 0, y: 0, width, height, fill: COLORS.background }) +
        body.join(''),
    ) +
    '\n'
  );
}
