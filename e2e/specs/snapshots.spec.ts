// Quarterly reviews: named snapshots, compare a snapshot with now, snapshots across a server
// restart, the trend with one point per snapshot, view-only links and restoring as a new map.
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl, OWNER_KEY, viewUrl } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';
import { SnapshotsPage } from '../pages/snapshots.ts';

const e2e = useE2E();

function thisQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1} review`;
}

/** Sets a field of the state's four key metrics (shown when nothing is selected). */
async function setDora(editor: EditorPage, label: string, value: string): Promise<void> {
  await editor.page.keyboard.press('Escape');
  await editor.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await editor.setField(label, value);
}

async function setStage(editor: EditorPage, stage: string, label: string, value: string) {
  await editor.select(stage);
  await editor.setField(label, value);
}

it('takes a snapshot, and after a change the comparison with now shows the changed numbers', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
  const { page } = editor;
  const snapshots = new SnapshotsPage(page);

  await snapshots.show();
  expect(await snapshots.nameField().inputValue()).toBe(thisQuarter());
  await snapshots.take('2026-Q3 review');
  // The suggestion moves on so that the next review does not take the same name.
  expect(await snapshots.nameField().inputValue()).toBe(thisQuarter());
  const row = await snapshots.row('2026-Q3 review').innerText();
  // Lead time, flow efficiency, rolled %C/A, then each key metric's level (and value).
  expect(row).toMatch(/4w 2d 2h\s+8\.8%\s+39%/);
  expect(row).toMatch(
    /Medium\s*, 0\.5 per week\s*Low\s*, 4w 2d 2h\s*High\s*, 15%\s*Medium\s*, 1d 4h/,
  );

  // The quarter's work: security review down from 10 to 1 day, releases weekly.
  await snapshots.back();
  await setStage(editor, 'Security review', 'Elapsed time (LT)', '1d');
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('2w 3d 2h');
  await setDora(editor, 'Deployments per week', '1');
  // Measured separately by the team, it overrides the map's total lead time.
  await setDora(editor, 'Lead time for changes', '3d');

  await snapshots.show();
  await snapshots.row('2026-Q3 review').getByRole('button', { name: 'Compare with now' }).click();
  const comparison = snapshots.comparison();
  await comparison.waitFor();
  const text = await comparison.innerText();
  expect(text).toContain('Lead time, 2026-Q3 review · Current state → Now · Current state');
  expect(text).toMatch(/4w 2d 2h\s*→\s*2w 3d 2h\s*↓ −40%/);
  expect(text).toContain('The lead time is 1w 4d shorter.');
  expect(text).toMatch(/Flow efficiency\s*8\.8%\s*→\s*to\s*15%/);
  expect(text).toMatch(/Security review\s*Lead time \(LT\)\s*2w\s*1d\s*−90%/);
  // The four key metrics, value and level before → after.
  const dora = await comparison.getByRole('table').first().innerText();
  expect(dora).toMatch(
    /Deployment frequency\s*2\.2 per month\s*Medium\s*1 per week\s*High\s*\+1 level\s*↑ \+100%/,
  );
  expect(dora).toMatch(/Lead time for changes\s*4w 2d 2h\s*Low\s*3d\s*High\s*\+2 levels\s*↓ −87%/);
  expect(dora).toMatch(/Change failure rate\s*15%\s*High\s*15%\s*High\s*same level/);
  // From the before/after pickers down to the four key metrics, in one screen.
  await snapshots.region
    .getByRole('tablist')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${ARTIFACTS}/snapshot-compare.png` });

  // The same DORA rows in the editor's own compare view, between two states.
  await snapshots.back();
  await page.getByRole('button', { name: /Future state/ }).click();
  await page.getByRole('button', { name: /^Compare/ }).click();
  const states = page.getByRole('region', { name: 'Compare states' });
  await states.waitFor();
  expect(await states.innerText()).toMatch(
    /Deployment frequency\s*1 per week\s*High\s*1 per week\s*High\s*same level/,
  );
});

it('keeps snapshots across a server restart', async () => {
  const map = await e2e.server.createMap('Durable', 'software-delivery');
  const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
  const snapshots = new SnapshotsPage(editor.page);
  await snapshots.show();
  await snapshots.take('Before the restart');

  await e2e.server.stop();
  await e2e.server.restart();
  await editor.page.reload();
  await editor.page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();
  await snapshots.show();
  await expect.poll(() => snapshots.listedNames()).toEqual(['Before the restart']);
  const opened = await snapshots.openSnapshot('Before the restart');
  await opened.getByText('Read-only').waitFor();
  await expect.poll(() => opened.locator('.figure dd').first().innerText()).toBe('4w 2d 2h');
  expect(await opened.getByRole('table').last().innerText()).toMatch(
    /Security review\s*Security\s*2w\s*4h\s*1w 4d 4h/,
  );
  await editor.page.screenshot({ path: `${ARTIFACTS}/snapshot-open.png` });
});

it('draws the trend with one point per snapshot, plus now', async () => {
  const map = await e2e.server.createMap('Checkout', 'software-delivery');
  const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
  const { page } = editor;
  const snapshots = new SnapshotsPage(page);

  // Three quarters of improvement, a snapshot at each review.
  const reviews: [string, string, string, string][] = [
    ['2026-Q1 review', '10d', '0.5', '15'],
    ['2026-Q2 review', '8d', '1', '12'],
    ['2026-Q3 review', '5d', '3', '8'],
  ];
  for (const [name, security, deploys, failures] of reviews) {
    await setStage(editor, 'Security review', 'Elapsed time (LT)', security);
    await setDora(editor, 'Deployments per week', deploys);
    await setDora(editor, 'Change failure rate (%)', failures);
    await snapshots.show();
    await snapshots.take(name);
    await snapshots.back();
  }
  // Work in progress since the last review.
  await setStage(editor, 'Security review', 'Elapsed time (LT)', '2d');

  await snapshots.show();
  await snapshots.tab('Trend');
  for (const metric of [
    'totalLeadTimeMinutes',
    'flowEfficiency',
    'rolledPctCA',
    'deploymentFrequency',
    'leadTimeForChanges',
    'changeFailureRate',
    'timeToRestore',
  ]) {
    // data-points is what Chart.js reports it drew: three reviews and now.
    await snapshots.chart(metric).and(page.locator('[data-points="4"]')).waitFor();
  }
  const rows = await snapshots.trendTable();
  expect(rows.map((r) => [r[0], r[2], r[5], r[7]])).toEqual([
    ['Review', 'Total lead time', 'Deployment frequency', 'Change failure rate'],
    ['2026-Q1 review', '4w 2d 2h', '0.5 per week · Medium', '15% · High'],
    ['2026-Q2 review', '4w 2h', '1 per week · High', '12% · High'],
    ['2026-Q3 review', '3w 2d 2h', '3 per week · High', '8% · High'],
    ['Now', '2w 4d 2h', '3 per week · High', '8% · High'],
  ]);
  expect(rows[4]?.[1]).toBe('live');
  expect(await snapshots.chart('totalLeadTimeMinutes').locator('figcaption').innerText()).toMatch(
    /Total lead time\s*2w 4d 2h\s*−36% since 2026-Q1 review/,
  );

  // Tall enough for the whole trend: the view scrolls inside the page.
  await page.setViewportSize({ width: 1440, height: 2100 });
  const box = await snapshots.region.locator('.trend').boundingBox();
  if (!box) throw new Error('the trend is not on screen');
  await page.screenshot({
    path: `${ARTIFACTS}/trend.png`,
    clip: { x: box.x - 20, y: box.y - 16, width: box.width + 40, height: box.height + 32 },
  });
  await page.setViewportSize({ width: 1440, height: 900 });

  await snapshots.tab('Reviews');
  await snapshots.row('2026-Q1 review').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/snapshots.png` });
  await snapshots.tab('Trend');

  await snapshots.region.getByLabel(/Include now/).uncheck();
  await snapshots.chart('totalLeadTimeMinutes').and(page.locator('[data-points="3"]')).waitFor();
  expect((await snapshots.trendTable()).map((r) => r[0])).toEqual([
    'Review',
    '2026-Q1 review',
    '2026-Q2 review',
    '2026-Q3 review',
  ]);
});

it('lets a view link look at snapshots but not take, restore or delete them', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  await e2e.server.api(`/api/maps/${map.id}/snapshots`, { json: { name: '2026-Q3 review' } });
  const viewer = await e2e.openAs('Leadership', viewUrl(e2e.server, map));
  const snapshots = new SnapshotsPage(viewer.page);
  await snapshots.show();
  await expect.poll(() => snapshots.listedNames()).toEqual(['2026-Q3 review']);
  expect(await snapshots.nameField().count()).toBe(0);
  expect(await snapshots.region.getByRole('button', { name: /More actions/ }).count()).toBe(0);
  await snapshots.row('2026-Q3 review').getByRole('button', { name: 'Compare with now' }).click();
  expect(await snapshots.comparison().innerText()).toContain('The lead time is unchanged.');
  await snapshots.tab('Trend');
  await snapshots
    .chart('totalLeadTimeMinutes')
    .and(viewer.page.locator('[data-points="2"]'))
    .waitFor();
});

it('restores a snapshot as a new map for the owner and opens it', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const context = await e2e.context('Facilitator');
  await context.addInitScript((key) => localStorage.setItem('flowmap.ownerKey', key), OWNER_KEY);
  const editor = await new EditorPage(await context.newPage()).open(editUrl(e2e.server, map));
  const snapshots = new SnapshotsPage(editor.page);
  await snapshots.show();
  await snapshots.take('2026-Q3 review');
  await snapshots.back();
  await setStage(editor, 'Security review', 'Elapsed time (LT)', '1d');

  await snapshots.show();
  await snapshots.region.getByRole('button', { name: 'More actions for 2026-Q3 review' }).click();
  await editor.page.getByRole('menuitem', { name: /Restore as new map/ }).click();
  await editor.page.getByRole('dialog').getByRole('button', { name: 'Restore as new map' }).click();
  await editor.page.waitForURL((url) => !url.pathname.endsWith(map.id));
  await editor.page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();
  await expect
    .poll(() => editor.page.locator('.titlebar-text').innerText())
    .toBe('Payments (2026-Q3 review)');
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d 2h');
  // The original keeps its change and its snapshot.
  const original = await e2e.server.api<{
    states: Record<string, { nodes: Record<string, { elapsedMinutes?: number }> }>;
  }>(`/api/maps/${map.id}/export.json`);
  expect(original.states.current?.nodes['security-review']?.elapsedMinutes).toBe(480);
  const listed = await e2e.server.api<{ snapshots: unknown[] }>(`/api/maps/${map.id}/snapshots`);
  expect(listed.snapshots).toHaveLength(1);
});
