// One state of a map as a standalone SVG document in VSM notation: header, pipeline, timeline
// ladder, metrics summary and legend, stacked top to bottom. The client's export button, the
// server endpoint and the CLI all call this, so every export of the same map is the same picture:
// the output depends on nothing but the arguments (no ids, dates or iteration-order effects).

import { inLocale } from '../i18n/locale.ts';
import type { MetricsMeta, StateMetrics } from '../metrics/index.ts';
import {
  classifyDora,
  computeStateMetrics,
  DORA_KEYS,
  DORA_THRESHOLDS,
  formatRatio,
  metricSettings,
} from '../metrics/index.ts';
import { formatDuration } from '../model/durations.ts';
import type { FlowMap, MapState, WorkingTime } from '../model/types.ts';
import type { Diagram } from './diagram.ts';
import { buildDiagram } from './diagram.ts';
import { markerDefs } from './edges.ts';
import {
  disconnectedText,
  expectedIfDifferent,
  incompleteTexts,
  projectedText,
  worstCaseTexts,
} from './figures.ts';
import type { LegendExtras } from './frame.ts';
import { HEADER_H, renderHeader, renderLegend, renderNotice, translate } from './frame.ts';
import type { LadderStep } from './ladder.ts';
import { renderLadder } from './ladder.ts';
import { DEFAULT_WIDTH, LADDER, ladderGeometry, MARGIN, MAX_WIDTH, MIN_WIDTH } from './layout.ts';
import { displayReasons, reasonMeta } from './reasons.ts';
import type { SummaryData, SummaryNote, SummaryRow } from './summary.ts';
import { renderSummary } from './summary.ts';
import { asText, el, escapeXml, formatPercent, num } from './svg.ts';
import { COLORS, FONT_STACK } from './theme.ts';
import { mapLocale, words } from './words.ts';

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

function workingTimeText(wt: WorkingTime): string {
  return words()('workingTime', { hours: num(wt.hoursPerDay), days: num(wt.daysPerWeek) });
}

function summaryData(
  state: MapState,
  metrics: StateMetrics,
  wt: WorkingTime,
  hasCycle: boolean,
  meta: unknown,
): SummaryData {
  const t = words();
  const reasons = displayReasons(metrics, state, wt, reasonMeta(meta));
  const notes: SummaryNote[] = [];
  if (hasCycle) notes.push({ text: t('summary.flowCycle'), color: COLORS.danger });
  const stray = disconnectedText(metrics);
  if (stray !== null) notes.push({ text: stray, color: COLORS.warn });
  for (const text of incompleteTexts(metrics)) notes.push({ text, color: COLORS.warn });
  if (metrics.problems.length > 0) {
    notes.push({
      text: t('summary.invalid', { count: metrics.problems.length }),
      color: COLORS.warn,
    });
  }
  const projected = projectedText(metrics, wt);
  if (projected !== null) notes.push({ text: projected, color: COLORS.accent });
  const shownQuality = metrics.qualityBottlenecks.slice(0, 4);
  const dora = isRecord(state.dora) && Object.keys(state.dora).length > 0 ? state.dora : null;
  const assessed = dora === null ? null : classifyDora(dora, metrics.totalLeadTimeMinutes, wt);
  const src = DORA_THRESHOLDS.source;
  return {
    rows: headlineRows(metrics, wt, hasCycle),
    notes,
    bottlenecks: metrics.bottlenecks.map((b) => ({
      rank: b.rank,
      name: b.name,
      reason: reasons.bottleneck.get(b.nodeId) ?? b.reason,
    })),
    quality: shownQuality.map((q) => ({
      name: q.name,
      reason: reasons.quality.get(q.nodeId) ?? q.reason,
    })),
    qualityMore: metrics.qualityBottlenecks.length - shownQuality.length,
    capacity: metrics.capacityBottlenecks.map((c) => ({
      name: c.name,
      busy: formatRatio(c.utilisation),
      reason: reasons.capacity.get(c.nodeId) ?? c.reason,
    })),
    noBottlenecks: hasCycle
      ? t('summary.noBottlenecksCycle')
      : metrics.stageCount === 0
        ? t('summary.noStages')
        : t('summary.noBottlenecks'),
    dora:
      assessed === null
        ? null
        : DORA_KEYS.map((key) => ({
            label: assessed[key].label,
            display:
              assessed[key].source === 'computed' && assessed[key].value !== null
                ? t('summary.fromMap', { value: assessed[key].display })
                : assessed[key].display,
            level: assessed[key].level,
          })),
    doraSource: t('summary.doraSource', { title: src.title }),
  };
}

/**
 * The worst case (the critical path) and, where either/or routes or rework rates make it differ,
 * the expected figure beside it; then rolled %C/A, takt when the map has a demand, the count.
 */
function headlineRows(metrics: StateMetrics, wt: WorkingTime, hasCycle: boolean): SummaryRow[] {
  const t = words();
  const rolled = {
    label: t('figure.rolledPctCA'),
    value: formatPercent(metrics.rolledPctCA),
    cls: 'rolled-pct-ca',
  };
  const stages = {
    label: t('figure.stages'),
    value: String(metrics.stageCount),
    cls: 'stage-count',
  };
  if (hasCycle) {
    return [
      { label: t('figure.totalLeadTime'), value: '—', cls: 'total-lead-time' },
      { label: t('figure.valueAdd'), value: '—', cls: 'total-value-add' },
      { label: t('figure.flowEfficiency'), value: '—', cls: 'flow-efficiency' },
      rolled,
      stages,
    ];
  }
  const worst = worstCaseTexts(metrics, wt);
  const expected = expectedIfDifferent(metrics, wt);
  const row = (
    label: string,
    value: string,
    cls: string,
    other: string | undefined,
    otherCls: string,
  ): SummaryRow =>
    other === undefined || other === value
      ? { label, value, cls }
      : {
          label,
          value,
          cls,
          pair: {
            note: t('figure.worstCase'),
            value: other,
            valueNote: t('figure.expected'),
            cls: otherCls,
          },
        };
  const rows: SummaryRow[] = [
    row(
      expected && expected.leadTime !== worst.leadTime
        ? t('figure.leadTime')
        : t('figure.totalLeadTime'),
      worst.leadTime,
      'total-lead-time',
      expected?.leadTime,
      'expected-lead-time',
    ),
    row(
      t('figure.valueAdd'),
      worst.valueAdd,
      'total-value-add',
      expected?.valueAdd,
      'expected-value-add',
    ),
    row(
      t('figure.flowEfficiency'),
      worst.flowEfficiency,
      'flow-efficiency',
      expected?.flowEfficiency,
      'expected-flow-efficiency',
    ),
    rolled,
  ];
  if (metrics.taktMinutes !== null) {
    rows.push({
      label: t('figure.takt'),
      value: formatDuration(metrics.taktMinutes, wt),
      cls: 'takt',
    });
  }
  rows.push(stages);
  return rows;
}

function ladderSteps(metrics: StateMetrics, diagram: Diagram): LadderStep[] {
  const steps: LadderStep[] = [];
  for (const id of metrics.criticalPath) {
    const stage = diagram.stages.get(id);
    if (stage) {
      const { name, lt, pt, heat, rank } = stage;
      steps.push({ id, kind: 'stage', name, lt, pt, heat, rank });
      continue;
    }
    // A queue is all waiting: its wait on the upper rung, no process time.
    const queue = diagram.queues.get(id);
    if (queue) {
      const { name, heat, rank } = queue;
      steps.push({ id, kind: 'queue', name, lt: queue.wait, pt: '', heat, rank });
    }
    // Start and end nodes take no time.
  }
  return steps;
}

/** Which of the v2 marks the drawing uses, so the legend explains those and only those. */
function legendExtras(state: MapState, metrics: StateMetrics): LegendExtras {
  const nodes = Object.values(isRecord(state.nodes) ? state.nodes : {});
  const edges = Object.values(isRecord(state.edges) ? state.edges : {});
  return {
    queue: Object.keys(metrics.queues).length > 0,
    shares: edges.some(
      (e) => isRecord(e) && e.kind === 'flow' && typeof e.share === 'number' && e.share >= 0,
    ),
    capacity: metrics.capacityBottlenecks.length > 0,
    notCounted: metrics.disconnected.length > 0,
    outside: nodes.some((n) => isRecord(n) && n.type === 'stage' && n.outside === true),
  };
}

export function renderStateSvg(map: FlowMap, stateId: string, options: RenderOptions = {}): string {
  const meta: Record<string, unknown> = isRecord(map) && isRecord(map.meta) ? map.meta : {};
  // The map's language for everything the picture says, formatted figures included.
  return inLocale(mapLocale(meta), () => renderIn(map, meta, stateId, options));
}

function renderIn(
  map: FlowMap,
  meta: Record<string, unknown>,
  stateId: string,
  options: RenderOptions,
): string {
  const t = words();
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

  const title = asText(meta.title).trim() || t('untitledMap');
  const stateName = asText(state.name).trim() || asText(state.id) || t('unnamedState');
  const kind = state.kind === 'future' ? 'future' : 'current';

  const diagram = buildDiagram(state, metrics, wt, preferred - 2 * MARGIN, settings.unitOfWork);
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
      t('notFound.title'),
      t('notFound.message', { id: typeof stateId === 'string' ? stateId : '' }),
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
      const notice = renderNotice(t('cycleNotice'), message, Math.min(inner, 1000));
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
    const summary = renderSummary(summaryData(state, metrics, wt, hasCycle, meta), inner);
    body.push(el('g', { transform: translate(MARGIN, y) }, summary.svg));
    y += summary.height + 24;
  }

  const legend = renderLegend(
    settings.lowPctCAThreshold,
    workingTimeText(wt),
    inner,
    legendExtras(state, metrics),
  );
  body.push(el('g', { transform: translate(MARGIN, y) }, legend.svg));
  y += legend.height + MARGIN;
  const height = Math.ceil(y);

  const kindLabel = t(`kind.${kind}`);
  // "Current state (current state)" says nothing twice.
  const docTitle = stateName.toLowerCase().includes(kindLabel)
    ? t('document.title', { title, state: stateName })
    : t('document.titleWithKind', { title, state: stateName, kind: kindLabel });
  const description = hasCycle
    ? t('document.cycle', { errors: metrics.errors.map((e) => e.message).join(' ') })
    : t('document.description', {
        leadTime: formatDuration(metrics.totalLeadTimeMinutes, wt),
        valueAdd: formatDuration(metrics.totalValueAddMinutes, wt),
        flowEfficiency: formatPercent(metrics.flowEfficiency),
        rolledPctCA: formatPercent(metrics.rolledPctCA),
        stages: t('document.stages', { count: metrics.stageCount }),
      });

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
