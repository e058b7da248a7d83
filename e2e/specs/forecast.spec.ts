// The forecast in the editor: computed in a Web Worker, it shows exactly the figures shared's
// forecastMap gives for the same map and seed, and follows an edit.
import {
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  type FlowMap,
  forecastMap,
  formatKaizenEffect,
} from '@flowmap/shared';
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl } from '../fixtures/server.ts';

const e2e = useE2E();

/** The payments map made uncertain: a three-point range, a rework rate and a kaizen's effect. */
function uncertainMap(): FlowMap {
  const map = mapWithFutureState();
  for (const state of Object.values(map.states)) {
    Object.assign(state.nodes['security-review'] ?? {}, {
      elapsedLowMinutes: 2400,
      elapsedHighMinutes: 14_400,
    });
    Object.assign(state.edges['manual-tests--vcs--rework'] ?? {}, { rate: 0.2 });
  }
  Object.assign(map.states.current?.nodes['kaizen-automate-regression'] ?? {}, {
    effectElapsedMinutes: 960,
    status: 'planned',
  });
  return map;
}

function expectedFigures(map: FlowMap) {
  const [current, future] = forecastMap(map, { trials: DEFAULT_TRIALS, seed: DEFAULT_SEED });
  if (!current?.distribution || !current.projected?.distribution || !future?.distribution) {
    throw new Error('the fixture should forecast current, projected and future');
  }
  return { current, future };
}

it('the worker gives the shared function’s p85 for the same map and seed, and follows edits', async () => {
  const map = uncertainMap();
  const links = await e2e.server.importMap(map);
  const editor = await e2e.openAs('Ada Lovelace', editUrl(e2e.server, links));
  const page = editor.page;
  const panel = page.locator('section.forecast');
  const sentence = panel.locator('.forecast-sentence');
  const { current, future } = expectedFigures(map);

  await page.locator('section.forecast[data-status="ready"]').waitFor();
  expect(Number(await sentence.getAttribute('data-p85-minutes'))).toBe(
    current.distribution?.leadTimeMinutes.p85,
  );
  const cell = (column: string, row: string) =>
    panel.locator(`tbody tr:has(th:text-is("${row}")) td[data-column="${column}"]`);
  expect(Number(await cell('projected', 'p85').getAttribute('data-minutes'))).toBe(
    current.projected?.distribution?.leadTimeMinutes.p85,
  );
  expect(Number(await cell('future', 'p95').getAttribute('data-minutes'))).toBe(
    future.distribution?.leadTimeMinutes.p95,
  );
  const effect = current.kaizenEffects[0];
  if (!effect) throw new Error('the fixture’s kaizen should have an effect');
  expect(await panel.locator('.forecast-kaizens li').first().innerText()).toBe(
    formatKaizenEffect(effect, map.meta),
  );
  // Computed by the worker script, not on the page's thread.
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => e.name),
  );
  expect(scripts.some((name) => /forecast\.worker/.test(name))).toBe(true);
  await expect
    .poll(() => panel.locator('.forecast-chart').getAttribute('data-distributions'), {
      timeout: 15_000,
    })
    .toBe('3');

  // An edit: security review's likely LT from 10d to 12d (still within its range).
  await editor.select('Security review');
  await editor.setField('Elapsed time (LT)', '12d');
  const edited = structuredClone(map);
  Object.assign(edited.states.current?.nodes['security-review'] ?? {}, { elapsedMinutes: 5760 });
  const after = expectedFigures(edited).current.distribution?.leadTimeMinutes.p85;
  expect(after).not.toBe(current.distribution?.leadTimeMinutes.p85);
  // The worker recomputes a moment after the edit (debounced), on a shared, busy machine.
  await expect
    .poll(async () => Number(await sentence.getAttribute('data-p85-minutes')), { timeout: 15_000 })
    .toBe(after);

  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: `${ARTIFACTS}/forecast.png` });
});

it('says how to see a spread instead of drawing spikes when nothing varies', async () => {
  const map = mapWithFutureState();
  const links = await e2e.server.importMap(map);
  const editor = await e2e.openAs('Grace Hopper', editUrl(e2e.server, links));
  const panel = editor.page.locator('section.forecast[data-status="ready"]');
  await panel.locator('table').waitFor();
  const [current] = forecastMap(map, { trials: DEFAULT_TRIALS, seed: DEFAULT_SEED });
  expect(Number(await panel.locator('.forecast-sentence').getAttribute('data-p85-minutes'))).toBe(
    current?.distribution?.leadTimeMinutes.p85,
  );
  expect(current?.distribution?.leadTimeMinutes.p85).toBe(10_680);
  await panel.getByText('Every item takes the same time').waitFor();
  expect(await panel.locator('.forecast-chart').count()).toBe(0);
});
