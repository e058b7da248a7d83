// The action plan export (GET /api/maps/<id>/export.plan.csv): the CSV from shared's planToCsv for
// the workshop's state (or ?state=), named after the map and "Action plan".
import {
  describeStates,
  type ExportFileName,
  exportFileName,
  type FlowMap,
  planState,
  planToCsv,
  sortedStates,
} from '@flowmap/shared';
import type { Workshop } from '@flowmap/shared/workshop';

export type PlanCsvResult =
  | { ok: true; text: string; file: ExportFileName }
  | { ok: false; status: 404; message: string };

export function planCsv(map: FlowMap, workshop: Workshop, stateId?: string): PlanCsvResult {
  const state = planState(map, workshop, stateId);
  if (!state) {
    return {
      ok: false,
      status: 404,
      message:
        stateId === undefined
          ? 'this map has no states'
          : `no state “${stateId}” in this map; states: ${describeStates(sortedStates(map))}`,
    };
  }
  const title = typeof map.meta.title === 'string' ? map.meta.title : '';
  return {
    ok: true,
    text: planToCsv(map, workshop, state),
    file: exportFileName([title, state.name, 'Action plan'], 'csv'),
  };
}
