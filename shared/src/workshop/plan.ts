// The action plan, pure: one row per kaizen burst of the workshop's state with the stage(s) it is
// linked to (a flow arrow from the burst to the stage, as the projected state reads it), owner,
// due date, status, dots received and the expected effect in words. The plan table, the CSV
// export and the PDF page all show these rows, so they agree.
import { formatPctCA } from '../metrics/bottlenecks.ts';
import { formatDuration } from '../model/durations.ts';
import type { KaizenStatus, WorkingTime } from '../model/types.ts';
import type { MapNode, MapState } from './planTypes.ts';
import type { DotVote } from './types.ts';
import { kaizenVotes } from './voting.ts';

export interface PlanRow {
  kaizenId: string;
  kaizen: string;
  stageIds: string[];
  stages: string[];
  owner: string;
  dueDate: string;
  status: KaizenStatus | '';
  votes: number;
  /** "LT 2d → 1d; %C/A 60% → 90%", or "" when the kaizen promises nothing yet. */
  effect: string;
}

const STATUS_ORDER: Record<string, number> = { doing: 0, planned: 1, idea: 2, '': 3, done: 4 };

/** Kaizens linked to a stage: target ids of flow edges leaving the burst. */
export function linkedStages(state: MapState, kaizenId: string): MapNode[] {
  return Object.values(state.edges)
    .filter((e) => e.kind === 'flow' && e.source === kaizenId)
    .map((e) => state.nodes[e.target])
    .filter((n): n is MapNode => n?.type === 'stage')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function effectText(kaizen: MapNode, stage: MapNode | undefined, wt: WorkingTime): string {
  const parts: string[] = [];
  const change = (label: string, from: string | null, to: string) =>
    parts.push(from ? `${label} ${from} → ${to}` : `${label} → ${to}`);
  if (kaizen.effectElapsedMinutes !== undefined) {
    const from = stage?.elapsedMinutes;
    change(
      'LT',
      from === undefined ? null : formatDuration(from, wt),
      formatDuration(kaizen.effectElapsedMinutes, wt),
    );
  }
  if (kaizen.effectValueAddMinutes !== undefined) {
    const from = stage?.valueAddMinutes;
    change(
      'PT',
      from === undefined ? null : formatDuration(from, wt),
      formatDuration(kaizen.effectValueAddMinutes, wt),
    );
  }
  if (kaizen.effectPctCA !== undefined) {
    const from = stage?.pctCA;
    change('%C/A', from === undefined ? null : formatPctCA(from), formatPctCA(kaizen.effectPctCA));
  }
  return parts.join('; ');
}

/** The plan: active work first (doing, planned, idea, done last), then most dots, then name. */
export function planRows(state: MapState, votes: readonly DotVote[], wt: WorkingTime): PlanRow[] {
  const dots = kaizenVotes(votes.filter((v) => v.stateId === state.id));
  return Object.values(state.nodes)
    .filter((n) => n.type === 'kaizen')
    .map((kaizen): PlanRow => {
      const stages = linkedStages(state, kaizen.id);
      return {
        kaizenId: kaizen.id,
        kaizen: kaizen.name,
        stageIds: stages.map((s) => s.id),
        stages: stages.map((s) => s.name),
        owner: kaizen.owner ?? '',
        dueDate: kaizen.dueDate ?? '',
        status: kaizen.status ?? '',
        votes: dots[kaizen.id] ?? 0,
        effect: effectText(kaizen, stages[0], wt),
      };
    })
    .sort(
      (a, b) =>
        (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) ||
        b.votes - a.votes ||
        a.kaizen.localeCompare(b.kaizen) ||
        (a.kaizenId < b.kaizenId ? -1 : 1),
    );
}
