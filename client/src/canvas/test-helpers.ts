// Fixture builders for the canvas unit tests.
import {
  computeStateMetrics,
  DEFAULT_META,
  type MapEdge,
  type MapNode,
  type MapState,
  type NodeType,
  softwareDeliveryTemplate,
} from '@flowmap/shared';
import { createDeriveCache, type DeriveInput, toFlowElements } from './elements.ts';

export function makeNode(id: string, type: NodeType, extra: Partial<MapNode> = {}): MapNode {
  return { id, type, x: 0, y: 0, name: id, ...extra };
}

export function flow(source: string, target: string): MapEdge {
  return { id: `${source}->${target}`, source, target, kind: 'flow' };
}

export function rework(source: string, target: string): MapEdge {
  return { id: `${source}~>${target}`, source, target, kind: 'rework' };
}

export function makeState(nodes: MapNode[], edges: MapEdge[] = []): MapState {
  return {
    id: 's1',
    name: 'Current',
    kind: 'current',
    order: 0,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    edges: Object.fromEntries(edges.map((e) => [e.id, e])),
  };
}

/** The software-delivery template's current state: 7 stages, start, end, a kaizen, one rework. */
export function templateState(): MapState {
  const state = softwareDeliveryTemplate().states.current;
  if (!state) throw new Error('template has no current state');
  return state;
}

export function metricsFor(state: MapState) {
  return computeStateMetrics(state, DEFAULT_META);
}

export function deriveInput(state: MapState, overrides: Partial<DeriveInput> = {}): DeriveInput {
  return {
    state,
    metrics: metricsFor(state),
    workingTime: { hoursPerDay: 8, daysPerWeek: 5 },
    editable: true,
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    dragPositions: {},
    peerDragging: {},
    peerTags: {},
    measured: new Map(),
    ...overrides,
  };
}

export function derive(state: MapState, overrides: Partial<DeriveInput> = {}) {
  return toFlowElements(deriveInput(state, overrides), createDeriveCache());
}
