// Plain entities → new Y.Maps, one key per field, ready to be attached inside a transaction.
// Children are built before they are attached: a Y.Map not yet in a document cannot be read back.
import * as Y from 'yjs';
import type { MapState } from '../model/types.ts';
import { toYMap, type YEntity } from './access.ts';
import { STATE_CHILDREN } from './keys.ts';

export type StateHeader = Omit<MapState, 'nodes' | 'edges' | 'dora'>;

export function stateToYMap(state: MapState): YEntity {
  const { nodes, edges, dora, ...header } = state;
  const nodeMaps = new Y.Map<unknown>();
  const edgeMaps = new Y.Map<unknown>();
  for (const node of Object.values(nodes)) nodeMaps.set(node.id, toYMap({ ...node }));
  for (const edge of Object.values(edges)) edgeMaps.set(edge.id, toYMap({ ...edge }));
  const entity = toYMap({ ...header });
  entity.set(STATE_CHILDREN.nodes, nodeMaps);
  entity.set(STATE_CHILDREN.edges, edgeMaps);
  if (dora) entity.set(STATE_CHILDREN.dora, toYMap({ ...dora }));
  return entity;
}

export function emptyStateToYMap(header: StateHeader): YEntity {
  return stateToYMap({ ...header, nodes: {}, edges: {} });
}
