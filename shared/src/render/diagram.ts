// The pipeline drawing: every node at its scaled canvas position, flow and rework arrows (with
// route shares and rework rates), and the marks from the metrics: bottleneck ranks, low %C/A,
// capacity, and the faded steps that no counted path reaches. Nodes and edges are drawn in id
// order, so the output does not depend on the order in which the document happens to list them.
import { stateNodeEntries } from '../metrics/graph.ts';
import type { StateMetrics } from '../metrics/index.ts';
import { displayName, formatPctCA, formatRatio, readStageValues } from '../metrics/index.ts';
import { readCount } from '../metrics/values.ts';
import { formatDuration } from '../model/durations.ts';
import type { MapNode, MapState, WorkingTime } from '../model/types.ts';
import { isPipelineNode } from '../model/types.ts';
import { kaizenShape, noteShape } from './annotations.ts';
import type { FlowStyle } from './edges.ts';
import {
  flowEdge,
  flowPath,
  labelSpot,
  linkEdge,
  loopGeometry,
  reworkEdge,
  shareLabel,
  shareLabelWidth,
} from './edges.ts';
import { EDITOR_SIZES, NOTE_BOX, type NoteText, noteText } from './editorGeometry.ts';
import type { LayoutItem, Rect } from './layout.ts';
import {
  BADGE_ROOM,
  fitNodes,
  KAIZEN_H,
  KAIZEN_W,
  PROC_H,
  QUEUE_H,
  QUEUE_W,
  ROOF_H,
  STAGE_H,
  STAGE_W,
  TERMINAL_H,
  TERMINAL_W,
} from './layout.ts';
import type { QueueView } from './queue.ts';
import { queueAnchor, queueShape } from './queue.ts';
import type { StageView } from './shapes.ts';
import { stageShape, terminalShape } from './shapes.ts';
import { asText, el, formatPercent, num, text } from './svg.ts';
import { COLORS, heatLevel } from './theme.ts';
import { words } from './words.ts';

export interface Diagram {
  svg: string;
  width: number;
  height: number;
  /** Display values of every stage by id, for the ladder. */
  stages: Map<string, StageView>;
  /** Display values of every queue by id, for the ladder. */
  queues: Map<string, QueueView>;
}

/** What the node marks are drawn from, looked up once per diagram. */
interface Marks {
  ranks: ReadonlyMap<string, number>;
  quality: ReadonlySet<string>;
  cycle: ReadonlySet<string>;
  disconnected: ReadonlySet<string>;
  /** Utilisation of each capacity bottleneck. */
  busy: ReadonlyMap<string, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

// One duration format everywhere (exact, largest units first), the same as the editor's boxes.
const stepDuration = (m: number, wt: WorkingTime) => formatDuration(m, wt);

/** Display values of a stage: durations in the map's working time, "—" for anything missing. */
export function stageView(
  id: string,
  node: MapNode,
  metrics: StateMetrics,
  wt: WorkingTime,
  marks: Marks,
): StageView {
  const values = readStageValues(node, '', wt, []);
  const sm = Object.hasOwn(metrics.stages, id) ? metrics.stages[id] : undefined;
  const fmt = (m: number) => stepDuration(m, wt);
  const busy = marks.busy.get(id);
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
    rank: marks.ranks.get(id) ?? null,
    quality: marks.quality.has(id),
    busy: busy === undefined ? null : formatRatio(busy),
    critical: sm?.onCriticalPath ?? false,
    inCycle: marks.cycle.has(id),
    counted: !marks.disconnected.has(id),
    outside: node.outside === true,
  };
}

/** Display values of a queue: its wait as the metrics count it, "wait?" when it has none. */
export function queueView(
  id: string,
  node: MapNode,
  metrics: StateMetrics,
  wt: WorkingTime,
  unitOfWork: string,
  marks: Marks,
): QueueView {
  const qm = Object.hasOwn(metrics.queues, id) ? metrics.queues[id] : undefined;
  // A queue without a usable wait is listed as incomplete and counts as 0; "0m" would claim
  // that nothing waits there.
  const missing = qm === undefined || metrics.incomplete.includes(id);
  const items = readCount(node, 'items', '', []);
  return {
    id,
    name: displayName(node, id),
    wait: missing ? words()('node.waitUnknown') : stepDuration(qm.elapsedMinutes, wt),
    waitMissing: missing,
    items: items === null ? '' : words()('node.items', { count: items, unit: unitOfWork }),
    heat: heatLevel(qm?.waitingShare ?? 0),
    rank: marks.ranks.get(id) ?? null,
    critical: qm?.onCriticalPath ?? false,
    inCycle: marks.cycle.has(id),
    counted: !marks.disconnected.has(id),
  };
}

interface Entry {
  id: string;
  node: MapNode;
  note?: NoteText;
}

function layoutItem(e: Entry): LayoutItem {
  const item = drawnItem(e);
  // Where the editor shows the node: a note is kept clear in the export of what it is clear of
  // there (layout.ts), since shapes keep their size while positions are scaled.
  const editor =
    e.node.type === 'note' ? { w: NOTE_BOX.width, h: item.h } : EDITOR_SIZES[e.node.type];
  return { ...item, editor, keepClear: e.node.type === 'note' };
}

function drawnItem(e: Entry): LayoutItem {
  const { x, y } = e.node;
  switch (e.node.type) {
    case 'stage': {
      // An outside step's factory roof stands on its box, and its marks above the roof.
      const above = e.node.outside === true ? BADGE_ROOM + ROOF_H : BADGE_ROOM;
      return { id: e.id, x, y, w: STAGE_W, h: STAGE_H, above, below: 0 };
    }
    case 'queue':
      return { id: e.id, x, y, w: QUEUE_W, h: QUEUE_H, above: BADGE_ROOM, below: 0 };
    case 'start':
      return { id: e.id, x, y, w: TERMINAL_W, h: TERMINAL_H, above: 0, below: 0 };
    case 'end':
      return { id: e.id, x, y, w: TERMINAL_W, h: TERMINAL_H, above: ROOF_H, below: 0 };
    case 'kaizen':
      return { id: e.id, x, y, w: KAIZEN_W, h: KAIZEN_H, above: 0, below: 0 };
    default:
      return {
        id: e.id,
        x,
        y,
        w: NOTE_BOX.width,
        h: e.note?.height ?? NOTE_BOX.minHeight,
        above: 0,
        below: 0,
      };
  }
}

const KNOWN_TYPES = new Set(['stage', 'start', 'end', 'kaizen', 'note', 'queue']);

/** A route share or rework rate as the map holds it, or null when it is not a fraction. */
function fraction(value: unknown, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max
    ? value
    : null;
}

export function buildDiagram(
  state: MapState,
  metrics: StateMetrics,
  wt: WorkingTime,
  availW: number,
  unitOfWork = 'item',
): Diagram {
  const entries: Entry[] = stateNodeEntries(state)
    .filter(([, node]) => KNOWN_TYPES.has(node.type))
    .sort(byKey)
    .map(([id, node]) => {
      if (node.type !== 'note') return { id, node };
      return { id, node, note: noteText(asText(node.name), asText(node.team), asText(node.notes)) };
    });
  const stages = new Map<string, StageView>();
  const queues = new Map<string, QueueView>();
  if (entries.length === 0) return emptyDiagram(availW, stages, queues);

  const layout = fitNodes(entries.map(layoutItem), availW);
  const cycle = new Set(metrics.errors.flatMap((e) => e.nodeIds));
  const marks: Marks = {
    ranks: new Map(metrics.bottlenecks.map((b) => [b.nodeId, b.rank])),
    quality: new Set(metrics.qualityBottlenecks.map((q) => q.nodeId)),
    cycle,
    disconnected: new Set(metrics.disconnected),
    busy: new Map(metrics.capacityBottlenecks.map((c) => [c.nodeId, c.utilisation])),
  };
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
      const view = stageView(e.id, e.node, metrics, wt, marks);
      stages.set(e.id, view);
      pipeline.push(stageShape(r, view));
    } else if (type === 'queue') {
      const view = queueView(e.id, e.node, metrics, wt, unitOfWork, marks);
      queues.set(e.id, view);
      pipeline.push(queueShape(r, view));
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

  // The box a flow arrow attaches to: a stage's process box, not its data box; a queue's triangle.
  const anchor = (id: string): Rect | undefined => {
    const r = layout.rects.get(id);
    if (!r) return undefined;
    const type = byId.get(id)?.node.type;
    if (type === 'stage') return { ...r, h: PROC_H };
    return type === 'queue' ? queueAnchor(r) : r;
  };
  const flows: string[] = [];
  const labels: string[] = [];
  const reworks: string[] = [];
  const links: string[] = [];
  let top = 0;
  let bottom = layout.height;
  const obstacles = [...layout.rects.values()];
  // What a share label must not cover: every node with the marks above it (badges and tags).
  const labelBoxes = [...layout.rects.values()].map((r) => ({
    ...r,
    y: r.y - BADGE_ROOM,
    h: r.h + BADGE_ROOM,
  }));
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
    // An either/or route says which share of the items takes it.
    const share = kind === 'flow' ? fraction(edge.share, 1) : null;
    const shareText = share === null ? null : formatRatio(share);
    if (d !== 'loop') {
      flows.push(flowEdge(id, d.d, style));
      if (shareText !== null) {
        const at = labelSpot(d, shareLabelWidth(shareText), labelBoxes);
        labels.push(shareLabel(id, at, shareText, style));
      }
      continue;
    }
    const g = loopGeometry(
      layout.rects.get(source) ?? from,
      layout.rects.get(target) ?? to,
      obstacles,
    );
    top = Math.min(top, g.top);
    bottom = Math.max(bottom, g.bottom);
    if (kind === 'rework') {
      const rate = fraction(edge.rate, 1);
      reworks.push(reworkEdge(id, g, rate === null || rate >= 1 ? null : formatRatio(rate)));
    } else {
      flows.push(flowEdge(id, g.d, style));
      if (shareText !== null) {
        labels.push(shareLabel(id, { x: g.labelX, y: g.labelY }, shareText, style));
      }
    }
  }

  // A rework arrow arching over the top boxes shifts the drawing down to make room.
  const svg = el(
    'g',
    { class: 'diagram', transform: top < 0 ? `translate(0,${num(-top)})` : undefined },
    el('g', { class: 'links' }, links.join('')) +
      el('g', { class: 'edges' }, flows.join('')) +
      el('g', { class: 'nodes' }, pipeline.join('')) +
      (labels.length > 0 ? el('g', { class: 'share-labels' }, labels.join('')) : '') +
      el('g', { class: 'rework-edges' }, reworks.join('')) +
      el('g', { class: 'kaizens' }, kaizens.join('')) +
      el('g', { class: 'notes' }, notes.join('')),
  );
  return { svg, width: layout.width, height: bottom - top, stages, queues };
}

function emptyDiagram(
  availW: number,
  stages: Map<string, StageView>,
  queues: Map<string, QueueView>,
): Diagram {
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
      text(w / 2, h / 2 + 5, words()('emptyState'), {
        size: 15,
        italic: true,
        fill: COLORS.muted,
        anchor: 'middle',
      }),
  );
  return { svg, width: w, height: h, stages, queues };
}
