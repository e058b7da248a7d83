// Page object for the UI language: a participant whose browser speaks a given language, the
// language picker (named "Language" / "언어", so found by its options), and what the page says
// its language is (<html lang>).
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/**
 * A participant's own context whose browser prefers `locale` (navigator.language and
 * Accept-Language), with a display name already chosen so no name prompt covers the page.
 */
export async function contextInLocale(
  browser: Browser,
  locale: string,
  name: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  await context.addInitScript((n) => localStorage.setItem('flowmap.displayName', n), name);
  return context;
}

export class LanguagePage {
  constructor(readonly page: Page) {}

  /** The picker: the one select that offers both languages, each named in its own script. */
  picker(): Locator {
    return this.page
      .getByRole('combobox')
      .filter({ has: this.page.locator('option[value="ko"]') })
      .first();
  }

  async choose(locale: 'en' | 'ko'): Promise<void> {
    await this.picker().selectOption(locale);
    await this.page.waitForFunction((l) => document.documentElement.lang === l, locale);
  }

  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  /** Opens the editor and waits for the canvas and the picker (in any language). */
  async openEditor(url: string): Promise<this> {
    await this.page.goto(url);
    await this.page.locator('.react-flow').waitFor();
    await this.page.locator('.react-flow__node').first().waitFor();
    await this.picker().waitFor();
    return this;
  }

  /** The visible text of the editor's main area: canvas, side panel and ladder. */
  editorText(): Promise<string> {
    return this.page.locator('.editor-main').innerText();
  }
}
