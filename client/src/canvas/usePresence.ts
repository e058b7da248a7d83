// This participant's side of presence on the canvas (state on screen, selection, cursor and
// viewport, all throttled by the session), and following another participant's viewport.
import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import { type PointerEvent, useCallback, useEffect } from 'react';
import { type EditorState, setEditor, useEditor } from '../store/editorStore.ts';
import type { MapSession } from '../sync/session.ts';
import type { VsmEdge, VsmNode } from './types.ts';

export function usePresencePublishing(
  session: MapSession,
  flow: ReactFlowInstance<VsmNode, VsmEdge>,
) {
  const stateId = useEditor((s) => s.activeStateId);
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);

  useEffect(() => {
    session.setPresence({ stateId, cursor: null });
  }, [session, stateId]);

  useEffect(() => {
    session.setPresence({ selection: [...selectedNodes, ...selectedEdges] });
  }, [session, selectedNodes, selectedEdges]);

  useEffect(() => () => session.setPresence({ cursor: null, dragging: null }), [session]);

  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      session.setPresence({ cursor: { x: Math.round(p.x), y: Math.round(p.y) } });
    },
    [session, flow],
  );
  const onPointerLeave = useCallback(() => session.setPresence({ cursor: null }), [session]);

  const publishViewport = useCallback(
    (_event: unknown, viewport: Viewport) => {
      session.setPresence({ viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } });
    },
    [session],
  );

  /** A pan or zoom by this person (not a programmatic one) ends following. */
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event && useEditor.getState().following !== null) setEditor({ following: null });
  }, []);

  return { onPointerMove, onPointerLeave, onMove: publishViewport, onMoveStart };
}

/** While `following` names a peer, shows their state and viewport as they change. */
export function useFollow(flow: ReactFlowInstance<VsmNode, VsmEdge>) {
  useEffect(() => {
    let applied: Viewport | null = null;
    const apply = (s: EditorState) => {
      if (s.following === null) {
        applied = null;
        return;
      }
      const leader = s.peers.find((p) => p.clientId === s.following);
      if (!leader) {
        setEditor({ following: null });
        return;
      }
      if (leader.stateId && leader.stateId !== s.activeStateId && s.map?.states[leader.stateId]) {
        setEditor({ activeStateId: leader.stateId, selectedNodes: [], selectedEdges: [] });
      }
      const vp = leader.viewport;
      if (vp && (applied?.x !== vp.x || applied?.y !== vp.y || applied?.zoom !== vp.zoom)) {
        applied = vp;
        void flow.setViewport(vp);
      }
    };
    apply(useEditor.getState());
    return useEditor.subscribe(apply);
  }, [flow]);
}
