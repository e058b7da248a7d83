// The state in view and the selection on it, as the canvas actions read and set them: both live in
// the editor store (local UI state), never in the document.
import type { MapState } from '@flowmap/shared';
import { setEditor, useEditor } from '../store/editorStore.ts';

export function activeState(): MapState | null {
  const { map, activeStateId } = useEditor.getState();
  return map && activeStateId ? (map.states[activeStateId] ?? null) : null;
}

export function select(nodes: string[], edges: string[] = []): void {
  setEditor({ selectedNodes: nodes, selectedEdges: edges });
}
