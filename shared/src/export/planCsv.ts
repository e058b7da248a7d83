// The action plan as CSV (GET /api/maps/<id>/export.plan.csv): one row per kaizen burst of the
// workshop's state — the rows of the plan table (../workshop/plan.ts), so the file says what the
// room saw. Cells go through csvLine, whose formula guard keeps "=HYPERLINK(…)" in an owner's name
// text in a spreadsheet. The last two columns are the forecast's per-kaizen effect (what this kaizen
// alone would change in the expected lead time and its 85th percentile, minutes of working time,
// negative = shorter; ../forecast/forecast.ts), so the plan can be sorted by effect in a sheet.
import { forecastState } from '../forecast/forecast.ts';
import { DEFAULT_SEED, DEFAULT_TRIALS } from '../forecast/simulateState.ts';
import type { FlowMap, MapState } from '../model/types.ts';
import { planRows } from '../workshop/plan.ts';
import type { Workshop } from '../workshop/types.ts';
import { csvLine } from './csv.ts';
import { defaultState, stateById } from './states.ts';

export const PLAN_CSV_COLUMNS = [
  'kaizen',
  'stage',
  'owner',
  'due',
  'status',
  'votes',
  'expected_effect',
  'expected_lt_change_minutes',
  'p85_lt_change_minutes',
] as const;

/**
 * The state a plan covers: `stateId` when given, else the workshop's state, else the map's first
 * current state. Null when there is no such state.
 */
export function planState(map: FlowMap, workshop: Workshop, stateId?: string): MapState | null {
  if (stateId !== undefined) return stateById(map, stateId) ?? null;
  if (workshop.stateId) {
    const state = stateById(map, workshop.stateId);
    if (state) return state;
  }
  return defaultState(map) ?? null;
}

export function planToCsv(map: FlowMap, workshop: Workshop, state: MapState): string {
  const wt = { hoursPerDay: map.meta.hoursPerDay, daysPerWeek: map.meta.daysPerWeek };
  let out = csvLine(PLAN_CSV_COLUMNS);
  // The same trials and seed as the editor, the CLI and the PDF, so all four quote one figure.
  const effects = new Map(
    forecastState(state, map.meta, {
      trials: DEFAULT_TRIALS,
      seed: DEFAULT_SEED,
    }).kaizenEffects.map((e) => [e.kaizenId, e]),
  );
  for (const row of planRows(state, workshop.votes, wt)) {
    out += csvLine([
      row.kaizen,
      row.stages.join('; '),
      row.owner,
      row.dueDate,
      row.status,
      row.votes,
      row.effect,
      effects.get(row.kaizenId)?.expectedChangeMinutes ?? null,
      effects.get(row.kaizenId)?.p85ChangeMinutes ?? null,
    ]);
  }
  return out;
}
