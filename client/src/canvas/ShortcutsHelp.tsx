// The keyboard shortcut overlay ("?" or the toolbar button; Esc or the backdrop closes it). It
// lists the same table the key handler uses; a view-only link sees only what it can use.
import { useEffect, useRef } from 'react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { formatCombo, isMac, SHORTCUTS, type ShortcutGroup } from './shortcuts.ts';

const GROUPS: ShortcutGroup[] = ['Add', 'Edit', 'View'];

const MOUSE_TIPS_EDIT = [
  ['Double-click empty canvas', 'Add a stage there'],
  ['Double-click a name', 'Rename it'],
  ['Drag from a dot on the right', 'Draw a flow arrow'],
  ['Drag from a dot underneath', 'Draw a rework arrow'],
  ['Shift + click / Shift + drag', 'Select several'],
] as const;

const MOUSE_TIPS_VIEW = [
  ['Drag the canvas', 'Pan'],
  ['Scroll', 'Zoom'],
] as const;

export function ShortcutsHelp() {
  const open = useEditor((s) => s.helpOpen);
  const canEdit = useEditor((s) => s.access === 'edit');
  const closeButton = useRef<HTMLButtonElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    // A press on the dimmed backdrop (not inside the dialog) closes it, like Esc.
    const element = backdrop.current;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target === element) setEditor({ helpOpen: false });
    };
    element?.addEventListener('pointerdown', onPointerDown);
    return () => {
      element?.removeEventListener('pointerdown', onPointerDown);
      previous?.focus();
    };
  }, [open]);

  if (!open) return null;
  const mac = isMac();
  const close = () => setEditor({ helpOpen: false });
  const shown = SHORTCUTS.filter((s) => canEdit || !s.editOnly);
  return (
    <div className="fm-help-backdrop" ref={backdrop}>
      <div className="fm-help" role="dialog" aria-modal="true" aria-labelledby="fm-help-title">
        <header>
          <h2 id="fm-help-title">Keyboard shortcuts</h2>
          <button
            ref={closeButton}
            type="button"
            onClick={close}
            aria-label="Close (Esc)"
            title="Close (Esc)"
          >
            ✕
          </button>
        </header>
        <div className="fm-help-columns">
          {GROUPS.map((group) => {
            const items = shown.filter((s) => s.group === group);
            if (items.length === 0) return null;
            return (
              <section key={group}>
                <h3>{group}</h3>
                <dl>
                  {items.map((s) => (
                    <div key={s.id}>
                      <dt>
                        {s.combos.map((c) => (
                          <kbd key={formatCombo(c, mac)}>{formatCombo(c, mac)}</kbd>
                        ))}
                      </dt>
                      <dd>{s.label}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            );
          })}
          <section>
            <h3>Mouse</h3>
            <dl>
              {(canEdit ? [...MOUSE_TIPS_VIEW, ...MOUSE_TIPS_EDIT] : MOUSE_TIPS_VIEW).map(
                ([gesture, effect]) => (
                  <div key={gesture}>
                    <dt className="fm-help-gesture">{gesture}</dt>
                    <dd>{effect}</dd>
                  </div>
                ),
              )}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}
