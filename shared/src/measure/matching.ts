// Log stage names → map stages. Tools name stages their own way ("In Review", "in review",
// "InReview"), so a name matches a stage whose name is the same ignoring case and spaces. The
// result is a plain mapping a person can edit (a log name to a stage id, or to nothing), and the
// map remembers it (meta.stageMapping) so the next quarter's import matches the same way.
import type { MapState } from '../model/types.ts';

/** Log stage name → map stage id, or null for "count it for nothing". */
export type StageMapping = Record<string, string | null>;

export function normaliseStageName(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

export interface MapStage {
  id: string;
  name: string;
}

/** The stages of a state (type 'stage'), in id order. */
export function stagesOf(state: MapState): MapStage[] {
  return Object.values(state.nodes)
    .filter((n) => n.type === 'stage')
    .map((n) => ({ id: n.id, name: n.name }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The distinct stage names of a log, in the order they first appear. */
export function logStageNames(events: readonly { stage: string }[]): string[] {
  const seen = new Set<string>();
  for (const e of events) seen.add(e.stage);
  return [...seen];
}

/**
 * A mapping for every log name: the remembered choice when there is one and its stage still
 * exists, else the stage whose name matches ignoring case and spaces (the first by id when two
 * stages share a name), else null.
 */
export function matchStages(
  logNames: readonly string[],
  stages: readonly MapStage[],
  remembered: Readonly<StageMapping> = {},
): StageMapping {
  const ids = new Set(stages.map((s) => s.id));
  const byName = new Map<string, string>();
  for (const stage of stages) {
    const key = normaliseStageName(stage.name);
    if (key !== '' && !byName.has(key)) byName.set(key, stage.id);
  }
  // No prototype: a log may well name a stage "__proto__" or "constructor".
  const mapping: StageMapping = Object.create(null);
  for (const name of logNames) {
    const kept = Object.hasOwn(remembered, name) ? remembered[name] : undefined;
    if (kept === null || (kept !== undefined && ids.has(kept))) mapping[name] = kept;
    else mapping[name] = byName.get(normaliseStageName(name)) ?? null;
  }
  return mapping;
}

/** Log names mapped to no stage, in the order given. */
export function unmatchedNames(mapping: Readonly<StageMapping>): string[] {
  return Object.keys(mapping).filter((name) => mapping[name] === null);
}
