// Issue 15, legibility: a facilitator projects the map at 1440×900 with three participants in it.
// Presentation mode shows the headline figures in large type and stage names at least 14 px tall
// on screen, with the side panel, legend and minimap gone and nothing over the pipeline; it is
// remembered on reload. Outside it, the top bar keeps the title and both tabs whole, the legend
// starts folded, and zooming out draws simplified stages whose names stay readable.
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl } from '../fixtures/server.ts';
import { CanvasView, overlaps } from '../pages/canvasView.ts';

const e2e = useE2E();

it('presentation mode: big figures, names ≥ 14 px on screen, no overlay on the pipeline, remembered', async () => {
  const links = await e2e.server.importMap(mapWithFutureState());
  const fay = await e2e.openAs('Fay (facilitator)', editUrl(e2e.server, links));
  await e2e.openAs('Sam Rivera', editUrl(e2e.server, links));
  await e2e.openAs('Kim Lee', editUrl(e2e.server, links));
  const page = fay.page;
  const view = new CanvasView(page);
  await fay.node('Security review').waitFor();
  await page.getByRole('list', { name: '3 people in this map' }).waitFor();

  // The top bar at 1440 px with three people: the title is not cut to "Pa…", both tabs are whole,
  // nothing runs off the right edge, and initials are letters only.
  const title = await view.box('.titlebar-text');
  expect(title?.width ?? 0).toBeGreaterThan(120);
  expect(await view.isClipped('.state-tablist')).toBe(false);
  const lastOnRight = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('.editor-top-right > *')).map(
        (el) => el.getBoundingClientRect().right,
      ),
    ),
  );
  expect(lastOnRight).toBeLessThanOrEqual(1440);
  expect(await page.locator('.presence-me .avatar').innerText()).toBe('F');

  // Outside presentation: the legend starts folded, the key figures are on the canvas.
  const legend = page.getByRole('region', { name: 'Legend' });
  expect(await legend.getByRole('listitem').count()).toBe(0);
  const figures = page.getByRole('definition').filter({ hasText: 'Security review' });
  await figures.first().waitFor();
  const keyFigures = page.locator('.fm-key-figures');
  expect(await keyFigures.innerText()).toMatch(
    /Lead time\s+4w 2d 2h[\s\S]*Value-add[\s\S]*Flow efficiency\s+8\.8%[\s\S]*Rolled %C\/A[\s\S]*#1 bottleneck\s+Security review/,
  );
  for (const stage of await view.pipelineBoxes()) {
    for (const overlay of await view.overlayBoxes()) expect(overlaps(stage, overlay)).toBe(false);
  }

  // P on the canvas: presentation mode.
  await page.keyboard.press('p');
  await page.locator('html.is-presenting').waitFor({ state: 'attached' });
  await expect.poll(() => view.isVisible('.editor-side')).toBe(false);
  expect(await view.isVisible('.react-flow__minimap')).toBe(false);
  expect(await view.isVisible('.fm-legend-panel')).toBe(false);
  expect(await view.isVisible('.editor-ladder')).toBe(false);
  // The fit after the switch has landed when the zoom stops changing.
  let previous = -1;
  await expect
    .poll(async () => {
      const z = await view.zoom();
      const settled = z === previous;
      previous = z;
      return settled;
    })
    .toBe(true);

  const names = await view.stageNames();
  expect(names.map((n) => n.name.replace(/\s+/g, ' '))).toEqual(
    expect.arrayContaining(['Security review', 'Manual tests', 'Version control']),
  );
  for (const n of names) {
    expect(n.screenPx, n.name).toBeGreaterThanOrEqual(14);
    // The rendered text is as tall as that, too (line boxes are taller than the font size).
    expect(n.box.height, n.name).toBeGreaterThanOrEqual(14);
  }
  const headline = await page.evaluate(() => {
    const dd = document.querySelector('.fm-key-figures dd');
    return dd ? Number.parseFloat(getComputedStyle(dd).fontSize) : 0;
  });
  expect(headline).toBeGreaterThanOrEqual(28);
  for (const stage of await view.pipelineBoxes()) {
    for (const overlay of await view.overlayBoxes()) expect(overlaps(stage, overlay)).toBe(false);
  }
  await page.mouse.move(1430, 890); // out of the way of the screenshot (hover styles)
  await page.screenshot({ path: `${ARTIFACTS}/presentation.png` });

  // Remembered by this browser.
  await page.reload();
  await fay.node('Security review').waitFor();
  await page.locator('html.is-presenting').waitFor({ state: 'attached' });
  expect(await view.isVisible('.editor-side')).toBe(false);
  await page.getByRole('button', { name: /Exit/ }).first().click();
  await page.locator('.editor-side').waitFor();
  expect(await view.isVisible('.react-flow__minimap')).toBe(true);
});

it('zoomed out, stages are drawn simplified with names still readable; the minimap hides', async () => {
  const links = await e2e.server.importMap(mapWithFutureState());
  const ada = await e2e.openAs('Ada', editUrl(e2e.server, links));
  const page = ada.page;
  const view = new CanvasView(page);
  await ada.node('Security review').waitFor();
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 300 } });
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('-');
  await expect.poll(() => view.zoom()).toBeLessThan(0.7);
  await page.locator('.fm-canvas.fm-zoom-far').waitFor();
  expect(await view.isVisible('.react-flow__node-stage .vsm-databox')).toBe(false);
  const zoom = await view.settledZoom();
  for (const n of await view.stageNames()) {
    // 28 px names: at least 14 px on screen down to fit's lowest zoom (0.5).
    expect(n.screenPx).toBeCloseTo(28 * zoom, 1);
  }

  await page.keyboard.press('m');
  await expect.poll(() => view.isVisible('.react-flow__minimap')).toBe(false);
  await page.reload();
  await ada.node('Security review').waitFor();
  expect(await view.isVisible('.react-flow__minimap')).toBe(false);
});

it('a short title is shown whole in the top bar, not cut to "3…"', async () => {
  const map = mapWithFutureState();
  map.meta.title = 'Q3 300';
  const links = await e2e.server.importMap(map);
  const bo = await e2e.openAs('Bo', editUrl(e2e.server, links));
  const view = new CanvasView(bo.page);
  await bo.node('Security review').waitFor();
  expect(await bo.page.locator('.titlebar-text').innerText()).toBe('Q3 300');
  // The rename button was clamped 4 px under its own width: every title that fitted lost its end.
  expect(await view.isClipped('.titlebar-text')).toBe(false);
});
