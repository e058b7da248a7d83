// Page-object helpers for editing the flow as a chain (issue 14): arrows by what they join, the
// "+" that puts a queue on an arrow, the either/or choice, and a headline figure read back as
// minutes, exactly (its tooltip holds the exact value when the figure shown is rounded).
import { DEFAULT_WORKING_TIME, parseDuration } from '@flowmap/shared';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { EditorPage } from './editor.ts';

/** How long the canvas may take to settle (fit the view, re-draw an arrow) on a busy machine. */
const SETTLE = { timeout: 15_000, interval: 100 };

/** The arrow from `from` to `to` (names as shown), flow or rework. */
export function arrow(
  editor: EditorPage,
  from: string,
  to: string,
  kind: 'flow' | 'rework' = 'flow',
) {
  const label =
    kind === 'flow' ? `Flow from ${from} to ${to}` : `Rework from ${from} back to ${to}`;
  return editor.page.locator(`.react-flow__edge[aria-label="${label}"]`);
}

/**
 * Clicks a flow arrow halfway along until its inspector shows (the canvas may still be fitting
 * the view when the map opens). With the mouse at the path's middle: a level arrow's box has no
 * height, which Playwright counts as not visible.
 */
export async function selectFlowArrow(editor: EditorPage, from: string, to: string): Promise<void> {
  await editor.page.keyboard.press('Escape');
  const inspector = editor.page.locator('.editor-side .edge-route', { hasText: from });
  const path = arrow(editor, from, to).locator('.react-flow__edge-interaction');
  await expect
    .poll(async () => {
      if ((await inspector.count()) > 0) return true;
      const box = (await path.count()) > 0 ? await path.boundingBox() : null;
      if (box) await editor.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return (await inspector.count()) > 0;
    }, SETTLE)
    .toBe(true);
}

/** Clicks a rework arrow on its label (the middle of its curve is empty space). */
export async function selectReworkArrow(editor: EditorPage, from: string, to: string) {
  await editor.page.keyboard.press('Escape');
  await arrow(editor, from, to, 'rework').locator('.react-flow__edge-textbg').click();
  await editor.page.locator('.editor-side .type-edge-rework').waitFor();
}

/** The share or rate label drawn on an arrow. */
export function shareLabels(editor: EditorPage): Locator {
  return editor.page.locator('.vsm-edge-share');
}

/** A headline figure in working minutes (DEFAULT working time), from its exact value. */
export async function figureMinutes(editor: EditorPage, label: string): Promise<number> {
  const dd = editor.figure(label);
  if ((await dd.count()) === 0) return Number.NaN;
  const title = await dd.getAttribute('title');
  const text = title?.startsWith('Exactly ')
    ? title.slice('Exactly '.length)
    : await dd.innerText();
  const parsed = parseDuration(text, DEFAULT_WORKING_TIME);
  return parsed.ok ? parsed.minutes : Number.NaN;
}

/** Drags a flow arrow from a node's right dot to another node's left dot. */
export async function drawFlow(editor: EditorPage, from: string, to: string): Promise<void> {
  const source = editor.node(from).locator('.react-flow__handle[data-handleid="out"]');
  const target = editor.node(to).locator('.react-flow__handle[data-handleid="in"]');
  const a = await source.boundingBox();
  const b = await target.boundingBox();
  if (!a || !b) throw new Error(`handles of ${from} or ${to} are not on screen`);
  const { mouse } = editor.page;
  await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await mouse.down();
  await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await mouse.up();
  await arrow(editor, from, to).waitFor();
}
