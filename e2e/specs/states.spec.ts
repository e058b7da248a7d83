// Current → future state: clone, change, compare.
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';

const e2e = useE2E();

it('creates the future state from the current one, changes it, and the compare view shows the gain', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
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
