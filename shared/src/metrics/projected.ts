// The projected state: the state as it would be once the kaizens on the wall (every burst not yet
// `done`) have their effect — each linked stage takes the LT, PT and %C/A its kaizen promises.
// Next to the drawn future state it says what the ideas would buy. A kaizen is linked to its stage
// as in v1: a flow arrow from the burst to the stage. Several kaizens on one stage apply in id
// order, so a later one's effect on the same field wins.
import type { MapNode, MapState, Problem } from '../model/types.ts';
import { stateNodeEntries } from './graph.ts';
import { readMinutes, readPctCA } from './values.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface KaizenEffects {
  /** Stage id → the fields its kaizens set. */
  effects: Map<string, Partial<MapNode>>;
  /** The kaizens whose effect lands on a stage, by id. */
  applied: string[];
}

function kaizenEffects(state: MapState, problems: Problem[]): KaizenEffects {
  const nodes = new Map(stateNodeEntries(state));
  const edges = isRecord(state?.edges) ? state.edges : {};
  const effects = new Map<string, Partial<MapNode>>();
  const applied: string[] = [];
  for (const [id, kaizen] of [...nodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (kaizen.type !== 'kaizen' || kaizen.status === 'done') continue;
    const path = `nodes.${id}`;
    const lt = readMinutes(kaizen, 'effectElapsedMinutes', path, problems);
    const pt = readMinutes(kaizen, 'effectValueAddMinutes', path, problems);
    const pct = readPctCA(kaizen, path, problems, 'effectPctCA');
    if (lt === null && pt === null && pct === null) continue;
    for (const edge of Object.values(edges)) {
      if (!isRecord(edge) || edge.source !== id || edge.kind !== 'flow') continue;
      const target = typeof edge.target === 'string' ? nodes.get(edge.target) : undefined;
      if (target?.type !== 'stage') continue;
      const patch = effects.get(edge.target as string) ?? {};
      if (lt !== null) patch.elapsedMinutes = lt;
      if (pt !== null) patch.valueAddMinutes = pt;
      if (pct !== null) patch.pctCA = pct;
      effects.set(edge.target as string, patch);
      if (applied[applied.length - 1] !== id) applied.push(id);
    }
  }
  return { effects, applied };
}

/** `state` with the kaizens' effects applied, or `state` itself when there is nothing to apply. */
export function projectKaizens(state: MapState, problems: Problem[]): MapState {
  const { effects } = kaizenEffects(state, problems);
  if (effects.size === 0) return state;
  const projected: Record<string, MapNode> = {};
  for (const [id, node] of stateNodeEntries(state)) projected[id] = { ...node, ...effects.get(id) };
  return { ...state, nodes: projected };
}

/**
 * The kaizens the projected state applies (open, promising an effect, linked to a stage), by id:
 * what "if the 3 open kaizens are done" counts. Bad values are left to the metrics to report.
 */
export function projectedKaizens(state: MapState): string[] {
  return kaizenEffects(state, []).applied;
}
