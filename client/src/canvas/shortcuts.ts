// The one table of canvas keyboard shortcuts: the key handler matches against it, the help
// overlay lists it and toolbar buttons show their hints from it, so they can never disagree.

export type ShortcutId =
  | 'addStage'
  | 'addStart'
  | 'addEnd'
  | 'addKaizen'
  | 'addNote'
  | 'rename'
  | 'toggleEdgeKind'
  | 'delete'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'undo'
  | 'redo'
  | 'layout'
  | 'fitView'
  | 'zoomIn'
  | 'zoomOut'
  | 'help'
  | 'escape';

export interface KeyCombo {
  /** `KeyboardEvent.key`, compared case-insensitively. */
  key: string;
  /** Ctrl on Windows/Linux, ⌘ on macOS. */
  mod?: boolean;
  /** Required state of Shift; left out when the key itself implies it (e.g. "?"). */
  shift?: boolean;
}

export type ShortcutGroup = 'Add' | 'Edit' | 'View';

export interface Shortcut {
  id: ShortcutId;
  label: string;
  group: ShortcutGroup;
  combos: readonly KeyCombo[];
  /** Changes the map: not offered on view-only links. */
  editOnly: boolean;
  /**
   * The browser's own clipboard event must still fire (it carries the system clipboard), so the
   * key handler must not cancel the key press.
   */
  keepDefault?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'addStage',
    label: 'Add a stage (after the selected step, joined)',
    group: 'Add',
    combos: [{ key: 's' }],
    editOnly: true,
  },
  {
    id: 'addStart',
    label: 'Add a start (trigger)',
    group: 'Add',
    combos: [{ key: 't' }],
    editOnly: true,
  },
  {
    id: 'addEnd',
    label: 'Add an end (customer)',
    group: 'Add',
    combos: [{ key: 'e' }],
    editOnly: true,
  },
  {
    id: 'addKaizen',
    label: 'Add a kaizen burst',
    group: 'Add',
    combos: [{ key: 'k' }],
    editOnly: true,
  },
  {
    id: 'addNote',
    label: 'Add a sticky note',
    group: 'Add',
    combos: [{ key: 'n' }],
    editOnly: true,
  },
  {
    id: 'rename',
    label: 'Rename the selected node',
    group: 'Edit',
    combos: [{ key: 'Enter' }, { key: 'F2' }],
    editOnly: true,
  },
  {
    id: 'toggleEdgeKind',
    label: 'Switch the selected arrow between flow and rework',
    group: 'Edit',
    combos: [{ key: 'r' }],
    editOnly: true,
  },
  {
    id: 'delete',
    label: 'Delete the selection',
    group: 'Edit',
    combos: [{ key: 'Delete' }, { key: 'Backspace' }],
    editOnly: true,
  },
  {
    id: 'copy',
    label: 'Copy the selected nodes',
    group: 'Edit',
    combos: [{ key: 'c', mod: true }],
    editOnly: false,
    keepDefault: true,
  },
  {
    id: 'paste',
    label: 'Paste',
    group: 'Edit',
    combos: [{ key: 'v', mod: true }],
    editOnly: true,
    keepDefault: true,
  },
  {
    id: 'duplicate',
    label: 'Duplicate the selected nodes',
    group: 'Edit',
    combos: [{ key: 'd', mod: true }],
    editOnly: true,
  },
  {
    id: 'selectAll',
    label: 'Select everything',
    group: 'Edit',
    combos: [{ key: 'a', mod: true }],
    editOnly: false,
  },
  {
    id: 'undo',
    label: 'Undo your last edit',
    group: 'Edit',
    combos: [{ key: 'z', mod: true, shift: false }],
    editOnly: true,
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'Edit',
    combos: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    editOnly: true,
  },
  {
    id: 'layout',
    label: 'Auto-layout left to right',
    group: 'Edit',
    combos: [{ key: 'l' }],
    editOnly: true,
  },
  {
    id: 'fitView',
    label: 'Fit the map on screen',
    group: 'View',
    combos: [{ key: 'f' }],
    editOnly: false,
  },
  {
    id: 'zoomIn',
    label: 'Zoom in',
    group: 'View',
    combos: [{ key: '+' }, { key: '=' }],
    editOnly: false,
  },
  { id: 'zoomOut', label: 'Zoom out', group: 'View', combos: [{ key: '-' }], editOnly: false },
  {
    id: 'help',
    label: 'Show or hide these shortcuts',
    group: 'View',
    combos: [{ key: '?' }],
    editOnly: false,
  },
  {
    id: 'escape',
    label: 'Close help, stop following, clear the selection',
    group: 'View',
    combos: [{ key: 'Escape' }],
    editOnly: false,
  },
];

/** The subset of a KeyboardEvent the matcher reads, so it can be tested without a DOM. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

function matches(event: KeyLike, combo: KeyCombo): boolean {
  if (event.key.toLowerCase() !== combo.key.toLowerCase()) return false;
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) !== (combo.mod ?? false)) return false;
  return combo.shift === undefined || combo.shift === event.shiftKey;
}

export function matchShortcut(
  event: KeyLike,
  table: readonly Shortcut[] = SHORTCUTS,
): Shortcut | null {
  return table.find((s) => s.combos.some((c) => matches(event, c))) ?? null;
}

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Enter: 'Enter',
};

export function formatCombo(combo: KeyCombo, mac: boolean): string {
  const parts: string[] = [];
  if (combo.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (combo.shift) parts.push(mac ? '⇧' : 'Shift');
  const key =
    KEY_NAMES[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  parts.push(key);
  return parts.join(mac ? '' : '+');
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

export function shortcutById(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (!found) throw new Error(`no shortcut ${id}`);
  return found;
}

/** "Ctrl+Z" for a tooltip: the first combo of the shortcut. */
export function shortcutHint(id: ShortcutId, mac: boolean = isMac()): string {
  const first = shortcutById(id).combos[0];
  return first ? formatCombo(first, mac) : '';
}
