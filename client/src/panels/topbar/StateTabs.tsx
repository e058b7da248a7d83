// The map's states as tabs (current and future), with the actions on states: create a future state
// from the current one, rename, delete, and compare two states.
import { useEffect, useState } from 'react';
import { useEditor } from '../../store/editorStore.ts';
import { useCanEdit, useSortedStates } from '../../store/selectors.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { ConfirmDialog } from '../../ui/Dialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { SnapshotsButton } from '../snapshots/SnapshotsButton.tsx';
import { CompareControl } from './CompareControl.tsx';
import { StateOptionsMenu } from './StateOptionsMenu.tsx';
import { StateTabList } from './StateTabList.tsx';
import { useStateActions } from './useStateActions.ts';
import './stateTabs.css';
import { useTranslation } from 'react-i18next';

export function StateTabs() {
  const { t } = useTranslation('topbar');
  const session = useSession();
  const states = useSortedStates();
  const activeStateId = useEditor((s) => s.activeStateId);
  const compareWith = useEditor((s) => s.compareWith);
  const canEdit = useCanEdit();
  const [renaming, setRenaming] = useState<string | null>(null);
  const actions = useStateActions(states, activeStateId, compareWith);
  const { source, deleting } = actions;

  // Others see which state each participant is looking at (and follow it).
  useEffect(() => {
    session.setPresence({ stateId: activeStateId });
  }, [session, activeStateId]);

  if (states.length === 0) return null;
  const active = states.find((s) => s.id === activeStateId) ?? null;

  return (
    <div className="state-tabs">
      <StateTabList
        states={states}
        activeStateId={activeStateId}
        canEdit={canEdit}
        renaming={renaming}
        onRenaming={setRenaming}
        rename={actions.rename}
      />

      {canEdit && active && (
        <StateOptionsMenu
          state={active}
          canDelete={states.length > 1}
          onRename={() => setRenaming(active.id)}
          onDelete={() => actions.askDelete(active)}
        />
      )}

      {canEdit && (
        <button
          type="button"
          className="tab-action"
          onClick={actions.createFuture}
          disabled={!source}
          title={source ? t('states.futureTip', { name: source.name }) : t('states.noCurrent')}
        >
          <PlusIcon className="tab-icon" /> {t('states.future')}
          <span className="visually-hidden"> {t('states.futureHelp')}</span>
        </button>
      )}

      <CompareControl
        others={states.filter((s) => s.id !== activeStateId)}
        compareWith={compareWith}
      />

      <SnapshotsButton />

      {actions.error && (
        <span className="state-tabs-error" role="alert">
          {actions.error}
        </span>
      )}

      <ConfirmDialog
        open={deleting !== null}
        title={t('states.deleteTitle', { name: deleting?.name ?? '' })}
        message={<p>{t('states.deleteMessage')}</p>}
        confirmLabel={t('states.deleteConfirm')}
        onConfirm={actions.confirmDelete}
        onCancel={actions.cancelDelete}
      />
    </div>
  );
}
