// The document snapshot → React Flow nodes and edges. Pure: everything the canvas shows is
// derived here from the active state, its metrics, local drags, peers' drags and selections.
//
// The session replaces every node object on each document update, so a cache keyed by id hands
// back the previous React Flow object when nothing it shows changed. React Flow then keeps its
// internal node (measured size, handle bounds) and memoised node components skip rendering: on a
// 300-stage map a drag frame re-creates only the dragged nodes.

import {
  formatDuration,
  formatPctCA,
  formatRatio,
  formatShare,
  isPipelineNode,
  KAIZEN_STATUSES,
  type KaizenStatus,
  type MapNode,
  type MapState,
  NODE_TYPES,
  type StateMetrics,
  type WorkingTime,
} from '@flowmap/shared';
import { displayLocale, type Locale } from '@flowmap/shared/i18n';
import { MarkerType } from '@xyflow/react';
import { reasonsOf } from '../store/reasons.ts';
import { describeNode } from './describe.ts';
import { heatLevel } from './heat.ts';
import { defaultSize, handleBoxes } from './nodes/sizes.ts';
import {
  HANDLES,
  type PeerTag,
  type Size,
  type VsmEdge,
  type VsmEdgeData,
  type VsmNode,
  type VsmNodeData,
  type XY,
} from './types.ts';

export interface DeriveInput {
  state: MapState;
  metrics: StateMetrics | null;
  workingTime: WorkingTime;
  editable: boolean;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** This client's drag in progress; wins over everything. */
  dragPositions: Readonly<Record<string, XY>>;
  /** Collaborators' drags in progress on this state. */
  peerDragging: Readonly<Record<string, XY>>;
  /** Collaborators selecting (or dragging) each node. */
  peerTags: Readonly<Record<string, readonly PeerTag[]>>;
  /** Sizes React Flow measured; without them a re-created node would be hidden until re-measured. */
  measured: ReadonlyMap<string, Size>;
  /** The map's unit of work and demand, which reasons name ("10 changes wait 2d …"). */
  meta?: { unitOfWork?: string; demandPerDay?: number } | null;
}

export interface DeriveCache {
  nodes: Map<string, VsmNode>;
  edges: Map<string, VsmEdge>;
  /** The arrays last returned, handed back when every element in them was reused. */
  nodeList: VsmNode[];
  edgeList: VsmEdge[];
  /** The display language the cached nodes' announcements (`ariaLabel`) are worded in. */
  locale: Locale;
}

export function createDeriveCache(): DeriveCache {
  return {
    nodes: new Map(),
    edges: new Map(),
    nodeList: [],
    edgeList: [],
    locale: displayLocale(),
  };
}

/**
 * `next` if anything in it changed, else the array returned last time: React Flow rebuilds its
 * edge lookup and markers whenever it gets a new `edges` array, which during a drag (nodes move,
 * edges do not) cost more than the drag itself on a 300-stage map.
 */
function stable<T>(previous: T[], next: T[]): T[] {
  if (previous.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) if (previous[i] !== next[i]) return next;
  return previous;
}

const NO_PEERS: readonly PeerTag[] = [];
const KNOWN_TYPES = new Set<string>(NODE_TYPES);

export const FLOW_COLOUR = '#475467';
export const CRITICAL_COLOUR = '#1d2330';
export const REWORK_COLOUR = '#c62828';

const MARKERS = {
  flow: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: FLOW_COLOUR },
  critical: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: CRITICAL_COLOUR },
  rework: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: REWORK_COLOUR },
} as const;

function validMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function duration(value: unknown, wt: WorkingTime): string | null {
  return validMinutes(value) ? formatDuration(value, wt) : null;
}

function samePeers(a: readonly PeerTag[], b: readonly PeerTag[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((p, i) => p.name === b[i]?.name && p.colour === b[i]?.colour);
}

function sameData(a: VsmNodeData, b: VsmNodeData): boolean {
  return (
    a.name === b.name &&
    a.team === b.team &&
    a.lt === b.lt &&
    a.pt === b.pt &&
    a.ca === b.ca &&
    a.eff === b.eff &&
    a.heat === b.heat &&
    a.rank === b.rank &&
    a.rankReason === b.rankReason &&
    a.quality === b.quality &&
    a.critical === b.critical &&
    a.counted === b.counted &&
    a.busy === b.busy &&
    a.outside === b.outside &&
    a.measured === b.measured &&
    a.range === b.range &&
    a.owner === b.owner &&
    a.status === b.status &&
    a.editable === b.editable &&
    samePeers(a.peers, b.peers)
  );
}

function sameNode(a: VsmNode, b: VsmNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    sameData(a.data, b.data)
  );
}

function sameEdge(a: VsmEdge, b: VsmEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.type === b.type &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.data?.critical === b.data?.critical &&
    a.data?.editable === b.data?.editable &&
    a.data?.amount === b.data?.amount &&
    a.data?.peerColour === b.data?.peerColour
  );
}

/**
 * What an arrow carries, as the exports write it (formatRatio): a flow arrow's share of an
 * either/or route, a rework arrow's rate. Null when it has none, or one the metrics cannot use.
 */
function edgeAmount(edge: MapState['edges'][string]): string | null {
  const value = edge.kind === 'rework' ? edge.rate : edge.share;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) return null;
  return edge.kind === 'rework' && value >= 1 ? null : formatRatio(value);
}

function withPeer(data: VsmEdgeData, tags: readonly PeerTag[] | undefined): VsmEdgeData {
  const colour = tags?.[0]?.colour;
  return colour ? { ...data, peerColour: colour } : data;
}

/** Keys "source→target" of consecutive pairs on the critical path. */
function criticalPairs(path: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < path.length; i++) pairs.add(`${path[i - 1]}\u0000${path[i]}`);
  return pairs;
}

function nodeData(
  id: string,
  input: DeriveInput,
  ranks: ReadonlyMap<string, { rank: number; reason: string }>,
  quality: ReadonlyMap<string, string>,
  capacity: ReadonlyMap<string, string>,
  onPath: ReadonlySet<string>,
): VsmNodeData {
  const node = input.state.nodes[id];
  const stage = node?.type === 'stage' ? input.metrics?.stages[id] : undefined;
  const counted = (stage ?? input.metrics?.queues[id])?.counted ?? true;
  const busy = capacity.get(id) ?? null;
  const ranked = ranks.get(id);
  const pctCA = node?.pctCA;
  return {
    name: typeof node?.name === 'string' ? node.name : '',
    team: typeof node?.team === 'string' ? node.team : '',
    lt:
      node?.type === 'stage'
        ? duration(node.elapsedMinutes, input.workingTime)
        : node?.type === 'queue'
          ? duration(input.metrics?.queues[id]?.elapsedMinutes, input.workingTime)
          : null,
    pt: node?.type === 'stage' ? duration(node.valueAddMinutes, input.workingTime) : null,
    ca:
      node?.type === 'stage' && typeof pctCA === 'number' && pctCA >= 0 && pctCA <= 100
        ? formatPctCA(pctCA)
        : null,
    eff:
      stage && stage.efficiency !== null && validMinutes(node?.elapsedMinutes)
        ? formatShare(stage.efficiency)
        : null,
    counted,
    busy,
    heat: stage ? heatLevel(stage.waitingShare) : 0,
    rank: ranked?.rank ?? null,
    rankReason: ranked?.reason ?? null,
    quality: quality.get(id) ?? null,
    critical: onPath.has(id),
    editable: input.editable,
    peers: input.peerTags[id] ?? NO_PEERS,
    outside: node?.type === 'stage' && node.outside === true,
    measured: node?.type === 'stage' && node.timeSource === 'measured',
    range: node?.type === 'stage' ? ltRange(node, input.workingTime) : null,
    owner: node?.type === 'kaizen' && typeof node.owner === 'string' ? node.owner : '',
    status:
      node?.type === 'kaizen' && KAIZEN_STATUSES.includes(node.status as KaizenStatus)
        ? (node.status as KaizenStatus)
        : null,
  };
}

/** "1d – 3d": a stage's three-point range of LT, when both ends are set. */
function ltRange(node: MapNode, wt: WorkingTime): string | null {
  const low = duration(node.elapsedLowMinutes, wt);
  const high = duration(node.elapsedHighMinutes, wt);
  return low !== null && high !== null ? `${low} – ${high}` : null;
}

/**
 * React Flow nodes and edges for one state. Pass the same `cache` on every call to get unchanged
 * elements back as the very same objects.
 */
export function toFlowElements(
  input: DeriveInput,
  cache: DeriveCache = createDeriveCache(),
): { nodes: VsmNode[]; edges: VsmEdge[] } {
  const { state, metrics } = input;
  const reasons = metrics
    ? reasonsOf(metrics, input.state, input.workingTime, input.meta ?? null)
    : null;
  const ranks = new Map(
    metrics?.bottlenecks.map(
      (b) =>
        [
          b.nodeId,
          { rank: b.rank, reason: reasons?.bottleneck.get(b.nodeId) ?? b.reason },
        ] as const,
    ),
  );
  const quality: ReadonlyMap<string, string> = reasons?.quality ?? new Map();
  const capacity: ReadonlyMap<string, string> = reasons?.capacity ?? new Map();
  const onPath = new Set(metrics?.criticalPath);
  const pathPairs = criticalPairs(metrics?.criticalPath ?? []);

  // After a language switch every node is announced anew.
  const sameLocale = cache.locale === displayLocale();
  cache.locale = displayLocale();
  const nodes: VsmNode[] = [];
  const nextNodes = new Map<string, VsmNode>();
  for (const [id, node] of Object.entries(state.nodes)) {
    if (!KNOWN_TYPES.has(node.type)) continue;
    const position = input.dragPositions[id] ?? input.peerDragging[id] ?? { x: node.x, y: node.y };
    const measured = input.measured.get(id);
    const fresh: VsmNode = {
      id,
      type: node.type,
      position: { x: position.x, y: position.y },
      data: nodeData(id, input, ranks, quality, capacity, onPath),
      selected: input.selectedNodes.has(id),
      // Until measured, the usual size: React Flow shows a node only once it knows a size, and a
      // node just added must be visible at once for its name input to take focus. And where its
      // handles will be, so that React Flow does not mount it just to measure them (sizes.ts).
      ...(measured
        ? { measured: { width: measured.width, height: measured.height } }
        : {
            initialWidth: defaultSize(node.type).width,
            initialHeight: defaultSize(node.type).height,
            handles: handleBoxes(node.type, defaultSize(node.type)),
          }),
    };
    const previous = cache.nodes.get(id);
    const reuse = previous !== undefined && sameLocale && sameNode(previous, fresh);
    const kept = reuse ? previous : { ...fresh, ariaLabel: describeNode(node.type, fresh.data) };
    nextNodes.set(id, kept);
    nodes.push(kept);
  }

  const edges: VsmEdge[] = [];
  const nextEdges = new Map<string, VsmEdge>();
  for (const [id, edge] of Object.entries(state.edges)) {
    const source = state.nodes[edge.source];
    const target = state.nodes[edge.target];
    if (!source || !target) continue;
    // A kaizen burst linked to a stage; other edges involving bursts or notes are not drawn.
    if (source.type === 'kaizen' && isPipelineNode(target.type)) {
      const link: VsmEdge = {
        id,
        type: 'link',
        source: edge.source,
        target: edge.target,
        sourceHandle: HANDLES.linkOut,
        targetHandle: HANDLES.linkIn,
        selected: input.selectedEdges.has(id),
        data: withPeer({ critical: false, editable: input.editable }, input.peerTags[id]),
        ariaLabel: `Kaizen ${source.name || edge.source} improves ${target.name || edge.target}`,
      };
      const previous = cache.edges.get(id);
      const kept = previous && sameEdge(previous, link) ? previous : link;
      nextEdges.set(id, kept);
      edges.push(kept);
      continue;
    }
    if (!isPipelineNode(source.type) || !isPipelineNode(target.type)) continue;
    if (edge.kind !== 'flow' && edge.kind !== 'rework') continue;
    const rework = edge.kind === 'rework';
    const critical = !rework && pathPairs.has(`${edge.source}\u0000${edge.target}`);
    const fresh: VsmEdge = {
      id,
      type: edge.kind,
      source: edge.source,
      target: edge.target,
      sourceHandle: rework ? HANDLES.reworkOut : HANDLES.out,
      targetHandle: rework ? HANDLES.reworkIn : HANDLES.in,
      selected: input.selectedEdges.has(id),
      markerEnd: rework ? MARKERS.rework : critical ? MARKERS.critical : MARKERS.flow,
      data: withPeer(
        { critical, editable: input.editable, amount: edgeAmount(edge) },
        input.peerTags[id],
      ),
      ariaLabel: `${rework ? 'Rework' : 'Flow'} from ${source.name || edge.source} ${rework ? 'back ' : ''}to ${target.name || edge.target}`,
      ...(critical ? { className: 'is-critical' } : {}),
    };
    const previous = cache.edges.get(id);
    const kept = previous && sameEdge(previous, fresh) ? previous : fresh;
    nextEdges.set(id, kept);
    edges.push(kept);
  }

  cache.nodes = nextNodes;
  cache.edges = nextEdges;
  cache.nodeList = stable(cache.nodeList, nodes);
  cache.edgeList = stable(cache.edgeList, edges);
  return { nodes: cache.nodeList, edges: cache.edgeList };
}
