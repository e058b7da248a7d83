// The value stream canvas: React Flow controlled by the active state of the document. Nodes and
// edges are derived from the store's snapshot on every render (unchanged ones are reused), local
// and peers' drags are overlaid, and every edit goes through the shared/doc commands.
import {
  Background,
  BackgroundVariant,
  type EdgeTypes,
  MiniMap,
  type NodeTypes,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import { type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../app/SessionContext.tsx';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { useActiveState, useCanEdit, useStateMetrics, useWorkingTime } from '../store/selectors.ts';
import { ActionsContext } from './ActionsContext.ts';
import { createCanvasActions, measuredOr } from './actions.ts';
import { Cursors } from './Cursors.tsx';
import { EmptyHint } from './EmptyHint.tsx';
import { edgeTypes } from './edges/index.ts';
import {
  createDeriveCache,
  type Size,
  toFlowElements,
  type VsmEdge,
  type VsmNode,
} from './elements.ts';
import { FIT_VIEW_OPTIONS } from './fitView.ts';
import { Legend } from './Legend.tsx';
import { minimapNodeColour, minimapStrokeColour } from './minimap.ts';
import { Notice } from './Notice.tsx';
import { nodeTypes } from './nodes/index.ts';
import { type PeerOverlay, peerOverlay, peerOverlayKey } from './peers.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { pruneSelection } from './selection.ts';
import { Toolbar } from './Toolbar.tsx';
import { useFlowHandlers } from './useFlowHandlers.ts';
import { useFollow, usePresencePublishing } from './usePresence.ts';
import { useShortcuts } from './useShortcuts.ts';
import './canvas.css';
import './nodes/stage.css';
import './nodes/shapes.css';
import './edges/edges.css';

const EMPTY = { nodes: [] as VsmNode[], edges: [] as VsmEdge[] };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [10, 10];

export function Canvas() {
  return (
    <ReactFlowProvider>
      <FlowCanvas />
    </ReactFlowProvider>
  );
}

/** Peers' drags and selections on the active state; a new object only when those change. */
function usePeerOverlay(): PeerOverlay {
  const memo = useRef<{ key: string; value: PeerOverlay } | null>(null);
  return useEditor((s) => {
    const key = peerOverlayKey(s.peers, s.activeStateId);
    if (memo.current?.key !== key) {
      memo.current = { key, value: peerOverlay(s.peers, s.activeStateId) };
    }
    return memo.current.value;
  });
}

function FlowCanvas() {
  const session = useSession();
  const flow = useReactFlow<VsmNode, VsmEdge>();
  const container = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const measuredRef = useRef(measured);
  measuredRef.current = measured;
  const [cache] = useState(createDeriveCache);

  const actions = useMemo(
    () =>
      createCanvasActions({
        session,
        flow,
        container: () => container.current,
        sizeOf: (id, type) => measuredOr(measuredRef.current)(id, type),
      }),
    [session, flow],
  );

  useEffect(() => actions.watchRename(), [actions]);

  const state = useActiveState();
  const metrics = useStateMetrics(state);
  const workingTime = useWorkingTime();
  const canEdit = useCanEdit();
  const dragPositions = useEditor((s) => s.dragPositions);
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  const overlay = usePeerOverlay();
  const selectedNodeSet = useMemo(() => new Set(selectedNodes), [selectedNodes]);
  const selectedEdgeSet = useMemo(() => new Set(selectedEdges), [selectedEdges]);

  const { nodes, edges } = useMemo(
    () =>
      state
        ? toFlowElements(
            {
              state,
              metrics,
              workingTime,
              editable: canEdit,
              selectedNodes: selectedNodeSet,
              selectedEdges: selectedEdgeSet,
              dragPositions,
              peerDragging: overlay.dragging,
              peerTags: overlay.tags,
              measured,
            },
            cache,
          )
        : EMPTY,
    [
      state,
      metrics,
      workingTime,
      canEdit,
      selectedNodeSet,
      selectedEdgeSet,
      dragPositions,
      overlay,
      measured,
      cache,
    ],
  );

  // Forget selected ids that no longer exist (deleted by someone, undone, or another state).
  useEffect(() => {
    const s = useEditor.getState();
    const nodesNow = pruneSelection(s.selectedNodes, (id) => Boolean(state?.nodes[id]));
    const edgesNow = pruneSelection(s.selectedEdges, (id) => Boolean(state?.edges[id]));
    if (nodesNow !== s.selectedNodes || edgesNow !== s.selectedEdges) {
      setEditor({ selectedNodes: nodesNow, selectedEdges: edgesNow });
    }
  }, [state]);

  // A different state on screen: show all of it, unless the view follows someone.
  const stateId = state?.id ?? null;
  const shownState = useRef(stateId);
  useEffect(() => {
    if (shownState.current === stateId) return;
    shownState.current = stateId;
    if (useEditor.getState().following === null) void flow.fitView(FIT_VIEW_OPTIONS);
  }, [stateId, flow]);

  const onResized = useCallback((sizes: Map<string, Size>) => {
    setMeasured((previous) => {
      let next: Map<string, Size> | null = null;
      for (const [id, size] of sizes) {
        const known = previous.get(id);
        if (known && known.width === size.width && known.height === size.height) continue;
        next ??= new Map(previous);
        next.set(id, size);
      }
      return next ?? previous;
    });
  }, []);

  const handlers = useFlowHandlers(session, actions, state, onResized);
  const presence = usePresencePublishing(session, flow);
  useFollow(flow);
  useShortcuts(actions);

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!canEdit || !(event.target instanceof Element)) return;
      if (!event.target.classList.contains('react-flow__pane')) return;
      actions.add('stage', flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [actions, canEdit, flow],
  );

  const onNodeDoubleClick = useCallback(
    (_event: MouseEvent, node: VsmNode) => {
      if (canEdit) {
        setEditor({ selectedNodes: [node.id], selectedEdges: [] });
        actions.startRename();
      }
    },
    [actions, canEdit],
  );

  return (
    <ActionsContext.Provider value={actions}>
      <div ref={container} className={canEdit ? 'fm-canvas' : 'fm-canvas is-view-only'}>
        <ReactFlow<VsmNode, VsmEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes as NodeTypes}
          edgeTypes={edgeTypes as EdgeTypes}
          onNodesChange={handlers.onNodesChange}
          onEdgesChange={handlers.onEdgesChange}
          onConnect={handlers.onConnect}
          isValidConnection={handlers.isValidConnection}
          onNodeDoubleClick={onNodeDoubleClick}
          onMoveStart={presence.onMoveStart}
          onMove={presence.onMove}
          onInit={(instance) => presence.onMove(null, instance.getViewport())}
          onDoubleClick={onDoubleClick}
          onPointerMove={presence.onPointerMove}
          onPointerLeave={presence.onPointerLeave}
          nodesDraggable={canEdit}
          nodesConnectable={canEdit}
          edgesReconnectable={false}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          zoomOnDoubleClick={false}
          snapToGrid
          snapGrid={SNAP_GRID}
          // Measured on a 300-stage map: panning and dragging keep 60 fps only when off-screen
          // nodes are not in the DOM (zooming far out mounts them, which costs a few frames).
          onlyRenderVisibleElements
          minZoom={0.05}
          maxZoom={2.5}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          colorMode="light"
          aria-label="Value stream map"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} color="#c3c9d4" />
          <Toolbar session={session} />
          <Legend />
          <MiniMap
            pannable
            zoomable
            ariaLabel="Overview of the map"
            nodeColor={minimapNodeColour}
            nodeStrokeColor={minimapStrokeColour}
            nodeStrokeWidth={3}
            maskColor="rgba(29, 35, 48, 0.08)"
          />
          <Cursors />
        </ReactFlow>
        {state && Object.keys(state.nodes).length === 0 && <EmptyHint canEdit={canEdit} />}
        <Notice />
        <ShortcutsHelp />
      </div>
    </ActionsContext.Provider>
  );
}
