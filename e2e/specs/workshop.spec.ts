// A facilitated workshop with three people in their own browsers (issue 16): the same step and
// timer everywhere, a silent estimation round nobody can peek at before the reveal, the accepted
// median written to the stage, a %C/A question answered by the downstream team, a dot vote ranked
// once closed, and the action plan exported as CSV. Screenshots of each step in e2e/artifacts.
import type { FlowMap } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { editUrl, viewUrl } from '../fixtures/server.ts';
import type { EditorPage } from '../pages/editor.ts';
import { WorkshopBar } from '../pages/workshop.ts';

const e2e = useE2E();

const shot = (editor: EditorPage, name: string) =>
  editor.page.screenshot({ path: `${ARTIFACTS}/workshop-${name}.png` });

describe('facilitated workshop', () => {
  it('runs agenda, timer, silent estimation, downstream %C/A, dot voting and the plan for three people', async () => {
    const links = await e2e.server.createMap('Payments workshop');
    const url = editUrl(e2e.server, links);
    const fay = await e2e.openAs('Fay', url);
    const ana = await e2e.openAs('Ana', url);
    const bo = await e2e.openAs('Bo', url);
    const [F, A, B] = [fay, ana, bo].map((e) => new WorkshopBar(e.page)) as [
      WorkshopBar,
      WorkshopBar,
      WorkshopBar,
    ];
    const everyone = [F, A, B];

    // 1. The facilitator starts the workshop; all three see the same step and time box.
    await F.start();
    for (const w of everyone) {
      await w.bar.waitFor();
      expect(await w.stepTitle()).toBe('Scope');
      await w.timer().filter({ hasText: '10:00' }).waitFor();
    }
    // The timer runs in the server's clock: every screen shows the same figure (±1 s of polling).
    await F.button('Start').click();
    for (const w of everyone)
      await w.timer().and(w.page.locator('[data-running="true"]')).waitFor();
    await F.button('+5 min').click();
    await A.page.waitForFunction(() => {
      const text = document.querySelector('[data-testid="workshop-timer"]')?.textContent ?? '';
      return text.startsWith('14:') || text.startsWith('15:');
    });
    const seconds = await Promise.all(everyone.map((w) => w.timerSeconds()));
    expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(1);
    expect(seconds[0]).toBeGreaterThan(14 * 60);
    await shot(fay, 'start');
    await shot(bo, 'start-participant');

    // 2. Silent estimation of Manual tests' lead time.
    await F.goToStep('Time');
    for (const w of everyone)
      await w.bar.getByTestId('workshop-step').filter({ hasText: 'Time' }).waitFor();
    await F.openRound('Lead time (LT)', 'Manual tests');
    for (const w of [A, B]) await w.round().waitFor();
    await F.answer('Manual tests', '1d');
    await A.answer('Manual tests', '4h');
    await B.answer('Manual tests', '2d');
    for (const w of everyone) {
      await w
        .question('Manual tests')
        .getByTestId('answer-count')
        .filter({ hasText: '3 answers' })
        .waitFor();
    }
    // Before the reveal nobody sees another's value: only their own, and how many answered.
    const anaSees = await A.round().innerText();
    expect(anaSees).toContain('You answered 4h');
    expect(anaSees).not.toMatch(/\b1d\b|\b2d\b/);
    const boSees = await B.round().innerText();
    expect(boSees).toContain('You answered 2d');
    expect(boSees).not.toMatch(/\b4h\b|\b1d\b/);
    expect(await A.round().getByTestId('revealed-answers').count()).toBe(0);
    expect(await A.bar.getByTestId('workshop-progress').innerText()).toBe('3 of 3 answered');
    await shot(ana, 'estimate-hidden');

    await F.button('Reveal answers').click();
    for (const w of everyone) {
      const stats = w.round().getByTestId('round-stats');
      await stats.waitFor();
      expect(await stats.innerText()).toContain('min 4h · median 1d · max 2d');
      expect(await stats.innerText()).toContain('Answers spread 4×');
    }
    expect(await B.round().getByTestId('revealed-answers').innerText()).toMatch(/Ana: 4h/);
    await F.button('Accept median (1d)').click();
    for (const w of everyone)
      await w.round().getByTestId('accepted').filter({ hasText: 'Accepted: 1d' }).waitFor();
    await shot(fay, 'estimate-revealed');

    // 3. Quality: Manual tests' %C/A is asked of the team downstream (Security), who answers it.
    await B.setTeam('Security');
    await F.goToStep('Quality');
    await F.openRound('%C/A', 'Manual tests');
    const boQuestion = B.question('Manual tests');
    await boQuestion.waitFor();
    expect(await boQuestion.locator('.workshop-question-prompt').innerText()).toContain(
      'Security: what share of what you receive from Manual tests is usable as is?',
    );
    await boQuestion.getByText('Asked of your team').waitFor();
    await B.answer('Manual tests', '70');
    await shot(bo, 'quality-downstream');
    await F.button('Reveal answers').click();
    await F.button('Accept median (70%)').click();
    await F.round()
      .getByTestId('accepted')
      .filter({ hasText: 'Accepted: 70% (rated by Security)' })
      .waitFor();

    // The accepted figures are in the stored map: LT with its three-point range, %C/A with ratedBy.
    await expect
      .poll(async () => {
        const map = await e2e.server.api<FlowMap>(`/api/maps/${links.id}/export.json`);
        const state = Object.values(map.states)[0];
        const stage = Object.values(state?.nodes ?? {}).find((n) => n.name === 'Manual tests');
        return (
          stage && {
            lt: stage.elapsedMinutes,
            low: stage.elapsedLowMinutes,
            high: stage.elapsedHighMinutes,
            source: stage.timeSource,
            pct: stage.pctCA,
            ratedBy: stage.ratedBy,
          }
        );
      })
      .toEqual({ lt: 480, low: 240, high: 960, source: 'estimate', pct: 70, ratedBy: 'Security' });

    // 4. Dot vote on the bottlenecks: hidden until closed, then ranked.
    await F.goToStep('Bottlenecks');
    await F.openVote('bottleneck steps', 3, 2);
    for (const w of [A, B]) await w.vote().waitFor();
    await A.dot('Security review', 2);
    await A.dot('Manual tests');
    await B.dot('Change management', 2);
    await B.dot('Security review');
    await F.dot('Security review');
    // Ana sees her own dots only.
    const anaVote = await A.vote().innerText();
    expect(anaVote).toContain('0 dots left');
    expect(await A.vote().locator('[data-item-id] .workshop-dots').allInnerTexts()).toEqual(
      expect.arrayContaining(['●●', '●']),
    );
    const dotsOnChange = await A.vote()
      .locator('li', { hasText: 'Change management' })
      .locator('.workshop-dots')
      .innerText();
    expect(dotsOnChange).toBe('');
    await shot(ana, 'vote-open');
    await F.button('Close vote').click();
    for (const w of everyone) {
      await w.vote().getByTestId('vote-ranking').waitFor();
      expect((await w.ranking()).slice(0, 3)).toEqual([
        '1. Security review 4 dots',
        '2. Change management 2 dots',
        '3. Manual tests 1 dot',
      ]);
    }
    await F.vote().getByLabel('Top').fill('2');
    await F.button('Make kaizen candidates').click();
    await F.vote().locator('.workshop-badge').nth(1).waitFor();
    await shot(fay, 'vote-results');

    // 5. The action plan: owners and dates in the table, then the CSV export.
    await F.goToStep('Action plan');
    const plan = F.bar.getByTestId('action-plan');
    await plan.getByLabel('Owner of Improve Security review').waitFor();
    await plan.getByLabel('Owner of Improve Security review').fill('Ana');
    await plan.getByLabel('Owner of Improve Security review').press('Enter');
    await plan.getByLabel('Due date of Improve Security review').fill('2027-03-01');
    await plan.getByLabel('Status of Improve Security review').selectOption('planned');
    await expect
      .poll(() =>
        A.bar
          .getByTestId('action-plan')
          .getByLabel('Status of Improve Security review')
          .inputValue(),
      )
      .toBe('planned');
    await shot(fay, 'plan');

    // A view link follows the workshop read-only: the plan without inputs, no facilitator controls.
    const viewer = await e2e.openAs('Vic', viewUrl(e2e.server, links));
    const V = new WorkshopBar(viewer.page);
    await V.bar.getByTestId('workshop-step').filter({ hasText: 'Action plan' }).waitFor();
    const viewerPlan = V.bar.getByTestId('action-plan');
    await viewerPlan.getByText('Improve Security review').waitFor();
    expect(await viewerPlan.locator('input, select').count()).toBe(0);
    expect(await V.bar.getByRole('button', { name: 'Next step' }).count()).toBe(0);
    await shot(viewer, 'viewer');

    const csv = await fay.page.evaluate(
      async ([id, token]) => {
        const res = await fetch(`/api/maps/${id}/export.plan.csv?token=${token}`);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          text: await res.text(),
        };
      },
      [links.id, links.editToken] as const,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'kaizen,stage,owner,due,status,votes,expected_effect,expected_lt_change_minutes,p85_lt_change_minutes',
    );
    expect(lines, csv.text).toContain(
      'Improve Security review,Security review,Ana,2027-03-01,planned,4,,,',
    );
    expect(lines).toContain('Improve Change management,Change management,,,idea,2,,,');
  });

  it("brings everyone to the facilitator's view; a participant can break away and rejoin", async () => {
    const links = await e2e.server.createMap('Gather');
    const url = editUrl(e2e.server, links);
    const fay = await e2e.openAs('Fay', url);
    const ana = await e2e.openAs('Ana', url);
    const F = new WorkshopBar(fay.page);
    const A = new WorkshopBar(ana.page);
    await F.start();
    await A.bar.waitFor();
    await F.button('Bring everyone to my view').click();
    await A.bar.getByText("Following the facilitator's view — pan to break away").waitFor();
    expect(await A.button("Rejoin facilitator's view").count()).toBe(0);
    // Ana pans the canvas herself: she breaks away and may rejoin.
    const pane = ana.page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('no canvas');
    const from = { x: box.x + box.width / 2, y: box.y + box.height * 0.3 };
    await ana.page.mouse.move(from.x, from.y);
    await ana.page.mouse.down();
    await ana.page.mouse.move(from.x + 120, from.y + 60, { steps: 5 });
    await ana.page.mouse.up();
    await A.button("Rejoin facilitator's view").click();
    await A.bar.getByText("Following the facilitator's view — pan to break away").waitFor();
    await shot(ana, 'gather');
  });
});
