// Current → future state: clone, change, compare.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, participant } from '../fixtures/browser.ts';
import { type E2EServer, editUrl, startServer } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await participant(browser, 'Facilitator');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

it('creates the future state from the current one, changes it, and the compare view shows the gain', async () => {
  const map = await server.createMap('Payments', 'software-delivery');
  const editor = await new EditorPage(await context.newPage()).open(editUrl(server, map));
  const { page } = editor;
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d');

  await page.getByRole('button', { name: /Future state/ }).click();
  await page.getByRole('tab', { name: /Future state/ }).waitFor();
  await expect
    .poll(() => page.getByRole('tab', { selected: true }).innerText())
    .toMatch(/Future state/);
  // Same stages, same ids: the clone starts with identical numbers.
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d');

  // The team plans to automate security review: 10d → 1d.
  await editor.select('Security review');
  await editor.setField('Elapsed time (LT)', '1d');
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('2w 3d');

  // The current state is untouched.
  await page.getByRole('tab', { name: /Current state/ }).click();
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d');

  await page.getByRole('button', { name: /^Compare/ }).click();
  const compare = page.getByRole('region', { name: 'Compare states' });
  await compare.waitFor();
  const text = await compare.innerText();
  expect(text).toMatch(/4w 2d\s*→\s*2w 3d\s*↓ −40%/);
  expect(text).toContain('The lead time is 1w 4d shorter.');
  expect(text).toContain('Security review');
  expect(text).toMatch(/Lead time \(LT\)\s*10d\s*1d/);
  await page.screenshot({ path: `${ARTIFACTS}/compare.png` });
});
