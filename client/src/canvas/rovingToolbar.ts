// The toolbar is one Tab stop (the WAI-ARIA toolbar pattern): ←/→ (and Home/End) move between its
// buttons, Tab leaves it. Otherwise every tool would be a Tab on the way to the canvas. Applied to
// the DOM after each render, since the set of buttons changes with access and presentation mode.
import { type RefObject, useEffect, useRef } from 'react';

function buttons(root: HTMLElement): HTMLButtonElement[] {
  return Array.from(root.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'));
}

export function useRovingToolbar(ref: RefObject<HTMLElement | null>): void {
  // The button that holds the Tab stop (the last one focused), while it is there and enabled.
  const stop = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const all = buttons(root);
    const current = stop.current && all.includes(stop.current) ? stop.current : all[0];
    for (const b of all) b.tabIndex = b === current ? 0 : -1;
  });

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const all = buttons(root);
      const at = all.indexOf(event.target as HTMLButtonElement);
      if (at < 0) return;
      const next =
        event.key === 'ArrowRight'
          ? (at + 1) % all.length
          : event.key === 'ArrowLeft'
            ? (at - 1 + all.length) % all.length
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? all.length - 1
                : -1;
      if (next < 0) return;
      event.preventDefault();
      event.stopPropagation();
      for (const b of all) b.tabIndex = -1;
      const target = all[next];
      if (target) {
        target.tabIndex = 0;
        stop.current = target;
        target.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      const all = buttons(root);
      const target = event.target as HTMLButtonElement;
      if (!all.includes(target)) return;
      stop.current = target;
      for (const b of all) b.tabIndex = b === target ? 0 : -1;
    };
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
    };
  }, [ref]);
}
