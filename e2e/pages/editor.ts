// Page object for the map editor: what a participant does, in the words of the UI (labels,
// roles, visible text), so a markup change breaks one place, not every spec.
import type { Locator, Page } from 'playwright-core';

export class EditorPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<this> {
    await this.page.goto(url);
    await this.page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();
    await this.page.locator('.react-flow').waitFor();
    return this;
  }

  node(name: string): Locator {
    return this.page.locator('.react-flow__node').filter({ hasText: name }).first();
  }

  stageNames(): Promise<string[]> {
    return this.page.locator('.react-flow__node .vsm-stage-name').allInnerTexts();
  }

  /** Adds a stage with the toolbar, names it through the inspector, and returns its name. */
  async addStage(name: string): Promise<void> {
    // A node id not on screen before (not a count: React Flow mounts only visible nodes, and
    // revealing the new stage can pan another one out of view).
    const ids = () =>
      this.page
        .locator('.react-flow__node')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
    const before = await ids();
    await this.page.getByRole('button', { name: 'Add a process stage' }).click();
    await this.page.waitForFunction(
      (known) =>
        Array.from(document.querySelectorAll('.react-flow__node')).some(
          (n) => !known.includes(n.getAttribute('data-id') ?? ''),
        ),
      before,
    );
    await this.selectOnly(await this.newestStage());
    await this.setField('Name', name);
    await this.node(name).waitFor();
  }

  private async newestStage(): Promise<Locator> {
    const selected = this.page.locator('.react-flow__node.selected');
    if ((await selected.count()) === 1) return selected;
    return this.page.locator('.react-flow__node-stage').last();
  }

  async select(name: string): Promise<void> {
    await this.selectOnly(this.node(name));
  }

  private async selectOnly(node: Locator): Promise<void> {
    await this.page.keyboard.press('Escape');
    await node
      .locator('.vsm-databox, .vsm-process')
      .first()
      .click({ position: { x: 8, y: 8 } });
    await this.inspectorField('Name').waitFor();
  }

  inspectorField(label: string): Locator {
    return this.page.locator('.editor-side').getByLabel(label, { exact: true });
  }

  /** Types into an inspector field and commits it with Enter, as a person would. */
  async setField(label: string, value: string): Promise<void> {
    const field = this.inspectorField(label);
    await field.click();
    await field.fill(value);
    // A multi-line field commits when it loses focus; single-line fields on Enter.
    const multiline = await field.evaluate((el) => el.tagName === 'TEXTAREA');
    await field.press(multiline ? 'Tab' : 'Enter');
  }

  /** A figure of the metrics summary, e.g. "Lead time" → "2d 4h". */
  figure(label: string): Locator {
    return this.page
      .locator('.metrics-grid .figure')
      .filter({ has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }

  async undo(): Promise<void> {
    await this.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+z');
  }
}
