// When the server refuses a link or a browser's edits for good, the editor stops, says why and
// what to do, keeps the edits, and does not hammer the server with reconnects.
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';

// A small document cap: a template map is a few KB, so three long notes typed in the inspector
// go past it.
const e2e = useE2E({ maxDocumentBytes: 32 * 1024 });

type Exported = { states: Record<string, { nodes: Record<string, { notes?: string }> }> };

it('explains a replaced link, and a replaced view link leaves editors alone', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Ada', editUrl(e2e.server, map));
  const pill = editor.page.locator('.conn');
  await expect.poll(() => pill.innerText()).toBe('Connected');

  await e2e.server.api(`/api/maps/${map.id}/tokens`, { json: { which: 'view' } });
  await editor.select('Manual tests');
  await editor.setField('Team', 'Still editing');
  await expect
    .poll(async () => (await e2e.server.api<Exported>(`/api/maps/${map.id}/export.json`)).states)
    .toMatchObject({ current: { nodes: { 'manual-tests': { team: 'Still editing' } } } });
  expect(await pill.innerText()).toBe('Connected');

  await e2e.server.api(`/api/maps/${map.id}/tokens`, { json: { which: 'edit' } });
  const banner = editor.page.locator('.sync-problem');
  await banner.waitFor();
  expect(await banner.getAttribute('data-problem')).toBe('link-rotated');
  expect(await banner.textContent()).toContain("This link no longer works. The map's owner");
  expect(await pill.innerText()).toBe('Not syncing');
});

it('stops on edits the server refuses (the map would be too large), offers a copy and a way back', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Grace', editUrl(e2e.server, map));
  const { page } = editor;
  let sockets = 0;
  page.on('websocket', () => sockets++);
  const pill = page.locator('.conn');
  await expect.poll(() => pill.innerText()).toBe('Connected');

  const banner = page.locator('.sync-problem');
  const long = ''.padEnd(9_950, 'Waiting for the change advisory board. ');
  const stages = [
    'Version control',
    'Automated tests',
    'Manual tests',
    'Security review',
    'Change management',
    'Release to production',
  ];
  for (const stage of stages) {
    if (await banner.isVisible()) break;
    await editor.select(stage);
    await editor.setField('Notes', `${stage}: ${long}`.slice(0, 10_000));
  }
  await banner.waitFor();
  expect(await banner.getAttribute('data-problem')).toBe('too-large');
  expect(await banner.textContent()).toContain('the map would be too large');
  // "Unsynced changes" as well when the loop above typed into the next stage while the refusal
  // was on its way: that edit is kept in this browser, and the pill says so.
  const stopped = /^Not syncing(\nUnsynced changes)?$/;
  expect(await pill.innerText()).toMatch(stopped);
  await page.screenshot({ path: `${ARTIFACTS}/sync-refused.png` });

  // It stays stopped. An observation window, not a wait for readiness: y-websocket alone
  // reconnects within a second, the old client looped every 200 ms.
  const socketsWhenStopped = sockets;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(sockets).toBe(socketsWhenStopped);
  expect(await pill.innerText()).toMatch(stopped);

  // The copy holds the refused notes.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download my copy (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Payments - local copy.json');

  // Discarding reloads from the server's document: what was stored before the refusal.
  await banner.getByRole('button', { name: 'Discard my changes and reload' }).click();
  await expect.poll(() => page.locator('.conn').innerText(), { timeout: 20_000 }).toBe('Connected');
  expect(await page.locator('.sync-problem').count()).toBe(0);
  const stored = await e2e.server.api<Exported>(`/api/maps/${map.id}/export.json`);
  const typed = Object.values(stored.states.current?.nodes ?? {}).filter((n) =>
    n.notes?.includes('Waiting for the change advisory board.'),
  );
  // The notes accepted before the refusal are there; the refused one is not.
  expect(typed.length).toBeGreaterThan(0);
  expect(typed.length).toBeLessThan(stages.length);
});
