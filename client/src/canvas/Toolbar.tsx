// The canvas toolbar, docked along the top of the canvas with the key figures beside it: add nodes
// (and a queue on the selected arrow), connect, undo/redo, auto-layout, view controls (minimap,
// presentation) and the shortcut help. Every button is labelled and names its shortcut in its
// tooltip; on a view-only link and in presentation mode only the view controls remain. Fit keeps
// the map out from under this bar (fitView.ts measures it).
import type { NodeType } from '@flowmap/shared';
import { Panel, useStore } from '@xyflow/react';
import { type ReactNode, useCallback, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { MapSession } from '../sync/session.ts';
import { toolIcons } from '../ui/icons.tsx';
import { useCanvasActions } from './ActionsContext.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { queueTarget } from './queuePlacement.ts';
import { useRovingToolbar } from './rovingToolbar.ts';
import { type ShortcutId, shortcutHint } from './shortcuts.ts';
import { viewIcons } from './viewIcons.tsx';
import { toggleViewPref, useViewPrefs } from './viewPrefs.ts';
import './toolbar.css';

// Each type's button text and tooltip are toolbar.add.<type> and toolbar.add.<type>Tip.
const ADDABLE: { type: Exclude<NodeType, 'queue'>; shortcut: ShortcutId }[] = [
  { type: 'stage', shortcut: 'addStage' },
  { type: 'start', shortcut: 'addStart' },
  { type: 'end', shortcut: 'addEnd' },
  { type: 'kaizen', shortcut: 'addKaizen' },
  { type: 'note', shortcut: 'addNote' },
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
  const { t } = useTranslation('canvas');
  const bar = useRef<HTMLDivElement>(null);
  useRovingToolbar(bar);
  const presenting = useViewPrefs((s) => s.presenting);
  const minimapShown = useViewPrefs((s) => s.minimapShown);
  const canEdit = useEditor((s) => s.access === 'edit') && !presenting;
  const helpOpen = useEditor((s) => s.helpOpen);
  const { canUndo, canRedo } = useUndoState(session);
  const arrowForQueue = useEditor((s) => {
    const state = s.map && s.activeStateId ? (s.map.states[s.activeStateId] ?? null) : null;
    return queueTarget(state, s.selectedEdges) !== null;
  });

  return (
    <Panel position="top-left" className="fm-topbar-panel">
      <div ref={bar} className="fm-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        {canEdit && (
          <>
            <div className="fm-tool-group">
              {ADDABLE.map((a) => (
                <ToolButton
                  key={a.type}
                  label={t(`toolbar.add.${a.type}Tip`)}
                  shortcut={a.shortcut}
                  icon={toolIcons[a.type]}
                  text={t(`toolbar.add.${a.type}`)}
                  onClick={() => actions.add(a.type)}
                />
              ))}
              <ToolButton
                label={arrowForQueue ? t('toolbar.insertQueue') : t('toolbar.insertQueueFirst')}
                shortcut="insertQueue"
                icon={toolIcons.queue}
                text={t('toolbar.queue')}
                disabled={!arrowForQueue}
                onClick={() => actions.insertQueue()}
              />
              <ToolButton
                label={t('toolbar.connect')}
                shortcut="connect"
                icon={viewIcons.connect}
                onClick={() => actions.openConnect()}
              />
            </div>
            <div className="fm-tool-group">
              <ToolButton
                label={t('toolbar.undo')}
                shortcut="undo"
                icon={toolIcons.undo}
                disabled={!canUndo}
                onClick={actions.undo}
              />
              <ToolButton
                label={t('toolbar.redo')}
                shortcut="redo"
                icon={toolIcons.redo}
                disabled={!canRedo}
                onClick={actions.redo}
              />
              <ToolButton
                label={t('toolbar.layout')}
                shortcut="layout"
                icon={toolIcons.layout}
                onClick={() => void actions.layout()}
              />
            </div>
          </>
        )}
        <div className="fm-tool-group">
          <ToolButton
            label={t('toolbar.fit')}
            shortcut="fitView"
            icon={toolIcons.fit}
            onClick={actions.fitView}
          />
          <ToolButton
            label={t('toolbar.zoomOut')}
            shortcut="zoomOut"
            icon={toolIcons.zoomOut}
            onClick={actions.zoomOut}
          />
          <ZoomReadout />
          <ToolButton
            label={t('toolbar.zoomIn')}
            shortcut="zoomIn"
            icon={toolIcons.zoomIn}
            onClick={actions.zoomIn}
          />
        </div>
        <div className="fm-tool-group">
          {!presenting && (
            <ToolButton
              label={minimapShown ? t('toolbar.hideMinimap') : t('toolbar.showMinimap')}
              shortcut="minimap"
              icon={viewIcons.minimap}
              pressed={minimapShown}
              onClick={() => toggleViewPref('minimapShown')}
            />
          )}
          <ToolButton
            label={presenting ? t('toolbar.leavePresentation') : t('toolbar.present')}
            shortcut="present"
            icon={viewIcons.present}
            pressed={presenting}
            onClick={() => toggleViewPref('presenting')}
          />
          <ToolButton
            label={t('toolbar.help')}
            shortcut="help"
            icon={toolIcons.help}
            pressed={helpOpen}
            onClick={() => setEditor({ helpOpen: !helpOpen })}
          />
        </div>
      </div>
      <KeyFigures />
    </Panel>
  );
}

/** The zoom in per cent: its own component, so zooming re-renders this and not the toolbar. */
function ZoomReadout() {
  const { t } = useTranslation('canvas');
  const zoom = useStore((s) => Math.round(s.transform[2] * 100));
  return (
    <output className="fm-zoom" aria-label={t('toolbar.zoomLevel')}>
      {zoom}%
    </output>
  );
}
