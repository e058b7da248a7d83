import {
  openRound,
  openVote,
  readWorkshop,
  setViewersTakePart,
  startWorkshop,
} from '@flowmap/shared/workshop/doc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateWithFuture } from '../export/export.testkit.ts';
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

const T0 = 1_800_000_000_000;

/** A map with a running workshop, an open LT round on Security review and a dot vote. */
async function runningWorkshop() {
  const res = await h.api('/api/maps/import', { method: 'POST', json: templateWithFuture() });
  const links = (await res.json()) as { id: string; editToken: string; viewToken: string };
  const facilitator = connectMap(h.url, links.id, links.editToken);
  clients.push(facilitator);
  await waitFor(() => facilitator.provider.synced, 'the facilitator synced');
  const { doc } = facilitator;
  startWorkshop(doc, { facilitatorId: 'fac', stateId: 'current', now: T0 });
  const round = openRound(doc, {
    stateId: 'current',
    field: 'elapsedMinutes',
    stageIds: ['security-review'],
    named: true,
    now: T0,
  });
  const vote = openVote(doc, {
    stateId: 'current',
    subject: 'stages',
    dots: 2,
    stackLimit: 2,
    now: T0,
  });
  return { ...links, facilitator, round, vote };
}

function act(id: string, token: string, body: unknown) {
  return h.api(`/api/maps/${id}/workshop/actions?token=${token}`, {
    method: 'POST',
    owner: false,
    json: body,
  });
}

describe('POST /api/maps/<id>/workshop/actions', () => {
  it('lets a view link answer and vote only once the facilitator allows it; everyone sees it', async () => {
    const { id, viewToken, facilitator, round, vote } = await runningWorkshop();
    const answer = {
      kind: 'answer',
      participantId: 'viewer-1',
      roundId: round,
      stageId: 'security-review',
      value: 4800,
    };
    // The facilitator's round must reach the server before a viewer can answer it.
    await waitFor(async () => (await act(id, viewToken, answer)).status === 403, 'refused first');
    const refused = await act(id, viewToken, answer);
    expect(await refused.json()).toEqual({
      error: 'the facilitator has not let view links take part',
    });

    setViewersTakePart(facilitator.doc, true);
    await waitFor(async () => (await act(id, viewToken, answer)).status === 204, 'accepted');
    expect(
      (await act(id, viewToken, { kind: 'join', participantId: 'viewer-1', name: 'Sam' })).status,
    ).toBe(204);
    const dot = {
      kind: 'dot',
      participantId: 'viewer-1',
      voteId: vote,
      itemId: 'security-review',
      delta: 1,
    };
    expect((await act(id, viewToken, dot)).status).toBe(204);

    await waitFor(() => {
      const w = readWorkshop(facilitator.doc);
      return (
        w.rounds[0]?.answers['viewer-1']?.['security-review'] === 4800 &&
        w.votes[0]?.ballots['viewer-1']?.['security-review'] === 1 &&
        w.participants['viewer-1']?.name === 'Sam'
      );
    }, "the facilitator never saw the viewer's answer, dot and name");
  });

  it('says what is wrong with a bad action, a wrong token or an oversized body', async () => {
    const { id, viewToken, facilitator, round } = await runningWorkshop();
    setViewersTakePart(facilitator.doc, true);
    const bad = await act(id, viewToken, { kind: 'answer', participantId: 'v', roundId: round });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^stageId: /);

    const unknownKind = await act(id, viewToken, { kind: 'openRound', participantId: 'v' });
    expect(unknownKind.status).toBe(400);

    const answer = {
      kind: 'answer',
      participantId: 'viewer-1',
      roundId: round,
      stageId: 'security-review',
      value: -5,
    };
    await waitFor(async () => (await act(id, viewToken, answer)).status === 409, 'a 409');
    const wrong = await act(id, 'not-the-token', { ...answer, value: 60 });
    expect(wrong.status).toBe(403);
    const huge = await act(id, viewToken, {
      kind: 'join',
      participantId: 'v',
      name: 'x'.repeat(8000),
    });
    expect(huge.status).toBe(413);
    expect(readWorkshop(facilitator.doc).rounds[0]?.answers).toEqual({});
  });
});
