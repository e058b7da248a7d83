// Deleting a map from the library: the map waiting for the owner's confirmation, then the request,
// with its error kept in the dialog (the dialog stays open) until the owner cancels or retries.
import { useState } from 'react';
import { api, type MapSummary } from '../../api/http.ts';

export interface DeleteMap {
  deleting: MapSummary | null;
  busy: boolean;
  error: string | null;
  ask(map: MapSummary): void;
  cancel(): void;
  confirm(): Promise<void>;
}

export function useDeleteMap(
  onDeleted: (title: string) => Promise<void>,
  handleError: (error: unknown) => string,
): DeleteMap {
  const [deleting, setDeleting] = useState<MapSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await api.deleteMap(deleting.id);
      const title = deleting.title;
      setDeleting(null);
      await onDeleted(title);
    } catch (e) {
      setError(handleError(e));
    } finally {
      setBusy(false);
    }
  };

  return {
    deleting,
    busy,
    error,
    ask: (map) => {
      setError(null);
      setDeleting(map);
    },
    cancel: () => setDeleting(null),
    confirm,
  };
}
