// Copy, paste and duplicate on the canvas. The system clipboard may be unavailable (no secure
// context, no permission), so each tab also keeps what it copied last; repeated pastes of it
// cascade instead of stacking on one spot.
import { pasteNodes } from '@flowmap/shared/doc';
import type * as Y from 'yjs';
import { useEditor } from '../store/editorStore.ts';
import { activeState, select } from './activeState.ts';
import {
  type ClipboardPayload,
  makePayload,
  PASTE_OFFSET,
  parsePayload,
  serialisePayload,
} from './clipboard.ts';
import type { EditSteps } from './editSteps.ts';

// One in-memory clipboard per tab, counting pastes so that each lands further down and right.
let memory: { text: string; payload: ClipboardPayload; pastes: number } | null = null;

export function createClipboardActions(doc: Y.Doc, steps: EditSteps) {
  /** Puts the selection on the in-memory clipboard and returns its text for the system one. */
  const copy = (): string | null => {
    const state = activeState();
    const payload = state ? makePayload(state, useEditor.getState().selectedNodes) : null;
    if (!payload) return null;
    const text = serialisePayload(payload);
    memory = { text, payload, pastes: 0 };
    return text;
  };

  /** Pastes clipboard text when it is a Flowmap payload, else what this tab copied last. */
  const paste = (text?: string | null): void => {
    const fromText = text ? parsePayload(text) : null;
    const fromMemory = !fromText || (memory !== null && text === memory.text);
    const payload = fromMemory ? memory?.payload : fromText;
    if (!payload) return;
    const pastes = fromMemory && memory ? ++memory.pastes : 1;
    const offset = { x: PASTE_OFFSET * pastes, y: PASTE_OFFSET * pastes };
    const result = steps.edit((stateId) =>
      pasteNodes(doc, stateId, payload.nodes, payload.edges, offset),
    );
    if (result) select(Object.values(result.nodes), Object.values(result.edges));
  };

  return {
    copy,
    paste,
    duplicate(): void {
      if (copy()) paste();
    },
  };
}
