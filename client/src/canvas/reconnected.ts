// What the canvas says after deleting a step from the middle of a chain joined its neighbours
// ("Reconnected Build → Release"), so nobody wonders where the new arrow came from.
import { displayName, type MapState } from '@flowmap/shared';
import type { Reconnection } from '@flowmap/shared/doc';
import { displayT } from '@flowmap/shared/i18n';

/** How many joins the notice names before it says "and N more". */
const NAMED = 3;

export function describeReconnected(
  state: MapState,
  reconnected: readonly Reconnection[],
): string | null {
  if (reconnected.length === 0) return null;
  const name = (id: string) => {
    const node = Object.hasOwn(state.nodes, id) ? state.nodes[id] : undefined;
    return node ? displayName(node, id) : id;
  };
  const joins = reconnected.slice(0, NAMED).map((r) => `${name(r.source)} → ${name(r.target)}`);
  const more = reconnected.length - joins.length;
  return more > 0
    ? displayT('canvas')('notices.reconnectedMore', { joins: joins.join(', '), more })
    : displayT('canvas')('notices.reconnected', { joins: joins.join(', ') });
}
