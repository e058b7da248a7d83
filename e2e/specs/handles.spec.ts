// React Flow mounts every node whose handles it has not measured, however far off-screen, just to
// measure them. The canvas gives it each unmeasured node's handle boxes up front
// (client/src/canvas/nodes/sizes.ts), so a large map's first load mounts only the nodes in view.
// This checks both halves: the boxes are where the browser puts the handles, for every node type,
// and a 300-stage map never has more than the visible nodes in the DOM while it loads.
import { DEFAULT_META, type FlowMap, type MapState } from '@flowmap/shared';
import { expect, it } from 'vitest';
import { largeState } from '../../bench/fixtures.ts';
import { handleBoxes } from '../../client/src/canvas/nodes/sizes.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl } from '../fixtures/server.ts';

const e2e = useE2E();

interface Measured {
  type: string;
  width: number;
  height: number;
  handles: { id: string; position: string; x: number; y: number; width: number; height: number }[];
}

it('the handle boxes given before measuring are where the browser puts them, for every node type', async () => {
  const map = mapWithFutureState();
  const state = Object.values(map.states)[0] as MapState;
  // The template has stages, start, end and a kaizen burst; add a queue and a sticky note.
  state.nodes.q1 = { id: 'q1', type: 'queue', x: 400, y: 420, name: 'Waiting for review' };
  state.nodes.n1 = { id: 'n1', type: 'note', x: 700, y: 420, name: 'Ask Ops about the freeze' };
  const links = await e2e.server.importMap(map);
  const editor = await e2e.openAs('Hana', editUrl(e2e.server, links));
  const page = editor.page;
  await page.locator('.react-flow__node-queue').waitFor();
  await page.locator('.react-flow__node-note').waitFor();
  const nodes: Measured[] = await page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 1;
    return Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node')).map((node) => {
      const box = node.getBoundingClientRect();
      return {
        type: /react-flow__node-(\w+)/.exec(node.className)?.[1] ?? '',
        width: box.width / zoom,
        height: box.height / zoom,
        handles: Array.from(node.querySelectorAll<HTMLElement>('.react-flow__handle')).map((h) => {
          const b = h.getBoundingClientRect();
          return {
            id: h.dataset.handleid ?? '',
            position: h.dataset.handlepos ?? '',
            x: (b.left - box.left) / zoom,
            y: (b.top - box.top) / zoom,
            width: b.width / zoom,
            height: b.height / zoom,
          };
        }),
      };
    });
  });
  const types = new Set(nodes.map((n) => n.type));
  expect([...types].sort()).toEqual(['end', 'kaizen', 'note', 'queue', 'stage', 'start']);
  for (const node of nodes) {
    const expected = handleBoxes(node.type as MapState['nodes'][string]['type'], node);
    expect(node.handles.map((h) => h.id).sort(), node.type).toEqual(
      expected.map((h) => h.id).sort(),
    );
    for (const handle of node.handles) {
      const box = expected.find((h) => h.id === handle.id);
      const what = `${node.type} ${handle.id}`;
      expect(box?.position, what).toBe(handle.position);
      for (const key of ['x', 'y', 'width', 'height'] as const) {
        expect(Math.abs((box?.[key] ?? Number.NaN) - handle[key]), `${what} ${key}`).toBeLessThan(
          0.5,
        );
      }
    }
  }
});

it('a 300-stage map mounts only the nodes in view while it loads', async () => {
  const map: FlowMap = {
    meta: { ...DEFAULT_META, title: '300 stages' },
    states: { bench: largeState(300) },
  };
  const links = await e2e.server.importMap(map);
  const context = await e2e.context('Ines');
  // Counts the canvas' nodes after every DOM change from the first one on, so that nodes mounted
  // and removed again before a frame is painted are counted too.
  await context.addInitScript(() => {
    const w = window as unknown as { __mostNodes: number };
    w.__mostNodes = 0;
    new MutationObserver(() => {
      const n = document.querySelectorAll('.react-flow__node').length;
      if (n > w.__mostNodes) w.__mostNodes = n;
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(editUrl(e2e.server, links));
  await page.waitForFunction(
    () => document.querySelectorAll('.react-flow__minimap-node').length === 302,
  );
  await page.locator('.react-flow__node-stage').first().waitFor();
  const { most, now } = await page.evaluate(() => ({
    most: (window as unknown as { __mostNodes: number }).__mostNodes,
    now: document.querySelectorAll('.react-flow__node').length,
  }));
  expect(now).toBeGreaterThan(3);
  // Before the canvas had the handle boxes, `most` was 302: every node mounted to be measured.
  expect(most).toBeLessThanOrEqual(now + 10);
  expect(most).toBeLessThan(60);

  // The timeline ladder draws the steps near its scroll position only, and follows the scroll:
  // at the far end the last step of the path is drawn, the first ones no longer.
  const ladder = async () =>
    page.evaluate(() => {
      const scroll = document.querySelector<HTMLElement>('.ladder-scroll');
      const box = scroll?.getBoundingClientRect();
      const steps = Array.from(document.querySelectorAll<SVGGElement>('.ladder-step'));
      const inView = steps.filter((g) => {
        const r = g.getBoundingClientRect();
        return box !== undefined && r.right > box.left && r.left < box.right;
      });
      return {
        drawn: steps.length,
        inView: inView.length,
        names: steps.map((g) => g.querySelector('title')?.textContent ?? ''),
        summary: document.querySelector('.ladder > title')?.textContent ?? '',
      };
    });
  const atStart = await ladder();
  const path = atStart.summary.match(/Stage \d+/g) ?? [];
  expect(path.length).toBeGreaterThan(200); // the screen-reader summary still names every step
  const [firstName, lastName] = [path[0], path.at(-1)];
  expect(atStart.inView).toBeGreaterThan(3);
  expect(atStart.drawn).toBeLessThan(40);
  expect(atStart.names[0]?.startsWith(`${firstName}:`)).toBe(true);
  await page.evaluate(() => {
    const scroll = document.querySelector<HTMLElement>('.ladder-scroll');
    if (scroll) scroll.scrollLeft = scroll.scrollWidth;
  });
  await expect
    .poll(async () => (await ladder()).names.some((n) => n.startsWith(`${lastName}:`)))
    .toBe(true);
  const atEnd = await ladder();
  expect(atEnd.inView).toBeGreaterThan(3);
  expect(atEnd.drawn).toBeLessThan(40);
  expect(atEnd.names.some((n) => n.startsWith(`${firstName}:`))).toBe(false);
});
