// Page object for the editor's Export menu: opens it as a person would and returns what the
// browser downloaded.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export interface DownloadedFile {
  name: string;
  bytes: Buffer;
  text(): string;
}

export class ExportMenu {
  constructor(readonly page: Page) {}

  button() {
    return this.page.getByRole('button', { name: 'Export', exact: true });
  }

  async open(): Promise<void> {
    if ((await this.button().getAttribute('aria-expanded')) !== 'true') await this.button().click();
    await this.page.getByRole('menu').waitFor();
  }

  /** Clicks the item whose accessible name starts with `name` and waits for the download. */
  async download(name: RegExp): Promise<DownloadedFile> {
    await this.open();
    const item = this.page.getByRole('menuitem', { name });
    const [download] = await Promise.all([this.page.waitForEvent('download'), item.click()]);
    return this.read(download);
  }

  /** The same through the keyboard only: focus the button, open with Enter, arrow to the item. */
  async downloadWithKeyboard(steps: number): Promise<DownloadedFile> {
    await this.button().focus();
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('menu').waitFor();
    for (let i = 0; i < steps; i++) await this.page.keyboard.press('ArrowDown');
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.keyboard.press('Enter'),
    ]);
    return this.read(download);
  }

  private async read(download: import('playwright-core').Download): Promise<DownloadedFile> {
    const failure = await download.failure();
    if (failure) throw new Error(`download failed: ${failure}`);
    const path = await download.path();
    const bytes = await readFile(path);
    return { name: download.suggestedFilename(), bytes, text: () => bytes.toString('utf8') };
  }
}
