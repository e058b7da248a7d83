// Auto-layout left to right with dagre. Only the pipeline (stages, start, end) joined by flow
// edges is ranked: rework edges point backwards by nature and would fold the row. Kaizen bursts
// and notes follow the pipeline node they sat closest to, keeping their offset from it, so an
// idea pinned above "Manual tests" stays above it.
import type dagreModule from '@dagrejs/dagre';
import { isPipelineNode, type MapState, type NodeType } from '@flowmap/shared';
import { defaultSize, HANDLE_Y } from './nodes/sizes.ts';
import type { Size, XY } from './types.ts';

type Dagre = typeof dagreModule;

export interface LayoutPosition {
  id: string;
  x: number;
  y: number;
}

export const LAYOUT_SPACING = { nodesep: 70, ranksep: 70 } as const;

function center(p: XY, size: Size): XY {
  return { x: p.x + size.width / 2, y: p.y + size.height / 2 };
}

/**
 * New top-left positions for the nodes of `state`, placed where the old pipeline started so the
 * map does not jump across the canvas. Returns only the nodes that move.
 */
export function computeLayout(
  dagre: Dagre,
  state: MapState,
  sizeOf: (id: string, type: NodeType) => Size,
): LayoutPosition[] {
  const entries = Object.entries(state.nodes);
  const pipeline = entries.filter(([, n]) => isPipelineNode(n.type));
  if (pipeline.length === 0) return [];
  const sizes = new Map(entries.map(([id, n]) => [id, sizeOf(id, n.type)] as const));

  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ...LAYOUT_SPACING, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Every pipeline node gets the same height with its handles in the middle, so a straight chain
  // of boxes of different heights ends up with its arrows level.
  const rowHeight = Math.max(...pipeline.map(([id]) => sizes.get(id)?.height ?? 0));
  for (const [id] of pipeline) {
    g.setNode(id, { width: sizes.get(id)?.width ?? 0, height: rowHeight });
  }
  for (const edge of Object.values(state.edges)) {
    if (edge.kind === 'flow' && g.hasNode(edge.source) && g.hasNode(edge.target)) {
      g.setEdge(edge.source, edge.target);
    }
  }
  dagre.layout(g);

  const oldLeft = Math.min(...pipeline.map(([, n]) => n.x));
  const oldTop = Math.min(...pipeline.map(([, n]) => n.y));
  const laid = new Map<string, XY>();
  for (const [id] of pipeline) {
    const { x, y } = g.node(id) as { x: number; y: number };
    const width = sizes.get(id)?.width ?? 0;
    // Top-left so that the handle line (HANDLE_Y below the top) sits on the dagre centre line.
    laid.set(id, { x: x - width / 2, y: y - HANDLE_Y });
  }
  const newLeft = Math.min(...[...laid.values()].map((p) => p.x));
  const newTop = Math.min(...[...laid.values()].map((p) => p.y));
  const shift = { x: oldLeft - newLeft, y: oldTop - newTop };
  for (const [id, p] of laid) laid.set(id, { x: p.x + shift.x, y: p.y + shift.y });

  // Satellites (kaizen, notes) keep their offset from the nearest pipeline node.
  for (const [id, node] of entries) {
    if (isPipelineNode(node.type)) continue;
    const c = center(node, sizes.get(id) ?? defaultSize(node.type));
    let anchor: string | null = null;
    let best = Number.POSITIVE_INFINITY;
    for (const [pid, p] of pipeline) {
      const pc = center(p, sizes.get(pid) ?? defaultSize(p.type));
      const d = (pc.x - c.x) ** 2 + (pc.y - c.y) ** 2;
      if (d < best) {
        best = d;
        anchor = pid;
      }
    }
    const from = anchor ? state.nodes[anchor] : undefined;
    const to = anchor ? laid.get(anchor) : undefined;
    if (from && to) laid.set(id, { x: node.x + to.x - from.x, y: node.y + to.y - from.y });
  }

  const moved: LayoutPosition[] = [];
  for (const [id, p] of laid) {
    const node = state.nodes[id];
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    if (node && (node.x !== x || node.y !== y)) moved.push({ id, x, y });
  }
  return moved;
}

/** Loads dagre on first use, keeping it out of the editor's initial bundle. */
export async function autoLayout(
  state: MapState,
  sizeOf: (id: string, type: NodeType) => Size,
): Promise<LayoutPosition[]> {
  const dagre = (await import('@dagrejs/dagre')).default;
  return computeLayout(dagre, state, sizeOf);
}
