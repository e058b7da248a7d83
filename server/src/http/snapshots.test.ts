// Snapshot routes against a real server over SQLite: who may do what, what a snapshot holds, that
// a restore makes a new map and leaves the original alone, and that snapshots outlive a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { softwareDeliveryTemplate, validateMap } from '@flowmap/shared';
import { updateDora, updateNode } from '@flowmap/shared/doc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

interface Links {
  id: string;
  editToken: string;
  viewToken: string;
}

async function createMap(title = 'Payments'): Promise<Links> {
  const res = await h.api('/api/maps', {
    method: 'POST',
    json: { title, template: 'software-delivery' },
  });
  expect(res.status).toBe(201);
  return res.json();
}

async function take(id: string, name: string, token?: string) {
  const res = await h.api(`/api/maps/${id}/snapshots${token ? `?token=${token}` : ''}`, {
    method: 'POST',
    owner: !token,
    json: { name },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

/** An editor connected over the websocket, as the web app is. */
async function editorOf(map: Links): Promise<MapClient> {
  const client = connectMap(h.url, map.id, map.editToken);
  clients.push(client);
  await waitFor(() => client.provider.synced, 'editor synced');
  return client;
}

/** Waits until the server's copy of the map shows `check`. */
async function serverSees(id: string, check: (map: any) => boolean, what: string) {
  await waitFor(async () => check(await (await h.api(`/api/maps/${id}/export.json`)).json()), what);
}

const HOUR = 60;
const DAY = 8 * HOUR;

describe('snapshot access', () => {
  it('lets any link list and read, edit links take, and only the owner restore and delete', async () => {
    const map = await createMap();
    const { id: sid } = await take(map.id, 'Baseline');
    const other = await createMap('Other');
    type Who = 'none' | 'wrong' | 'otherMap' | 'view' | 'edit' | 'owner';
    const as = (who: Who, path: string, init: { method?: string; json?: unknown } = {}) => {
      const token =
        who === 'wrong'
          ? 'not-a-token'
          : who === 'otherMap'
            ? other.editToken
            : who === 'view'
              ? map.viewToken
              : who === 'edit'
                ? map.editToken
                : null;
      const sep = path.includes('?') ? '&' : '?';
      return h.api(token ? `${path}${sep}token=${token}` : path, {
        ...init,
        owner: who === 'owner',
      });
    };
    const base = `/api/maps/${map.id}/snapshots`;
    const expected: [string, (who: Who) => Promise<{ status: number }>, Record<Who, number>][] = [
      [
        'take',
        (who) => as(who, base, { method: 'POST', json: { name: `by ${who}` } }),
        { none: 401, wrong: 403, otherMap: 403, view: 403, edit: 201, owner: 201 },
      ],
      [
        'list',
        (who) => as(who, base),
        { none: 401, wrong: 403, otherMap: 403, view: 200, edit: 200, owner: 200 },
      ],
      [
        'read',
        (who) => as(who, `${base}/${sid}`),
        { none: 401, wrong: 403, otherMap: 403, view: 200, edit: 200, owner: 200 },
      ],
      [
        'restore',
        (who) => as(who, `${base}/${sid}/restore`, { method: 'POST' }),
        { none: 401, wrong: 401, otherMap: 401, view: 401, edit: 401, owner: 201 },
      ],
    ];
    const whos: Who[] = ['none', 'wrong', 'otherMap', 'view', 'edit', 'owner'];
    for (const [action, call, statuses] of expected) {
      for (const who of whos) {
        expect((await call(who)).status, `${action} as ${who}`).toBe(statuses[who]);
      }
    }
    // Delete last: it is the one that changes what the others see.
    const del = (who: Who) => as(who, `${base}/${sid}`, { method: 'DELETE' });
    for (const who of ['none', 'wrong', 'view', 'edit'] as const) {
      expect((await del(who)).status, `delete as ${who}`).toBe(401);
    }
    expect((await del('owner')).status).toBe(204);
    const names = (await (await as('view', base)).json()).snapshots.map(
      (s: { name: string }) => s.name,
    );
    expect(names).toEqual(['by edit', 'by owner']);
  });

  it('checks ids before storage: 400 for malformed ids, 404 for unknown ones', async () => {
    const map = await createMap();
    const { id: sid } = await take(map.id, 'Baseline');
    const cases: [string, string | undefined, number][] = [
      ['/api/maps/a.b/snapshots', undefined, 400],
      [`/api/maps/bad%20id/snapshots/${sid}`, undefined, 400],
      [`/api/maps/${map.id}/snapshots/${'s'.repeat(65)}`, undefined, 400],
      ['/api/maps/a.b/snapshots', 'POST', 400],
      [`/api/maps/${map.id}/snapshots/bad.id`, undefined, 400],
      [`/api/maps/${map.id}/snapshots/bad.id/restore`, 'POST', 400],
      [`/api/maps/${map.id}/snapshots/bad.id`, 'DELETE', 400],
      [`/api/maps/unknownmap/snapshots`, undefined, 404],
      [`/api/maps/unknownmap/snapshots/${sid}`, undefined, 404],
      [`/api/maps/${map.id}/snapshots/unknownsnapshot`, undefined, 404],
      [`/api/maps/${map.id}/snapshots/unknownsnapshot/restore`, 'POST', 404],
      [`/api/maps/${map.id}/snapshots/unknownsnapshot`, 'DELETE', 404],
    ];
    for (const [path, method, status] of cases) {
      const res = await h.api(path, method ? { method } : {});
      expect(res.status, `${method ?? 'GET'} ${path}`).toBe(status);
    }
    // A snapshot of another map is not reachable through this one.
    const other = await createMap('Other');
    expect((await h.api(`/api/maps/${other.id}/snapshots/${sid}`)).status).toBe(404);
  });

  it('refuses names that are not 1–200 characters of one line of text', async () => {
    const { id } = await createMap();
    const bad: [unknown, string][] = [
      [{}, 'name: must be text'],
      [{ name: 42 }, 'name: must be text'],
      [{ name: '' }, 'name: must not be empty'],
      [{ name: '   ' }, 'name: must not be empty'],
      [{ name: 'x'.repeat(201) }, 'name: must be at most 200 characters'],
      [{ name: 'two\nlines' }, 'name: must be one line of text'],
      [['2026-Q4 review'], 'name: must be text'],
    ];
    for (const [json, message] of bad) {
      const res = await h.api(`/api/maps/${id}/snapshots`, { method: 'POST', json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect((await res.json()).messages).toEqual([message]);
    }
    const list = await (await h.api(`/api/maps/${id}/snapshots`)).json();
    expect(list.snapshots).toEqual([]);
    const longest = await take(id, ` ${'y'.repeat(200)} `);
    expect(longest.name).toBe('y'.repeat(200));
  });
});

describe('snapshots of a map', () => {
  it('quotes the template’s headline metrics exactly, per state, with DORA levels', async () => {
    const { id } = await createMap();
    const before = Date.now();
    const taken = await take(id, '2026-Q3 review');
    expect(taken.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(taken.name).toBe('2026-Q3 review');
    expect(taken.createdAt).toBeGreaterThanOrEqual(before);
    expect(taken.createdAt).toBeLessThanOrEqual(Date.now());
    expect(taken.headline).toEqual({
      title: 'Payments',
      workingTime: { hoursPerDay: 8, daysPerWeek: 5 },
      states: [
        {
          stateId: 'current',
          name: 'Current state',
          kind: 'current',
          order: 0,
          totalLeadTimeMinutes: 10_680,
          totalValueAddMinutes: 935,
          flowEfficiency: 935 / 10_680,
          rolledPctCA: expect.closeTo(0.386631, 12),
          stageCount: 6,
          dora: {
            deploymentFrequency: { value: 0.5, level: 'medium', source: 'entered' },
            leadTimeForChanges: { value: 10_680, level: 'low', source: 'computed' },
            changeFailureRate: { value: 0.15, level: 'high', source: 'entered' },
            timeToRestore: { value: 720, level: 'medium', source: 'entered' },
          },
          // v2: no routes, rework rates or kaizens, so expected and projected repeat the totals.
          expectedLeadTimeMinutes: 10_680,
          expectedValueAddMinutes: 935,
          expectedFlowEfficiency: 935 / 10_680,
          projected: {
            totalLeadTimeMinutes: 10_680,
            totalValueAddMinutes: 935,
            flowEfficiency: 935 / 10_680,
            expectedLeadTimeMinutes: 10_680,
            expectedValueAddMinutes: 935,
            expectedFlowEfficiency: 935 / 10_680,
            rolledPctCA: expect.closeTo(0.386631, 12),
          },
          taktMinutes: null,
          disconnectedCount: 0,
          incompleteCount: 0,
        },
      ],
    });
    const { snapshots } = await (await h.api(`/api/maps/${id}/snapshots`)).json();
    expect(snapshots).toEqual([taken]);
  });

  it('holds the map as it was: later edits change the map and the next snapshot, not this one', async () => {
    const map = await createMap();
    const editor = await editorOf(map);
    const q3 = await take(map.id, '2026-Q3 review');

    // The quarter's work: security review automated (10d → 1d), releases weekly.
    updateNode(editor.doc, 'current', 'security-review', {
      elapsedMinutes: DAY,
      valueAddMinutes: 2 * HOUR,
    });
    updateDora(editor.doc, 'current', { deploymentsPerWeek: 1 });
    await serverSees(
      map.id,
      (m) =>
        m.states.current.nodes['security-review'].elapsedMinutes === DAY &&
        m.states.current.dora.deploymentsPerWeek === 1,
      'edits reached the server',
    );
    const q4 = await take(map.id, '2026-Q4 review', map.editToken);

    const { snapshots } = await (
      await h.api(`/api/maps/${map.id}/snapshots?token=${map.viewToken}`, { owner: false })
    ).json();
    expect(snapshots.map((s: { name: string }) => s.name)).toEqual([
      '2026-Q3 review',
      '2026-Q4 review',
    ]);
    const [then, now] = snapshots.map((s: { headline: any }) => s.headline.states[0]);
    expect(then.totalLeadTimeMinutes).toBe(10_680);
    expect(now.totalLeadTimeMinutes).toBe(10_680 - 9 * DAY);
    expect(now.totalValueAddMinutes).toBe(935 - 4 * HOUR + 2 * HOUR);
    expect(now.flowEfficiency).toBe(815 / 6360);
    expect(now.dora.deploymentFrequency).toEqual({ value: 1, level: 'high', source: 'entered' });
    expect(now.dora.leadTimeForChanges).toEqual({
      value: 6360,
      level: 'medium',
      source: 'computed',
    });
    expect(q4.createdAt).toBeGreaterThan(q3.createdAt);

    const read = async (sid: string) =>
      (
        await h.api(`/api/maps/${map.id}/snapshots/${sid}?token=${map.viewToken}`, {
          owner: false,
        })
      ).json();
    const old = await read(q3.id);
    expect(validateMap(old).ok).toBe(true);
    // Exactly the template as created: the snapshot is the whole map, not a summary.
    expect(old).toEqual(softwareDeliveryTemplate({ title: 'Payments' }));
    expect((await read(q4.id)).states.current.nodes['security-review'].elapsedMinutes).toBe(DAY);
  });

  it('keeps snapshots in the order taken, even within one millisecond', async () => {
    const { id } = await createMap();
    const taken = [];
    for (const name of ['one', 'two', 'three', 'four']) taken.push(await take(id, name));
    const { snapshots } = await (await h.api(`/api/maps/${id}/snapshots`)).json();
    expect(snapshots.map((s: { name: string }) => s.name)).toEqual(['one', 'two', 'three', 'four']);
    const times = snapshots.map((s: { createdAt: number }) => s.createdAt);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    // Concurrent takes are serialised the same way.
    const together = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        h.api(`/api/maps/${id}/snapshots`, { method: 'POST', json: { name } }),
      ),
    );
    expect(together.map((r) => r.status)).toEqual([201, 201, 201]);
    const after = await (await h.api(`/api/maps/${id}/snapshots`)).json();
    expect(new Set(after.snapshots.map((s: { createdAt: number }) => s.createdAt)).size).toBe(7);
  });

  it('restores a snapshot as a new map with new links and leaves the original untouched', async () => {
    const map = await createMap();
    const editor = await editorOf(map);
    const q3 = await take(map.id, '2026-Q3 review');
    updateNode(editor.doc, 'current', 'manual-tests', { elapsedMinutes: DAY });
    await serverSees(
      map.id,
      (m) => m.states.current.nodes['manual-tests'].elapsedMinutes === DAY,
      'edit reached the server',
    );

    const res = await h.api(`/api/maps/${map.id}/snapshots/${q3.id}/restore`, { method: 'POST' });
    expect(res.status).toBe(201);
    const restored = await res.json();
    expect(restored.title).toBe('Payments (2026-Q3 review)');
    expect(restored.id).not.toBe(map.id);
    expect(restored.editToken).toHaveLength(43);
    expect([restored.editToken, restored.viewToken]).not.toContain(map.editToken);
    expect(restored.viewToken).not.toBe(map.viewToken);

    const copy = await (await h.api(`/api/maps/${restored.id}/export.json`)).json();
    expect(copy).toEqual(softwareDeliveryTemplate({ title: 'Payments (2026-Q3 review)' }));
    const original = await (await h.api(`/api/maps/${map.id}/export.json`)).json();
    expect(original.meta.title).toBe('Payments');
    expect(original.states.current.nodes['manual-tests'].elapsedMinutes).toBe(DAY);
    // The new map opens with its own edit link; the original keeps its snapshot.
    const access = await h.api(`/api/maps/${restored.id}/access?token=${restored.editToken}`, {
      owner: false,
    });
    expect(await access.json()).toEqual({
      id: restored.id,
      title: 'Payments (2026-Q3 review)',
      access: 'edit',
    });
    expect((await (await h.api(`/api/maps/${map.id}/snapshots`)).json()).snapshots).toHaveLength(1);
    expect((await (await h.api(`/api/maps/${restored.id}/snapshots`)).json()).snapshots).toEqual(
      [],
    );
    const { maps } = await (await h.api('/api/maps')).json();
    expect(maps.map((m: { title: string }) => m.title).sort()).toEqual([
      'Payments',
      'Payments (2026-Q3 review)',
    ]);
  });

  it('deletes one snapshot, and all of them with their map', async () => {
    const { id } = await createMap();
    const a = await take(id, 'a');
    const b = await take(id, 'b');
    expect((await h.api(`/api/maps/${id}/snapshots/${a.id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await h.api(`/api/maps/${id}/snapshots/${a.id}`)).status).toBe(404);
    expect((await h.api(`/api/maps/${id}/snapshots/${a.id}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    const { snapshots } = await (await h.api(`/api/maps/${id}/snapshots`)).json();
    expect(snapshots.map((s: { id: string }) => s.id)).toEqual([b.id]);
    expect((await h.api(`/api/maps/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await h.storage.listNamedSnapshots(id)).toEqual([]);
    expect((await h.api(`/api/maps/${id}/snapshots/${b.id}`)).status).toBe(404);
  });
});

describe('snapshots across a restart', () => {
  it('are all there, with their headlines, after the server stops and starts again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flowmap-snapshots-'));
    try {
      const first = await startHarness({ dataDir });
      const created = await first.api('/api/maps', {
        method: 'POST',
        json: { title: 'Durable', template: 'software-delivery' },
      });
      const { id, viewToken } = await created.json();
      const taken = await (
        await first.api(`/api/maps/${id}/snapshots`, {
          method: 'POST',
          json: { name: '2026-Q3 review' },
        })
      ).json();
      const exported = await (await first.api(`/api/maps/${id}/snapshots/${taken.id}`)).json();
      await first.stop();

      const second = await startHarness({ dataDir });
      try {
        const res = await second.api(`/api/maps/${id}/snapshots?token=${viewToken}`, {
          owner: false,
        });
        expect(res.status).toBe(200);
        // Headlines recomputed from the stored bytes equal those computed when it was taken.
        expect((await res.json()).snapshots).toEqual([taken]);
        const read = await second.api(`/api/maps/${id}/snapshots/${taken.id}`);
        expect(await read.json()).toEqual(exported);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
