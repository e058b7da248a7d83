// The pipeline drawing: every node at its scaled canvas position, flow and rework arrows, and the
// bottleneck marks from the metrics. Nodes and edges are drawn in id order, so the output does not
// depend on the order in which the document happens to list them.
import { stateNodeEntries } from '../metrics/graph.ts';
import type { StateMetrics } from '../metrics/index.ts';
import { displayName, formatPctCA, readStageValues } from '../metrics/index.ts';
import { formatDuration } from '../model/durations.ts';
import type { MapNode, MapState, WorkingTime } from '../model/types.ts';
import { isPipelineNode } from '../model/types.ts';
import type { NoteText } from './annotations.ts';
import { kaizenShape, noteShape, noteText } from './annotations.ts';
import type { FlowStyle } from './edges.ts';
import { flowEdge, flowPath, linkEdge, loopGeometry, reworkEdge } from './edges.ts';
import type { LayoutItem, Rect } from './layout.ts';
import {
  BADGE_ROOM,
  fitNodes,
  KAIZEN_H,
  KAIZEN_W,
  NOTE_W,
  PROC_H,
  ROOF_H,
  STAGE_H,
  STAGE_W,
  TERMINAL_H,
  TERMINAL_W,
} from './layout.ts';
import type { StageView } from './shapes.ts';
import { stageShape, terminalShape } from './shapes.ts';
import { asText, el, formatPercent, num, text } from './svg.ts';
import { COLORS, heatLevel } from './theme.ts';

export interface Diagram {
  svg: string;
  width: number;
  height: number;
  /** Display values of every stage by id, for the ladder. */
  stages: Map<string, StageView>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Display values of a stage: durations in the map's working time, "—" for anything missing. */
export function stageView(
  id: string,
  node: MapNode,
  metrics: StateMetrics,
  wt: WorkingTime,
  ranks: ReadonlyMap<string, number>,
  quality: ReadonlySet<string>,
  cycle: ReadonlySet<string>,
): StageView {
  const values = readStageValues(node, '', wt, []);
  const sm = Object.hasOwn(metrics.stages, id) ? metrics.stages[id] : undefined;
  // Days as the largest unit, like the editor and the bottleneck reasons: "10d" reads better
  // next to "4h" than "2w" does.
  const fmt = (m: number) => formatDuration(m, wt, { maxParts: 3, largestUnit: 'd' });
  const lt = values.elapsedMinutes;
  const pt = values.valueAddMinutes;
  return {
    id,
    name: displayName(node, id),
    team: asText(node.team).trim(),
    lt: lt === null ? '—' : fmt(lt),
    // PT counts only up to LT in every figure, so it is shown that way too.
    pt: pt === null ? '—' : fmt(lt === null ? pt : Math.min(pt, lt)),
    pctCA: values.pctCA === null ? '—' : formatPctCA(values.pctCA),
    efficiency:
      lt !== null && pt !== null && sm?.efficiency != null
        ? formatPercent(sm.efficiency, true)
        : '—',
    heat: heatLevel(sm?.waitingShare ?? 0),
    rank: ranks.get(id) ?? null,
    quality: quality.has(id),
    critical: sm?.onCriticalPath ?? false,
    inCycle: cycle.has(id),
  };
}

interface Entry {
  id: string;
  node: MapNode;
  note?: NoteText;
}

function layoutItem(e: Entry): LayoutItem {
  const { x, y } = e.node;
  switch (e.node.type) {
    case 'stage':
      return { id: e.id, x, y, w: STAGE_W, h: STAGE_H, above: BADGE_ROOM, below: 0 };
    case 'start':
      return { id: e.id, x, y, w: TERMINAL_W, h: TERMINAL_H, above: 0, below: 0 };
    case 'end':
      return { id: e.id, x, y, w: TERMINAL_W, h: TERMINAL_H, above: ROOF_H, below: 0 };
    case 'kaizen':
      return { id: e.id, x, y, w: KAIZEN_W, h: KAIZEN_H, above: 0, below: 0 };
    default:
      return { id: e.id, x, y, w: NOTE_W, h: e.note?.height ?? 56, above: 0, below: 0 };
  }
}

const KNOWN_TYPES = new Set(['stage', 'start', 'end', 'kaizen', 'note']);

export function buildDiagram(
  state: MapState,
  metrics: StateMetrics,
  wt: WorkingTime,
  availW: number,
): Diagram {
  const entries: Entry[] = stateNodeEntries(state)
    .filter(([, node]) => KNOWN_TYPES.has(node.type))
    .sort(byKey)
    .map(([id, node]) => {
      if (node.type !== 'note') return { id, node };
      return { id, node, note: noteText(asText(node.name), asText(node.notes)) };
    });
  const stages = new Map<string, StageView>();
  if (entries.length === 0) return emptyDiagram(availW, stages);

  const layout = fitNodes(entries.map(layoutItem), availW);
  const ranks = new Map(metrics.bottlenecks.map((b) => [b.nodeId, b.rank]));
  const quality = new Set(metrics.qualityBottlenecks.map((q) => q.nodeId));
  const cycle = new Set(metrics.errors.flatMap((e) => e.nodeIds));
  const onPath = new Set(metrics.criticalPath);
  // The edges of a reported cycle: each node's flow edge to the next, the last back to the first.
  const cycleEdges = new Map<string, string>();
  for (const error of metrics.errors) {
    error.nodeIds.forEach((id, i) => {
      const next = error.nodeIds[(i + 1) % error.nodeIds.length];
      if (next !== undefined) cycleEdges.set(id, next);
    });
  }
  const nextOnPath = new Map<string, string>();
  metrics.criticalPath.forEach((id, i) => {
    const next = metrics.criticalPath[i + 1];
    if (next !== undefined) nextOnPath.set(id, next);
  });

  const byId = new Map(entries.map((e) => [e.id, e]));
  const pipeline: string[] = [];
  const kaizens: string[] = [];
  const notes: string[] = [];
  for (const e of entries) {
    const r = layout.rects.get(e.id);
    if (!r) continue;
    const { type } = e.node;
    if (type === 'stage') {
      const view = stageView(e.id, e.node, metrics, wt, ranks, quality, cycle);
      stages.set(e.id, view);
      pipeline.push(stageShape(r, view));
    } else if (type === 'start' || type === 'end') {
      pipeline.push(
        terminalShape(r, {
          id: e.id,
          type,
          name: displayName(e.node, e.id),
          critical: onPath.has(e.id),
          inCycle: cycle.has(e.id),
        }),
      );
    } else if (type === 'kaizen') {
      kaizens.push(kaizenShape(r, { id: e.id, name: asText(e.node.name) }));
    } else if (e.note) {
      notes.push(noteShape(r, { id: e.id, text: e.note }));
    }
  }

  // The box a flow arrow attaches to: a stage's process box, not its data box.
  const anchor = (id: string): Rect | undefined => {
    const r = layout.rects.get(id);
    if (!r) return undefined;
    return byId.get(id)?.node.type === 'stage' ? { ...r, h: PROC_H } : r;
  };
  const flows: string[] = [];
  const reworks: string[] = [];
  const links: string[] = [];
  let top = 0;
  let bottom = layout.height;
  const obstacles = [...layout.rects.values()];
  const edgeRecords: unknown = isRecord(state) ? state.edges : undefined;
  const edgeEntries = isRecord(edgeRecords) ? Object.entries(edgeRecords).sort(byKey) : [];
  for (const [id, edge] of edgeEntries) {
    if (!isRecord(edge)) continue;
    const { source, target, kind } = edge;
    if (typeof source !== 'string' || typeof target !== 'string' || source === target) continue;
    const from = anchor(source);
    const to = anchor(target);
    if (!from || !to) continue;
    const sourceType = byId.get(source)?.node.type;
    const targetType = byId.get(target)?.node.type;
    if (sourceType === 'kaizen' && targetType && isPipelineNode(targetType)) {
      links.push(linkEdge(id, from, to));
      continue;
    }
    if (!sourceType || !targetType || !isPipelineNode(sourceType) || !isPipelineNode(targetType)) {
      continue;
    }
    if (kind !== 'flow' && kind !== 'rework') continue;
    const d = kind === 'flow' ? flowPath(from, to) : 'loop';
    if (d === null) continue;
    const style: FlowStyle =
      cycleEdges.get(source) === target
        ? 'cycle'
        : nextOnPath.get(source) === target
          ? 'critical'
          : 'normal';
    if (d !== 'loop') {
      flows.push(flowEdge(id, d, style));
      continue;
    }
    const g = loopGeometry(
      layout.rects.get(source) ?? from,
      layout.rects.get(target) ?? to,
      obstacles,
    );
    top = Math.min(top, g.top);
    bottom = Math.max(bottom, g.bottom);
    if (kind === 'rework') reworks.push(reworkEdge(id, g));
    else flows.push(flowEdge(id, g.d, style));
  }

  // A rework arrow arching over the top boxes shifts the drawing down to make room.
  const svg = el(
    'g',
    { class: 'diagram', transform: top < 0 ? `translate(0,${num(-top)})` : undefined },
    el('g', { class: 'links' }, links.join('')) +
      el('g', { class: 'edges' }, flows.join('')) +
      el('g', { class: 'nodes' }, pipeline.join('')) +
      el('g', { class: 'rework-edges' }, reworks.join('')) +
      el('g', { class: 'kaizens' }, kaizens.join('')) +
      el('g', { class: 'notes' }, notes.join('')),
  );
  return { svg, width: layout.width, height: bottom - top, stages };
}

function emptyDiagram(availW: number, stages: Map<string, StageView>): Diagram {
  const w = Math.min(availW, 720);
  const h = 120;
  const svg = el(
    'g',
    { class: 'diagram empty' },
    el('rect', {
      x: 0,
      y: 0,
      width: w,
      height: h,
      rx: 8,
      fill: COLORS.surface2,
      stroke: COLORS.border,
      'stroke-width': 1.5,
      'stroke-dasharray': '6 4',
    }) +
      text(w / 2, h / 2 + 5, 'This state has no steps yet.', {
        size: 15,
        italic: true,
        fill: COLORS.muted,
        anchor: 'middle',
      }),
  );
  return { svg, width: w, height: h, stages };
}
