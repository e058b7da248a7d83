// The canvas keyboard: one window listener matching the SHORTCUTS table, plus the browser's copy
// and paste events, which carry the system clipboard without asking for a permission. Keys typed
// into a field (anywhere on the page) are never taken.
import { useEffect } from 'react';
import { useEditor } from '../store/editorStore.ts';
import type { CanvasActions } from './actions.ts';
import { typeAhead } from './canvasUi.ts';
import { matchShortcut, type ShortcutId } from './shortcuts.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
}

/** A dialog from elsewhere (e.g. the name prompt) owns the keyboard while it is open. */
function foreignDialogOpen(): boolean {
  return document.querySelector('[aria-modal="true"]:not(.fm-help)') !== null;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
}

const ARROWS = new Set<ShortcutId>(['nextStep', 'previousStep', 'stepAbove', 'stepBelow']);

/** The canvas itself (a node, an arrow, the pane) or nothing focused: where arrows move along the flow. */
function isCanvasTarget(target: EventTarget | null): boolean {
  if (target === document.body || target === document.documentElement) return true;
  if (!(target instanceof Element)) return false;
  return target.closest('.react-flow') !== null && target.closest('.react-flow__panel') === null;
}

const RUN: Record<ShortcutId, (actions: CanvasActions) => unknown> = {
  addStage: (a) => a.add('stage'),
  addStart: (a) => a.add('start'),
  addEnd: (a) => a.add('end'),
  addKaizen: (a) => a.add('kaizen'),
  addNote: (a) => a.add('note'),
  rename: (a) => a.startRename(),
  inspect: (a) => a.inspect(),
  connect: (a) => a.openConnect(),
  toggleEdgeKind: (a) => a.toggleEdgeKind(),
  insertQueue: (a) => a.insertQueue(),
  delete: (a) => a.deleteSelection(),
  copy: (a) => a.copy(),
  paste: (a) => a.paste(),
  duplicate: (a) => a.duplicate(),
  selectAll: (a) => a.selectAll(),
  undo: (a) => a.undo(),
  redo: (a) => a.redo(),
  layout: (a) => a.layout(),
  fitView: (a) => a.fitView(),
  zoomIn: (a) => a.zoomIn(),
  zoomOut: (a) => a.zoomOut(),
  help: (a) => a.toggleHelp(),
  present: (a) => a.togglePresentation(),
  minimap: (a) => a.toggleMinimap(),
  nextStep: (a) => a.navigate('next'),
  previousStep: (a) => a.navigate('previous'),
  stepAbove: (a) => a.navigate('up'),
  stepBelow: (a) => a.navigate('down'),
  escape: (a) => a.escape(),
};

export function runShortcut(actions: CanvasActions, id: ShortcutId): void {
  void RUN[id](actions);
}

export function useShortcuts(actions: CanvasActions) {
  useEffect(() => {
    // Ctrl+V: the paste event (with the system clipboard) normally follows the key press in the
    // same task; when it does not (no clipboard access), this tab's own clipboard is used.
    let pasteHandled = true;

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTyping(event.target)) return;
      if (!foreignDialogOpen() && typeAhead(event)) {
        event.preventDefault();
        return;
      }
      const shortcut = matchShortcut(event);
      if (!shortcut || ARROWS.has(shortcut.id)) return;
      if ((event.key === 'Enter' || event.key === ' ') && isControl(event.target)) return;
      if (foreignDialogOpen()) return;
      const { helpOpen, access } = useEditor.getState();
      if (helpOpen && shortcut.id !== 'help' && shortcut.id !== 'escape') return;
      if (shortcut.editOnly && access !== 'edit') return;
      if (shortcut.id === 'copy' && hasTextSelection()) return;
      if (!shortcut.keepDefault) event.preventDefault();
      if (shortcut.id === 'paste') {
        pasteHandled = false;
        setTimeout(() => {
          if (!pasteHandled) actions.paste();
          pasteHandled = true;
        }, 0);
        return;
      }
      runShortcut(actions, shortcut.id);
    };

    // Arrow keys are taken before React Flow sees them: on a focused node it would move the node
    // (Alt+arrow still does), and menus and tab lists keep their own arrows (not canvas targets).
    const onArrow = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || !isCanvasTarget(event.target)) return;
      const shortcut = matchShortcut(event);
      if (!shortcut || !ARROWS.has(shortcut.id)) return;
      if (foreignDialogOpen() || useEditor.getState().helpOpen) return;
      event.preventDefault();
      event.stopPropagation();
      runShortcut(actions, shortcut.id);
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isTyping(event.target) || hasTextSelection() || foreignDialogOpen()) return;
      const text = actions.copy();
      if (text && event.clipboardData) {
        event.clipboardData.setData('text/plain', text);
        event.preventDefault();
      }
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || foreignDialogOpen()) return;
      if (useEditor.getState().access !== 'edit') return;
      pasteHandled = true;
      event.preventDefault();
      actions.paste(event.clipboardData?.getData('text/plain') ?? null);
    };

    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keydown', onArrow, { capture: true });
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keydown', onArrow, { capture: true });
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [actions]);
}
