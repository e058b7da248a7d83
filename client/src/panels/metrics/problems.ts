// Problems found when reading the document, turned into lines a workshop can act on: the
// dotted path "states.s1.nodes.n4.pctCA" becomes "Stage “Manual tests” · %C/A".
import { displayName, type MapState, type Problem } from '@flowmap/shared';

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  team: 'team',
  type: 'type',
  x: 'position',
  y: 'position',
  elapsedMinutes: 'elapsed time (LT)',
  valueAddMinutes: 'value-add time (PT)',
  pctCA: '%C/A',
  notes: 'notes',
  source: 'source',
  target: 'target',
  kind: 'kind',
  title: 'title',
  description: 'description',
  hoursPerDay: 'hours per day',
  daysPerWeek: 'days per week',
  lowPctCAThreshold: 'low %C/A threshold',
  bottleneckCount: 'bottleneck count',
  deploymentsPerWeek: 'deployments per week',
  changeFailureRate: 'change failure rate',
  timeToRestoreMinutes: 'time to restore',
  leadTimeForChangesMinutes: 'lead time for changes',
  basedOn: 'based on',
  order: 'order',
};

const TYPE_LABELS: Record<string, string> = {
  stage: 'Stage',
  start: 'Start',
  end: 'End',
  kaizen: 'Kaizen burst',
  note: 'Note',
};

/** The problems that concern the active state or the map's settings. */
export function relevantProblems(problems: readonly Problem[], stateId: string | null): Problem[] {
  const prefix = stateId === null ? null : `states.${stateId}.`;
  return problems.filter(
    (p) =>
      p.path === '' ||
      p.path === 'states' ||
      p.path === 'meta' ||
      p.path.startsWith('meta.') ||
      (prefix !== null && (p.path.startsWith(prefix) || p.path === prefix.slice(0, -1))),
  );
}

function field(rest: readonly string[]): string {
  const [name, ...more] = rest;
  if (name === undefined) return '';
  return ` · ${FIELD_LABELS[name] ?? [name, ...more].join('.')}`;
}

function nodeLabel(state: MapState | null, id: string): string {
  const node = state && Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
  if (!node) return `Node “${id}” (not readable)`;
  return `${TYPE_LABELS[node.type] ?? 'Node'} “${displayName(node, id)}”`;
}

/** Where a problem is, in words, using the names of the state's nodes when they are readable. */
export function describePath(path: string, state: MapState | null): string {
  if (path === '') return 'Map';
  const parts = path.split('.');
  const [root, id, child, key, ...rest] = parts;
  if (root === 'meta') return `Map settings${field(parts.slice(1))}`;
  if (root !== 'states' || id === undefined) return path;
  const stateName = state && state.id === id ? `State “${state.name}”` : `State “${id}”`;
  if (child === undefined) return stateName;
  if (child === 'nodes' && key !== undefined) return `${nodeLabel(state, key)}${field(rest)}`;
  if (child === 'edges' && key !== undefined) {
    const edge = state && Object.hasOwn(state.edges, key) ? state.edges[key] : undefined;
    if (!edge) return `Edge “${key}”${field(rest)}`;
    const end = (nodeId: string) =>
      state && Object.hasOwn(state.nodes, nodeId)
        ? displayName(state.nodes[nodeId] as NonNullable<MapState['nodes'][string]>, nodeId)
        : nodeId;
    return `Edge ${end(edge.source)} → ${end(edge.target)}${field(rest)}`;
  }
  if (child === 'dora') return `Four key metrics${field(parts.slice(3))}`;
  return `${stateName}${field(parts.slice(2))}`;
}

/** "1 value" / "3 values" in this map's data break the rules. */
export function summarise(count: number): string {
  return count === 1
    ? 'One value in this map breaks the rules and is ignored or flagged until someone fixes it.'
    : `${count} values in this map break the rules and are ignored or flagged until someone fixes them.`;
}
