// What the top bar does to the map's states, through shared's commands: create a future state from
// a current one, rename one, delete one after a confirmation. A refusal (the map reached its state
// limit, a collaborator deleted the state meanwhile) is shown beside the tabs for a few seconds; a
// refused rename stays under its field instead.
import type { MapState } from '@flowmap/shared';
import { cloneStateAsFuture, removeState, renameState } from '@flowmap/shared/doc';
import { useEffect, useState } from 'react';
import { setEditor } from '../../store/editorStore.ts';
import { runCommand } from '../../sync/runCommand.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { nextFutureStateName } from './stateNames.ts';
import { asSentence, checkTitle } from './titles.ts';

const ERROR_SHOWN_MS = 6000;

export interface StateActions {
  /** The state a new future state copies, if there is a current state. */
  source: MapState | undefined;
  createFuture(): void;
  /** Renames a state; returns why the name was refused, or null. */
  rename(id: string, value: string): string | null;
  /** The state waiting for its deletion to be confirmed. */
  deleting: MapState | null;
  askDelete(state: MapState): void;
  cancelDelete(): void;
  confirmDelete(): void;
  /** Why the last action was refused, while it is shown. */
  error: string | null;
}

export function useStateActions(
  states: readonly MapState[],
  activeStateId: string | null,
  compareWith: string | null,
): StateActions {
  const session = useSession();
  const [deleting, setDeleting] = useState<MapState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), ERROR_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [error]);

  const active = states.find((s) => s.id === activeStateId) ?? null;
  // The clone's source: the tab in view when it is a current state, otherwise the first current.
  const source = active?.kind === 'current' ? active : states.find((s) => s.kind === 'current');

  const createFuture = () => {
    if (!source) return;
    const name = nextFutureStateName(states.map((s) => s.name));
    const done = runCommand(() => cloneStateAsFuture(session.doc, source.id, { name }));
    if (!done.ok) return setError(asSentence(done.error));
    setEditor({ activeStateId: done.value, compareWith: null });
    setError(null);
  };

  const rename = (id: string, value: string): string | null => {
    const problem = checkTitle(value, 'state name');
    if (problem) return problem;
    const done = runCommand(() => renameState(session.doc, id, value.trim()));
    return done.ok ? null : asSentence(done.error);
  };

  const confirmDelete = () => {
    if (!deleting) return;
    const done = runCommand(() => removeState(session.doc, deleting.id));
    setDeleting(null);
    if (!done.ok) return setError(asSentence(done.error));
    if (deleting.id === activeStateId) {
      const next = states.find((s) => s.id !== deleting.id);
      setEditor({ activeStateId: next?.id ?? null });
    }
    if (compareWith === deleting.id) setEditor({ compareWith: null });
  };

  return {
    source,
    createFuture,
    rename,
    deleting,
    askDelete: setDeleting,
    cancelDelete: () => setDeleting(null),
    confirmDelete,
    error,
  };
}
