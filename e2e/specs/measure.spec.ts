// Measured reality (issue 17) in a real browser: an event log and a deployment log imported in
// Chromium (parsed and aggregated in the dialog's worker), the stage mapping with an unmatched
// name, measured next to estimated on the canvas, and "use measured" changing the headline.
import { formatDuration, formatPctCA } from '@flowmap/shared';
import { measureLogs } from '@flowmap/shared/testing';
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';
import { CanvasView } from '../pages/canvasView.ts';
import { MeasurePage } from '../pages/measure.ts';

/** The zoom below which stages are drawn as names only (client/src/canvas/zoomLevel.ts). */
const FAR_BELOW = 0.7;

const e2e = useE2E();
const { eventsCsv, iso, routePasses } = measureLogs;

const WT = { hoursPerDay: 8, daysPerWeek: 5 }; // the template's working time: share 40 / 168
const PASS = 24 * 60; // every pass takes one calendar day
const WORKING_PASS = (PASS * 40) / 168;

// Log names as another tool writes them: other case and spacing, and a stage not on the map.
const ROUTE = [
  'version control',
  'AUTOMATED  TESTS',
  'Manual tests',
  'Security Review',
  'Change management',
  'Release to production',
];
// 4 of 20 items are sent back from security review to manual tests once.
const SENT_BACK = [...ROUTE.slice(0, 4), 'Manual tests', 'Security Review', ...ROUTE.slice(4)];
const EVENTS = eventsCsv([
  ...routePasses('PAY', 16, ROUTE, PASS, 120),
  ...routePasses('FIX', 4, SENT_BACK, PASS, 120, 5000),
  ...routePasses('PAY', 3, ['Triage'], 30, 60, 20_000),
]);
const DEPLOYMENTS = [
  'deployed_at,failed,restored_at,committed_at',
  ...Array.from({ length: 14 }, (_, d) => {
    const at = d * 1440;
    const failed = d === 3 || d === 10;
    return `${iso(at)},${failed},${failed ? iso(at + 168) : ''},${iso(at - 336)}`;
  }),
].join('\n');

it('imports an event log in the browser and shows measured next to estimated; use measured changes the headline', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Analyst', editUrl(e2e.server, map));
  const { page } = editor;
  const measure = new MeasurePage(page);
  const estimatedLeadTime = await editor.figure('Lead time').innerText();
  expect(estimatedLeadTime).toBe('4w 2d 2h');

  await measure.open();
  await measure.pick('events', 'events.csv', EVENTS);
  const preview = measure.preview();
  await preview.waitFor();
  const dialog = await measure.dialog.innerText();
  // Matched ignoring case and spaces; the stage the map does not have is listed, not counted.
  expect(dialog).toContain('Not on the map (not counted): Triage');
  expect(dialog).toContain('(UTC): 20 items, 131 events');
  expect(dialog).toContain('Calendar time × 8 h × 5 d ÷ 168 h = × 0.238');
  const text = await preview.innerText();
  const lt = formatDuration(WORKING_PASS, WT);
  expect(text).toMatch(
    new RegExp(
      `Manual tests\\s+24\\s+20\\s+${lt}\\s+${lt}\\s+${lt}\\s+—\\s+${formatPctCA((100 * 20) / 24).replace('.', '\\.')}\\s+1w / 70%`,
    ),
  );
  expect(text).toMatch(/Security review\s+24\s+20\s+.*100%\s+2w \/ 80%/);

  await measure.pick('deployments', 'deploys.csv', DEPLOYMENTS);
  const dora = measure.dialog.getByRole('region', { name: 'Four key metrics, measured' });
  await dora.waitFor();
  expect(await dora.innerText()).toMatch(/Deployment frequency\s*7 per week/);
  // 2 of 14 failed; restored after 168 and committed 336 calendar minutes before: × 40/168.
  expect(await dora.innerText()).toMatch(/Change failure rate\s*14\.3%/);
  expect(await dora.innerText()).toMatch(/Time to restore service\s*40m/);
  expect(await dora.innerText()).toMatch(/Lead time for changes\s*1h 20m/);
  await page.screenshot({ path: `${ARTIFACTS}/measure-dialog.png` });
  await measure.apply();

  // On the canvas: measured next to estimated, the difference coloured. Zoomed out to fit, stages
  // are drawn as names only (semantic zoom): zoom in, a step at a time (each animates), until the
  // boxes are drawn in full, as on a projector.
  const view = new CanvasView(page);
  for (let i = 0; i < 6 && (await view.settledZoom()) < FAR_BELOW; i++) {
    await page
      .getByRole('button', { name: /zoom in/i })
      .first()
      .click();
  }
  expect(await view.settledZoom()).toBeGreaterThanOrEqual(FAR_BELOW);
  const manual = measure.figures('Manual tests');
  await manual.waitFor();
  const strip = await manual.innerText();
  expect(strip).toContain('20 items');
  expect(strip).toContain('2026-03-02 – 03-16');
  expect(strip).toMatch(new RegExp(`LT\\s*${lt}\\s*−4d 2h\\s*estimated 1w`));
  expect(strip).toMatch(/C\/A\s*83\.33%\s*\+13\.3 pp\s*estimated 70%/);
  expect(await manual.locator('.vsm-measured-diff.is-better').count()).toBe(2);
  // Nothing used yet: the headline is still the estimate.
  expect(await editor.figure('Lead time').innerText()).toBe(estimatedLeadTime);

  await manual.getByRole('button', { name: 'Use measured' }).click();
  await expect
    .poll(() => editor.figure('Lead time').innerText())
    .toBe(formatDuration(120 + 480 + WORKING_PASS + 4800 + 2400 + 480, WT));
  await manual.getByRole('button', { name: 'Use estimate' }).waitFor();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.screenshot({ path: `${ARTIFACTS}/measure-canvas.png` });
  await editor.node('Manual tests').screenshot({ path: `${ARTIFACTS}/measure-stage.png` });
}, 60_000);

it('refuses a log with a bad row, naming the row, and changes nothing', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Analyst', editUrl(e2e.server, map));
  const measure = new MeasurePage(editor.page);
  await measure.open();
  await measure.pick(
    'events',
    'bad.csv',
    'item,stage,entered,exited\nA,Build,2026-03-02T10:00Z,2026-03-02T09:00Z\n',
  );
  const alert = measure.dialog.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain(
    'row 2: exited “2026-03-02T09:00Z” is before entered “2026-03-02T10:00Z”',
  );
  expect(await measure.dialog.getByRole('button', { name: 'Apply to the map' }).isDisabled()).toBe(
    true,
  );
});
