// What the library page tells the owner after an action: a polite notice ("Renamed to …"), an
// action's error, and the row to highlight for a few seconds. Also the clock the "last change"
// column is relative to, ticking every 30 s and on every notice.
import { useEffect, useState } from 'react';

const CLOCK_TICK_MS = 30_000;
const HIGHLIGHT_MS = 4000;

export interface LibraryNotices {
  now: number;
  notice: string | null;
  actionError: string | null;
  highlight: string | null;
  /** Says what was done and highlights the map it was done to; clears the last error. */
  announce(message: string, mapId?: string | null): void;
  showError(message: string): void;
  clearNotice(): void;
}

export function useLibraryNotices(): LibraryNotices {
  const [now, setNow] = useState(() => Date.now());
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!highlight) return;
    const timer = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlight]);

  return {
    now,
    notice,
    actionError,
    highlight,
    announce: (message, mapId = null) => {
      setNotice(message);
      setActionError(null);
      setHighlight(mapId);
      setNow(Date.now());
    },
    showError: setActionError,
    clearNotice: () => setNotice(null),
  };
}
