// Measured next to estimated on a stage (issue 17): once an event log was imported, the stage
// shows the measured LT (mean, with p50/p85 on hover) and %C/A beside the estimate, the
// difference coloured (red: worse than estimated, green: better), the measurement's period and
// item count, and — on edit links — a button to use the measured figures or go back to the
// estimate. Reads the node from the store, so the canvas' element data need not carry it.
import {
  formatChange,
  formatDuration,
  formatPctCA,
  type MapNode,
  type WorkingTime,
} from '@flowmap/shared';
import { switchToEstimate, switchToMeasured } from '@flowmap/shared/doc';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore.ts';
import { useCanEdit, useWorkingTime } from '../../store/selectors.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { durationChange, estimateOf, period, type Tone, tone } from './measuredFigures.ts';
import './measured.css';

function Row(props: {
  label: string;
  measured: string;
  title?: string | undefined;
  estimate: string | null;
  change: string;
  tone: Tone;
}) {
  const { t } = useTranslation('canvas');
  return (
    <div className="vsm-measured-row">
      <span className="vsm-measured-label">{props.label}</span>
      <b title={props.title}>{props.measured}</b>
      {props.estimate !== null && (
        <>
          <span className={`vsm-measured-diff is-${props.tone}`}>{props.change}</span>
          <span className="vsm-measured-est">
            {t('measured.estimated')} {props.estimate}
          </span>
        </>
      )}
    </div>
  );
}

function Figures({ id, node, wt }: { id: string; node: MapNode; wt: WorkingTime }) {
  const { t } = useTranslation('canvas');
  const session = useSession();
  const canEdit = useCanEdit();
  const stateId = useEditor((s) => s.activeStateId);
  const [error, setError] = useState<string | null>(null);
  const m = node.measured;
  if (!m) return null;
  const usingMeasured = node.timeSource === 'measured';
  const est = estimateOf(node);
  const d = (minutes: number) => formatDuration(minutes, wt);
  const lt = m.leadTimeMinutes;
  const ltChange = est.elapsedMinutes === undefined ? 0 : lt.mean - est.elapsedMinutes;
  const caChange = est.pctCA === undefined ? 0 : m.pctCA - est.pctCA;
  const run = (command: () => void) => {
    const done = runCommand(command);
    setError(done.ok ? null : done.error);
  };
  return (
    <div
      className={`vsm-measured${usingMeasured ? ' is-in-use' : ''}`}
      data-testid="measured-figures"
    >
      <div className="vsm-measured-head">
        <span>{t('measured.title')}</span>
        <span className="vsm-measured-meta">{t('measured.items', { count: m.items })}</span>
      </div>
      <div className="vsm-measured-period">{period(m.from, m.to)}</div>
      <Row
        label="LT"
        measured={d(lt.mean)}
        title={t('measured.ltTip', { p50: d(lt.p50), p85: d(lt.p85), mean: d(lt.mean) })}
        estimate={est.elapsedMinutes === undefined ? null : d(est.elapsedMinutes)}
        change={durationChange(ltChange, wt)}
        tone={tone(ltChange, true)}
      />
      <Row
        label="C/A"
        measured={formatPctCA(m.pctCA)}
        estimate={est.pctCA === undefined ? null : formatPctCA(est.pctCA)}
        change={formatChange('ratio', caChange / 100, wt)}
        tone={tone(caChange, false)}
      />
      {canEdit && stateId && (
        <button
          type="button"
          className="vsm-measured-use nodrag"
          onClick={() =>
            run(() =>
              usingMeasured
                ? switchToEstimate(session.doc, stateId, [id])
                : switchToMeasured(session.doc, stateId, [id]),
            )
          }
        >
          {usingMeasured ? t('measured.switchToEstimate') : t('measured.switchToMeasured')}
        </button>
      )}
      {error && <span className="vsm-measured-error">{error}</span>}
    </div>
  );
}

export const MeasuredFigures = memo(function MeasuredFigures({ id }: { id: string }) {
  const node = useEditor((s) =>
    s.map && s.activeStateId ? s.map.states[s.activeStateId]?.nodes[id] : undefined,
  );
  const wt = useWorkingTime();
  if (!node?.measured) return null;
  return <Figures id={id} node={node} wt={wt} />;
});
