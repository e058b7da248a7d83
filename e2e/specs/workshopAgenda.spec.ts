// The facilitator picks the session's agenda (issue 16): moves a step, takes one out, and every
// participant's bar follows — the same step, the same count.
import { describe, expect, it } from 'vitest';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl } from '../fixtures/server.ts';
import { WorkshopBar } from '../pages/workshop.ts';

const e2e = useE2E();

describe('workshop agenda', () => {
  it('moves and removes steps for everyone', async () => {
    const links = await e2e.server.createMap('Agenda');
    const url = editUrl(e2e.server, links);
    const F = new WorkshopBar((await e2e.openAs('Fay', url)).page);
    const A = new WorkshopBar((await e2e.openAs('Ana', url)).page);
    await F.start();
    await F.goToStep('Rework');
    await F.button('Edit step').click();
    // Rework before Quality: the room stays on Rework, now step 4.
    await F.button('Move earlier').click();
    for (const w of [F, A]) {
      await w.bar.getByText('Step 4 of 8').waitFor();
      expect(await w.stepTitle()).toBe('Rework');
    }
    // Scope is not needed today: out of the agenda, for everyone.
    await F.button('Previous step').click();
    await F.button('Previous step').click();
    await F.button('Previous step').click();
    await F.bar.getByTestId('workshop-step').filter({ hasText: 'Scope' }).waitFor();
    // The step form stays open while the facilitator moves between steps.
    await F.button('Remove step').click();
    for (const w of [F, A]) {
      await w.bar.getByText('Step 1 of 7').waitFor();
      expect(await w.stepTitle()).toBe('Steps');
    }
  });
});
