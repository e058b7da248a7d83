// The owner's actions on a snapshot, each confirmed in a dialog first: restore it as a new map
// (which then opens in place of this one) or delete it for everyone. Only the browser holding the
// instance owner key may do either; the server refuses anyone else.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SnapshotSummary } from '../../api/http.ts';
import { errorText } from './useSnapshots.ts';

export interface OwnerActions {
  restoring: SnapshotSummary | null;
  deleting: SnapshotSummary | null;
  busy: boolean;
  /** Why the restore or the deletion in the open dialog failed. */
  error: string | null;
  askRestore(snapshot: SnapshotSummary): void;
  askDelete(snapshot: SnapshotSummary): void;
  /** Closes either dialog (Escape, the backdrop, the deletion's Cancel), forgetting its error. */
  cancel(): void;
  /** The restore dialog's Cancel button: closes it only. */
  closeRestore(): void;
  restore(): Promise<void>;
  remove(): Promise<void>;
}

export function useOwnerActions(mapId: string, onDeleted: (id: string) => void): OwnerActions {
  const [restoring, setRestoring] = useState<SnapshotSummary | null>(null);
  const [deleting, setDeleting] = useState<SnapshotSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation('snapshots');

  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.restoreSnapshot(mapId, restoring.id);
      // The new map opens in place of this one, with its own edit link.
      window.location.assign(`/m/${created.id}?token=${encodeURIComponent(created.editToken)}`);
    } catch (e) {
      setError(errorText(t, e));
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    setError(null);
    try {
      await api.deleteSnapshot(mapId, deleting.id);
      onDeleted(deleting.id);
      setDeleting(null);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return {
    restoring,
    deleting,
    busy,
    error,
    askRestore: setRestoring,
    askDelete: setDeleting,
    cancel: () => {
      setRestoring(null);
      setDeleting(null);
      setError(null);
    },
    closeRestore: () => setRestoring(null),
    restore,
    remove,
  };
}
