// The one table of canvas keyboard shortcuts: the key handler matches against it, the help
// overlay lists it and toolbar buttons show their hints from it, so they can never disagree.

import type { en } from '@flowmap/shared/i18n';

export type ShortcutId =
  | 'addStage'
  | 'addStart'
  | 'addEnd'
  | 'addKaizen'
  | 'addNote'
  | 'rename'
  | 'inspect'
  | 'connect'
  | 'toggleEdgeKind'
  | 'insertQueue'
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
  | 'present'
  | 'minimap'
  | 'nextStep'
  | 'previousStep'
  | 'stepAbove'
  | 'stepBelow'
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

/** The catalog keys of shortcut labels (shared/src/i18n/locales/en/canvas.ts). */
export type ShortcutLabelKey = `shortcuts.${keyof (typeof en)['canvas']['shortcuts']}`;

export function shortcutLabelKey(id: ShortcutId): ShortcutLabelKey {
  return `shortcuts.${id}`;
}

export interface Shortcut {
  /** Its label is `shortcuts.<id>` in the 'canvas' catalog (see shortcutLabelKey). */
  id: ShortcutId;
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
    group: 'Add',
    combos: [{ key: 's' }],
    editOnly: true,
  },
  {
    id: 'addStart',
    group: 'Add',
    combos: [{ key: 't' }],
    editOnly: true,
  },
  {
    id: 'addEnd',
    group: 'Add',
    combos: [{ key: 'e' }],
    editOnly: true,
  },
  {
    id: 'addKaizen',
    group: 'Add',
    combos: [{ key: 'k' }],
    editOnly: true,
  },
  {
    id: 'addNote',
    group: 'Add',
    combos: [{ key: 'n' }],
    editOnly: true,
  },
  {
    id: 'inspect',
    group: 'Edit',
    combos: [{ key: 'Enter' }],
    editOnly: false,
  },
  {
    id: 'rename',
    group: 'Edit',
    combos: [{ key: 'F2' }],
    editOnly: true,
  },
  {
    id: 'connect',
    group: 'Edit',
    combos: [{ key: 'c' }],
    editOnly: true,
  },
  {
    id: 'toggleEdgeKind',
    group: 'Edit',
    combos: [{ key: 'r' }],
    editOnly: true,
  },
  {
    id: 'insertQueue',
    group: 'Edit',
    combos: [{ key: 'q' }],
    editOnly: true,
  },
  {
    id: 'delete',
    group: 'Edit',
    combos: [{ key: 'Delete' }, { key: 'Backspace' }],
    editOnly: true,
  },
  {
    id: 'copy',
    group: 'Edit',
    combos: [{ key: 'c', mod: true }],
    editOnly: false,
    keepDefault: true,
  },
  {
    id: 'paste',
    group: 'Edit',
    combos: [{ key: 'v', mod: true }],
    editOnly: true,
    keepDefault: true,
  },
  {
    id: 'duplicate',
    group: 'Edit',
    combos: [{ key: 'd', mod: true }],
    editOnly: true,
  },
  {
    id: 'selectAll',
    group: 'Edit',
    combos: [{ key: 'a', mod: true }],
    editOnly: false,
  },
  {
    id: 'undo',
    group: 'Edit',
    combos: [{ key: 'z', mod: true, shift: false }],
    editOnly: true,
  },
  {
    id: 'redo',
    group: 'Edit',
    combos: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    editOnly: true,
  },
  {
    id: 'layout',
    group: 'Edit',
    combos: [{ key: 'l' }],
    editOnly: true,
  },
  {
    id: 'fitView',
    group: 'View',
    combos: [{ key: 'f' }],
    editOnly: false,
  },
  {
    id: 'zoomIn',
    group: 'View',
    combos: [{ key: '+' }, { key: '=' }],
    editOnly: false,
  },
  { id: 'zoomOut', group: 'View', combos: [{ key: '-' }], editOnly: false },
  {
    id: 'help',
    group: 'View',
    combos: [{ key: '?' }],
    editOnly: false,
  },
  {
    id: 'nextStep',
    group: 'View',
    combos: [{ key: 'ArrowRight' }],
    editOnly: false,
  },
  {
    id: 'previousStep',
    group: 'View',
    combos: [{ key: 'ArrowLeft' }],
    editOnly: false,
  },
  {
    id: 'stepAbove',
    group: 'View',
    combos: [{ key: 'ArrowUp' }],
    editOnly: false,
  },
  {
    id: 'stepBelow',
    group: 'View',
    combos: [{ key: 'ArrowDown' }],
    editOnly: false,
  },
  {
    id: 'present',
    group: 'View',
    combos: [{ key: 'p' }],
    editOnly: false,
  },
  {
    id: 'minimap',
    group: 'View',
    combos: [{ key: 'm' }],
    editOnly: false,
  },
  {
    id: 'escape',
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
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
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
