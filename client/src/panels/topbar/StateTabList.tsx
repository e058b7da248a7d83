// The states as a tablist: arrow keys, Home and End move between tabs (and switch the state in
// view), a double-click or F2 renames the tab in place for editors.
import type { MapState } from '@flowmap/shared';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setEditor } from '../../store/editorStore.ts';
import { InlineEdit } from '../../ui/InlineEdit.tsx';
import { KindChip } from '../../ui/KindChip.tsx';

interface Props {
  states: readonly MapState[];
  activeStateId: string | null;
  canEdit: boolean;
  /** The state being renamed in place, if any. */
  renaming: string | null;
  onRenaming(id: string | null): void;
  /** Saves a new name; returns why it was refused, or null. */
  rename(id: string, value: string): string | null;
}

export function StateTabList({
  states,
  activeStateId,
  canEdit,
  renaming,
  onRenaming,
  rename,
}: Props) {
  const { t } = useTranslation('topbar');
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const select = (id: string) => setEditor({ activeStateId: id });

  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const move = (to: number) => {
      const target = states[(to + states.length) % states.length];
      if (!target) return;
      event.preventDefault();
      select(target.id);
      tabRefs.current.get(target.id)?.focus();
    };
    const state = states[index];
    switch (event.key) {
      case 'ArrowRight':
        return move(index + 1);
      case 'ArrowLeft':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(states.length - 1);
      case 'F2':
        if (canEdit && state) {
          event.preventDefault();
          onRenaming(state.id);
        }
        return;
    }
  };

  return (
    <div role="tablist" aria-label={t('states.tablist')} className="state-tablist">
      {states.map((state, index) => {
        const selected = state.id === activeStateId;
        if (renaming === state.id) {
          return (
            <InlineEdit
              key={state.id}
              className="state-tab-edit"
              initial={state.name}
              label={t('states.nameOf', { name: state.name })}
              onCommit={(value) => rename(state.id, value)}
              onDone={() => {
                onRenaming(null);
                requestAnimationFrame(() => tabRefs.current.get(state.id)?.focus());
              }}
            />
          );
        }
        return (
          <button
            key={state.id}
            ref={(el) => {
              if (el) tabRefs.current.set(state.id, el);
              else tabRefs.current.delete(state.id);
            }}
            type="button"
            role="tab"
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className={`state-tab${selected ? ' state-tab-active' : ''}`}
            title={canEdit ? t('states.renameTip') : undefined}
            onClick={() => select(state.id)}
            onDoubleClick={() => canEdit && onRenaming(state.id)}
            onKeyDown={(event) => onTabKeyDown(event, index)}
          >
            <span className="state-tab-name">{state.name}</span>
            <KindChip kind={state.kind} />
          </button>
        );
      })}
    </div>
  );
}
