// Page object for a map's snapshots (quarterly reviews), in the words of the UI.
import type { Locator, Page } from 'playwright-core';

export class SnapshotsPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Snapshots' });
  }

  async show(): Promise<this> {
    await this.page.getByRole('button', { name: 'Snapshots', exact: true }).click();
    await this.region.waitFor();
    await this.region.getByRole('tab', { name: /Reviews/ }).waitFor();
    return this;
  }

  async back(): Promise<void> {
    await this.region.getByRole('button', { name: /Back to the map/ }).click();
    await this.page.locator('.react-flow').waitFor();
  }

  nameField(): Locator {
    return this.region.getByLabel('Snapshot name', { exact: true });
  }

  async take(name: string): Promise<void> {
    await this.nameField().fill(name);
    await this.region.getByRole('button', { name: 'Take snapshot' }).click();
    await this.region
      .getByRole('status')
      .filter({ hasText: `Snapshot “${name}” taken.` })
      .waitFor();
  }

  async tab(name: 'Reviews' | 'Compare' | 'Trend'): Promise<void> {
    await this.region.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** The rows of one snapshot in the reviews table (one per state). */
  row(name: string): Locator {
    return this.region.locator(`tbody[data-snapshot="${name}"]`);
  }

  /** Opens one snapshot read-only (its name in the list is the way in). */
  async openSnapshot(name: string): Promise<Locator> {
    await this.row(name).getByRole('button', { name, exact: true }).click();
    const article = this.region.getByRole('article', { name: `Snapshot ${name}` });
    await article.waitFor();
    return article;
  }

  listedNames(): Promise<string[]> {
    return this.region.locator('tbody[data-snapshot] .snapshot-name').allInnerTexts();
  }

  comparison(): Locator {
    return this.region.getByRole('region', { name: 'Snapshot comparison' });
  }

  chart(metric: string): Locator {
    return this.region.locator(`figure.trend-chart[data-metric="${metric}"]`);
  }

  /** The trend's figures table: one row of cell texts per point, header row first; a cell's
   * lines are joined with " · " ("0.5 per week · Medium"). */
  async trendTable(): Promise<string[][]> {
    return this.region
      .getByRole('table', { name: 'Figures' })
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll<HTMLElement>('th, td')).map((c) =>
            c.innerText.trim().replace(/\s*\n\s*/g, ' · '),
          ),
        ),
      );
  }
}
