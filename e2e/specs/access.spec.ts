// A view-only link: the whole map and presence, no way to change anything.
import { expect, it } from 'vitest';
import { useE2E } from '../fixtures/harness.ts';
import { viewUrl } from '../fixtures/server.ts';

const e2e = useE2E();

it('opens a read-only canvas that cannot change the map', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const before = await e2e.server.api(`/api/maps/${map.id}/export.json`);
  const viewer = await e2e.openAs('Leadership', viewUrl(e2e.server, map));
  const { page } = viewer;

  await page.getByText('View only').first().waitFor();
  await viewer.node('Security review').waitFor();
  expect(await viewer.figure('Lead time').innerText()).toBe('4w 2d 2h');
  // No editing affordances.
  expect(await page.getByRole('button', { name: 'Add a process stage' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /Future state/ }).count()).toBe(0);
  expect(await page.locator('.react-flow__handle.connectable').count()).toBe(0);
  expect(await page.locator('.react-flow__handle:not(.is-hidden)').count()).toBe(0);

  // Trying anyway: select, delete key, drag, double-click the canvas, type into the inspector.
  const node = viewer.node('Security review');
  await node.click();
  await page.keyboard.press('Delete');
  const box = await node.boundingBox();
  if (box) {
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 220, box.y + 160, { steps: 5 });
    await page.mouse.up();
  }
  const countBefore = await page.locator('.react-flow__node').count();
  await page.mouse.dblclick(400, 650);
  expect(await page.locator('.react-flow__node').count()).toBe(countBefore);
  const name = viewer.inspectorField('Name');
  if ((await name.count()) > 0) expect(await name.isEditable()).toBe(false);

  await viewer.node('Security review').waitFor();
  expect(await e2e.server.api(`/api/maps/${map.id}/export.json`)).toEqual(before);
});
