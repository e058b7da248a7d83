// A text field that replaces a label while it is renamed: Enter saves, Escape cancels, leaving
// the field saves. A refused value keeps the field open with the reason under it.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import './inlineEdit.css';

interface InlineEditProps {
  initial: string;
  /** The field's accessible name, e.g. "Map title". */
  label: string;
  /** Saves the value; returns the reason it was refused, or null. */
  onCommit: (value: string) => string | null | Promise<string | null>;
  /** Called when editing ends (saved or cancelled). */
  onDone: () => void;
  className?: string | undefined;
  maxLength?: number | undefined;
}

export function InlineEdit({
  initial,
  label,
  onCommit,
  onDone,
  className,
  maxLength,
}: InlineEditProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const finish = () => {
    if (finished.current) return;
    finished.current = true;
    onDone();
  };

  const commit = async () => {
    if (finished.current || busyRef.current) return;
    if (value === initial) return finish();
    busyRef.current = true;
    setBusy(true);
    const problem = await onCommit(value);
    busyRef.current = false;
    setBusy(false);
    if (problem) {
      setError(problem);
      input.current?.focus();
    } else {
      finish();
    }
  };

  return (
    <form
      className={`inline-edit ${className ?? ''}`}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void commit();
      }}
    >
      <input
        ref={input}
        value={value}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        maxLength={maxLength}
        readOnly={busy}
        aria-busy={busy || undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish();
          }
        }}
        onBlur={() => {
          if (!error) void commit();
        }}
      />
      {error && (
        <span id={errorId} className="inline-edit-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
