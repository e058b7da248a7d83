// "Connect to…" from the keyboard: which nodes the selected one may get an arrow to, filtered by
// what was typed (names starting with it first, then containing it), as the command would accept
// them: no arrow to itself, none that exists already, a kaizen burst only to a step it does not
// improve yet, notes never. Pure: tested without a browser.
import { displayName, isPipelineNode, type MapState } from '@flowmap/shared';

export interface ConnectTarget {
  id: string;
  name: string;
  type: string;
}

export function connectTargets(state: MapState, sourceId: string, query: string): ConnectTarget[] {
  const source = state.nodes[sourceId];
  if (!source) return [];
  const fromKaizen = source.type === 'kaizen';
  if (!fromKaizen && !isPipelineNode(source.type)) return [];
  const taken = new Set(
    Object.values(state.edges)
      .filter((e) => e.source === sourceId && (fromKaizen || e.kind === 'flow'))
      .map((e) => e.target),
  );
  const q = query.trim().toLocaleLowerCase();
  const scored: { target: ConnectTarget; rank: number }[] = [];
  for (const [id, node] of Object.entries(state.nodes)) {
    if (id === sourceId || taken.has(id) || !isPipelineNode(node.type)) continue;
    const name = displayName(node, id);
    const lower = name.toLocaleLowerCase();
    const at = q === '' ? 0 : lower.indexOf(q);
    if (at < 0) continue;
    // A word starting with the query beats a match inside a word ("rel" → "Release" first).
    const rank = at === 0 ? 0 : /\s/.test(lower[at - 1] ?? '') ? 1 : 2;
    scored.push({ target: { id, name, type: node.type }, rank });
  }
  const order = (t: ConnectTarget) => [state.nodes[t.id]?.x ?? 0, state.nodes[t.id]?.y ?? 0];
  return scored
    .sort((a, b) => {
      if (a.rank !== b.rank) return a.rank - b.rank;
      const [ax, ay] = order(a.target);
      const [bx, by] = order(b.target);
      return (
        (ax ?? 0) - (bx ?? 0) || (ay ?? 0) - (by ?? 0) || a.target.id.localeCompare(b.target.id)
      );
    })
    .map((s) => s.target);
}
