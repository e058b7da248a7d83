// The keyboard shortcut overlay ("?" or the toolbar button; Esc or the backdrop closes it). It
// lists the same table the key handler uses; a view-only link sees only what it can use.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../store/editorStore.ts';
import {
  formatCombo,
  isMac,
  SHORTCUTS,
  type ShortcutGroup,
  shortcutLabelKey,
} from './shortcuts.ts';

const GROUPS: ShortcutGroup[] = ['Add', 'Edit', 'View'];

// Gestures by their catalog keys (help.mouse.<gesture> and help.mouse.<gesture>Does).
const MOUSE_TIPS_EDIT = [
  'doubleClickCanvas',
  'doubleClickName',
  'dragRight',
  'dragBottom',
  'clickPlus',
  'shiftClick',
] as const;

const MOUSE_TIPS_VIEW = ['dragCanvas', 'scroll'] as const;

export function ShortcutsHelp() {
  const { t } = useTranslation('canvas');
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
          <h2 id="fm-help-title">{t('help.title')}</h2>
          <button
            ref={closeButton}
            type="button"
            onClick={close}
            aria-label={t('help.close')}
            title={t('help.close')}
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
                <h3>{t(`help.groups.${group}`)}</h3>
                <dl>
                  {items.map((s) => (
                    <div key={s.id}>
                      <dt>
                        {s.combos.map((c) => (
                          <kbd key={formatCombo(c, mac)}>{formatCombo(c, mac)}</kbd>
                        ))}
                      </dt>
                      <dd>{t(shortcutLabelKey(s.id))}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            );
          })}
          <section>
            <h3>{t('help.groups.Mouse')}</h3>
            <dl>
              {(canEdit ? [...MOUSE_TIPS_VIEW, ...MOUSE_TIPS_EDIT] : MOUSE_TIPS_VIEW).map(
                (gesture) => (
                  <div key={gesture}>
                    <dt className="fm-help-gesture">{t(`help.mouse.${gesture}`)}</dt>
                    <dd>{t(`help.mouse.${gesture}Does`)}</dd>
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
