// The map's states as tabs (current and future), with the actions on states: create a future state
// from the current one, rename, delete, and compare two states.
import type { MapState } from '@flowmap/shared';
import { cloneStateAsFuture, removeState, renameState } from '@flowmap/shared/doc';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useSession } from '../app/SessionContext.tsx';
import { setEditor, useEditor } from '../store/editorStore.ts';
import { useCanEdit, useSortedStates } from '../store/selectors.ts';
import { ConfirmDialog } from './chrome/Dialog.tsx';
import { InlineEdit } from './chrome/InlineEdit.tsx';
import { Menu, MenuItem } from './chrome/Menu.tsx';
import { nextFutureStateName } from './chrome/stateNames.ts';
import { checkTitle, errorMessage } from './chrome/titles.ts';
import { SnapshotsButton } from './snapshots/SnapshotsButton.tsx';
import './chrome/chrome.css';

export function StateTabs() {
  const session = useSession();
  const states = useSortedStates();
  const activeStateId = useEditor((s) => s.activeStateId);
  const compareWith = useEditor((s) => s.compareWith);
  const canEdit = useCanEdit();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<MapState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  const active = states.find((s) => s.id === activeStateId) ?? null;
  // The clone's source: the tab in view when it is a current state, otherwise the first current.
  const source = active?.kind === 'current' ? active : states.find((s) => s.kind === 'current');
  const others = states.filter((s) => s.id !== activeStateId);

  // Others see which state each participant is looking at (and follow it).
  useEffect(() => {
    session.setPresence({ stateId: activeStateId });
  }, [session, activeStateId]);

  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => setError(null), 6000);
    return () => clearTimeout(timer);
  }, [error]);

  const select = (id: string) => setEditor({ activeStateId: id });

  const createFuture = () => {
    if (!source) return;
    try {
      const id = cloneStateAsFuture(session.doc, source.id, {
        name: nextFutureStateName(states.map((s) => s.name)),
      });
      setEditor({ activeStateId: id, compareWith: null });
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const rename = (id: string, value: string): string | null => {
    const problem = checkTitle(value, 'state name');
    if (problem) return problem;
    try {
      renameState(session.doc, id, value.trim());
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  };

  const confirmDelete = () => {
    if (!deleting) return;
    try {
      const wasActive = deleting.id === activeStateId;
      removeState(session.doc, deleting.id);
      if (wasActive) {
        const next = states.find((s) => s.id !== deleting.id);
        setEditor({ activeStateId: next?.id ?? null });
      }
      if (compareWith === deleting.id) setEditor({ compareWith: null });
      setDeleting(null);
    } catch (e) {
      setError(errorMessage(e));
      setDeleting(null);
    }
  };

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
          setRenaming(state.id);
        }
        return;
    }
  };

  if (states.length === 0) return null;

  return (
    <div className="state-tabs">
      <div role="tablist" aria-label="States of this map" className="state-tablist">
        {states.map((state, index) => {
          const selected = state.id === activeStateId;
          if (renaming === state.id) {
            return (
              <InlineEdit
                key={state.id}
                className="state-tab-edit"
                initial={state.name}
                label={`Name of ${state.name}`}
                onCommit={(value) => rename(state.id, value)}
                onDone={() => {
                  setRenaming(null);
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
              title={canEdit ? 'Double-click or press F2 to rename' : undefined}
              onClick={() => select(state.id)}
              onDoubleClick={() => canEdit && setRenaming(state.id)}
              onKeyDown={(event) => onTabKeyDown(event, index)}
            >
              <span className="state-tab-name">{state.name}</span>
              <span className={`kind-chip kind-${state.kind}`}>{state.kind}</span>
            </button>
          );
        })}
      </div>

      {canEdit && active && (
        <Menu
          label={<DotsIcon />}
          ariaLabel={`Options for ${active.name}`}
          title="State options"
          buttonClassName="icon-button"
        >
          {(close) => (
            <>
              <MenuItem
                onSelect={() => {
                  close();
                  setRenaming(active.id);
                }}
              >
                Rename…
              </MenuItem>
              <MenuItem
                danger
                disabled={states.length <= 1}
                title={states.length <= 1 ? 'A map needs at least one state' : undefined}
                onSelect={() => {
                  close();
                  setDeleting(active);
                }}
              >
                Delete state…
              </MenuItem>
            </>
          )}
        </Menu>
      )}

      {canEdit && (
        <button
          type="button"
          className="tab-action"
          onClick={createFuture}
          disabled={!source}
          title={
            source
              ? `Copy “${source.name}” into a new future state`
              : 'There is no current state to start from'
          }
        >
          <PlusIcon /> Future state
          <span className="visually-hidden"> (create a future state from the current state)</span>
        </button>
      )}

      {compareWith !== null ? (
        <button
          type="button"
          className="tab-action"
          aria-pressed="true"
          onClick={() => setEditor({ compareWith: null })}
          title="Close the comparison and go back to the map"
        >
          <CompareLabel />
        </button>
      ) : others.length === 1 && others[0] ? (
        <CompareButton onClick={() => setEditor({ compareWith: others[0]?.id ?? null })} />
      ) : (
        <Menu
          label={<CompareLabel />}
          buttonClassName="tab-action"
          disabled={others.length === 0}
          title={others.length === 0 ? 'Create a future state to compare with' : 'Compare states'}
        >
          {(close) =>
            others.map((other) => (
              <MenuItem
                key={other.id}
                onSelect={() => {
                  close();
                  setEditor({ compareWith: other.id });
                }}
              >
                Compare with {other.name}{' '}
                <span className={`kind-chip kind-${other.kind}`}>{other.kind}</span>
              </MenuItem>
            ))
          }
        </Menu>
      )}

      <SnapshotsButton />

      {error && (
        <span className="state-tabs-error" role="alert">
          {error}
        </span>
      )}

      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        message={
          <p>
            The state and all its stages, flows and numbers are removed for everyone in this map.
          </p>
        }
        confirmLabel="Delete state"
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}

function CompareButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      className="tab-action"
      onClick={onClick}
      title="Compare this state with the other"
    >
      <CompareLabel />
    </button>
  );
}

function CompareLabel() {
  return (
    <>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="tab-icon">
        <path
          d="M2 5h10m-3-3 3 3-3 3M14 11H4m3-3-3 3 3 3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      Compare
    </>
  );
}

function DotsIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
    </svg>
  );
}

function PlusIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" className="tab-icon">
      <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
