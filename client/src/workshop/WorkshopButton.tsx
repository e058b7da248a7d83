// The top bar's workshop control: an editor starts workshop mode on the state on screen (and
// becomes its facilitator); the facilitator ends it. Viewers see nothing here: the bar shows them
// the workshop read-only.
import { useTranslation } from 'react-i18next';
import { useActiveState, useCanEdit } from '../store/selectors.ts';
import { useWorkshop } from './useWorkshop.ts';
import { useWorkshopActions } from './useWorkshopActions.ts';

export function WorkshopButton() {
  const canEdit = useCanEdit();
  const state = useActiveState();
  const workshop = useWorkshop();
  const actions = useWorkshopActions();
  const { t } = useTranslation('workshop');
  if (!canEdit || !state) return null;
  if (!workshop.active) {
    return (
      <button
        type="button"
        className="workshop-start"
        title={t('button.startTitle')}
        onClick={() => actions.start(state.id)}
      >
        {t('button.start')}
      </button>
    );
  }
  if (workshop.facilitatorId === actions.me) {
    return (
      <button type="button" onClick={() => actions.stop()}>
        {t('button.end')}
      </button>
    );
  }
  return (
    <button
      type="button"
      title={t('button.takeOverTitle')}
      onClick={() => actions.start(workshop.stateId ?? state.id)}
    >
      {t('button.takeOver')}
    </button>
  );
}
