// Reload keeps everything; edits made while the server is down merge when it returns.
import { expect, it } from 'vitest';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';

const e2e = useE2E();

type Exported = { states: Record<string, { nodes: Record<string, Record<string, unknown>> }> };

it('keeps every edit across a reload', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Ada', editUrl(e2e.server, map));
  await editor.select('Manual tests');
  await editor.setField('Team', 'QA guild');
  await editor.setField('Elapsed time (LT)', '3d');
  // 10,680 min − (5d − 3d): every duration reads exact, largest units first.
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2h');
  await editor.page.reload();
  await new EditorPage(editor.page).open(editor.page.url());
  await editor.select('Manual tests');
  expect(await editor.inspectorField('Team').inputValue()).toBe('QA guild');
  expect(await editor.figure('Lead time').innerText()).toBe('4w 2h');
});

it('merges edits made while the server was down, from both sides, when it comes back', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const ada = await e2e.openAs('Ada', editUrl(e2e.server, map));
  const grace = await e2e.openAs('Grace', editUrl(e2e.server, map));
  await ada.select('Security review');
  await grace.select('Security review');

  await e2e.server.stop();
  for (const p of [ada, grace]) {
    await expect
      .poll(() => p.page.locator('.editor-top').innerText())
      .toMatch(/Reconnecting|Offline/);
  }
  // Both edit the same stage while nobody can reach the e2e.server.
  await ada.setField('Elapsed time (LT)', '2d');
  await grace.setField('%C/A (complete and accurate, %)', '95');
  await expect.poll(() => ada.page.locator('.editor-top').innerText()).toMatch(/Unsynced/);

  await e2e.server.restart();
  for (const p of [ada, grace]) {
    await p.page
      .getByRole('status')
      .filter({ hasText: 'Connected' })
      .first()
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => p.inspectorField('Elapsed time (LT)').inputValue()).toBe('2d');
    await expect
      .poll(() => p.inspectorField('%C/A (complete and accurate, %)').inputValue())
      .toBe('95');
  }
  const exported = await e2e.server.api<Exported>(`/api/maps/${map.id}/export.json`);
  expect(exported.states.current?.nodes['security-review']).toMatchObject({
    elapsedMinutes: 960,
    pctCA: 95,
  });
});
