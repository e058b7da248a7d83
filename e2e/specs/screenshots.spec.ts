// The pictures a person judges the product by: the library, a realistic map in the editor, and
// the compare view. Saved to e2e/artifacts (the README shows one of them).
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl, OWNER_KEY } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';

const e2e = useE2E();

it('library, editor and compare view look right', async () => {
  const payments = await e2e.server.importMap(mapWithFutureState());
  await e2e.server.createMap('Mobile app release train', 'software-delivery');
  await e2e.server.createMap('Data platform', 'blank');

  const context = await e2e.context('Ada Lovelace', { colour: '#4363d8' });
  const page = await context.newPage();
  await page.goto(`${e2e.server.url}/#key=${OWNER_KEY}`);
  await page.getByText('Payments service').first().waitFor();
  const rows = await page
    .getByText(/Mobile app release train|Data platform|Payments service/)
    .count();
  expect(rows).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: `${ARTIFACTS}/library.png` });

  const editor = await new EditorPage(page).open(editUrl(e2e.server, payments));
  await editor.node('Security review').waitFor();
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d 2h');
  await editor.page.getByRole('button', { name: /^Bottleneck 1:/ }).click();
  await editor.inspectorField('Name').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/editor.png` });

  await page.getByRole('button', { name: /^Compare/ }).click();
  await page.getByRole('region', { name: 'Compare states' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/compare-future.png`, fullPage: true });
});
