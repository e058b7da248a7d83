// A view link takes part in a workshop once the facilitator allows it (issue 16): before, it has no
// answer field and no dots; after "View links take part", its answer and dots reach the
// facilitator's screen through the server's workshop route — and the map itself stays read-only.
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl, viewUrl } from '../fixtures/server.ts';
import { WorkshopBar } from '../pages/workshop.ts';

const e2e = useE2E();

describe('view links in a workshop', () => {
  it('answer and vote only once the facilitator lets them take part', async () => {
    const links = await e2e.server.createMap('Viewers workshop');
    const fay = await e2e.openAs('Fay', editUrl(e2e.server, links));
    const vic = await e2e.openAs('Vic', viewUrl(e2e.server, links));
    const F = new WorkshopBar(fay.page);
    const V = new WorkshopBar(vic.page);

    await F.start();
    await F.goToStep('Time');
    await F.openRound('Lead time (LT)', 'Manual tests');
    await V.round().waitFor();
    // Read-only until allowed: the question is there, the answer field is not.
    await V.question('Manual tests').waitFor();
    expect(await V.round().getByLabel('Your answer: Manual tests').count()).toBe(0);

    await F.bar.getByLabel('View links take part').check();
    await V.answer('Manual tests', '3d');
    // The facilitator's screen counts the viewer's answer, and lists Vic as a participant.
    await F.question('Manual tests')
      .getByTestId('answer-count')
      .filter({ hasText: '1 answer' })
      .waitFor();
    await expect
      .poll(() => F.bar.getByTestId('workshop-progress').getAttribute('title'))
      .toContain('Vic');

    await F.goToStep('Bottlenecks');
    await F.openVote('bottleneck steps', 2, 2);
    await V.vote().waitFor();
    await V.dot('Security review', 2);
    await F.button('Close vote').click();
    await expect.poll(() => F.ranking()).toContain('1. Security review 2 dots');
    await vic.page.screenshot({ path: `${ARTIFACTS}/workshop-viewer-takes-part.png` });

    // Taking part does not make the map editable: still view only, no way to add a stage.
    await vic.page.getByText('View only').first().waitFor();
    expect(await vic.page.getByRole('button', { name: 'Add a process stage' }).count()).toBe(0);
  });
});
