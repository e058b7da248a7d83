// Who wrote a field's current value: every value in a Y.Map is an item stamped with the writing
// client's id, and a participant's awareness id is their document's client id, so the two meet.
// Null when the writer is no longer here (or the value predates this session).
import { ROOT, STATE_CHILDREN } from '@flowmap/shared/doc';
import * as Y from 'yjs';
import type { Peer } from '../../sync/presence.ts';

/** Yjs keeps each key's current item in `_map`; its id names the client that wrote it. */
type WithItems = { _map: Map<string, { id: { client: number } } | undefined> };

function child(map: unknown, key: string): Y.Map<unknown> | null {
  if (!(map instanceof Y.Map)) return null;
  const value = map.get(key);
  return value instanceof Y.Map ? value : null;
}

export function lastWriterClient(
  doc: Y.Doc,
  stateId: string,
  nodeId: string,
  field: string,
): number | null {
  const node = child(child(child(doc.getMap(ROOT.states), stateId), STATE_CHILDREN.nodes), nodeId);
  const item = node ? (node as unknown as WithItems)._map.get(field) : undefined;
  return item?.id.client ?? null;
}

export function lastWriterName(
  doc: Y.Doc,
  peers: readonly Peer[],
  stateId: string,
  nodeId: string,
  field: string,
): string | null {
  const client = lastWriterClient(doc, stateId, nodeId, field);
  if (client === null || client === doc.clientID) return null;
  return peers.find((p) => p.clientId === client)?.user.name ?? null;
}
