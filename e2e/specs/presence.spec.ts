// What travels through presence rather than the document: live drags and cursors.
import { expect, it } from 'vitest';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';

const e2e = useE2E();

type Exported = { states: Record<string, { nodes: Record<string, { x: number; y: number }> }> };

it('shows a drag live to others and commits the final position to the document once', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const ada = await e2e.openAs('Ada', editUrl(e2e.server, map));
  const grace = await e2e.openAs('Grace', editUrl(e2e.server, map));
  const stored = async () =>
    (await e2e.server.api<Exported>(`/api/maps/${map.id}/export.json`)).states.current?.nodes[
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
  const map = await e2e.server.createMap('Cursors', 'software-delivery');
  const ada = await e2e.openAs('Ada', editUrl(e2e.server, map));
  const grace = await e2e.openAs('Grace', editUrl(e2e.server, map));
  await ada.page.mouse.move(500, 300);
  await ada.page.mouse.move(520, 320, { steps: 4 });
  await expect
    .poll(() => grace.page.locator('.react-flow').getByText('Ada', { exact: true }).count())
    .toBeGreaterThan(0);
});
