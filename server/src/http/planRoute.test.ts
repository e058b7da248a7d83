import {
  closeVote,
  makeKaizenCandidates,
  openVote,
  placeDot,
  startWorkshop,
} from '@flowmap/shared/workshop/doc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPageCount, templateWithFuture } from '../export/export.testkit.ts';
import { waitFor } from '../sync/clients.testkit.ts';
import { connectMap, type Harness, type MapClient, startHarness } from './harness.testkit.ts';

let h: Harness;
const clients: MapClient[] = [];
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await h.stop();
});

const get = (path: string) => h.api(path, { owner: false });
const T0 = 1_800_000_000_000;

async function mapWithWorkshop() {
  const res = await h.api('/api/maps/import', { method: 'POST', json: templateWithFuture() });
  const links = (await res.json()) as { id: string; editToken: string; viewToken: string };
  const client = connectMap(h.url, links.id, links.editToken);
  clients.push(client);
  await waitFor(() => client.provider.synced, 'the client synced');
  const { doc } = client;
  startWorkshop(doc, { facilitatorId: 'fac', stateId: 'current', now: T0 });
  const vote = openVote(doc, {
    stateId: 'current',
    subject: 'stages',
    dots: 3,
    stackLimit: 2,
    now: T0,
  });
  placeDot(doc, vote, 'p1', 'security-review', 1);
  placeDot(doc, vote, 'p1', 'security-review', 1);
  placeDot(doc, vote, 'p2', 'security-review', 1);
  closeVote(doc, vote);
  makeKaizenCandidates(doc, vote, 1);
  return links;
}

describe('GET /api/maps/<id>/export.plan.csv', () => {
  it("serves the live workshop's plan to a view link, with its dots", async () => {
    const { id, viewToken } = await mapWithWorkshop();
    let text = '';
    await waitFor(
      async () => {
        const res = await get(`/api/maps/${id}/export.plan.csv?token=${viewToken}`);
        text = await res.text();
        return res.status === 200 && text.includes('Improve Security review');
      },
      () => `the plan never showed the new kaizen: ${text}`,
    );
    const res = await get(`/api/maps/${id}/export.plan.csv?token=${viewToken}`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toContain(
      'filename="Payments-service-Current-state-Action-plan.csv"',
    );
    expect((await res.text()).split('\r\n')).toEqual([
      'kaizen,stage,owner,due,status,votes,expected_effect,expected_lt_change_minutes,p85_lt_change_minutes',
      'Improve Security review,Security review,,,idea,3,,,',
      'Automate the regression suite,Manual tests,,,,0,,,',
      '',
    ]);
  });

  it('refuses missing and wrong tokens and unknown states, like the other exports', async () => {
    const res = await h.api('/api/maps/import', { method: 'POST', json: templateWithFuture() });
    const { id, viewToken } = (await res.json()) as { id: string; viewToken: string };
    expect((await get(`/api/maps/${id}/export.plan.csv`)).status).toBe(401);
    expect((await get(`/api/maps/${id}/export.plan.csv?token=nope`)).status).toBe(403);
    const state = await get(`/api/maps/${id}/export.plan.csv?token=${viewToken}&state=later`);
    expect(state.status).toBe(404);
    expect(await state.json()).toEqual({
      error: 'no state “later” in this map; states: current (Current state), future (Future state)',
    });
    // Without a workshop the plan is the first current state's kaizens, none voted on.
    const plain = await get(`/api/maps/${id}/export.plan.csv?token=${viewToken}`);
    expect(await plain.text()).toBe(
      'kaizen,stage,owner,due,status,votes,expected_effect,expected_lt_change_minutes,p85_lt_change_minutes\r\nAutomate the regression suite,Manual tests,,,,0,,,\r\n',
    );
  });

  it('adds the workshop summary and plan page to the PDF once a workshop ran', async () => {
    const { id, viewToken } = await mapWithWorkshop();
    await waitFor(async () => {
      const res = await get(`/api/maps/${id}/export.plan.csv?token=${viewToken}`);
      return (await res.text()).includes('Improve Security review');
    }, 'the workshop reached storage');
    const pdf = await get(`/api/maps/${id}/export.pdf?token=${viewToken}`);
    expect(pdf.status).toBe(200);
    const plain = (await (
      await h.api('/api/maps/import', { method: 'POST', json: templateWithFuture() })
    ).json()) as {
      id: string;
      viewToken: string;
    };
    const without = await get(`/api/maps/${plain.id}/export.pdf?token=${plain.viewToken}`);
    const pages = async (res: Response) => pdfPageCount(new Uint8Array(await res.arrayBuffer()));
    // The same pages as the map without a workshop, plus the workshop summary and plan page.
    expect(await pages(pdf)).toBe((await pages(without)) + 1);
  }, 30_000);
});
