// Selecting a stage from far down the side panel (a bottleneck in the metrics) must show its
// fields: when the inspector for a new selection appears with its top scrolled out of view, the
// panel scrolls back to it. Nothing moves when the top is already visible.
import { type RefObject, useEffect } from 'react';

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) {
      return p;
    }
  }
  return null;
}

export function useRevealOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const parent = scrollParent(el);
    if (!parent) return;
    const top = el.getBoundingClientRect().top;
    const view = parent.getBoundingClientRect();
    if (top < view.top || top > view.bottom - 48) {
      parent.scrollTo({ top: parent.scrollTop + top - view.top, behavior: 'instant' });
    }
  }, [ref]);
}
