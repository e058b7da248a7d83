// Editor v2 (issue 14): a stray stage counts for nothing on either screen; a kaizen burst added
// with a stage selected is linked to it, and its expected effect shows in the projected state —
// in the metrics panel and in Compare, on the other participant's screen.
import { DEFAULT_META, type FlowMap, type MapNode, type MapState } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';
import type { EditorPage } from '../pages/editor.ts';

const e2e = useE2E();

const H = 60;
const D = 8 * H;

function stage(id: string, name: string, x: number, extra: Partial<MapNode>): MapNode {
  return { id, type: 'stage', name, x, y: 0, ...extra };
}

/**
 * start → Build (1d, PT 2h, 90 %; measured, 4h–2d) → Review (3d, PT 1h, 80 %) → Deploy (1d, PT 1h,
 * 95 %; done by an outside organisation) → end: 5d = 1w lead time, 4h of work. The drawn future
 * state reviews in 1d.
 */
function releaseMap(): FlowMap {
  const nodes: Record<string, MapNode> = {
    start: { id: 'start', type: 'start', name: 'Merge', x: -260, y: 0 },
    build: stage('build', 'Build', 0, {
      elapsedMinutes: D,
      valueAddMinutes: 2 * H,
      pctCA: 90,
      timeSource: 'measured',
      elapsedLowMinutes: 4 * H,
      elapsedHighMinutes: 2 * D,
    }),
    review: stage('review', 'Review', 300, {
      elapsedMinutes: 3 * D,
      valueAddMinutes: H,
      pctCA: 80,
    }),
    deploy: stage('deploy', 'Deploy', 600, {
      elapsedMinutes: D,
      valueAddMinutes: H,
      pctCA: 95,
      outside: true,
      team: 'Hosting partner',
    }),
    end: { id: 'end', type: 'end', name: 'Production', x: 900, y: 0 },
  };
  const chain = ['start', 'build', 'review', 'deploy', 'end'];
  const edges = Object.fromEntries(
    chain.slice(1).map((target, i) => {
      const id = `f${i}`;
      return [id, { id, source: chain[i] as string, target, kind: 'flow' as const }];
    }),
  );
  const current: MapState = {
    id: 'current',
    name: 'Today',
    kind: 'current',
    order: 0,
    nodes,
    edges,
  };
  const future: MapState = structuredClone({
    ...current,
    id: 'future',
    name: 'In six months',
    kind: 'future' as const,
    order: 1,
    basedOn: 'current',
  });
  (future.nodes.review as MapNode).elapsedMinutes = D;
  return { meta: { ...DEFAULT_META, title: 'Release pipeline' }, states: { current, future } };
}

/** Selects a kaizen burst by clicking its "Kaizen" label (the page object selects stages). */
async function selectKaizen(editor: EditorPage, name: string) {
  await editor.page.keyboard.press('Escape');
  await editor.node(name).locator('.vsm-kaizen-kind').click();
  await editor.inspectorField('Owner').waitFor();
}

async function openCompare(editor: EditorPage) {
  await editor.page.getByRole('button', { name: /^Compare/ }).click();
  const compare = editor.page.getByRole('region', { name: 'Compare states' });
  await compare.waitFor();
  return compare;
}

describe('editor v2: stray stages and kaizen bursts', () => {
  it('a stray stage shows "not connected" and leaves the headline alone on both screens', async () => {
    const links = await e2e.server.importMap(releaseMap());
    const ada = await e2e.openAs('Ada', editUrl(e2e.server, links));
    const grace = await e2e.openAs('Grace', editUrl(e2e.server, links));
    for (const p of [ada, grace]) {
      await expect.poll(() => p.figure('Lead time').innerText()).toBe('1w');
    }
    // The outside step stands under its roof; measured times wear their badge, with the range.
    await expect.poll(() => ada.node('Deploy').locator('.vsm-outside-roof').count()).toBe(1);
    await expect
      .poll(() => ada.node('Build').locator('.vsm-measured-tag').innerText())
      .toBe('measured');
    expect(await ada.node('Build').locator('.vsm-range').innerText()).toBe('4h – 2d');
    expect(await ada.node('Review').locator('.vsm-outside-roof, .vsm-measured-tag').count()).toBe(
      0,
    );

    // Nothing selected: the new stage lands on its own, on no start→end path.
    await ada.page.keyboard.press('Escape');
    await ada.addStage('Legacy audit');
    await ada.setField('Elapsed time (LT)', '10d');
    for (const p of [ada, grace]) {
      const stray = p.node('Legacy audit');
      await expect.poll(() => stray.locator('.vsm-databox').innerText()).toMatch(/LT\s*2w/);
      await expect
        .poll(() => stray.locator('.vsm-not-counted').innerText())
        .toBe('not connected — not counted');
      expect(await stray.locator('.vsm-stage').getAttribute('class')).toContain('is-not-counted');
      // Still 1w: 10 days more on the canvas, nothing more in the headline.
      expect(await p.figure('Lead time').innerText()).toBe('1w');
      await expect
        .poll(() => p.page.locator('.bottleneck-list').innerText())
        .not.toContain('Legacy audit');
    }
    // The legend explains the roof and the badge; folded, it leaves the stray stage in view.
    const legend = grace.page.getByRole('region', { name: 'Legend' });
    await legend.getByRole('button', { name: 'Legend' }).click(); // folded by default
    expect(await legend.innerText()).toMatch(/Outside organisation[\s\S]*Measured times/);
    await legend.getByRole('button', { name: 'Hide' }).click();
    await grace.page.screenshot({ path: `${ARTIFACTS}/editor-v2-kaizen-stray.png` });
  });

  it('a kaizen added with a stage selected is linked, and its effect shows in the projected state on the other screen', async () => {
    const links = await e2e.server.importMap(releaseMap());
    const ada = await e2e.openAs('Ada', editUrl(e2e.server, links));
    const grace = await e2e.openAs('Grace', editUrl(e2e.server, links));
    await expect.poll(() => grace.figure('Lead time').innerText()).toBe('1w');

    // Ada selects Review and adds a kaizen burst from the toolbar: it is placed and linked at once.
    await ada.select('Review');
    await ada.page.getByRole('button', { name: 'Add a kaizen burst' }).click();
    const rename = ada.page.locator('.vsm-name-input');
    await rename.waitFor();
    await rename.fill('Review in pairs');
    await rename.press('Enter');
    const link = '.react-flow__edge-link[aria-label="Kaizen Review in pairs improves Review"]';
    for (const p of [ada, grace]) {
      await expect.poll(() => p.page.locator(link).count()).toBe(1);
    }
    // One undo step: the burst and its link go together, and come back together.
    await ada.undo();
    for (const p of [ada, grace]) {
      await expect.poll(() => p.page.locator('.react-flow__node-kaizen').count()).toBe(0);
      await expect.poll(() => p.page.locator('.react-flow__edge-link').count()).toBe(0);
    }
    await ada.page.keyboard.press('Control+Shift+z');
    for (const p of [ada, grace]) {
      await expect.poll(() => p.page.locator(link).count()).toBe(1);
    }

    // Its fields: the inspector says which stage it improves, and takes the expected effect.
    await selectKaizen(ada, 'Review in pairs');
    expect(await ada.inspectorField('Improves stage').inputValue()).toBe('review');
    await ada.setField('Owner', 'Ada');
    await ada.inspectorField('Status').selectOption('doing');
    await ada.inspectorField('Due date').fill('2027-03-31');
    await ada.setField('LT after', '4h');
    await ada.setField('%C/A after', '95');

    // Grace's metrics panel: Review would take 4h instead of 3d: 1d + 4h + 1d = 2d 4h; work 4h
    // of 20h = 20 %; %C/A 90 % × 95 % × 95 % = 81 % (68 % today).
    const projected = grace.page.locator('.metrics-projected');
    await expect.poll(() => projected.innerText()).toMatch(/If the open kaizen is done:\s*2d 4h/);
    // The %C/A effect was typed after the LT one: it may reach Grace a moment later.
    await expect
      .poll(() => projected.innerText())
      .toContain('flow efficiency 20% · rolled %C/A 81%');
    expect(await grace.figure('Lead time').innerText()).toBe('1w');
    const burst = grace.node('Review in pairs');
    await expect.poll(() => burst.locator('.vsm-kaizen-meta').innerText()).toMatch(/doing\s*Ada/);
    await selectKaizen(grace, 'Review in pairs');
    await expect.poll(() => grace.inspectorField('Due date').inputValue()).toBe('2027-03-31');
    await expect.poll(() => grace.inspectorField('LT after').inputValue()).toBe('4h');
    await grace.page.screenshot({ path: `${ARTIFACTS}/editor-v2-kaizen-inspector.png` });
    await projected.scrollIntoViewIfNeeded();
    await grace.page.screenshot({ path: `${ARTIFACTS}/editor-v2-kaizen-linked.png` });

    // Grace's Compare: today, the drawn future (Review in 1d: 3d) and the projection side by side.
    const compare = await openCompare(grace);
    const table = compare.locator('.projected-table');
    await table.waitFor();
    const row = (key: string) => table.locator(`.projected-row-${key}`);
    await expect
      .poll(() => row('totalLeadTimeMinutes').innerText())
      .toMatch(/Lead time \(worst case\)\s*1w\s*3d\s*−2d\s*2d 4h\s*−2d 4h\s*−4h goes beyond/);
    expect(await row('flowEfficiency').innerText()).toMatch(/10%\s*17%[\s\S]*20%\s*\+10 pp/);
    expect(await row('rolledPctCA').innerText()).toMatch(/68%\s*68%\s*no change\s*81%\s*\+12.8 pp/);
    expect(await compare.innerText()).toContain(
      'Today as it would be once its open kaizen is done, next to the future state you drew.',
    );
    await compare.locator('.projected-state').scrollIntoViewIfNeeded();
    await grace.page.screenshot({ path: `${ARTIFACTS}/editor-v2-kaizen-compare.png` });

    // Swapping before and after keeps the projection on today, beside the drawn future.
    await compare.getByRole('button', { name: 'Swap before and after' }).click();
    await expect
      .poll(() => compare.locator('.projected-table thead').innerText())
      .toMatch(/Today\s*In six months \(drawn\)\s*Projected/);
    expect(await row('totalLeadTimeMinutes').innerText()).toMatch(/1w\s*3d\s*−2d\s*2d 4h/);

    // Done: the effect is in the drawn figures now, no longer in the projection.
    await ada.inspectorField('Status').selectOption('done');
    await expect.poll(() => compare.locator('.projected-table').count()).toBe(0);
    expect(await compare.locator('.projected-state').innerText()).toContain(
      'No open kaizen on Today promises an effect',
    );
  });
});
