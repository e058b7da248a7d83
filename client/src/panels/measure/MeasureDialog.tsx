// Import measurements: an event log (and optionally a deployment log) read and aggregated in a
// Web Worker with a progress bar, the stage mapping (matched by name, editable, remembered on the
// map), the period, item count and calendar→working conversion, the figures per stage next to
// their estimates — then one transaction writes the aggregates (applyMeasurement). The log itself
// never leaves the browser.
import type { MapState, WorkingTime } from '@flowmap/shared';
import { applyMeasurement, type MeasurementInput } from '@flowmap/shared/doc';
import { formatNumber, numberFormat } from '@flowmap/shared/i18n';
import {
  type DoraMeasurement,
  type MeasureResult,
  matchStages,
  type RowProblem,
  rememberedMapping,
  type StageMapping,
  stagesOf,
  toDocumentDora,
  toDocumentMeasurement,
} from '@flowmap/shared/measure';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveState, useMeta, useWorkingTime } from '../../store/selectors.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { MappingTable } from './MappingTable.tsx';
import { DoraPreview, MeasurePreview } from './MeasurePreview.tsx';
import { MeasureWorker, type Progress } from './measureWorker.ts';
import './measure.css';

type Refusal = { what: 'event log' | 'deployment log'; problems: RowProblem[] };

export function MeasureDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const { t } = useTranslation('measure');
  const state = useActiveState();
  const meta = useMeta();
  const wt = useWorkingTime();
  const [progress, setProgress] = useState<Progress | null>(null);
  const worker = useRef<MeasureWorker | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [mapping, setMapping] = useState<StageMapping>({});
  const [result, setResult] = useState<{ value: MeasureResult; millis: number } | null>(null);
  /** How long the worker took to read the rows (shown, and read by `pnpm bench measure`). */
  const [parsed, setParsed] = useState<{ rows: number; millis: number } | null>(null);
  const [dora, setDora] = useState<DoraMeasurement | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [useAll, setUseAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stages = useMemo(() => (state ? stagesOf(state) : []), [state]);

  useEffect(() => {
    const w = new MeasureWorker(setProgress);
    worker.current = w;
    return () => w.terminate();
  }, []);

  const aggregate = async (s: MapState, next: StageMapping, time: WorkingTime) => {
    const w = worker.current;
    if (!w) return;
    const done = await w.aggregate(s, time, next);
    setResult({ value: done.result, millis: done.millis });
    setProgress(null);
  };

  const pickEvents = async (file: File | undefined) => {
    const w = worker.current;
    if (!file || !w || !state) return;
    setRefusal((r) => (r?.what === 'event log' ? null : r));
    setResult(null);
    setNames([]);
    const read = await w.parseEvents(file, wt);
    if (!read.ok) {
      setProgress(null);
      setRefusal({ what: 'event log', problems: read.problems });
      return;
    }
    const matched = matchStages(read.value.names, stages, rememberedMapping(meta?.stageMapping));
    setNames(read.value.names);
    setParsed({ rows: read.value.rows, millis: read.value.millis });
    setMapping(matched);
    await aggregate(state, matched, wt);
  };

  const pickDeployments = async (file: File | undefined) => {
    const w = worker.current;
    if (!file || !w) return;
    setDora(null);
    setRefusal((r) => (r?.what === 'deployment log' ? null : r));
    const read = await w.parseDeployments(file, wt);
    setProgress(null);
    if (!read.ok) setRefusal({ what: 'deployment log', problems: read.problems });
    else setDora(read.value);
  };

  const remap = (name: string, stageId: string | null) => {
    if (!state) return;
    const next = { ...mapping, [name]: stageId };
    setMapping(next);
    void aggregate(state, next, wt);
  };

  const apply = () => {
    if (!state || (!result && !dora)) return;
    const input: MeasurementInput = { stages: {} };
    if (result) {
      const measured = toDocumentMeasurement(result.value, mapping);
      input.stages = measured.stages;
      input.mapping = measured.mapping;
      if (useAll) input.use = 'all';
    }
    if (dora) input.dora = toDocumentDora(dora);
    const done = runCommand(() => applyMeasurement(session.doc, state.id, input));
    if (done.ok) onClose();
    else setError(done.error);
  };

  const busy = progress !== null;
  const canApply = !busy && !refusal && (result !== null || dora !== null);
  return (
    <Dialog
      open
      title={t('title')}
      onClose={onClose}
      className="measure-dialog"
      description={t('intro')}
    >
      <div className="measure-files">
        <label>
          {t('eventsLabel')}
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-autofocus
            data-testid="measure-events"
            onChange={(e) => void pickEvents(e.target.files?.[0])}
          />
        </label>
        <label>
          {t('deploymentsLabel')}
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            data-testid="measure-deployments"
            onChange={(e) => void pickDeployments(e.target.files?.[0])}
          />
        </label>
      </div>
      {progress && (
        <div className="measure-progress" role="status">
          <span>{t(`phases.${progress.phase}`)}</span>
          <progress max={1} value={progress.done} />
        </div>
      )}
      {refusal && (
        <div className="measure-refusal" role="alert">
          <p>{refusal.what === 'event log' ? t('refusedEvents') : t('refusedDeployments')}</p>
          <ul>
            {refusal.problems.map((p) => (
              <li key={`${p.row}-${p.message}`}>
                {p.row > 0 ? t('rowProblem', { row: p.row, message: p.message }) : p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {names.length > 0 && (
        <MappingTable names={names} stages={stages} mapping={mapping} onChange={remap} />
      )}
      {result && state && (
        <>
          <MeasurePreview result={result.value} state={state} wt={wt} />
          {parsed && (
            <p
              className="measure-timing"
              data-rows={parsed.rows}
              data-read-ms={parsed.millis}
              data-aggregate-ms={result.millis}
            >
              {t('timing', {
                rows: numberFormat({}).format(parsed.rows),
                readMs: formatNumber(Math.round(parsed.millis)),
                aggregateMs: formatNumber(Math.round(result.millis)),
              })}
            </p>
          )}
        </>
      )}
      {dora && <DoraPreview dora={dora} wt={wt} />}
      {result && (
        <label className="measure-use">
          <input type="checkbox" checked={useAll} onChange={(e) => setUseAll(e.target.checked)} />
          {t('useAll')}
        </label>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={!canApply} onClick={apply}>
          {t('apply')}
        </button>
      </div>
    </Dialog>
  );
}
