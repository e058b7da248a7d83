// The current step's tool under the workshop bar: the open estimation round, the current dot vote,
// or the action plan; the facilitator also gets the forms that open a round or a vote. What shows
// follows the document, so every participant sees the same tool as the facilitator.
import type { AgendaStep, Workshop } from '@flowmap/shared/workshop';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editorStore.ts';
import { EstimationPanel } from './EstimationPanel.tsx';
import { NewRoundForm, NewVoteForm } from './OpenForms.tsx';
import { PlanTable } from './PlanTable.tsx';
import { currentVote, openRound } from './progress.ts';
import type { WorkshopActions } from './useWorkshopActions.ts';
import { VotePanel } from './VotePanel.tsx';

type Tool = 'round' | 'vote' | 'plan' | null;

export function WorkshopPanel({
  workshop,
  isFacilitator,
  actions,
  step,
}: {
  workshop: Workshop;
  isFacilitator: boolean;
  actions: WorkshopActions;
  step: AgendaStep;
}) {
  const [tool, setTool] = useState<Tool>(null);
  const { t } = useTranslation('workshop');
  const state = useEditor((s) => (workshop.stateId ? s.map?.states[workshop.stateId] : undefined));
  if (!state) return <p className="workshop-error">{t('tools.noState')}</p>;
  const openedRound = openRound(workshop);
  const vote = currentVote(workshop);
  // The step decides what everyone sees; the facilitator's menu can open a form on any step.
  // When a round and a vote are both open, the one opened last is the room's current activity.
  const showVote = vote && (!vote.closed || step.kind === 'bottlenecks');
  const round =
    openedRound && !(showVote && vote.openedAt > openedRound.openedAt) ? openedRound : null;
  const content =
    tool === 'round' && isFacilitator ? (
      <NewRoundForm state={state} step={step} actions={actions} onDone={() => setTool(null)} />
    ) : tool === 'vote' && isFacilitator ? (
      <NewVoteForm state={state} step={step} actions={actions} onDone={() => setTool(null)} />
    ) : step.kind === 'plan' || tool === 'plan' ? (
      <PlanTable state={state} workshop={workshop} />
    ) : round ? (
      <EstimationPanel
        round={round}
        state={state}
        workshop={workshop}
        isFacilitator={isFacilitator}
        actions={actions}
      />
    ) : showVote ? (
      <VotePanel
        vote={vote}
        state={state}
        workshop={workshop}
        isFacilitator={isFacilitator}
        actions={actions}
      />
    ) : null;
  return (
    <>
      {isFacilitator && (
        <div className="workshop-tools">
          <button
            type="button"
            aria-pressed={tool === 'round'}
            onClick={() => setTool(tool === 'round' ? null : 'round')}
          >
            {t('tools.round')}
          </button>
          <button
            type="button"
            aria-pressed={tool === 'vote'}
            onClick={() => setTool(tool === 'vote' ? null : 'vote')}
          >
            {t('tools.vote')}
          </button>
          <button
            type="button"
            aria-pressed={tool === 'plan'}
            onClick={() => setTool(tool === 'plan' ? null : 'plan')}
          >
            {t('tools.plan')}
          </button>
        </div>
      )}
      {content && <div className="workshop-panel">{content}</div>}
    </>
  );
}
