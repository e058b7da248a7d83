// What travels through presence rather than the document: live drags and cursors.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, participant } from '../fixtures/browser.ts';
import { type E2EServer, editUrl, startServer } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';

let server: E2EServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.dispose();
});

async function openAs(name: string, url: string): Promise<EditorPage> {
  const context = await participant(browser, name);
  contexts.push(context);
  return new EditorPage(await context.newPage()).open(url);
}

type Exported = { states: Record<string, { nodes: Record<string, { x: number; y: number }> }> };

it('shows a drag live to others and commits the final position to the document once', async () => {
  const map = await server.createMap('Payments', 'software-delivery');
  const ada = await openAs('Ada', editUrl(server, map));
  const grace = await openAs('Grace', editUrl(server, map));
  const stored = async () =>
    (await server.api<Exported>(`/api/maps/${map.id}/export.json`)).states.current?.nodes[
      'security-review'
    ];
  const before = await stored();
  const graceNode = grace.page.locator('.react-flow__node[data-id="security-review"]');
  const startOnGrace = await graceNode.boundingBox();

  // Ada holds the node mid-drag: Grace sees it move, the document has not changed.
  const adaNode = ada.page.locator('.react-flow__node[data-id="security-review"] .vsm-process');
  const box = await adaNode.boundingBox();
  if (!box || !startOnGrace) throw new Error('node not on screen');
  await ada.page.mouse.move(box.x + 30, box.y + 15);
  await ada.page.mouse.down();
  await ada.page.mouse.move(box.x + 30, box.y + 175, { steps: 12 });
  await expect
    .poll(async () => ((await graceNode.boundingBox())?.y ?? 0) - startOnGrace.y)
    .toBeGreaterThan(40);
  expect(await stored()).toEqual(before);

  // Drop: one committed position, the same for everyone.
  await ada.page.mouse.up();
  await expect.poll(async () => (await stored())?.y).toBeGreaterThan((before?.y ?? 0) + 100);
  const after = await stored();
  expect(after?.x).toBe(before?.x);
  // Grace's view settles on the committed position.
  await expect
    .poll(async () => Math.round(((await graceNode.boundingBox())?.y ?? 0) - startOnGrace.y))
    .toBeGreaterThan(40);
  // Ada's one undo takes the whole drag back.
  await ada.undo();
  await expect.poll(async () => (await stored())?.y).toBe(before?.y);
});

it('draws other participants’ cursors with their names', async () => {
  const map = await server.createMap('Cursors', 'software-delivery');
  const ada = await openAs('Ada', editUrl(server, map));
  const grace = await openAs('Grace', editUrl(server, map));
  await ada.page.mouse.move(500, 300);
  await ada.page.mouse.move(520, 320, { steps: 4 });
  await expect
    .poll(() => grace.page.locator('.react-flow').getByText('Ada', { exact: true }).count())
    .toBeGreaterThan(0);
});
