// Korean and English: a browser that prefers Korean gets the Korean UI (library and editor, with
// Korean duration units), the language picker switches to English and the choice survives a
// reload although the browser still prefers Korean; a duration typed with Korean units is read.
import { join } from 'node:path';
import { formatDuration } from '@flowmap/shared';
import { inLocale } from '@flowmap/shared/i18n';
import type { BrowserContext } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl, OWNER_KEY } from '../fixtures/server.ts';
import { EditorPage } from '../pages/editor.ts';
import { contextInLocale, LanguagePage } from '../pages/language.ts';

const e2e = useE2E();
const DAY = 8 * 60;
/** The template's lead time (4w 2d 2h = 22d 2h) with Security review at 3d instead of 10d. */
const SHORTER_LT = (22 - 7) * DAY + 120;
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function pageIn(locale: string, name: string) {
  const context = await contextInLocale(e2e.browser, locale, name);
  contexts.push(context);
  return new LanguagePage(await context.newPage());
}

it('a Korean browser gets the Korean library and editor, with Korean duration units', async () => {
  const map = await e2e.server.createMap('결제 서비스', 'software-delivery');
  const ui = await pageIn('ko-KR', '민준');
  const { page } = ui;

  await page.goto(`${e2e.server.url}/#key=${OWNER_KEY}`);
  await page.getByRole('heading', { level: 1, name: '내 맵' }).waitFor();
  expect(await ui.htmlLang()).toBe('ko');
  expect(await ui.picker().inputValue()).toBe('ko');
  // Only a choice made with the picker is remembered, not what the browser said.
  expect(await page.evaluate(() => localStorage.getItem('flowmap.language'))).toBeNull();
  const row = page.getByRole('row').filter({ hasText: '결제 서비스' });
  // The library's lead time column: the template's 4w 2d 2h, in Korean units.
  expect(await row.locator('.lead-time').innerText()).toBe('4주 2일 2시간');
  expect(await row.getByRole('link', { name: '결제 서비스 열기' }).innerText()).toBe('열기');
  expect(await row.innerText()).toMatch(/\d+단계/);
  expect(await page.getByRole('columnheader', { name: /리드 타임/ }).count()).toBe(1);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(ARTIFACTS, 'i18n-ko-library.png') });

  await ui.openEditor(editUrl(e2e.server, map));
  await page.getByRole('button', { name: '워크숍 시작' }).waitFor();
  await page.getByRole('complementary', { name: '단계 및 맵 세부 정보' }).waitFor();
  // Figures on the canvas and in the panels go through shared's formatters: Korean units.
  await expect.poll(() => ui.editorText()).toContain('4주 2일 2시간');
  expect(await ui.editorText()).not.toContain('4w 2d 2h');

  // Workshop mode: the default agenda's first step and its question in Korean.
  await page.getByRole('button', { name: '워크숍 시작' }).click();
  const bar = page.getByRole('region', { name: '워크숍' });
  await bar.getByTestId('workshop-step').filter({ hasText: '범위' }).waitFor();
  expect(await bar.getByTestId('workshop-prompt').innerText()).toMatch(/^흐름은 어디서 시작해서/);
  expect(await bar.getByText('8단계 중 1단계').count()).toBe(1);
  await bar.getByRole('button', { name: '다음 단계' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(ARTIFACTS, 'i18n-ko-editor.png') });
});

it('the picker switches to English, which is remembered across a reload', async () => {
  const map = await e2e.server.createMap('Payments', 'software-delivery');
  const ui = await pageIn('ko-KR', 'Ji-woo');
  const { page } = ui;
  await ui.openEditor(editUrl(e2e.server, map));
  await page.getByRole('button', { name: '워크숍 시작' }).waitFor();

  await ui.choose('en');
  await page.getByRole('button', { name: 'Start workshop' }).waitFor();
  await expect.poll(() => ui.editorText()).toContain('4w 2d 2h');
  expect(await page.evaluate(() => localStorage.getItem('flowmap.language'))).toBe('en');

  // The browser still prefers Korean; the choice wins.
  await page.reload();
  await page.locator('.react-flow').waitFor();
  await page.getByRole('button', { name: 'Start workshop' }).waitFor();
  expect(await ui.htmlLang()).toBe('en');
  expect(await ui.picker().inputValue()).toBe('en');

  // A duration typed with Korean units is read in the English UI too: 10d → 3일.
  const editor = new EditorPage(page);
  await editor.select('Security review');
  await editor.setField('Elapsed time (LT)', '3일');
  const lead = inLocale('en', () => formatDuration(SHORTER_LT));
  await expect.poll(() => editor.figure('Lead time').innerText()).toBe(lead);

  // And back to Korean: the same figure in Korean units.
  await ui.choose('ko');
  const korean = inLocale('ko', () => formatDuration(SHORTER_LT));
  await expect.poll(() => ui.editorText()).toContain(korean);
  await page.getByRole('button', { name: '워크숍 시작' }).waitFor();
});

it('an English browser gets the English UI and is not switched by a Korean one', async () => {
  const ui = await pageIn('en-US', 'Ada');
  await ui.page.goto(`${e2e.server.url}/#key=${OWNER_KEY}`);
  await ui.page.getByRole('heading', { level: 1, name: 'Your maps' }).waitFor();
  expect(await ui.htmlLang()).toBe('en');
  expect(await ui.picker().inputValue()).toBe('en');
});
