// React Flow's change events, translated for a canvas whose truth is the document: selections go
// to the store, sizes to the measured cache, drags to the store's `dragPositions` and presence
// while they last and to one `moveNodes` command when they end.
import { isPipelineNode, type MapState } from '@flowmap/shared';
import type { Connection, Edge, EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { MapSession } from '../sync/session.ts';
import type { CanvasActions } from './actions.ts';
import { applySelection, type SelectChange } from './selection.ts';
import { HANDLES, type Size, type VsmEdge, type VsmNode, type XY } from './types.ts';

export function useFlowHandlers(
  session: MapSession,
  actions: CanvasActions,
  state: MapState | null,
  onResized: (sizes: Map<string, Size>) => void,
) {
  const dragging = useRef(false);
  // After a drop the overlay stays until the committed positions are in the snapshot, so the
  // nodes never flash back to where they were for a frame.
  const clearOnNextSnapshot = useRef(false);

  useEffect(() => {
    if (state && clearOnNextSnapshot.current && !dragging.current) {
      clearOnNextSnapshot.current = false;
      setEditor({ dragPositions: {} });
    }
  }, [state]);

  const onNodesChange = useCallback(
    (changes: NodeChange<VsmNode>[]) => {
      const moving: Record<string, XY> = {};
      const dropped: { id: string; x: number; y: number }[] = [];
      const selects: SelectChange[] = [];
      const sizes = new Map<string, Size>();
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          sizes.set(change.id, {
            width: change.dimensions.width,
            height: change.dimensions.height,
          });
        } else if (change.type === 'position' && change.position) {
          const p = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
          if (change.dragging) moving[change.id] = p;
          else dropped.push({ id: change.id, ...p });
        } else if (change.type === 'select') {
          selects.push(change);
        }
      }
      const editor = useEditor.getState();
      if (selects.length > 0) {
        const selectedNodes = applySelection(editor.selectedNodes, selects);
        if (selectedNodes !== editor.selectedNodes) setEditor({ selectedNodes });
      }
      if (Object.keys(moving).length > 0) {
        dragging.current = true;
        const dragPositions = { ...editor.dragPositions, ...moving };
        setEditor({ dragPositions });
        session.setPresence({
          dragging: Object.entries(dragPositions).map(([id, p]) => ({ id, x: p.x, y: p.y })),
        });
      }
      if (dropped.length > 0) {
        dragging.current = false;
        const dragPositions = { ...useEditor.getState().dragPositions };
        for (const { id, x, y } of dropped) dragPositions[id] = { x, y };
        setEditor({ dragPositions });
        clearOnNextSnapshot.current = true;
        actions.commitPositions(dropped);
        session.setPresence({ dragging: null });
      }
      if (sizes.size > 0) onResized(sizes);
    },
    [session, actions, onResized],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<VsmEdge>[]) => {
    const selects: SelectChange[] = [];
    for (const c of changes) if (c.type === 'select') selects.push(c);
    if (selects.length === 0) return;
    const editor = useEditor.getState();
    const selectedEdges = applySelection(editor.selectedEdges, selects);
    if (selectedEdges !== editor.selectedEdges) setEditor({ selectedEdges });
  }, []);

  const onConnect = useCallback((connection: Connection) => actions.connect(connection), [actions]);

  /** Refuses while dragging what the connect command would refuse on drop. */
  const isValidConnection = useCallback((connection: Connection | Edge) => {
    const { map, activeStateId } = useEditor.getState();
    const current = map && activeStateId ? map.states[activeStateId] : undefined;
    if (!current || connection.source === connection.target) return false;
    const source = current.nodes[connection.source];
    const target = current.nodes[connection.target];
    if (!source || !target) return false;
    // A kaizen burst may be linked to the stage it improves, once.
    if (source.type === 'kaizen') {
      return (
        isPipelineNode(target.type) &&
        !Object.values(current.edges).some(
          (e) => e.source === connection.source && e.target === connection.target,
        )
      );
    }
    if (!isPipelineNode(source.type) || !isPipelineNode(target.type)) return false;
    const kind =
      connection.sourceHandle === HANDLES.reworkOut || connection.targetHandle === HANDLES.reworkIn
        ? 'rework'
        : 'flow';
    return !Object.values(current.edges).some(
      (e) => e.source === connection.source && e.target === connection.target && e.kind === kind,
    );
  }, []);

  return { onNodesChange, onEdgesChange, onConnect, isValidConnection };
}
