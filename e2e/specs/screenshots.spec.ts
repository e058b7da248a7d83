// The pictures a person judges the product by: the library, a realistic map in the editor, and
// the compare view. Saved to e2e/artifacts (the README shows one of them).
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, participant } from '../fixtures/browser.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { type E2EServer, editUrl, OWNER_KEY, startServer } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';

let server: E2EServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await participant(browser, 'Ada Lovelace', { colour: '#4363d8' });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

it('library, editor and compare view look right', async () => {
  const payments = await server.importMap(mapWithFutureState());
  await server.createMap('Mobile app release train', 'software-delivery');
  await server.createMap('Data platform', 'blank');

  const page = await context.newPage();
  await page.goto(`${server.url}/#key=${OWNER_KEY}`);
  await page.getByText('Payments service').first().waitFor();
  const rows = await page
    .getByText(/Mobile app release train|Data platform|Payments service/)
    .count();
  expect(rows).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: `${ARTIFACTS}/library.png` });

  const editor = await new EditorPage(page).open(editUrl(server, payments));
  await editor.node('Security review').waitFor();
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d');
  await editor.page.getByRole('button', { name: /^Bottleneck 1:/ }).click();
  await editor.inspectorField('Name').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/editor.png` });

  await page.getByRole('button', { name: /^Compare/ }).click();
  await page.getByRole('region', { name: 'Compare states' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/compare-future.png`, fullPage: true });
});
