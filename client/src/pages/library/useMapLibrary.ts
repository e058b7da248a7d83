// The owner's list of maps and each map's links, loaded from the API. A 401 anywhere means the
// key kept in this browser is not this server's owner key.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type MapLinks, type MapSummary } from '../../api/http.ts';

export type LibraryStatus = 'loading' | 'ready' | 'unauthorized' | 'error';

export interface MapLibrary {
  status: LibraryStatus;
  maps: MapSummary[];
  links: Record<string, MapLinks>;
  loadError: string | null;
  reload: () => Promise<void>;
  /** Turns a 401 from any action into the "key not accepted" page; returns the error's message. */
  handleError: (error: unknown) => string;
}

export function useMapLibrary(): MapLibrary {
  const [status, setStatus] = useState<LibraryStatus>('loading');
  const [maps, setMaps] = useState<MapSummary[]>([]);
  const [links, setLinks] = useState<Record<string, MapLinks>>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const { t } = useTranslation('library');
  const linksRef = useRef(links);
  linksRef.current = links;

  const handleError = useCallback(
    (error: unknown): string => {
      if (error instanceof ApiError && error.status === 401) {
        setStatus('unauthorized');
        return t('errors.keyRejected');
      }
      if (error instanceof ApiError) return capitalise(error.message);
      return t('errors.unreachable');
    },
    [t],
  );

  const reload = useCallback(async () => {
    try {
      const list = await api.listMaps();
      setMaps(list);
      setStatus('ready');
      setLoadError(null);
      // Tokens are needed to open or share a map; fetch those not known yet, in parallel.
      const missing = list.filter((m) => !linksRef.current[m.id]);
      const fetched = await Promise.all(missing.map((m) => api.getMap(m.id).catch(() => null)));
      const found = fetched.filter((l): l is NonNullable<typeof l> => l !== null);
      if (found.length > 0) {
        setLinks((prev) => {
          const next = { ...prev };
          for (const l of found)
            next[l.id] = { id: l.id, editToken: l.editToken, viewToken: l.viewToken };
          return next;
        });
      }
    } catch (error) {
      const message = handleError(error);
      if (!(error instanceof ApiError && error.status === 401)) {
        setLoadError(message);
        // A failed refresh keeps the list on screen; only a first load shows the error page.
        setStatus((s) => (s === 'ready' ? s : 'error'));
      }
    }
  }, [handleError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { status, maps, links, loadError, reload, handleError };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
