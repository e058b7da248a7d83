// The keyboard-only participant: counts every pointer and mouse event the page sees, so a spec
// can prove it never used one, and names what has keyboard focus in the words of the UI.
import type { BrowserContext, Page } from 'playwright-core';

const POINTER_EVENTS = [
  'pointerdown',
  'pointerup',
  'pointermove',
  'mousedown',
  'mouseup',
  'mousemove',
  'dblclick',
  'contextmenu',
  'wheel',
];

/** Installs the counter in every page of the context (before any script of the app runs). */
export async function countPointerEvents(context: BrowserContext): Promise<void> {
  await context.addInitScript((types: string[]) => {
    const w = window as unknown as { __pointerEvents: string[] };
    w.__pointerEvents = [];
    for (const type of types) {
      window.addEventListener(type, () => w.__pointerEvents.push(type), { capture: true });
    }
    // A click that a key press caused (Enter/Space on a button) has detail 0; a mouse's has ≥ 1.
    window.addEventListener(
      'click',
      (event) => {
        if (event.detail > 0) w.__pointerEvents.push('click');
      },
      { capture: true },
    );
  }, POINTER_EVENTS);
}

export function pointerEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __pointerEvents: string[] }).__pointerEvents);
}

/** What has focus: a node's name, a field's label, or the element's tag. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return 'body';
    if (el.classList.contains('react-flow__node')) {
      return `node:${el.querySelector('.vsm-stage-name')?.textContent ?? el.dataset.id}`;
    }
    if (el.id) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label) return `field:${label.textContent}`;
    }
    return el.getAttribute('aria-label') ?? el.tagName.toLowerCase();
  });
}

/** The names of the selected nodes on the canvas. */
export function selectedNames(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node.selected .vsm-stage-name').allInnerTexts();
}
