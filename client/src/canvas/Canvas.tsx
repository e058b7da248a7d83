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
  useStore,
} from '@xyflow/react';
import {
  type MouseEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../store/editorStore.ts';
import {
  useActiveState,
  useCanEdit,
  useMeta,
  useStateMetrics,
  useWorkingTime,
} from '../store/selectors.ts';
import { useSession } from '../sync/SessionContext.tsx';
import { ActionsContext } from './ActionsContext.ts';
import { createCanvasActions, measuredOr } from './actions.ts';
import { ConnectDialog } from './ConnectDialog.tsx';
import { Cursors } from './Cursors.tsx';
import { EmptyHint } from './EmptyHint.tsx';
import { edgeTypes } from './edges/index.ts';
import { createDeriveCache, toFlowElements } from './elements.ts';
import { Legend } from './Legend.tsx';
import { minimapNodeColour, minimapStrokeColour } from './minimap.ts';
import { Notice } from './Notice.tsx';
import { nodeTypes } from './nodes/index.ts';
import { type PeerOverlay, peerOverlay, peerOverlayKey } from './peers.ts';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { pruneSelection } from './selection.ts';
import { Toolbar } from './Toolbar.tsx';
import type { Size, VsmEdge, VsmNode } from './types.ts';
import { useFlowHandlers } from './useFlowHandlers.ts';
import { useFollow, usePresencePublishing } from './usePresence.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useViewPrefs } from './viewPrefs.ts';
import { zoomLevel } from './zoomLevel.ts';
import './canvas.css';
import './nodes/semanticZoom.css';
import '../styles/presentation.css';
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

/**
 * Selection follows keyboard focus: Tab (or an arrow key) to a node or arrow selects it, so S adds
 * after the step that has focus. Mouse focus is left alone (a click selects through React Flow,
 * Shift+click adds to the selection).
 */
function followFocus(event: FocusEvent): void {
  const target = event.target;
  if (!(target instanceof HTMLElement) || !target.matches(':focus-visible')) return;
  const id = target.dataset.id;
  if (!id) return;
  const { selectedNodes, selectedEdges } = useEditor.getState();
  if (target.classList.contains('react-flow__node')) {
    if (selectedNodes.length !== 1 || selectedNodes[0] !== id || selectedEdges.length > 0) {
      setEditor({ selectedNodes: [id], selectedEdges: [] });
    }
  } else if (target.classList.contains('react-flow__edge')) {
    if (selectedEdges.length !== 1 || selectedEdges[0] !== id || selectedNodes.length > 0) {
      setEditor({ selectedNodes: [], selectedEdges: [id] });
    }
  }
}

function FlowCanvas() {
  const { t } = useTranslation('canvas');
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
  const meta = useMeta();
  const workingTime = useWorkingTime();
  const canEdit = useCanEdit();
  const dragPositions = useEditor((s) => s.dragPositions);
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  const overlay = usePeerOverlay();
  // A level, not the zoom: the canvas re-renders when simplified drawing starts or ends only.
  const level = useStore((s) => zoomLevel(s.transform[2]));
  const presenting = useViewPrefs((s) => s.presenting);
  const minimapShown = useViewPrefs((s) => s.minimapShown);
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
              meta,
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
      meta,
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

  // A map, or a different state, on screen: show all of it, unless the view follows someone.
  // Fitted before the browser paints it (a layout effect: the overlays fit keeps clear of are
  // laid out by then), so the map is drawn once, at its fitted viewport, instead of a frame at
  // another viewport and a second render after it (~170 ms on a 300-stage map's first load).
  // Until React Flow has set up its zoom (its own first effects), a frame later.
  const stateId = state?.id ?? null;
  const shownState = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (shownState.current === stateId) return;
    shownState.current = stateId;
    if (stateId === null || useEditor.getState().following !== null) return;
    if (flow.viewportInitialized) actions.fitNow();
    else requestAnimationFrame(() => actions.fitNow());
  }, [stateId, actions, flow]);

  // Presentation mode changes the canvas' size and its overlays: frame the map again.
  const presented = useRef(presenting);
  useEffect(() => {
    if (presented.current === presenting) return;
    presented.current = presenting;
    document.documentElement.classList.toggle('is-presenting', presenting);
    requestAnimationFrame(() => requestAnimationFrame(() => actions.fitNow()));
  }, [presenting, actions]);
  useEffect(() => {
    document.documentElement.classList.toggle('is-presenting', presented.current);
    return () => document.documentElement.classList.remove('is-presenting');
  }, []);

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

  useEffect(() => {
    const element = container.current;
    element?.addEventListener('focusin', followFocus);
    return () => element?.removeEventListener('focusin', followFocus);
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
      <div
        ref={container}
        className={`fm-canvas fm-zoom-${level}${canEdit ? '' : ' is-view-only'}${presenting ? ' is-presenting' : ''}`}
      >
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
          colorMode="light"
          aria-label={t('map.label')}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} color="#c3c9d4" />
          <Toolbar session={session} />
          {!presenting && <Legend />}
          {minimapShown && !presenting && (
            <MiniMap
              pannable
              zoomable
              ariaLabel={t('map.minimap')}
              nodeColor={minimapNodeColour}
              nodeStrokeColor={minimapStrokeColour}
              nodeStrokeWidth={3}
              maskColor="rgba(29, 35, 48, 0.08)"
            />
          )}
          <Cursors />
        </ReactFlow>
        {state && Object.keys(state.nodes).length === 0 && <EmptyHint canEdit={canEdit} />}
        <Notice />
        <ShortcutsHelp />
        <ConnectDialog />
      </div>
    </ActionsContext.Provider>
  );
}
