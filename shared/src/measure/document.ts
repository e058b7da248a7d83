// A measurement → what the document keeps of it (model/types.ts StageMeasured, the state's DORA
// inputs as measured, the stage mapping): aggregates only, never a row of the log.
import type { StageMappingEntry, StageMeasured } from '../model/types.ts';
import type { StageMapping } from './matching.ts';
import type { DoraMeasurement, MeasureResult } from './types.ts';

export interface DocumentDora {
  deploymentsPerWeek: number;
  changeFailureRate: number;
  timeToRestoreMinutes: number | null;
  leadTimeForChangesMinutes: number | null;
  measured: { from: string; to: string; deployments: number };
}

export interface DocumentMeasurement {
  stages: Record<string, StageMeasured>;
  mapping: StageMappingEntry[];
  dora?: DocumentDora;
}

export function toDocumentDora(dora: DoraMeasurement): DocumentDora {
  return {
    deploymentsPerWeek: dora.deploymentsPerWeek,
    // Kept to a hundredth of a percent: "14.29", not "14.2857142857", in the inspector's field.
    changeFailureRate: Math.round(dora.changeFailureRate * 10_000) / 10_000,
    timeToRestoreMinutes: dora.timeToRestoreMinutes,
    leadTimeForChangesMinutes: dora.leadTimeForChangesMinutes,
    measured: { ...dora.period, deployments: dora.deployments },
  };
}

export function toDocumentMeasurement(
  result: MeasureResult,
  mapping: Readonly<StageMapping>,
  dora?: DoraMeasurement | null,
): DocumentMeasurement {
  const stages: Record<string, StageMeasured> = {};
  for (const [id, s] of Object.entries(result.stages)) {
    const measured: StageMeasured = {
      from: result.period.from,
      to: result.period.to,
      items: s.items,
      passes: s.passes,
      leadTimeMinutes: { ...s.leadTimeMinutes },
      pctCA: s.pctCA,
    };
    if (s.processTimeMinutes !== null) measured.processTimeMinutes = s.processTimeMinutes;
    stages[id] = measured;
  }
  const out: DocumentMeasurement = {
    stages,
    mapping: Object.entries(mapping).map(([log, stage]) => ({ log, stage })),
  };
  if (dora) out.dora = toDocumentDora(dora);
  return out;
}

/** The remembered mapping (meta.stageMapping) as matchStages takes it. */
export function rememberedMapping(entries: readonly StageMappingEntry[] | undefined): StageMapping {
  // No prototype: a log may well name a stage "__proto__" or "constructor".
  const mapping: StageMapping = Object.create(null);
  for (const { log, stage } of entries ?? []) mapping[log] = stage;
  return mapping;
}
