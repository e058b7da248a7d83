// Problems found when reading the document, turned into lines a workshop can act on: the
// dotted path "states.s1.nodes.n4.pctCA" becomes "Stage “Manual tests” · %C/A" (in the reader's
// language: the words come from the 'panels' catalog, the names from the map).

import type { PanelsT } from '@flowmap/shared';
import { displayName, type MapState, type Problem } from '@flowmap/shared';

type FieldKey = keyof typeof import('@flowmap/shared/i18n').en.panels.problems.fields;
type TypeKey = keyof typeof import('@flowmap/shared/i18n').en.panels.problems.types;

const FIELDS = new Set<string>([
  'name',
  'team',
  'type',
  'x',
  'y',
  'elapsedMinutes',
  'valueAddMinutes',
  'pctCA',
  'notes',
  'source',
  'target',
  'kind',
  'title',
  'description',
  'hoursPerDay',
  'daysPerWeek',
  'lowPctCAThreshold',
  'bottleneckCount',
  'deploymentsPerWeek',
  'changeFailureRate',
  'timeToRestoreMinutes',
  'leadTimeForChangesMinutes',
  'basedOn',
  'order',
] satisfies FieldKey[]);

const TYPES = new Set<string>(['stage', 'start', 'end', 'kaizen', 'note'] satisfies TypeKey[]);

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

/** "where · field" when the path names a field (unknown fields by their dotted path). */
function withField(t: PanelsT, where: string, rest: readonly string[]): string {
  const [name, ...more] = rest;
  if (name === undefined) return where;
  const field = FIELDS.has(name)
    ? t(`problems.fields.${name as FieldKey}`)
    : [name, ...more].join('.');
  return t('problems.withField', { where, field });
}

function nodeLabel(t: PanelsT, state: MapState | null, id: string): string {
  const node = state && Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
  if (!node) return t('problems.unreadableNode', { id });
  const type = TYPES.has(node.type) ? (node.type as TypeKey) : 'other';
  return t('problems.node', { type: t(`problems.types.${type}`), name: displayName(node, id) });
}

/** Where a problem is, in words, using the names of the state's nodes when they are readable. */
export function describePath(t: PanelsT, path: string, state: MapState | null): string {
  if (path === '') return t('problems.map');
  const parts = path.split('.');
  const [root, id, child, key, ...rest] = parts;
  if (root === 'meta') return withField(t, t('problems.mapSettings'), parts.slice(1));
  if (root !== 'states' || id === undefined) return path;
  const stateName = t('problems.state', { name: state && state.id === id ? state.name : id });
  if (child === undefined) return stateName;
  if (child === 'nodes' && key !== undefined) return withField(t, nodeLabel(t, state, key), rest);
  if (child === 'edges' && key !== undefined) {
    const edge = state && Object.hasOwn(state.edges, key) ? state.edges[key] : undefined;
    if (!edge) return withField(t, t('problems.edge', { id: key }), rest);
    const end = (nodeId: string) =>
      state && Object.hasOwn(state.nodes, nodeId)
        ? displayName(state.nodes[nodeId] as NonNullable<MapState['nodes'][string]>, nodeId)
        : nodeId;
    return withField(
      t,
      t('problems.edgeEnds', { source: end(edge.source), target: end(edge.target) }),
      rest,
    );
  }
  if (child === 'dora') return withField(t, t('problems.dora'), parts.slice(3));
  return withField(t, stateName, parts.slice(2));
}

/** "One value" / "3 values" in this map's data break the rules. */
export function summarise(t: PanelsT, count: number): string {
  return t('problems.summary', { count });
}
