// One labelled input that edits a document value. The person's draft is theirs until they commit
// (Enter, or leaving the field) or revert (Esc): a collaborator's change to the same value
// replaces the shown text only while this field holds no uncommitted typing, so nobody loses what
// they are typing. An invalid value stays in the field with the message next to it, and nothing
// is written.
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

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
}: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  // Typing not yet committed. A ref, not state: blur fires right after an Enter commit, before
  // React re-renders, and must see that there is nothing left to commit.
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);

  const commit = (): void => {
    if (!dirty.current) return;
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

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    // The field owns the keyboard while focused: Delete, Esc or "?" must not reach the canvas.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      revert();
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
    // An example value in a field nobody may fill would read as an invitation.
    placeholder: readOnly ? '—' : placeholder,
    'aria-invalid': error !== null ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => {
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
