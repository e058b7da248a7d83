// One labelled input that edits a document value. The person's draft is theirs until they commit
// (Enter, or leaving the field) or revert (Esc, which also returns focus to the canvas so the
// next key is a shortcut again): a collaborator's change to the same value replaces the shown
// text only while this field holds no uncommitted typing, so nobody loses what they are typing.
// When a collaborator commits while you type, the field says who and what (fieldConflict.ts) and
// nothing is written until you keep yours or take theirs. An invalid value stays in the field
// with the message next to it, and nothing is written.
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusCanvas } from '../../canvas/focus.ts';
import { useEditor } from '../../store/editorStore.ts';
import { conflictOf } from './fieldConflict.ts';

/** What committing did: written (the text the field now shows), or refused with a message. */
export type CommitOutcome = { ok: true; text: string } | { ok: false; error: string };

export interface CommitFieldProps {
  label: string;
  /** The stored value as text; what the field shows when no draft is pending. */
  value: string;
  /** Validates and writes; called only when the text differs from `value`. */
  onCommit: (text: string) => CommitOutcome;
  readOnly?: boolean;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Help under the field, e.g. the accepted duration formats. */
  hint?: ReactNode;
  /** A problem with the stored value (found when reading the document), shown while not editing. */
  warning?: string | null;
  /** Something shown beside the label, e.g. a DORA level badge. */
  aside?: ReactNode;
  inputMode?: 'text' | 'decimal' | 'numeric';
  className?: string;
  /** The schema's limit: the browser stops typing there instead of the commit refusing it. */
  maxLength?: number;
  /** Who wrote the stored value, for "Sam changed this to 7d"; null when unknown. */
  whoChanged?: () => string | null;
}

export function CommitField({
  label,
  value,
  onCommit,
  readOnly = false,
  multiline = false,
  rows = 3,
  placeholder,
  hint,
  warning,
  aside,
  inputMode,
  className,
  maxLength,
  whoChanged,
}: CommitFieldProps) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Typing not yet committed. A ref, not state: blur fires right after an Enter commit, before
  // React re-renders, and must see that there is nothing left to commit.
  const dirty = useRef(false);
  // The stored value the draft was typed over: a different stored value is someone else's commit.
  const base = useRef(value);

  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);

  const theirs = conflictOf({ dirty: dirty.current, draft, base: base.current, value });

  const commit = (): void => {
    if (!dirty.current) return;
    // Never over someone's fresh commit without a choice (keep mine / take theirs below).
    if (conflictOf({ dirty: true, draft, base: base.current, value }) !== null) return;
    if (draft === value) {
      dirty.current = false;
      setError(null);
      return;
    }
    const outcome = onCommit(draft);
    if (outcome.ok) {
      dirty.current = false;
      setError(null);
      setDraft(outcome.text);
    } else {
      setError(outcome.error);
    }
  };

  const revert = (): void => {
    dirty.current = false;
    setError(null);
    setDraft(value);
  };

  const keepMine = (): void => {
    base.current = value;
    commit();
  };

  const leave = (): void => {
    const { selectedNodes } = useEditor.getState();
    focusCanvas(selectedNodes.length === 1 ? (selectedNodes[0] ?? null) : null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    // The field owns the keyboard while focused: Delete, Esc or "?" must not reach the canvas.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      revert();
      leave();
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const warningId = `${id}-warning`;
  const shownWarning = error === null && !dirty.current && warning ? warning : null;
  const describedBy =
    [error !== null && errorId, shownWarning && warningId, hint && hintId]
      .filter(Boolean)
      .join(' ') || undefined;

  const shared = {
    id,
    value: draft,
    readOnly,
    maxLength,
    // An example value in a field nobody may fill would read as an invitation.
    placeholder: readOnly ? '—' : placeholder,
    'aria-invalid': error !== null ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => {
      if (!dirty.current) base.current = value;
      dirty.current = true;
      setDraft(event.target.value);
      if (error !== null) setError(null);
    },
    onBlur: commit,
    onKeyDown,
  };

  return (
    <div className={`insp-field${className ? ` ${className}` : ''}`}>
      <div className="insp-field-label-row">
        <label htmlFor={id}>{label}</label>
        {aside}
      </div>
      {multiline ? (
        <textarea {...shared} rows={rows} />
      ) : (
        <input
          {...shared}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {theirs !== null && (
        <Conflict
          name={whoChanged?.() ?? null}
          value={theirs}
          onKeepMine={keepMine}
          onTakeTheirs={revert}
          words={{
            changed: (name, shown) =>
              shown === ''
                ? name
                  ? t('conflict.clearedBy', { name })
                  : t('conflict.clearedBySomeone')
                : name
                  ? t('conflict.changedBy', { name, value: shown })
                  : t('conflict.changedBySomeone', { value: shown }),
            keepMine: t('conflict.keepMine'),
            takeTheirs: t('conflict.takeTheirs'),
          }}
        />
      )}
      {error !== null && (
        <p id={errorId} className="insp-field-error" role="alert">
          {error}
        </p>
      )}
      {shownWarning && (
        <p id={warningId} className="insp-field-warning">
          {shownWarning}
        </p>
      )}
      {hint && (
        <p id={hintId} className="insp-field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function Conflict({
  name,
  value,
  onKeepMine,
  onTakeTheirs,
  words,
}: {
  name: string | null;
  value: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  words: {
    changed: (name: string | null, value: string) => string;
    keepMine: string;
    takeTheirs: string;
  };
}) {
  // The buttons take the press without taking focus first: the field's blur must not run ahead.
  const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();
  return (
    <div className="insp-field-conflict" role="alert">
      <span>{words.changed(name, value)}</span>
      <span className="insp-field-conflict-actions">
        <button type="button" onMouseDown={keepFocus} onClick={onKeepMine}>
          {words.keepMine}
        </button>
        <button type="button" onMouseDown={keepFocus} onClick={onTakeTheirs}>
          {words.takeTheirs}
        </button>
      </span>
    </div>
  );
}
