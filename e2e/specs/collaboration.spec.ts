// Two participants on one map, each in their own browser context, through the real server.
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';

const e2e = useE2E();

describe('two participants on one map', () => {
  it('see each other’s stages, numbers and metrics; merge concurrent field edits; undo only their own', async () => {
    const map = await e2e.server.createMap('Payments', 'blank');
    const ada = await e2e.openAs('Ada', editUrl(e2e.server, map));
    const grace = await e2e.openAs('Grace', editUrl(e2e.server, map));

    // Ada adds a stage and types its numbers; Grace sees the stage and the metrics move.
    await ada.addStage('Code review');
    await ada.setField('Elapsed time (LT)', '2d 4h');
    await ada.setField('Value-add time (PT)', '3h');
    await ada.setField('%C/A (complete and accurate, %)', '85');
    await grace.node('Code review').waitFor();
    await expect.poll(() => grace.figure('Lead time').innerText()).toBe('2d 4h');
    await expect.poll(() => grace.figure('Rolled %C/A').innerText()).toBe('85%');
    await expect
      .poll(() => grace.node('Code review').locator('.vsm-databox').innerText())
      .toMatch(/LT\s*2d 4h[\s\S]*PT\s*3h/);

    // An invalid value is refused next to the field and changes nothing.
    await ada.setField('Value-add time (PT)', '3d');
    await expect
      .poll(() => ada.page.locator('.editor-side').innerText())
      .toContain('value-add time cannot exceed elapsed time');
    await expect.poll(() => grace.figure('Value-add time').innerText()).toBe('3h');

    // Both edit different fields of the same stage at the same moment: both survive.
    await grace.select('Code review');
    await Promise.all([
      ada.setField('Team', 'Dev'),
      grace.setField('Notes', 'Reviews wait for the weekly sync'),
    ]);
    for (const p of [ada, grace]) {
      await expect.poll(() => p.inspectorField('Team').inputValue()).toBe('Dev');
      await expect
        .poll(() => p.inspectorField('Notes').inputValue())
        .toBe('Reviews wait for the weekly sync');
    }

    // Undo takes back only your own edit.
    await ada.setField('%C/A (complete and accurate, %)', '60');
    await grace.setField('Name', 'Peer review');
    await grace.node('Peer review').waitFor();
    await ada.node('Peer review').waitFor();
    await expect.poll(() => grace.figure('Rolled %C/A').innerText()).toBe('60%');
    await ada.undo();
    for (const p of [ada, grace]) {
      await expect.poll(() => p.figure('Rolled %C/A').innerText()).toBe('85%');
      expect(await p.stageNames()).toEqual(['Peer review']);
    }

    // Presence: each sees the other in the avatar bar.
    await expect.poll(() => ada.page.locator('.editor-top').innerText()).toMatch(/G/);
    await ada.page.screenshot({ path: `${ARTIFACTS}/collaboration-ada.png` });
  });
});
