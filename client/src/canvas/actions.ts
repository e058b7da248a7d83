// What the canvas can do, in one place for the toolbar, the keyboard and the nodes and edges.
// Every change goes through a shared/doc command with the local origin; the store's selection is
// local UI state. A refused command (a validation error) becomes a short notice, never a crash.
import type { EdgeKind, MapState, NodeType } from '@flowmap/shared';
import { ValidationError } from '@flowmap/shared';
import {
  addNode,
  connect,
  moveNodes,
  ORIGINS,
  pasteNodes,
  removeEdges,
  removeNodes,
  setEdgeKind,
  updateNode,
} from '@flowmap/shared/doc';
import type { Connection, ReactFlowInstance } from '@xyflow/react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { MapSession } from '../sync/session.ts';
import { notify, startRename, useCanvasUi } from './canvasUi.ts';
import {
  type ClipboardPayload,
  makePayload,
  PASTE_OFFSET,
  parsePayload,
  serialisePayload,
} from './clipboard.ts';
import { HANDLES, type Size, type VsmEdge, type VsmNode, type XY } from './elements.ts';
import { autoLayout } from './layout.ts';
import { anchorOffset, defaultSize } from './nodes/sizes.ts';
import { type Placement, placeNewNode } from './placement.ts';
import { createViewActions, stopFollowing } from './viewActions.ts';

export const DEFAULT_NAMES: Record<NodeType, string> = {
  stage: 'New stage',
  start: 'Trigger',
  end: 'Customer',
  kaizen: 'Improvement idea',
  note: 'Note',
};

export interface CanvasDeps {
  session: MapSession;
  flow: ReactFlowInstance<VsmNode, VsmEdge>;
  container: () => HTMLElement | null;
  sizeOf: (id: string, type: NodeType) => Size;
}

export type CanvasActions = ReturnType<typeof createCanvasActions>;

// One in-memory clipboard per tab: the system clipboard may be unavailable (no secure context,
// no permission), and it also counts pastes so repeated pastes cascade instead of stacking.
let memory: { text: string; payload: ClipboardPayload; pastes: number } | null = null;

function activeState(): MapState | null {
  const { map, activeStateId } = useEditor.getState();
  return map && activeStateId ? (map.states[activeStateId] ?? null) : null;
}

function refused(error: unknown): void {
  if (error instanceof ValidationError) {
    notify(error.problems[0]?.message ?? error.message);
    return;
  }
  throw error;
}

export function createCanvasActions({ session, flow, container, sizeOf }: CanvasDeps) {
  const doc = session.doc;
  const canEdit = () => useEditor.getState().access === 'edit';
  const view = createViewActions(flow, container);

  // A node added and then named in place is one undo step ("add Build"), however long the
  // typing took: until the rename ends, the undo manager keeps capturing into the add's step.
  let namingNew: { id: string; timeout: number } | null = null;
  const endNaming = () => {
    if (!namingNew) return;
    session.undo.captureTimeout = namingNew.timeout;
    session.undo.stopCapturing();
    namingNew = null;
  };

  /** Runs an edit as its own undo step (or, with `keepCapturing`, open to the next edit). */
  const edit = <T>(fn: (stateId: string) => T, keepCapturing = false): T | undefined => {
    const stateId = useEditor.getState().activeStateId;
    if (!stateId || !canEdit()) return undefined;
    endNaming();
    session.undo.stopCapturing();
    try {
      return fn(stateId);
    } catch (error) {
      refused(error);
      return undefined;
    } finally {
      if (!keepCapturing) session.undo.stopCapturing();
    }
  };

  const select = (nodes: string[], edges: string[] = []) =>
    setEditor({ selectedNodes: nodes, selectedEdges: edges });

  const actions = {
    /**
     * Adds a node and starts renaming it: centred on `at` (a double-click), else next to the
     * selected node (a new step after it is joined by a flow arrow), else mid-screen.
     */
    add(type: NodeType, at?: XY): void {
      const state = activeState();
      if (!state) return;
      let place: Placement;
      if (at) {
        const offset = anchorOffset(type);
        place = {
          x: Math.round(at.x - offset.x),
          y: Math.round(at.y - offset.y),
          linkFrom: null,
          linkTo: null,
        };
      } else {
        place = placeNewNode(type, state, sizeOf, {
          centre: view.viewportCentre(),
          selected: useEditor.getState().selectedNodes,
        });
      }
      const { x, y, linkFrom, linkTo } = place;
      const id = edit((stateId) => {
        let added = '';
        doc.transact(() => {
          added = addNode(doc, stateId, { type, x, y, name: DEFAULT_NAMES[type] });
          if (linkFrom) connect(doc, stateId, { source: linkFrom, target: added });
          if (linkTo) connect(doc, stateId, { source: added, target: linkTo });
        }, ORIGINS.local);
        return added;
      }, true);
      if (!id) return;
      namingNew = { id, timeout: session.undo.captureTimeout };
      session.undo.captureTimeout = Number.POSITIVE_INFINITY;
      select([id]);
      startRename(id);
      view.reveal({ x, y, ...defaultSize(type) });
    },

    rename(id: string, name: string): void {
      const stateId = useEditor.getState().activeStateId;
      if (namingNew?.id === id && stateId) {
        try {
          updateNode(doc, stateId, id, { name: name.trim() });
        } catch (error) {
          refused(error);
        }
        return;
      }
      edit((sid) => updateNode(doc, sid, id, { name: name.trim() }));
    },

    /** The in-place rename of `id` is over (committed or cancelled). */
    renameEnded(id: string): void {
      if (namingNew?.id === id) endNaming();
    },

    /** Ends the add-and-name undo step however the rename ends (Esc before the input showed…). */
    watchRename(): () => void {
      return useCanvasUi.subscribe((ui) => {
        if (namingNew && ui.renamingId !== namingNew.id) endNaming();
      });
    },

    startRename(): void {
      const { selectedNodes } = useEditor.getState();
      if (canEdit() && selectedNodes.length === 1) startRename(selectedNodes[0] ?? null);
    },

    /** Commits the end of a drag (or a keyboard nudge) as one undo step. */
    commitPositions(positions: { id: string; x: number; y: number }[]): void {
      if (positions.length > 0) edit((stateId) => moveNodes(doc, stateId, positions));
    },

    connect(connection: Connection): void {
      const rework =
        connection.sourceHandle === HANDLES.reworkOut ||
        connection.targetHandle === HANDLES.reworkIn;
      const id = edit((stateId) =>
        connect(doc, stateId, {
          source: connection.source,
          target: connection.target,
          kind: rework ? 'rework' : 'flow',
        }),
      );
      if (id) select([], [id]);
    },

    setEdgeKind(id: string, kind: EdgeKind): void {
      edit((stateId) => setEdgeKind(doc, stateId, id, kind));
    },

    toggleEdgeKind(): void {
      const state = activeState();
      const ids = useEditor.getState().selectedEdges.filter((id) => state?.edges[id]);
      if (!state || ids.length === 0) return;
      edit((stateId) =>
        doc.transact(() => {
          for (const id of ids) {
            const kind = state.edges[id]?.kind === 'rework' ? 'flow' : 'rework';
            setEdgeKind(doc, stateId, id, kind);
          }
        }, ORIGINS.local),
      );
    },

    removeEdge(id: string): void {
      edit((stateId) => removeEdges(doc, stateId, [id]));
    },

    /** Deletes the selected nodes (with their edges) and the selected edges in one undo step. */
    deleteSelection(): void {
      const { selectedNodes, selectedEdges } = useEditor.getState();
      if (selectedNodes.length === 0 && selectedEdges.length === 0) return;
      edit((stateId) =>
        doc.transact(() => {
          if (selectedEdges.length > 0) removeEdges(doc, stateId, selectedEdges);
          if (selectedNodes.length > 0) removeNodes(doc, stateId, selectedNodes);
        }, ORIGINS.local),
      );
      select([]);
    },

    selectAll(): void {
      const state = activeState();
      if (state) select(Object.keys(state.nodes), Object.keys(state.edges));
    },

    /** Puts the selection on the in-memory clipboard and returns its text for the system one. */
    copy(): string | null {
      const state = activeState();
      const payload = state ? makePayload(state, useEditor.getState().selectedNodes) : null;
      if (!payload) return null;
      const text = serialisePayload(payload);
      memory = { text, payload, pastes: 0 };
      return text;
    },

    /** Pastes clipboard text when it is a Flowmap payload, else what this tab copied last. */
    paste(text?: string | null): void {
      const fromText = text ? parsePayload(text) : null;
      const fromMemory = !fromText || (memory !== null && text === memory.text);
      const payload = fromMemory ? memory?.payload : fromText;
      if (!payload) return;
      const pastes = fromMemory && memory ? ++memory.pastes : 1;
      const offset = { x: PASTE_OFFSET * pastes, y: PASTE_OFFSET * pastes };
      const result = edit((stateId) =>
        pasteNodes(doc, stateId, payload.nodes, payload.edges, offset),
      );
      if (result) select(Object.values(result.nodes), Object.values(result.edges));
    },

    duplicate(): void {
      if (actions.copy()) actions.paste();
    },

    undo(): void {
      endNaming();
      if (canEdit()) session.undo.undo();
    },

    redo(): void {
      endNaming();
      if (canEdit()) session.undo.redo();
    },

    async layout(): Promise<void> {
      const state = activeState();
      if (!state || !canEdit()) return;
      const positions = await autoLayout(state, sizeOf);
      stopFollowing();
      if (positions.length > 0) {
        edit((stateId) => moveNodes(doc, stateId, positions));
        view.fitAfterNextSnapshot();
      } else {
        view.fitView();
      }
    },

    fitView: view.fitView,
    zoomIn: view.zoomIn,
    zoomOut: view.zoomOut,

    toggleHelp(): void {
      setEditor({ helpOpen: !useEditor.getState().helpOpen });
    },

    escape(): void {
      const { helpOpen, following, selectedNodes, selectedEdges } = useEditor.getState();
      if (helpOpen) setEditor({ helpOpen: false });
      else if (useCanvasUi.getState().renamingId) startRename(null);
      else if (following !== null) setEditor({ following: null });
      else if (selectedNodes.length > 0 || selectedEdges.length > 0) select([]);
    },
  };
  return actions;
}

/** A size for layout: what React Flow measured, else the type's usual size. */
export function measuredOr(measured: ReadonlyMap<string, Size>) {
  return (id: string, type: NodeType): Size => measured.get(id) ?? defaultSize(type);
}
