// The workshop as plain data for components: read from the session's document whenever anything
// under the `workshop` root changes (at most once per animation frame), and the server's time,
// ticking while a timer runs.
import type { Workshop } from '@flowmap/shared/workshop';
import { readWorkshop, WORKSHOP_ROOT } from '@flowmap/shared/workshop/doc';
import { useEffect, useState } from 'react';
import { useSession } from '../sync/SessionContext.tsx';
import { serverClock } from './serverClock.ts';

export function useWorkshop(): Workshop {
  const session = useSession();
  const [workshop, setWorkshop] = useState(() => readWorkshop(session.doc));
  useEffect(() => {
    const root = session.doc.getMap(WORKSHOP_ROOT);
    let frame = 0;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setWorkshop(readWorkshop(session.doc));
      });
    };
    root.observeDeep(refresh);
    refresh();
    return () => {
      root.unobserveDeep(refresh);
      cancelAnimationFrame(frame);
    };
  }, [session]);
  return workshop;
}

/** The server's time, re-read every `everyMs` while `ticking`. */
export function useServerNow(ticking: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => serverClock().now());
  useEffect(() => {
    setNow(serverClock().now());
    if (!ticking) return;
    const timer = setInterval(() => setNow(serverClock().now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return now;
}
