// "Bring everyone to my view": when the facilitator asks (a newer `gather` in the document), this
// tab follows the facilitator's awareness client with the canvas's existing follow mechanism;
// panning or zooming breaks away (usePresence ends following), and `rejoin` follows again.
import type { Workshop } from '@flowmap/shared/workshop';
import { useEffect, useRef } from 'react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { useSession } from '../sync/SessionContext.tsx';

export function useGather(workshop: Workshop) {
  const session = useSession();
  const gather = workshop.gather;
  // A request made before this tab opened is history, not an instruction.
  const seenAt = useRef<number | null>(gather?.at ?? null);
  const leaderPresent = useEditor((s) => s.peers.some((p) => p.clientId === gather?.clientId));
  const following = useEditor((s) => s.following);
  const isLeader = gather?.clientId === session.doc.clientID;

  useEffect(() => {
    if (!gather || !workshop.active || gather.at === seenAt.current) return;
    seenAt.current = gather.at;
    if (gather.clientId !== session.doc.clientID && leaderPresent) {
      setEditor({ following: gather.clientId });
    }
  }, [gather, workshop.active, leaderPresent, session]);

  return {
    /** The facilitator's view can be rejoined: they asked, are here, and this tab broke away. */
    canRejoin:
      !!gather && workshop.active && !isLeader && leaderPresent && following !== gather.clientId,
    following: !!gather && following === gather.clientId,
    rejoin: () => gather && setEditor({ following: gather.clientId }),
  };
}
