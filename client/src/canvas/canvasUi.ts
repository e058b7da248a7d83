// Canvas-local UI state that nothing outside the canvas needs: which node is being renamed in
// place (with what was typed before its input could take focus), and the short message shown
// when an action is refused.
import { create } from 'zustand';

export interface CanvasUiState {
  renamingId: string | null;
  renameStartedAt: number;
  /** Characters typed between "rename" and the input taking focus (a node added a frame ago). */
  typedAhead: string;
  /** Enter was pressed in that window: commit as soon as the input exists. */
  commitAhead: boolean;
  notice: { id: number; text: string } | null;
  /** The "connect to…" picker is open for this node. */
  connectingFrom: string | null;
}

export const useCanvasUi = create<CanvasUiState>(() => ({
  renamingId: null,
  renameStartedAt: 0,
  typedAhead: '',
  commitAhead: false,
  notice: null,
  connectingFrom: null,
}));

/** How long keys are held for an input that has not appeared yet before giving up on it. */
const TYPE_AHEAD_MS = 1500;

let noticeId = 0;

/** Shows a short, polite message over the canvas (e.g. why a connection was refused). */
export function notify(text: string): void {
  noticeId += 1;
  useCanvasUi.setState({ notice: { id: noticeId, text } });
}

export function startRename(id: string | null): void {
  useCanvasUi.setState({
    renamingId: id,
    renameStartedAt: performance.now(),
    typedAhead: '',
    commitAhead: false,
  });
}

/**
 * Takes a key pressed while a rename is starting but its input has no focus yet, so that typing
 * straight after "add" loses nothing and triggers no shortcut. Returns false when no rename is
 * pending (or it never showed up), leaving the key to the shortcuts.
 */
export function typeAhead(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  const s = useCanvasUi.getState();
  if (s.renamingId === null) return false;
  if (performance.now() - s.renameStartedAt > TYPE_AHEAD_MS) {
    startRename(null);
    return false;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (event.key === 'Escape') startRename(null);
  else if (event.key === 'Enter') useCanvasUi.setState({ commitAhead: true });
  else if (event.key === 'Backspace')
    useCanvasUi.setState({ typedAhead: s.typedAhead.slice(0, -1) });
  else if (event.key.length === 1) useCanvasUi.setState({ typedAhead: s.typedAhead + event.key });
  return true;
}
