// Where keyboard focus goes between the canvas and the inspector: Enter on a step opens the
// inspector on its first field; Esc in a field comes back to the step on the canvas, so the next
// shortcut is a shortcut again instead of text typed into the field ("96l").

/** Tries `find` on the next few frames: the element may need a render (or a pan) to exist. */
function whenThere(find: () => HTMLElement | null, then: (el: HTMLElement) => void, frames = 20) {
  const el = find();
  if (el) then(el);
  else if (frames > 0) requestAnimationFrame(() => whenThere(find, then, frames - 1));
}

function nodeElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/** Focuses a node's box on the canvas (it becomes the selection, see Canvas.tsx). */
export function focusNode(id: string): void {
  whenThere(
    () => nodeElement(id),
    (el) => el.focus({ preventScroll: true }),
  );
}

/** Back to the canvas: the node in `id`, else nothing focused (keys reach the shortcuts). */
export function focusCanvas(id: string | null): void {
  if (id && nodeElement(id)) {
    focusNode(id);
    return;
  }
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

const FIRST_FIELD = '.editor-side .inspector :is(input, textarea, select):not([disabled])';

/** The inspector's first field (the name), focused with its text selected for retyping. */
export function focusInspector(): void {
  whenThere(
    () => document.querySelector<HTMLElement>(FIRST_FIELD),
    (el) => {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
    },
  );
}
