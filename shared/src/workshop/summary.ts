// What a workshop agreed, as text ready to print (the PDF's workshop summary and plan pages): who
// took part, each accepted estimate with the answers' range and who rated it, each closed vote's
// ranking and the action plan. Every figure goes through shared's formatters, so it reads as it
// did in the room.
import { formatPctCA } from '../metrics/bottlenecks.ts';
import { formatDuration } from '../model/durations.ts';
import type { FlowMap, MapState } from '../model/types.ts';
import { answersFor, statsFor } from './estimation.ts';
import { type PlanRow, planRows } from './plan.ts';
import type { EstimateField, Workshop } from './types.ts';
import { ranking } from './voting.ts';

export interface AgreedFigure {
  stage: string;
  field: string;
  value: string;
  /** "4h – 2d" from the answers, "" without answers. */
  range: string;
  answers: number;
  ratedBy: string;
}

export interface VoteSummary {
  title: string;
  rows: { rank: number; item: string; dots: number }[];
}

export interface WorkshopSummary {
  stateName: string;
  participants: string[];
  agreed: AgreedFigure[];
  votes: VoteSummary[];
  plan: PlanRow[];
}

const FIELD_NAMES: Record<EstimateField, string> = {
  elapsedMinutes: 'Lead time',
  valueAddMinutes: 'Process time',
  pctCA: '%C/A',
};

/** Pages about the workshop are printed once someone has started one on the map. */
export function hasWorkshop(workshop: Workshop): boolean {
  return workshop.startedAt !== null;
}

export function workshopSummary(
  map: FlowMap,
  workshop: Workshop,
  state: MapState,
): WorkshopSummary {
  const wt = { hoursPerDay: map.meta.hoursPerDay, daysPerWeek: map.meta.daysPerWeek };
  const fmt = (field: EstimateField, v: number) =>
    field === 'pctCA' ? formatPctCA(v) : formatDuration(v, wt);
  const nameOf = (id: string) => state.nodes[id]?.name || id;
  const agreed: AgreedFigure[] = [];
  for (const round of workshop.rounds) {
    if (round.stateId !== state.id) continue;
    for (const stageId of round.stageIds) {
      const value = round.accepted[stageId];
      if (value === undefined) continue;
      const stats = statsFor(round, stageId);
      agreed.push({
        stage: nameOf(stageId),
        field: FIELD_NAMES[round.field],
        value: fmt(round.field, value),
        range: stats ? `${fmt(round.field, stats.min)} – ${fmt(round.field, stats.max)}` : '',
        answers: answersFor(round, stageId).length,
        ratedBy: round.field === 'pctCA' ? (state.nodes[stageId]?.ratedBy ?? '') : '',
      });
    }
  }
  const votes = workshop.votes
    .filter((v) => v.closed && v.stateId === state.id)
    .map((v) => ({
      title: v.subject === 'stages' ? 'Bottlenecks' : 'Kaizen ideas',
      rows: ranking(v).map((r) => ({ rank: r.rank, item: nameOf(r.itemId), dots: r.votes })),
    }));
  return {
    stateName: state.name,
    participants: Object.values(workshop.participants)
      .map((p) => (p.team ? `${p.name} (${p.team})` : p.name))
      .sort((a, b) => a.localeCompare(b)),
    agreed,
    votes,
    plan: planRows(state, workshop.votes, wt),
  };
}
