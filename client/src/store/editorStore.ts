// Local UI state and the plain snapshot of the document. The Yjs document is the truth: the
// session refreshes `map` from it; components read through selectors and write through commands
// (shared/src/doc) — never into this store's `map`.
import type { FlowMap, Problem } from '@flowmap/shared';
import { create } from 'zustand';
import type { Access } from '../api/http.ts';
import type { Peer, XY } from '../sync/presence.ts';
import type { StopReason } from '../sync/reconnectPolicy.ts';

/** 'stopped': the server refused this link or its edits for good (see `syncProblem`). */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped';

/** Why the editor is not syncing beyond a plain dropped connection, for the banner. */
export type SyncProblem =
  | { kind: StopReason; detail: string }
  /** The server failed or refused a message; the next attempt is at `retryAt` (epoch ms). */
  | { kind: 'retrying'; retryAt: number; code: number };

export interface EditorState {
  mapId: string | null;
  access: Access;
  status: ConnectionStatus;
  /** True once the first sync with the server (or the offline copy) has completed. */
  loaded: boolean;
  /** Local edits the server has not acknowledged yet (kept offline and merged on return). */
  unsynced: boolean;
  syncProblem: SyncProblem | null;
  map: FlowMap | null;
  problems: Problem[];
  activeStateId: string | null;
  selectedNodes: string[];
  selectedEdges: string[];
  /** Positions of nodes being dragged locally, until the drop commits them to the document. */
  dragPositions: Record<string, XY>;
  peers: Peer[];
  following: number | null;
  compareWith: string | null;
  /** The map's snapshots (quarterly reviews) are shown instead of the canvas. */
  snapshotsOpen: boolean;
  helpOpen: boolean;
}

export const initialEditorState: EditorState = {
  mapId: null,
  access: 'view',
  status: 'connecting',
  loaded: false,
  unsynced: false,
  syncProblem: null,
  map: null,
  problems: [],
  activeStateId: null,
  selectedNodes: [],
  selectedEdges: [],
  dragPositions: {},
  peers: [],
  following: null,
  compareWith: null,
  snapshotsOpen: false,
  helpOpen: false,
};

export const useEditor = create<EditorState>(() => ({ ...initialEditorState }));

export const setEditor = useEditor.setState;

/** The active state's id, falling back to the first current state when it no longer exists. */
export function resolveActiveStateId(map: FlowMap | null, wanted: string | null): string | null {
  if (!map) return null;
  if (wanted && Object.hasOwn(map.states, wanted)) return wanted;
  const states = Object.values(map.states).sort((a, b) => a.order - b.order);
  return (states.find((s) => s.kind === 'current') ?? states[0])?.id ?? null;
}
