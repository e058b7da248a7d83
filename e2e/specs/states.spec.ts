// Current → future state: clone, change, compare.
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl } from '../fixtures/server.ts';

const e2e = useE2E();

it('creates the future state from the current one, changes it, and the compare view shows the gain', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
  const { page } = editor;
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d 2h');

  await page.getByRole('button', { name: /Future state/ }).click();
  await page.getByRole('tab', { name: /Future state/ }).waitFor();
  await expect
    .poll(() => page.getByRole('tab', { selected: true }).innerText())
    .toMatch(/Future state/);
  // Same stages, same ids: the clone starts with identical numbers.
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d 2h');

  // The team plans to automate security review: 10d → 1d.
  await editor.select('Security review');
  await editor.setField('Elapsed time (LT)', '1d');
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('2w 3d 2h');

  // The current state is untouched.
  await page.getByRole('tab', { name: /Current state/ }).click();
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe('4w 2d 2h');

  await page.getByRole('button', { name: /^Compare/ }).click();
  const compare = page.getByRole('region', { name: 'Compare states' });
  await compare.waitFor();
  const text = await compare.innerText();
  expect(text).toMatch(/4w 2d 2h\s*→\s*2w 3d 2h\s*↓ −40%/);
  expect(text).toContain('The lead time is 1w 4d shorter.');
  expect(text).toContain('Security review');
  expect(text).toMatch(/Lead time \(LT\)\s*2w\s*1d/);
  await page.screenshot({ path: `${ARTIFACTS}/compare.png` });
});

it('compares the v2 figures: expected next to worst case, rework rates, queues, and says how DORA reads time', async () => {
  const map = mapWithFutureState();
  const current = map.states.current;
  const future = map.states.future;
  if (!current || !future) throw new Error('fixture without its two states');
  // One change in five comes back from manual tests today; the future state aims at one in twenty.
  const rework = 'manual-tests--vcs--rework';
  Object.assign(current.edges[rework] ?? {}, { rate: 0.2 });
  Object.assign(future.edges[rework] ?? {}, { rate: 0.05 });
  // And it draws the queue in front of the change board that nobody had drawn.
  const into = Object.values(future.edges).find(
    (e) => e.kind === 'flow' && e.target === 'change-management',
  );
  if (!into) throw new Error('no arrow into change management');
  future.nodes.cab = {
    id: 'cab',
    type: 'queue',
    x: 0,
    y: 0,
    name: 'Waiting for CAB',
    waitMinutes: 960,
  };
  future.edges.cab = { id: 'cab', source: 'cab', target: 'change-management', kind: 'flow' };
  into.target = 'cab';
  const links = await e2e.server.importMap(map);

  const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, links));
  const { page } = editor;
  await page.getByRole('button', { name: /^Compare/ }).click();
  const compare = page.getByRole('region', { name: 'Compare states' });
  await compare.waitFor();
  const text = await compare.innerText();
  expect(text).toMatch(/Total lead time\s*4w 2d 2h/);
  expect(text).toMatch(/Expected lead time\s*\S/);
  expect(text).toContain('Expected flow efficiency');
  expect(text).toContain('expected figures weigh either/or routes');
  expect(text).toMatch(/Rework Manual tests → Version control\s*Rework rate\s*20%\s*5%\s*−15 pp/);
  expect(text).toMatch(/Queues[\s\S]*Waiting for CAB\s*· waits 2d/);
  expect(text).toContain('DORA levels are applied to working time');
  await page.screenshot({ path: `${ARTIFACTS}/compare-v2.png` });
  await compare.getByRole('heading', { name: 'Rework and routes' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/compare-v2-rework.png` });
});
