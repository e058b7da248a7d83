// Editor v2 (issue 14): editing the flow as a chain, with two participants on the software
// delivery template. A queue put on an arrow adds its wait to the lead time on both screens; a
// rework rate gives the expected lead time metrics v2 computes; an either/or split with shares
// gives the share-weighted rolled %C/A; deleting a stage from the middle keeps the chain whole,
// and undo brings it back. Every figure is checked against shared's metrics on the server's copy.
import { computeStateMetrics, type FlowMap, formatRatio, type StateMetrics } from '@flowmap/shared';
import type { MapLinks } from '@flowmap/shared/api';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { type E2EServer, editUrl } from '../fixtures/server.ts';
import type { EditorPage } from '../pages/editor.ts';
import {
  arrow,
  drawFlow,
  figureMinutes,
  selectFlowArrow,
  selectReworkArrow,
  shareLabels,
} from '../pages/flowEditing.ts';

const e2e = useE2E();

const H = 60;
const D = 8 * H;
/** The template's critical path: 2h + 1d + 5d + 10d + 5d + 1d. */
const TEMPLATE_LT = 2 * H + D + 5 * D + 10 * D + 5 * D + D;

/** The current state's metrics as the server holds the map (shared's engine, no browser). */
async function serverMetrics(server: E2EServer, map: MapLinks): Promise<StateMetrics> {
  const res = await fetch(`${server.url}/api/maps/${map.id}/export.json?token=${map.editToken}`);
  const json = (await res.json()) as FlowMap;
  const state = json.states.current;
  if (!state) throw new Error('no current state');
  return computeStateMetrics(state, json.meta);
}

async function shot(editor: EditorPage, name: string): Promise<void> {
  await editor.page.screenshot({ path: `${ARTIFACTS}/editor-v2-${name}.png` });
}

describe('editing the flow as a chain, two participants', () => {
  it('queue, rework rate, either/or split and delete-reconnect reach both screens with the v2 figures', async () => {
    const map = await e2e.server.createMap('Release train', 'software-delivery');
    const ada = await e2e.openAs('Ada', editUrl(e2e.server, map));
    const grace = await e2e.openAs('Grace', editUrl(e2e.server, map));
    const both = [ada, grace];
    for (const p of both) {
      await expect.poll(() => figureMinutes(p, 'Lead time')).toBe(TEMPLATE_LT);
    }

    // Q on a selected arrow inserts a queue in one undo step; the toolbar offers it too.
    await selectFlowArrow(ada, 'Version control', 'Automated tests');
    await expect
      .poll(() =>
        ada.page.getByRole('button', { name: 'Insert a queue on the selected arrow' }).isEnabled(),
      )
      .toBe(true);
    await ada.page.keyboard.press('q');
    await ada.node('Waiting for Automated tests').waitFor();
    await grace.node('Waiting for Automated tests').waitFor();
    await ada.undo();
    for (const p of both) {
      await expect.poll(() => p.node('Waiting for Automated tests').count()).toBe(0);
      await expect.poll(() => arrow(p, 'Version control', 'Automated tests').count()).toBe(1);
    }

    // 1. The "+" on a selected arrow puts a queue on it; its inspector asks for the wait.
    await selectFlowArrow(ada, 'Security review', 'Change management');
    const plus = ada.page.getByRole('button', { name: 'Insert a queue on this arrow' });
    await plus.waitFor();
    const at = await plus.boundingBox();
    if (at) {
      const clip = { x: at.x - 200, y: at.y - 90, width: 400, height: 180 };
      await ada.page.screenshot({ path: `${ARTIFACTS}/editor-v2-plus.png`, clip });
    }
    await plus.click();
    const queue = 'Waiting for Change management';
    await ada.inspectorField('Wait').waitFor();
    await ada.setField('Wait', '2d');
    for (const p of both) {
      await p.node(queue).waitFor();
      await expect.poll(() => figureMinutes(p, 'Lead time')).toBe(TEMPLATE_LT + 2 * D);
      await expect.poll(() => arrow(p, 'Security review', queue).count()).toBe(1);
      await expect.poll(() => arrow(p, queue, 'Change management').count()).toBe(1);
    }
    expect((await serverMetrics(e2e.server, map)).totalLeadTimeMinutes).toBe(TEMPLATE_LT + 2 * D);
    await expect.poll(() => grace.node(queue).innerText()).toContain('2d');
    await shot(ada, 'queue');
    await shot(grace, 'queue-grace');

    // 2. A rework rate: the loop Version control → Manual tests (3000 minutes) counts 1 / 0.8
    // times, so the expected lead time is 750 minutes above the worst case.
    await selectReworkArrow(ada, 'Manual tests', 'Version control');
    await ada.setField('Rework rate (% of items sent back)', '20');
    const afterRework = await serverMetrics(e2e.server, map);
    const worst = TEMPLATE_LT + 2 * D;
    expect(afterRework.expectedLeadTimeMinutes).toBeCloseTo(worst + 750, 6);
    for (const p of both) {
      await expect.poll(() => figureMinutes(p, 'Expected lead time')).toBe(worst + 750);
      await expect.poll(() => figureMinutes(p, 'Lead time')).toBe(worst);
      await expect
        .poll(() =>
          arrow(p, 'Manual tests', 'Version control', 'rework')
            .locator('.react-flow__edge-text')
            .textContent(),
        )
        .toBe('rework 20%');
    }
    await shot(grace, 'rework');

    // 3. An either/or split: after Manual tests, 80 % of changes go to Security review, 20 % take
    // a fast track straight to the release.
    await ada.select('Manual tests');
    await ada.addStage('Fast track');
    await ada.setField('Elapsed time (LT)', '1d');
    await ada.setField('Value-add time (PT)', '2h');
    await ada.setField('%C/A (complete and accurate, %)', '90');
    await drawFlow(ada, 'Fast track', 'Release to production');
    const parallel = await serverMetrics(e2e.server, map);
    await ada.select('Manual tests');
    await ada.page.locator('.route-choice label', { hasText: 'Either-or route' }).click();
    await expect
      .poll(() => ada.inspectorField('Share to Security review (%)').inputValue())
      .toBe('50');
    await ada.setField('Share to Security review (%)', '80');
    await expect.poll(() => ada.inspectorField('Share to Fast track (%)').inputValue()).toBe('20');
    const split = await serverMetrics(e2e.server, map);
    // Route one passes every template stage; route two skips Security review and Change
    // management but passes Fast track (90 %).
    const allStages = 0.95 * 0.9 * 0.7 * 0.8 * 0.95 * 0.85;
    const fastTrack = 0.95 * 0.9 * 0.7 * 0.9 * 0.85;
    expect(parallel.rolledPctCA).toBeCloseTo(allStages * 0.9, 9);
    expect(split.rolledPctCA).toBeCloseTo(0.8 * allStages + 0.2 * fastTrack, 9);
    for (const p of both) {
      await expect
        .poll(() => p.figure('Rolled %C/A').innerText())
        .toBe(formatRatio(split.rolledPctCA));
      await expect
        .poll(() => shareLabels(p).allInnerTexts())
        .toEqual(expect.arrayContaining(['80%', '20%']));
    }
    expect(formatRatio(split.rolledPctCA)).not.toBe(formatRatio(parallel.rolledPctCA));
    await shot(ada, 'either-or');
    await shot(grace, 'either-or-grace');

    // 4. Deleting Security review joins Manual tests to the queue (keeping its 80 % share) in one
    // step, and says so; the headline still counts the whole chain. Undo restores it.
    const beforeDelete = await serverMetrics(e2e.server, map);
    await ada.select('Security review');
    await ada.page.keyboard.press('Delete');
    await expect
      .poll(() => ada.page.locator('.fm-notice').innerText())
      .toBe(`Reconnected Manual tests → ${queue}`);
    const deleted = await serverMetrics(e2e.server, map);
    expect(deleted.totalLeadTimeMinutes).toBe(beforeDelete.totalLeadTimeMinutes - 10 * D);
    expect(deleted.disconnected).toEqual([]);
    for (const p of both) {
      await expect.poll(() => p.node('Security review').count()).toBe(0);
      await expect.poll(() => arrow(p, 'Manual tests', queue).count()).toBe(1);
      await expect
        .poll(() => figureMinutes(p, 'Lead time'))
        .toBe(beforeDelete.totalLeadTimeMinutes - 10 * D);
    }
    await expect
      .poll(() => shareLabels(grace).allInnerTexts())
      .toEqual(expect.arrayContaining(['80%', '20%']));
    await shot(ada, 'delete-reconnect');
    await shot(grace, 'delete-reconnect-grace');

    await ada.undo();
    for (const p of both) {
      await p.node('Security review').waitFor();
      await expect.poll(() => arrow(p, 'Manual tests', queue).count()).toBe(0);
      await expect.poll(() => arrow(p, 'Manual tests', 'Security review').count()).toBe(1);
      await expect
        .poll(() => figureMinutes(p, 'Lead time'))
        .toBe(beforeDelete.totalLeadTimeMinutes);
    }
    await shot(grace, 'undo');
  });
});
