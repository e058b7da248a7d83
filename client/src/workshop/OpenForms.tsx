// The facilitator's forms that open a silent estimation round (field, one stage or all, named or
// anonymous reveal) and a dot vote (on bottleneck stages or kaizen ideas, dots each, stacking).
import type { MapState } from '@flowmap/shared';
import type { AgendaStep, EstimateField, VoteSubject } from '@flowmap/shared/workshop';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopActions } from './useWorkshopActions.ts';

const FIELDS: readonly EstimateField[] = ['elapsedMinutes', 'valueAddMinutes', 'pctCA'];
const SUBJECTS: readonly VoteSubject[] = ['stages', 'kaizens'];

export function NewRoundForm({
  state,
  step,
  actions,
  onDone,
}: {
  state: MapState;
  step: AgendaStep;
  actions: WorkshopActions;
  onDone: () => void;
}) {
  const [field, setField] = useState<EstimateField>(
    step.kind === 'quality' ? 'pctCA' : 'elapsedMinutes',
  );
  const [stageId, setStageId] = useState('');
  const [named, setNamed] = useState(true);
  const { t } = useTranslation('workshop');
  const stages = Object.values(state.nodes)
    .filter((n) => n.type === 'stage')
    .sort((a, b) => a.x - b.x || a.y - b.y);
  return (
    <form
      className="workshop-form"
      aria-label={t('forms.roundLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        const result = actions.openRound({
          stateId: state.id,
          field,
          stageIds: stageId ? [stageId] : undefined,
          named,
        });
        if (result.ok) onDone();
      }}
    >
      <label>
        {t('forms.field')}
        <select value={field} onChange={(e) => setField(e.target.value as EstimateField)}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`forms.fields.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forms.stages')}
        <select value={stageId} onChange={(e) => setStageId(e.target.value)}>
          <option value="">{t('forms.allStages')}</option>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || s.id}
            </option>
          ))}
        </select>
      </label>
      <label className="workshop-check">
        <input type="checkbox" checked={named} onChange={(e) => setNamed(e.target.checked)} />
        {t('forms.named')}
      </label>
      <button type="submit" className="primary">
        {t('forms.openRound')}
      </button>
      <button type="button" onClick={onDone}>
        {t('forms.cancel')}
      </button>
    </form>
  );
}

export function NewVoteForm({
  state,
  step,
  actions,
  onDone,
}: {
  state: MapState;
  step: AgendaStep;
  actions: WorkshopActions;
  onDone: () => void;
}) {
  const [subject, setSubject] = useState<VoteSubject>(
    step.kind === 'future' || step.kind === 'plan' ? 'kaizens' : 'stages',
  );
  const [dots, setDots] = useState('3');
  const [stack, setStack] = useState('2');
  const { t } = useTranslation('workshop');
  return (
    <form
      className="workshop-form"
      aria-label={t('forms.voteLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        const result = actions.openVote({
          stateId: state.id,
          subject,
          dots: Number(dots),
          stackLimit: Number(stack),
        });
        if (result.ok) onDone();
      }}
    >
      <label>
        {t('forms.subject')}
        <select value={subject} onChange={(e) => setSubject(e.target.value as VoteSubject)}>
          {SUBJECTS.map((s) => (
            <option key={s} value={s}>
              {t(`forms.subjects.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('forms.dots')}
        <input
          type="number"
          min={1}
          max={20}
          value={dots}
          onChange={(e) => setDots(e.target.value)}
        />
      </label>
      <label>
        {t('forms.stack')}
        <input
          type="number"
          min={1}
          max={20}
          value={stack}
          onChange={(e) => setStack(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('forms.openVote')}
      </button>
      <button type="button" onClick={onDone}>
        {t('forms.cancel')}
      </button>
    </form>
  );
}
