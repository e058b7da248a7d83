// The side panels in Korean: a browser that prefers Korean reads the metrics panel, the timeline
// ladder, the forecast and Compare in Korean (catalogs 'panels' and 'forecast'), with no English
// heading left over. Screenshots: i18n-ko-panels.png (editor), i18n-ko-forecast.png (the forecast)
// and i18n-ko-compare(-dora).png (Compare).
import { join } from 'node:path';
import type { FlowMap } from '@flowmap/shared';
import type { BrowserContext } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
// pdf.js, as the server's export tests read PDFs with it.
import { pdfText } from '../../server/src/export/export.testkit.ts';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl, viewUrl } from '../fixtures/server.ts';
import { contextInLocale, LanguagePage } from '../pages/language.ts';

const e2e = useE2E();
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

/** The payments map with a spread to forecast and an open kaizen that promises an effect. */
function workshopMap(): FlowMap {
  const map = mapWithFutureState();
  for (const state of Object.values(map.states)) {
    Object.assign(state.nodes['security-review'] ?? {}, {
      elapsedLowMinutes: 2400,
      elapsedHighMinutes: 14_400,
    });
  }
  Object.assign(map.states.current?.nodes['kaizen-automate-regression'] ?? {}, {
    effectElapsedMinutes: 960,
    status: 'planned',
  });
  return map;
}

it('a Korean browser reads the metrics, the ladder, the forecast and Compare in Korean', async () => {
  const links = await e2e.server.importMap(workshopMap());
  const context = await contextInLocale(e2e.browser, 'ko-KR', '서연');
  contexts.push(context);
  const ui = new LanguagePage(await context.newPage());
  const { page } = ui;
  await ui.openEditor(editUrl(e2e.server, links));
  expect(await ui.htmlLang()).toBe('ko');

  // The metrics panel: headline figures, the projected line and the ranked bottlenecks.
  const metrics = page.locator('section.metrics');
  await metrics.waitFor();
  expect(await metrics.getByRole('heading', { level: 2 }).innerText()).toBe('지표');
  const metricsText = await metrics.innerText();
  for (const words of ['리드 타임', '부가가치 시간', '흐름 효율', '누적 %C/A', '병목']) {
    expect(metricsText).toContain(words);
  }
  expect(metricsText).toMatch(/열린 카이젠(을| \d+건을) 완료하면:/);
  expect(metricsText).toMatch(/#1\s*\S[\s\S]*전체 대기의 \d+%/);
  for (const english of ['Bottlenecks', 'Flow efficiency', 'Lead time', 'of all waiting']) {
    expect(metricsText).not.toContain(english);
  }

  // The ladder's totals.
  const totals = page.locator('.ladder-totals');
  expect(await totals.getAttribute('aria-label')).toBe('임계 경로 합계');
  expect(await totals.innerText()).toMatch(/리드 타임[\s\S]*부가가치[\s\S]*흐름 효율/);

  // The forecast: the sentence, the columns and the kaizens, once the worker has answered.
  const forecast = page.locator('section.forecast[data-status="ready"]');
  await forecast.waitFor();
  expect(await forecast.getByRole('heading', { level: 2 }).innerText()).toBe('예측');
  expect(await forecast.locator('.forecast-sentence').innerText()).toMatch(
    /^작업 항목의 85%가 .+ 이내$/,
  );
  const forecastText = await forecast.innerText();
  for (const words of ['현재', '카이젠 적용', '미래', '평균', '카이젠별 효과']) {
    expect(forecastText).toContain(words);
  }
  expect(forecastText).toMatch(/예상 [−+]\S+|예상 변화 없음/);
  expect(forecastText).not.toContain('simulated items');
  await forecast.locator('figure.forecast-chart[data-distributions]').waitFor();
  // The side panel scrolled to the metrics, with the forecast under them.
  await metrics.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'i18n-ko-panels.png') });
  await forecast.scrollIntoViewIfNeeded();
  await forecast.screenshot({ path: join(ARTIFACTS, 'i18n-ko-forecast.png') });

  // Compare: the current state against the drawn future, with the projected state.
  await page.getByRole('button', { name: /^(Compare|비교)/ }).click();
  const compare = page.getByRole('region', { name: '상태 비교' });
  await compare.waitFor();
  const compareText = await compare.innerText();
  expect(compareText).toMatch(/리드 타임, .+ → .+/);
  for (const words of [
    '맵으로 돌아가기',
    '이전',
    '이후',
    '4대 핵심 지표',
    '예상 상태',
    '배포 빈도',
  ]) {
    expect(compareText).toContain(words);
  }
  expect(compareText).toMatch(/리드 타임이 (\S.* (짧아졌|길어졌)습니다|그대로입니다)\./);
  for (const english of ['Back to the map', 'Four key metrics', 'Projected state', 'Before']) {
    expect(compareText).not.toContain(english);
  }
  await compare.screenshot({ path: join(ARTIFACTS, 'i18n-ko-compare.png') });
  await compare
    .getByRole('heading', { name: '4대 핵심 지표' })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(ARTIFACTS, 'i18n-ko-compare-dora.png') });
});

it('the picker rewords the open panels and Compare at once, without a reload', async () => {
  const links = await e2e.server.importMap(workshopMap());
  const context = await contextInLocale(e2e.browser, 'ko-KR', '지호');
  contexts.push(context);
  const ui = new LanguagePage(await context.newPage());
  const { page } = ui;
  await ui.openEditor(editUrl(e2e.server, links));
  await page.locator('section.metrics').waitFor();
  await page.getByRole('button', { name: /^(Compare|비교)/ }).click();
  await page.getByRole('region', { name: '상태 비교' }).waitFor();

  await ui.choose('en');
  const compare = page.getByRole('region', { name: 'Compare states' });
  await compare.waitFor();
  const text = await compare.innerText();
  expect(text).toContain('Four key metrics');
  expect(text).toMatch(/The lead time is .+ shorter\./);
  expect(text).toMatch(/Deployment frequency/);
  expect(text).not.toMatch(/[\uac00-\ud7a3]/);

  await compare.getByRole('button', { name: 'Back to the map' }).click();
  const metrics = page.locator('section.metrics');
  await metrics.waitFor();
  expect(await metrics.innerText()).toMatch(/Bottlenecks[\s\S]*of all waiting/i);
  const forecast = page.locator('section.forecast[data-status="ready"]');
  expect(await forecast.locator('.forecast-sentence').innerText()).toMatch(
    /^85% of items within .+$/,
  );
});

it('the snapshots, the Import measurements dialog and the Export menu read in Korean', async () => {
  const links = await e2e.server.importMap(workshopMap());
  const context = await contextInLocale(e2e.browser, 'ko-KR', '하준');
  contexts.push(context);
  const ui = new LanguagePage(await context.newPage());
  const { page } = ui;
  await ui.openEditor(editUrl(e2e.server, links));

  await page.getByRole('button', { name: '측정', exact: true }).click();
  const measure = page.getByRole('dialog', { name: '측정값 가져오기' });
  await measure.waitFor();
  expect(await measure.innerText()).toContain('이벤트 로그');
  await measure.getByRole('button', { name: '취소' }).click();

  await page.getByRole('button', { name: /내보내기/ }).click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  expect(await menu.innerText()).toMatch(/PNG 이미지[\s\S]*맵 전체/);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '스냅숏', exact: true }).click();
  const view = page.getByRole('region', { name: '스냅숏' });
  await view.getByRole('heading', { level: 1, name: '스냅숏' }).waitFor();
  expect(await view.getByRole('tab').allInnerTexts()).toEqual(['리뷰\n0', '비교', '추이']);
  await view.getByText('아직 스냅숏이 없습니다').waitFor();
  await view.getByRole('button', { name: '스냅숏 찍기' }).click();
  await view
    .getByRole('status')
    .filter({ hasText: /을\(를\) 찍었습니다\./ })
    .waitFor();
  const table = view.getByRole('table', { name: '이 맵의 스냅숏' });
  await table.waitFor();
  expect(await table.innerText()).toMatch(/\d{4}년 \d분기 리뷰[\s\S]*지금과 비교/);
  await page.screenshot({ path: join(ARTIFACTS, 'i18n-ko-snapshots.png') });
});

it("map settings choose the exports' language: 한국어 makes the PDF Korean, the UI stays English", async () => {
  const links = await e2e.server.importMap(mapWithFutureState());
  const context = await contextInLocale(e2e.browser, 'en-US', 'Mina');
  contexts.push(context);
  const ui = new LanguagePage(await context.newPage());
  const { page } = ui;
  await ui.openEditor(editUrl(e2e.server, links));
  const select = page.getByRole('combobox', { name: 'Export language' });
  expect(await select.inputValue()).toBe('en');
  expect(await select.locator('option').allInnerTexts()).toEqual(['English', '한국어']);
  await select.selectOption('ko');

  const pdf = async () => {
    const res = await fetch(
      `${e2e.server.url}/api/maps/${links.id}/export.pdf?token=${links.viewToken}`,
    );
    return (await pdfText(Buffer.from(await res.arrayBuffer()))).join('\n');
  };
  await expect.poll(pdf, { timeout: 20_000, interval: 500 }).toContain('상태별 지표');
  expect(await ui.htmlLang()).toBe('en');

  // Kept after a reload, and shown read-only on a view link.
  await page.reload();
  await ui.openEditor(editUrl(e2e.server, links));
  expect(await page.getByRole('combobox', { name: 'Export language' }).inputValue()).toBe('ko');
  await ui.openEditor(viewUrl(e2e.server, links));
  const readOnly = page.getByRole('combobox', { name: 'Export language' });
  expect(await readOnly.inputValue()).toBe('ko');
  expect(await readOnly.isDisabled()).toBe(true);
}, 60_000);
