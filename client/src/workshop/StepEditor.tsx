// The facilitator's form for the current agenda step: its title, prompt and time box, and its place
// in the agenda (move earlier or later, or take it out: the facilitator picks the session's steps).
import type { AgendaStep } from '@flowmap/shared/workshop';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopActions } from './useWorkshopActions.ts';
import { stepPrompt, stepTitle } from './wording.ts';

export function StepEditor({
  step,
  index,
  count,
  actions,
  onDone,
}: {
  step: AgendaStep;
  /** Where the step is in the agenda, and how many steps there are (for move and remove). */
  index: number;
  count: number;
  actions: WorkshopActions;
  onDone: () => void;
}) {
  const { t } = useTranslation('workshop');
  // The facilitator edits the step as they read it (a default step in their language).
  const [title, setTitle] = useState(() => stepTitle(step, t));
  const [prompt, setPrompt] = useState(() => stepPrompt(step, t));
  const [minutes, setMinutes] = useState(String(step.minutes));
  return (
    <form
      className="workshop-step-editor"
      onSubmit={(e) => {
        e.preventDefault();
        // Unchanged text keeps what is stored, so a default step stays in each reader's language.
        const result = actions.updateStep(step.id, {
          title: title === stepTitle(step, t) ? step.title : title.trim() || step.title,
          prompt: prompt === stepPrompt(step, t) ? step.prompt : prompt,
          minutes: Number(minutes),
        });
        if (result.ok) onDone();
      }}
    >
      <label>
        {t('stepEditor.title')}
        <input value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="workshop-step-editor-prompt">
        {t('stepEditor.prompt')}
        <input value={prompt} maxLength={1000} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <label>
        {t('stepEditor.minutes')}
        <input
          type="number"
          min={0}
          max={1440}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('stepEditor.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('stepEditor.cancel')}
      </button>
      <span className="workshop-step-editor-place">
        <button type="button" disabled={index === 0} onClick={() => actions.moveStep(step.id, -1)}>
          {t('stepEditor.earlier')}
        </button>
        <button
          type="button"
          disabled={index >= count - 1}
          onClick={() => actions.moveStep(step.id, 1)}
        >
          {t('stepEditor.later')}
        </button>
        <button
          type="button"
          title={t('stepEditor.removeTitle')}
          disabled={count <= 1}
          onClick={() => {
            if (actions.removeStep(step.id).ok) onDone();
          }}
        >
          {t('stepEditor.remove')}
        </button>
      </span>
    </form>
  );
}
