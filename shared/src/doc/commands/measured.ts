// Commands for measured reality (issue 17). An import stores a log's aggregates — never its rows,
// which name work items — on the stages (`measured`), on the state's DORA inputs (as measured) and
// the stage-name mapping on the map, in one transaction. "Use measured" then puts a stage's
// measured figures where the metrics read them (LT = the measured mean, which is what lead times
// add up as; PT; %C/A) with `timeSource: 'measured'`, keeping the estimate beside them for
// comparison; "use estimate" puts it back. Each is one transaction: one undo step.
import type * as Y from 'yjs';
import { validateDoraPatch, validateMetaPatch, validateNodePatch } from '../../model/schema.ts';
import type {
  MapNode,
  Problem,
  StageEstimate,
  StageMappingEntry,
  StageMeasured,
} from '../../model/types.ts';
import {
  assertNoProblems,
  asYMap,
  findState,
  metaMap,
  type StateHandle,
  toYMap,
  writeFields,
  type YEntity,
} from '../access.ts';
import { STATE_CHILDREN } from '../keys.ts';
import { ORIGINS, type Origin } from '../origins.ts';

export interface MeasuredDora {
  deploymentsPerWeek: number;
  changeFailureRate: number;
  timeToRestoreMinutes: number | null;
  leadTimeForChangesMinutes: number | null;
  measured: { from: string; to: string; deployments: number };
}

export interface MeasurementInput {
  /** Measured figures by stage id; stages of the state not listed keep what they had. */
  stages: Readonly<Record<string, StageMeasured>>;
  /** The mapping to remember for the next import of this map. */
  mapping?: readonly StageMappingEntry[];
  dora?: MeasuredDora;
  /** Also use the measured figures on these stages (or all measured ones) at once. */
  use?: readonly string[] | 'all';
}

/** 0.30000000000000004 → 0.3: float noise is not a measured figure. */
function clean<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'number' && Number.isFinite(v) ? Number(v.toPrecision(12)) + 0 : v,
    ),
  ) as T;
}

function stageNode(handle: StateHandle, id: string, path: string, problems: Problem[]) {
  const node = asYMap(handle.nodes.get(id));
  if (node?.get('type') !== 'stage') {
    problems.push({ path, message: `there is no stage “${id}” in this state` });
    return undefined;
  }
  return node;
}

const num = (node: YEntity, key: keyof MapNode) => {
  const v = node.get(key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The writes that make a stage use its measured figures, or null when it has none. */
function useMeasuredFields(node: YEntity): Record<string, unknown> | null {
  const measured = node.get('measured') as StageMeasured | undefined;
  if (!measured || typeof measured !== 'object') return null;
  const lt = measured.leadTimeMinutes.mean;
  const pt = measured.processTimeMinutes ?? num(node, 'valueAddMinutes');
  const fields: Record<string, unknown> = {
    elapsedMinutes: lt,
    // A log without active minutes says nothing about PT; the estimate's stays, within the LT.
    valueAddMinutes: pt === undefined ? undefined : Math.min(pt, lt),
    pctCA: measured.pctCA,
    // The range was the estimate's; the measured quantiles describe the spread now.
    elapsedLowMinutes: undefined,
    elapsedHighMinutes: undefined,
    timeSource: 'measured',
  };
  // Keep the first estimate: using measured figures twice must not file them as the estimate.
  if (node.get('timeSource') !== 'measured') {
    const estimate: StageEstimate = {};
    for (const key of [
      'elapsedMinutes',
      'valueAddMinutes',
      'pctCA',
      'elapsedLowMinutes',
      'elapsedHighMinutes',
    ] as const) {
      const v = num(node, key);
      if (v !== undefined) estimate[key] = v;
    }
    fields.estimate = estimate;
  }
  return fields;
}

function useFieldsFor(
  handle: StateHandle,
  use: readonly string[] | 'all',
  measuring: ReadonlySet<string>,
  problems: Problem[],
): Map<YEntity, Record<string, unknown>> {
  const writes = new Map<YEntity, Record<string, unknown>>();
  const ids =
    use === 'all'
      ? [...handle.nodes.keys()].filter((id) => {
          const node = asYMap(handle.nodes.get(id));
          return node?.get('type') === 'stage' && (measuring.has(id) || node.has('measured'));
        })
      : use;
  ids.forEach((id, i) => {
    const node = stageNode(handle, id, `use.${i}`, problems);
    if (!node) return;
    const fields = useMeasuredFields(node);
    if (fields) writes.set(node, fields);
    else problems.push({ path: `use.${i}`, message: `stage “${id}” has no measured figures` });
  });
  return writes;
}

/** Stores a measurement (and optionally uses it) in one transaction. */
export function applyMeasurement(
  doc: Y.Doc,
  stateId: string,
  input: MeasurementInput,
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const measuredWrites: [YEntity, StageMeasured][] = [];
  if (handle) {
    for (const [id, raw] of Object.entries(input.stages)) {
      const node = stageNode(handle, id, `stages.${id}`, problems);
      const measured = clean(raw);
      const found = validateNodePatch({ measured });
      for (const p of found) problems.push({ ...p, path: `stages.${id}.${p.path}` });
      if (node && found.length === 0) measuredWrites.push([node, measured]);
    }
  }
  const mapping = input.mapping ? [...input.mapping] : undefined;
  if (mapping) problems.push(...validateMetaPatch({ stageMapping: mapping }));
  let doraPatch: Record<string, unknown> | undefined;
  if (input.dora) {
    const d = clean(input.dora);
    doraPatch = {
      deploymentsPerWeek: d.deploymentsPerWeek,
      changeFailureRate: d.changeFailureRate,
      measured: d.measured,
    };
    // What the log cannot tell (no restored failure, no commit times) stays as entered.
    if (d.timeToRestoreMinutes !== null) doraPatch.timeToRestoreMinutes = d.timeToRestoreMinutes;
    if (d.leadTimeForChangesMinutes !== null)
      doraPatch.leadTimeForChangesMinutes = d.leadTimeForChangesMinutes;
    for (const p of validateDoraPatch(doraPatch)) problems.push({ ...p, path: `dora.${p.path}` });
  }
  assertNoProblems(problems);
  const { state } = handle as StateHandle;
  doc.transact(() => {
    for (const [node, measured] of measuredWrites) node.set('measured', measured);
    if (mapping) writeFields(metaMap(doc), { stageMapping: mapping });
    if (doraPatch) {
      const dora = asYMap(state.get(STATE_CHILDREN.dora));
      if (dora) writeFields(dora, doraPatch);
      else state.set(STATE_CHILDREN.dora, toYMap(doraPatch));
    }
    if (input.use) {
      const measuring = new Set(Object.keys(input.stages));
      const writes = useFieldsFor(handle as StateHandle, input.use, measuring, []);
      for (const [node, fields] of writes) writeFields(node, fields);
    }
  }, origin);
}

/** Puts the measured figures of the stages (or of every measured stage) in use. */
export function switchToMeasured(
  doc: Y.Doc,
  stateId: string,
  stageIds: readonly string[] | 'all',
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const writes = handle ? useFieldsFor(handle, stageIds, new Set(), problems) : new Map();
  assertNoProblems(problems);
  doc.transact(() => {
    for (const [node, fields] of writes) writeFields(node, fields);
  }, origin);
}

/** Puts the kept estimate back on stages that use measured figures. */
export function switchToEstimate(
  doc: Y.Doc,
  stateId: string,
  stageIds: readonly string[],
  origin: Origin = ORIGINS.local,
): void {
  const problems: Problem[] = [];
  const handle = findState(doc, stateId, problems);
  const writes: [YEntity, Record<string, unknown>][] = [];
  stageIds.forEach((id, i) => {
    const node = handle ? stageNode(handle, id, `stageIds.${i}`, problems) : undefined;
    if (!node) return;
    const estimate = node.get('estimate') as StageEstimate | undefined;
    if (node.get('timeSource') !== 'measured' || !estimate || typeof estimate !== 'object') {
      problems.push({
        path: `stageIds.${i}`,
        message: `stage “${id}” does not use measured figures`,
      });
      return;
    }
    writes.push([
      node,
      {
        elapsedMinutes: estimate.elapsedMinutes,
        valueAddMinutes: estimate.valueAddMinutes,
        pctCA: estimate.pctCA,
        elapsedLowMinutes: estimate.elapsedLowMinutes,
        elapsedHighMinutes: estimate.elapsedHighMinutes,
        timeSource: 'estimate',
        estimate: undefined,
      },
    ]);
  });
  assertNoProblems(problems);
  doc.transact(() => {
    for (const [node, fields] of writes) writeFields(node, fields);
  }, origin);
}
