// Page object for the workshop bar and its tools, in the words of the UI (buttons, labels), so a
// markup change breaks one place, not the spec.
import type { Locator, Page } from 'playwright-core';

export class WorkshopBar {
  constructor(readonly page: Page) {}

  get bar(): Locator {
    return this.page.getByRole('region', { name: 'Workshop' });
  }

  button(name: string | RegExp): Locator {
    return this.bar.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start workshop' }).click();
    await this.bar.waitFor();
  }

  stepTitle(): Promise<string> {
    return this.bar.getByTestId('workshop-step').innerText();
  }

  timer(): Locator {
    return this.bar.getByTestId('workshop-timer');
  }

  /** The timer's figure in seconds (negative when over time). */
  async timerSeconds(): Promise<number> {
    const text = (await this.timer().innerText()).trim();
    const over = text.startsWith('−');
    const [m, s] = text.replace('−', '').split(':').map(Number);
    return (over ? -1 : 1) * ((m ?? 0) * 60 + (s ?? 0));
  }

  async goToStep(title: string): Promise<void> {
    for (let i = 0; i < 10; i++) {
      const current = await this.stepTitle();
      if (current === title) break;
      await this.button('Next step').click();
      // One click, one step: wait for it to land before deciding on the next click.
      await this.bar.getByTestId('workshop-step').filter({ hasNotText: current }).waitFor();
    }
    await this.bar.getByTestId('workshop-step').filter({ hasText: title }).waitFor();
  }

  async setTeam(team: string): Promise<void> {
    const input = this.bar.getByLabel('Your team');
    await input.fill(team);
    await input.press('Enter');
  }

  async openRound(field: string, stage: string, named = true): Promise<void> {
    await this.button('Estimation round…').click();
    const form = this.bar.getByRole('form', { name: 'New estimation round' });
    await form.getByLabel('Estimate').selectOption({ label: field });
    await form.getByLabel('For').selectOption({ label: stage });
    if (!named) await form.getByLabel('Show names on reveal').uncheck();
    await form.getByRole('button', { name: 'Open round' }).click();
    await this.round().waitFor();
  }

  round(): Locator {
    return this.bar.getByTestId('estimation-round');
  }

  question(stageText: string): Locator {
    return this.round().locator('.workshop-question').filter({ hasText: stageText });
  }

  async answer(stage: string, value: string): Promise<void> {
    const field = this.round().getByLabel(`Your answer: ${stage}`);
    await field.fill(value);
    await field.press('Enter');
    await this.question(stage).locator('.workshop-mine').waitFor();
  }

  async openVote(subject: string, dots: number, stack: number): Promise<void> {
    await this.button('Dot vote…').click();
    const form = this.bar.getByRole('form', { name: 'New dot vote' });
    await form.getByLabel('Vote on').selectOption({ label: subject });
    await form.getByLabel('Dots each').fill(String(dots));
    await form.getByLabel('Most on one item').fill(String(stack));
    await form.getByRole('button', { name: 'Open vote' }).click();
    await this.vote().waitFor();
  }

  vote(): Locator {
    return this.bar.getByTestId('dot-vote');
  }

  async dot(item: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      const before = await this.vote().getByTestId('dots-left').innerText();
      await this.vote()
        .getByRole('button', { name: `Add a dot to ${item}` })
        .click();
      await this.vote().getByTestId('dots-left').filter({ hasNotText: before }).waitFor();
    }
  }

  ranking(): Promise<string[]> {
    return this.vote()
      .getByTestId('vote-ranking')
      .locator('li')
      .evaluateAll((items) =>
        items.map((li) =>
          [
            li.querySelector('.workshop-rank')?.textContent,
            li.querySelector('.workshop-item-name')?.textContent,
            li.querySelector('.workshop-muted')?.textContent,
          ].join(' '),
        ),
      );
  }
}
