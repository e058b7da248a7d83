// The measured-reality benchmark in the browser (issue 17): a 100,000-row event log picked in the
// editor's Import measurements dialog of the production build in headless Chromium, read and
// aggregated by the dialog's Web Worker. The dialog reports the worker's own timings (reading the
// file and parsing its rows — the baseline — then aggregating), which this reads back.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, participant } from '@flowmap/e2e/fixtures/browser';
import { editUrl, startServer } from '@flowmap/e2e/fixtures/server';
import { DEFAULT_META } from '@flowmap/shared';
import { measureLogs } from '@flowmap/shared/testing';
import { printTimings, type Timing } from './harness.ts';

const ROOT = join(import.meta.dirname, '..');
const EVENTS = 100_000;
const RUNS = 3;

function timing(label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    label,
    runs: samples.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

export async function measureWorkerBench(): Promise<void> {
  if (!existsSync(join(ROOT, 'client/dist/index.html'))) {
    spawnSync('pnpm', ['--filter', '@flowmap/client', 'build'], { cwd: ROOT, timeout: 120_000 });
  }
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const links = await server.importMap({
      meta: { ...DEFAULT_META, title: 'Measured' },
      states: { current: measureLogs.pipelineState() },
    });
    const page = await (await participant(browser, 'Bench')).newPage();
    await page.goto(editUrl(server, links));
    await page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();
    const buffer = Buffer.from(measureLogs.largeEventsCsv(EVENTS), 'utf8');
    const read: number[] = [];
    const aggregate: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.getByRole('button', { name: 'Measure', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Import measurements' });
      await dialog.getByTestId('measure-events').setInputFiles({
        name: 'events.csv',
        mimeType: 'text/csv',
        buffer,
      });
      const figures = dialog.locator('.measure-timing');
      await figures.waitFor({ timeout: 60_000 });
      read.push(Number(await figures.getAttribute('data-read-ms')));
      aggregate.push(Number(await figures.getAttribute('data-aggregate-ms')));
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    const parse = timing(
      `baseline: read + parse ${EVENTS.toLocaleString('en')} rows (worker)`,
      read,
    );
    const agg = timing('aggregate (worker)', aggregate);
    const total = timing(
      'the import: read, parse, aggregate (worker)',
      read.map((r, i) => r + (aggregate[i] ?? 0)),
    );
    printTimings(
      `Measured reality in Chromium's worker: ${EVENTS.toLocaleString('en')} events (target: the import under 2 s)`,
      [parse, agg, total],
      parse,
    );
  } finally {
    await browser.close();
    await server.dispose();
  }
}
