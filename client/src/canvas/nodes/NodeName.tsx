// A node's name, renamed in place: double-click (or F2 on the selection) turns it into an
// input; Enter or leaving the field commits, Esc cancels.
import { type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { useCanvasActions } from '../ActionsContext.ts';
import { startRename, useCanvasUi } from '../canvasUi.ts';

interface Props {
  id: string;
  name: string;
  placeholder: string;
  className: string;
  label: string;
}

export const NodeName = memo(function NodeName({ id, name, placeholder, className, label }: Props) {
  const renaming = useCanvasUi((s) => s.renamingId === id);
  if (!renaming) {
    return (
      <div className={name ? className : `${className} is-placeholder`}>{name || placeholder}</div>
    );
  }
  return <NameInput id={id} name={name} className={className} label={label} />;
});

function NameInput({ id, name, className, label }: Omit<Props, 'placeholder'>) {
  const actions = useCanvasActions();
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  // A node just added is hidden until React Flow has measured it, and a hidden input cannot take
  // focus: keep trying for a few frames.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const element = input.current;
      if (!element) return;
      element.focus();
      if (document.activeElement !== element) {
        if (++tries < 60) frame = requestAnimationFrame(focus);
        return;
      }
      // Whatever was typed before the input could take focus replaces the default name.
      const { typedAhead: typed, commitAhead } = useCanvasUi.getState();
      if (typed) element.value = typed;
      else element.select();
      if (commitAhead) finishRef.current(true);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);

  const finishRef = useRef((_commit: boolean) => {});
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const value = input.current?.value ?? name;
    if (commit && value.trim() !== name) actions.rename(id, value);
    actions.renameEnded(id);
    startRename(null);
  };
  finishRef.current = finish;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // The canvas shortcuts must not see keys typed into the name.
    event.stopPropagation();
    if (event.key === 'Enter') finish(true);
    else if (event.key === 'Escape') finish(false);
  };

  return (
    <input
      ref={input}
      className={`${className} vsm-name-input nodrag nopan nowheel`}
      defaultValue={name}
      aria-label={label}
      maxLength={200}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}
