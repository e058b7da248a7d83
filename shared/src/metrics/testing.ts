// Fixture builders for the metrics tests. Not exported from index.ts: tests only.
import type { MapEdge, MapMeta, MapNode, MapState, NodeType } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import type { MetricsMeta } from './settings.ts';

export const META: MetricsMeta = {
  hoursPerDay: DEFAULT_META.hoursPerDay,
  daysPerWeek: DEFAULT_META.daysPerWeek,
  lowPctCAThreshold: DEFAULT_META.lowPctCAThreshold,
  bottleneckCount: DEFAULT_META.bottleneckCount,
};

export const HOUR = 60;
export const DAY = 8 * HOUR;
export const WEEK = 5 * DAY;

export function makeNode(id: string, type: NodeType, extra: Partial<MapNode> = {}): MapNode {
  return { id, type, x: 0, y: 0, name: id, ...extra };
}

/** A stage with LT, PT and %C/A; pass `undefined` fields via `extra` to leave them out. */
export function makeStage(
  id: string,
  elapsedMinutes?: number,
  valueAddMinutes?: number,
  pctCA?: number,
  extra: Partial<MapNode> = {},
): MapNode {
  const node: MapNode = makeNode(id, 'stage', extra);
  if (elapsedMinutes !== undefined) node.elapsedMinutes = elapsedMinutes;
  if (valueAddMinutes !== undefined) node.valueAddMinutes = valueAddMinutes;
  if (pctCA !== undefined) node.pctCA = pctCA;
  return node;
}

export function flowEdge(source: string, target: string): MapEdge {
  return { id: `${source}->${target}`, source, target, kind: 'flow' };
}

export function reworkEdge(source: string, target: string): MapEdge {
  return { id: `${source}~>${target}`, source, target, kind: 'rework' };
}

export function makeState(nodes: MapNode[], edges: MapEdge[] = [], id = 's1'): MapState {
  return {
    id,
    name: id,
    kind: 'current',
    order: 0,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: Object.fromEntries(edges.map((e) => [e.id, e])),
  };
}

/** Edges joining the given ids one after another. */
export function chain(...ids: string[]): MapEdge[] {
  return ids.slice(1).map((id, i) => flowEdge(ids[i] as string, id));
}

/**
 * start → s1 → … → sn → end, stage i (1-based) with LT = i h, PT = i × 10 min, %C/A = 90.
 * Totals: LT = n(n+1)/2 h, PT = n(n+1)/2 × 10 min.
 */
export function linearPipeline(n: number): MapState {
  const stages = Array.from({ length: n }, (_, k) =>
    makeStage(`s${k + 1}`, (k + 1) * HOUR, (k + 1) * 10, 90),
  );
  const ids = ['start', ...stages.map((s) => s.id), 'end'];
  return makeState([makeNode('start', 'start'), ...stages, makeNode('end', 'end')], chain(...ids));
}

export function meta(overrides: Partial<MapMeta> = {}): MetricsMeta {
  return { ...META, ...overrides };
}
