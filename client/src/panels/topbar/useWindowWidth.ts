// Whether the window is at least `px` wide, following resizes (one media query, no resize loop).
import { useCallback, useSyncExternalStore } from 'react';

export function useWideWindow(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
