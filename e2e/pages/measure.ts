// Page object for Import measurements: the top bar's Measure button, its dialog and the measured
// figures on the canvas, in the words of the UI.
import type { Locator, Page } from 'playwright-core';

export class MeasurePage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import measurements' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Measure', exact: true }).click();
    await this.dialog.waitFor();
  }

  /** Picks a log file in the dialog, as if chosen in the file picker. */
  async pick(which: 'events' | 'deployments', name: string, text: string): Promise<void> {
    await this.dialog.getByTestId(`measure-${which}`).setInputFiles({
      name,
      mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
      buffer: Buffer.from(text, 'utf8'),
    });
  }

  preview(): Locator {
    return this.dialog.getByRole('region', { name: 'Measured figures' });
  }

  async apply(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Apply to the map' }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** The measured-vs-estimated strip of a stage on the canvas. */
  figures(stage: string): Locator {
    return this.page
      .locator('.react-flow__node')
      .filter({ hasText: stage })
      .first()
      .getByTestId('measured-figures');
  }
}
