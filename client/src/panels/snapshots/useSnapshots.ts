// The map's snapshots as the view needs them: the list (loaded when the view opens, updated by
// this browser's own actions) and each snapshot's full map, fetched once — a snapshot never
// changes, so a copy fetched is good for the life of the page.
import type { FlowMap } from '@flowmap/shared';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type SnapshotSummary } from '../../api/http.ts';

/** Why a request failed, for the person: the server's own reasons when it gave some. */
export function errorText(t: TFunction<'snapshots'>, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.messages.length > 0) return error.messages.join('; ');
    if (error.status === 401 || error.status === 403) return t('errors.forbidden');
    return t('errors.refused', { message: error.message });
  }
  return t('errors.offline');
}

export interface SnapshotList {
  snapshots: SnapshotSummary[] | null;
  error: string | null;
  reload(): Promise<void>;
  added(snapshot: SnapshotSummary): void;
  removed(id: string): void;
}

export function useSnapshotList(mapId: string, token: string): SnapshotList {
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation('snapshots');

  const reload = useCallback(async () => {
    try {
      setSnapshots(await api.listSnapshots(mapId, token));
      setError(null);
    } catch (e) {
      setError(errorText(t, e));
    }
  }, [mapId, token, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const added = useCallback((snapshot: SnapshotSummary) => {
    setSnapshots((list) =>
      [...(list ?? []).filter((s) => s.id !== snapshot.id), snapshot].sort(
        (a, b) => a.createdAt - b.createdAt,
      ),
    );
  }, []);
  const removed = useCallback((id: string) => {
    setSnapshots((list) => (list ?? []).filter((s) => s.id !== id));
  }, []);

  return { snapshots, error, reload, added, removed };
}

const maps = new Map<string, Promise<FlowMap>>();

function fetchSnapshotMap(mapId: string, token: string, snapshotId: string): Promise<FlowMap> {
  const key = `${mapId}/${snapshotId}`;
  let found = maps.get(key);
  if (!found) {
    found = api.getSnapshot(mapId, token, snapshotId);
    // A failed fetch is not remembered: the next attempt asks again.
    found.catch(() => maps.delete(key));
    maps.set(key, found);
  }
  return found;
}

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T };

/** The full map of a snapshot (null id: nothing to load). */
export function useSnapshotMap(
  mapId: string,
  token: string,
  snapshotId: string | null,
): Loaded<FlowMap> | null {
  const [loaded, setLoaded] = useState<{ id: string; result: Loaded<FlowMap> } | null>(null);
  const { t } = useTranslation('snapshots');
  useEffect(() => {
    if (snapshotId === null) return;
    let cancelled = false;
    setLoaded({ id: snapshotId, result: { status: 'loading' } });
    fetchSnapshotMap(mapId, token, snapshotId).then(
      (value) => {
        if (!cancelled) setLoaded({ id: snapshotId, result: { status: 'ready', value } });
      },
      (error: unknown) => {
        if (!cancelled) {
          setLoaded({ id: snapshotId, result: { status: 'error', message: errorText(t, error) } });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [mapId, token, snapshotId, t]);
  if (snapshotId === null) return null;
  return loaded?.id === snapshotId ? loaded.result : { status: 'loading' };
}
