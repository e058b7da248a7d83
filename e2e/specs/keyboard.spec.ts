// Issue 15, keyboard: a participant builds and measures a small pipeline without touching the
// mouse (the page counts pointer and mouse events and sees none): add three stages, connect them
// with "connect to…", move along the flow with the arrow keys, reach LT from a stage in three
// Tabs, set LT/PT/%C/A, leave the field with Esc so the next key is a shortcut, and undo. Then two
// participants: someone commits the field you are typing in, and Enter does not write over it.
import { expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';
import { countPointerEvents, focused, pointerEvents, selectedNames } from '../pages/keyboard.ts';

const e2e = useE2E();

it('add three stages, connect them, set LT/PT/%C/A and undo with the keyboard only', async () => {
  const links = await e2e.server.createMap('Keyboard only', 'blank');
  const context = await e2e.context('Kai');
  await countPointerEvents(context);
  const editor = await new EditorPage(await context.newPage()).open(editUrl(e2e.server, links));
  const { page } = editor;
  const keys = page.keyboard;

  // S adds a stage and starts naming it; Esc (nothing selected) makes the next one stand alone.
  for (const name of ['Build', 'Test', 'Deploy']) {
    await keys.press('Escape');
    await keys.press('s');
    await keys.type(name);
    await keys.press('Enter');
    await editor.node(name).waitFor();
  }
  expect((await editor.stageNames()).sort()).toEqual(['Build', 'Deploy', 'Test']);
  expect(await page.locator('.react-flow__edge').count()).toBe(0);

  // Arrow keys from nothing selected start at the first step; focus and selection go together.
  await keys.press('Escape');
  await keys.press('ArrowRight');
  await expect.poll(() => focused(page)).toBe('node:Build');
  expect(await selectedNames(page)).toEqual(['Build']);

  // C: connect to… a step picked by typing.
  await keys.press('c');
  const picker = page.getByRole('dialog', { name: /Connect “Build” to/ });
  await picker.waitFor();
  await keys.type('tes');
  expect(await picker.getByRole('option', { selected: true }).innerText()).toBe('Test');
  await page.screenshot({ path: `${ARTIFACTS}/keyboard-connect.png` });
  await keys.press('Enter');
  await expect.poll(() => focused(page)).toBe('node:Test');
  await keys.press('c');
  await keys.type('dep');
  await keys.press('Enter');
  await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
  await expect.poll(() => focused(page)).toBe('node:Deploy');

  // ← goes back along the flow.
  await keys.press('ArrowLeft');
  await expect.poll(() => focused(page)).toBe('node:Test');
  await keys.press('ArrowLeft');
  await expect.poll(() => focused(page)).toBe('node:Build');
  expect(await selectedNames(page)).toEqual(['Build']);

  // Enter: the inspector on its first field; LT is three Tabs away.
  await keys.press('Enter');
  await expect.poll(() => focused(page)).toBe('field:Name');
  for (let i = 0; i < 3; i += 1) await keys.press('Tab');
  expect(await focused(page)).toBe('field:Elapsed time (LT)');
  await keys.type('2d');
  await keys.press('Enter');
  await keys.press('Tab');
  expect(await focused(page)).toBe('field:Value-add time (PT)');
  await keys.type('4h');
  await keys.press('Enter');
  await keys.press('Tab');
  expect(await focused(page)).toBe('field:%C/A (complete and accurate, %)');
  await keys.type('96');
  await keys.press('Enter');
  await expect
    .poll(() => editor.inspectorField('%C/A (complete and accurate, %)').inputValue())
    .toBe('96');

  // Esc leaves the field for the step on the canvas: "?" is the help, not text in the field.
  await keys.press('Escape');
  await expect.poll(() => focused(page)).toBe('node:Build');
  await keys.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  expect(await editor.inspectorField('%C/A (complete and accurate, %)').inputValue()).toBe('96');
  await keys.press('Escape');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

  // Undo takes back the last edit only (%C/A), from the keyboard.
  await keys.press('Control+z');
  await expect
    .poll(() => editor.inspectorField('%C/A (complete and accurate, %)').inputValue())
    .toBe('');
  expect(await editor.inspectorField('Elapsed time (LT)').inputValue()).toBe('2d');
  expect(await editor.inspectorField('Value-add time (PT)').inputValue()).toBe('4h');
  await expect
    .poll(() => page.locator('.react-flow__node-stage').filter({ hasText: 'Build' }).innerText())
    .toMatch(/LT\s*2d/);

  expect(await pointerEvents(page)).toEqual([]);
});

it('a field someone else commits while you type in it says so, and Enter does not write over theirs', async () => {
  const links = await e2e.server.importMap(mapWithFutureState());
  const ada = await e2e.openAs('Ada', editUrl(e2e.server, links));
  const sam = await e2e.openAs('Sam', editUrl(e2e.server, links));
  await ada.select('Security review');
  await sam.select('Security review');
  const LT = 'Elapsed time (LT)';
  const adaField = ada.inspectorField(LT);
  const samField = sam.inspectorField(LT);

  await adaField.click();
  await adaField.fill('4d');
  await sam.setField(LT, '7d');
  const theirs = await samField.inputValue();
  const hint = ada.page.locator('.insp-field-conflict');
  await expect.poll(() => hint.isVisible()).toBe(true);
  expect(await hint.innerText()).toContain(`Sam changed this to ${theirs}`);
  expect(await adaField.inputValue()).toBe('4d');
  await ada.page.locator('.editor-side').screenshot({ path: `${ARTIFACTS}/concurrent-edit.png` });

  // Enter is refused while the choice is open: the hint stays and Sam's value stands.
  await adaField.press('Enter');
  expect(await hint.isVisible()).toBe(true);
  expect(await samField.inputValue()).toBe(theirs);

  // Keep mine writes Ada's draft for everyone.
  await hint.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(() => samField.inputValue()).toBe('4d');
  expect(await hint.count()).toBe(0);

  // Take theirs drops the draft and shows their value.
  await adaField.click();
  await adaField.fill('2d');
  await sam.setField(LT, '3d');
  await expect.poll(() => hint.isVisible()).toBe(true);
  expect(await hint.innerText()).toContain('Sam changed this to 3d');
  await hint.getByRole('button', { name: 'Take theirs' }).click();
  await expect.poll(() => adaField.inputValue()).toBe('3d');
  expect(await hint.count()).toBe(0);
  expect(await samField.inputValue()).toBe('3d');
});
