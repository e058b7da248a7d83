// The workshop bar everyone sees while workshop mode is on: the current agenda step and its prompt,
// the shared timer (in the server's clock), who has answered the current prompt, and — for the
// facilitator — moving between steps, start/pause/+5 min, editing the step and "bring everyone to
// my view". Under it, the step's tool (estimation, dot vote, action plan) in WorkshopPanel.
import { formatClock, remainingMs, type Workshop } from '@flowmap/shared/workshop';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../panels/topbar/meStore.ts';
import { useEditor } from '../store/editorStore.ts';
import { useCanEdit } from '../store/selectors.ts';
import { progressOf } from './progress.ts';
import { StepEditor } from './StepEditor.tsx';
import { canTakePart } from './takePart.ts';
import { useGather } from './useGather.ts';
import { useServerNow, useWorkshop } from './useWorkshop.ts';
import { useWorkshopActions } from './useWorkshopActions.ts';
import { WorkshopPanel } from './WorkshopPanel.tsx';
import { stepPrompt, stepTitle } from './wording.ts';
import './workshop.css';

export function WorkshopBar() {
  const workshop = useWorkshop();
  if (!workshop.active || workshop.agenda.length === 0) return null;
  return <ActiveBar workshop={workshop} />;
}

function ActiveBar({ workshop }: { workshop: Workshop }) {
  const actions = useWorkshopActions();
  const canEdit = useCanEdit();
  const me = useMe((s) => s.me);
  const isFacilitator = canEdit && workshop.facilitatorId === actions.me;
  const takePart = canTakePart(canEdit, workshop);
  const step = workshop.agenda[workshop.stepIndex];
  const running = workshop.timer.runningSince !== null;
  const now = useServerNow(running);
  const left = remainingMs(workshop.timer, now);
  const gather = useGather(workshop);
  const [editing, setEditing] = useState(false);
  const myTeam = workshop.participants[actions.me]?.team ?? '';
  const teams = useTeams();
  const progress = useMemo(() => progressOf(workshop), [workshop]);
  const { t } = useTranslation('workshop');

  // Everyone who takes part joins the room's list (name and team) when the workshop is on.
  const joined = workshop.participants[actions.me];
  useEffect(() => {
    if (!takePart || !me.name) return;
    if (joined && joined.name === me.name) return;
    actions.join(me.name, joined?.team);
  }, [takePart, me.name, joined, actions]);

  if (!step) return null;
  const of = workshop.agenda.length;
  return (
    <section className="workshop" aria-label={t('bar.label')}>
      <div className="workshop-bar">
        <span className="workshop-label">{t('bar.label')}</span>
        <div className="workshop-step">
          {isFacilitator && (
            <button
              type="button"
              className="workshop-icon"
              aria-label={t('bar.previous')}
              title={t('bar.previous')}
              disabled={workshop.stepIndex === 0}
              onClick={() => actions.setStep(workshop.stepIndex - 1)}
            >
              ‹
            </button>
          )}
          <span className="workshop-step-count">
            {t('bar.step', { n: workshop.stepIndex + 1, of })}
          </span>
          <strong className="workshop-step-title" data-testid="workshop-step">
            {stepTitle(step, t)}
          </strong>
          {isFacilitator && (
            <button
              type="button"
              className="workshop-icon"
              aria-label={t('bar.next')}
              title={t('bar.next')}
              disabled={workshop.stepIndex >= of - 1}
              onClick={() => actions.setStep(workshop.stepIndex + 1)}
            >
              ›
            </button>
          )}
        </div>
        <div
          className={`workshop-timer${left < 0 ? ' workshop-timer-over' : ''}${running ? ' workshop-timer-running' : ''}`}
          role="timer"
          aria-label={
            left < 0 ? t('bar.overTime', { clock: formatClock(left) }) : formatClock(left)
          }
          data-testid="workshop-timer"
          data-running={running ? 'true' : 'false'}
        >
          {formatClock(left)}
        </div>
        {isFacilitator && (
          <div className="workshop-controls">
            <button
              type="button"
              onClick={() => (running ? actions.pauseTimer() : actions.startTimer())}
            >
              {running ? t('bar.pause') : t('bar.start')}
            </button>
            <button type="button" title={t('bar.addFiveTitle')} onClick={() => actions.addFive()}>
              {t('bar.addFive')}
            </button>
            <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
              {t('bar.edit')}
            </button>
            <button type="button" onClick={() => actions.gather()}>
              {t('bar.gather')}
            </button>
          </div>
        )}
        {gather.canRejoin && (
          <button type="button" className="primary" onClick={gather.rejoin}>
            {t('bar.rejoin')}
          </button>
        )}
        {gather.following && <span className="workshop-note">{t('bar.followingNote')}</span>}
        <div className="workshop-right">
          {progress && (
            <span
              className="workshop-progress"
              data-testid="workshop-progress"
              title={progress.names}
            >
              {t(`bar.progress.${progress.what}`, { done: progress.done, of: progress.of })}
            </span>
          )}
          {isFacilitator && <span className="workshop-badge">{t('bar.facilitator')}</span>}
          {isFacilitator && (
            <label className="workshop-take-part" title={t('bar.viewersTakePartTitle')}>
              <input
                type="checkbox"
                checked={workshop.viewersTakePart}
                onChange={(e) => actions.setViewersTakePart(e.target.checked)}
              />
              <span>{t('bar.viewersTakePart')}</span>
            </label>
          )}
          {takePart && (
            <label className="workshop-team">
              <span>{t('bar.team')}</span>
              <input
                list="workshop-teams"
                defaultValue={myTeam}
                key={myTeam}
                placeholder={t('bar.teamPlaceholder')}
                maxLength={100}
                onBlur={(e) => {
                  if (e.target.value.trim() !== myTeam)
                    actions.join(me.name ?? 'Guest', e.target.value);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                }}
              />
              <datalist id="workshop-teams">
                {teams.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </label>
          )}
        </div>
      </div>
      <p className="workshop-prompt" data-testid="workshop-prompt">
        {stepPrompt(step, t)}
      </p>
      {editing && isFacilitator && (
        <StepEditor
          key={step.id}
          step={step}
          index={workshop.stepIndex}
          count={of}
          actions={actions}
          onDone={() => setEditing(false)}
        />
      )}
      {actions.error && (
        <p className="workshop-error" role="alert">
          {actions.error}
        </p>
      )}
      <WorkshopPanel
        workshop={workshop}
        isFacilitator={isFacilitator}
        actions={actions}
        step={step}
      />
    </section>
  );
}

/** The teams named on the workshop's stages, for the team picker. */
function useTeams(): string[] {
  const map = useEditor((s) => s.map);
  return useMemo(() => {
    const teams = new Set<string>();
    for (const state of Object.values(map?.states ?? {})) {
      for (const node of Object.values(state.nodes)) {
        if (node.type === 'stage' && node.team?.trim()) teams.add(node.team.trim());
      }
    }
    return [...teams].sort();
  }, [map]);
}
