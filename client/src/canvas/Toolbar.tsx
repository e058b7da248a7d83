// The canvas toolbar, over the top-left corner: add nodes, undo/redo, auto-layout, view controls
// and the shortcut help. Every button is labelled and names its shortcut in its tooltip; on a
// view-only link only the view controls remain.
import type { NodeType } from '@flowmap/shared';
import { Panel, useStore } from '@xyflow/react';
import { type ReactNode, useCallback, useSyncExternalStore } from 'react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { MapSession } from '../sync/session.ts';
import { useCanvasActions } from './ActionsContext.ts';
import { icons } from './icons.tsx';
import { type ShortcutId, shortcutHint } from './shortcuts.ts';
import './toolbar.css';

const ADDABLE: { type: NodeType; label: string; shortcut: ShortcutId; tip: string }[] = [
  { type: 'stage', label: 'Stage', shortcut: 'addStage', tip: 'Add a process stage' },
  { type: 'start', label: 'Start', shortcut: 'addStart', tip: 'Add a start (the trigger)' },
  { type: 'end', label: 'End', shortcut: 'addEnd', tip: 'Add an end (the customer)' },
  { type: 'kaizen', label: 'Kaizen', shortcut: 'addKaizen', tip: 'Add a kaizen burst' },
  { type: 'note', label: 'Note', shortcut: 'addNote', tip: 'Add a sticky note' },
];

/** Whether this person has anything to undo or redo, following the undo manager's stacks. */
function useUndoState(session: MapSession): { canUndo: boolean; canRedo: boolean } {
  const subscribe = useCallback(
    (notify: () => void) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
      for (const e of events) session.undo.on(e, notify);
      return () => {
        for (const e of events) session.undo.off(e, notify);
      };
    },
    [session],
  );
  const snapshot = useSyncExternalStore(
    subscribe,
    () => `${session.undo.canUndo()}|${session.undo.canRedo()}`,
  );
  return { canUndo: snapshot.startsWith('true'), canRedo: snapshot.endsWith('true') };
}

function ToolButton({
  label,
  shortcut,
  icon,
  text,
  disabled,
  pressed,
  onClick,
}: {
  label: string;
  shortcut?: ShortcutId;
  icon: ReactNode;
  text?: string;
  disabled?: boolean;
  pressed?: boolean;
  onClick: () => void;
}) {
  const title = shortcut ? `${label} (${shortcutHint(shortcut)})` : label;
  return (
    <button
      type="button"
      className={text ? 'fm-tool has-text' : 'fm-tool'}
      aria-label={label}
      title={title}
      disabled={disabled}
      aria-pressed={pressed}
      onClick={onClick}
    >
      {icon}
      {text && <span>{text}</span>}
    </button>
  );
}

export function Toolbar({ session }: { session: MapSession }) {
  const actions = useCanvasActions();
  const canEdit = useEditor((s) => s.access === 'edit');
  const helpOpen = useEditor((s) => s.helpOpen);
  const { canUndo, canRedo } = useUndoState(session);
  const zoom = useStore((s) => Math.round(s.transform[2] * 100));

  return (
    <Panel position="top-left" className="fm-toolbar-panel">
      <div className="fm-toolbar" role="toolbar" aria-label="Canvas tools">
        {canEdit && (
          <>
            <div className="fm-tool-group">
              {ADDABLE.map((a) => (
                <ToolButton
                  key={a.type}
                  label={a.tip}
                  shortcut={a.shortcut}
                  icon={icons[a.type]}
                  text={a.label}
                  onClick={() => actions.add(a.type)}
                />
              ))}
            </div>
            <div className="fm-tool-group">
              <ToolButton
                label="Undo your last edit"
                shortcut="undo"
                icon={icons.undo}
                disabled={!canUndo}
                onClick={actions.undo}
              />
              <ToolButton
                label="Redo"
                shortcut="redo"
                icon={icons.redo}
                disabled={!canRedo}
                onClick={actions.redo}
              />
              <ToolButton
                label="Auto-layout left to right"
                shortcut="layout"
                icon={icons.layout}
                onClick={() => void actions.layout()}
              />
            </div>
          </>
        )}
        <div className="fm-tool-group">
          <ToolButton
            label="Fit the map on screen"
            shortcut="fitView"
            icon={icons.fit}
            onClick={actions.fitView}
          />
          <ToolButton
            label="Zoom out"
            shortcut="zoomOut"
            icon={icons.zoomOut}
            onClick={actions.zoomOut}
          />
          <output className="fm-zoom" aria-label="Zoom level">
            {zoom}%
          </output>
          <ToolButton
            label="Zoom in"
            shortcut="zoomIn"
            icon={icons.zoomIn}
            onClick={actions.zoomIn}
          />
        </div>
        <div className="fm-tool-group">
          <ToolButton
            label="Keyboard shortcuts"
            shortcut="help"
            icon={icons.help}
            pressed={helpOpen}
            onClick={() => setEditor({ helpOpen: !helpOpen })}
          />
        </div>
      </div>
    </Panel>
  );
}
