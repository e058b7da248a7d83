// Measured reality (issue 17) through a real server: an editor's import (aggregates only) passes
// the write guard over the websocket, a snapshot taken afterwards keeps the measured figures and
// its headline quotes the measured lead time, and a hostile client's bad measured value is refused.
import type { StageMeasured } from '@flowmap/shared';
import { applyMeasurement } from '@flowmap/shared/doc';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type * as Y from 'yjs';
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

const MEASURED: StageMeasured = {
  from: '2026-01-05T09:00:00.000Z',
  to: '2026-03-27T17:00:00.000Z',
  items: 212,
  passes: 247,
  leadTimeMinutes: { p50: 480, p85: 1440, mean: 960 },
  processTimeMinutes: 120,
  pctCA: 85,
};

async function mapWithEditor() {
  const res = await h.api('/api/maps', {
    method: 'POST',
    json: { title: 'Payments', template: 'software-delivery' },
  });
  const map = (await res.json()) as { id: string; editToken: string };
  const client = connectMap(h.url, map.id, map.editToken);
  clients.push(client);
  await waitFor(() => client.provider.synced, 'editor synced');
  return { map, client };
}

async function exported(id: string) {
  return (await h.api(`/api/maps/${id}/export.json`)).json();
}

it('keeps the measured figures in a snapshot taken after the import, headline included', async () => {
  const { map, client } = await mapWithEditor();
  applyMeasurement(client.doc, 'current', {
    stages: { 'security-review': MEASURED },
    mapping: [{ log: 'Sec review', stage: 'security-review' }],
    dora: {
      deploymentsPerWeek: 7,
      changeFailureRate: 0.1,
      timeToRestoreMinutes: 60,
      leadTimeForChangesMinutes: null,
      measured: { from: MEASURED.from, to: MEASURED.to, deployments: 84 },
    },
    use: 'all',
  });
  await waitFor(
    async () =>
      (await exported(map.id)).states.current.nodes['security-review'].timeSource === 'measured',
    'the server has the import',
  );
  const taken = await (
    await h.api(`/api/maps/${map.id}/snapshots`, {
      method: 'POST',
      owner: true,
      json: { name: 'Q1' },
    })
  ).json();
  // The template's 10,680 minutes with security review's 10 days (4,800) replaced by 960.
  expect(taken.headline.states[0].totalLeadTimeMinutes).toBe(10_680 - 4_800 + 960);
  const snapshot = await (await h.api(`/api/maps/${map.id}/snapshots/${taken.id}`)).json();
  const stage = snapshot.states.current.nodes['security-review'];
  expect(stage.measured).toEqual(MEASURED);
  expect(stage).toMatchObject({
    elapsedMinutes: 960,
    valueAddMinutes: 120,
    pctCA: 85,
    timeSource: 'measured',
    estimate: { elapsedMinutes: 4800, valueAddMinutes: 240, pctCA: 80 },
  });
  expect(snapshot.states.current.dora).toMatchObject({
    deploymentsPerWeek: 7,
    measured: { deployments: 84 },
  });
  expect(snapshot.meta.stageMapping).toEqual([{ log: 'Sec review', stage: 'security-review' }]);
});

it('refuses a client that writes a bad measured value, and stores none of it', async () => {
  const { map, client } = await mapWithEditor();
  const nodes = (client.doc.getMap('states').get('current') as Y.Map<unknown>).get(
    'nodes',
  ) as Y.Map<Y.Map<unknown>>;
  const closes: { code: number; reason: string }[] = [];
  client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  nodes.get('vcs')?.set('measured', { ...MEASURED, pctCA: 140 });
  await waitFor(() => closes.length > 0, 'the server closed the offending connection');
  expect(closes[0]).toEqual({
    code: 4422,
    reason: 'states.current.nodes.vcs.measured: must be 0–100',
  });
  client.destroy();
  // A later, valid edit from a fresh editor lands; the refused one never does.
  const second = connectMap(h.url, map.id, map.editToken);
  clients.push(second);
  await waitFor(() => second.provider.synced, 'second editor synced');
  applyMeasurement(second.doc, 'current', { stages: { 'manual-tests': MEASURED } });
  await waitFor(
    async () =>
      (await exported(map.id)).states.current.nodes['manual-tests'].measured?.pctCA === 85,
    'the valid import reached the server',
  );
  expect((await exported(map.id)).states.current.nodes.vcs.measured).toBeUndefined();
});
