import { CSV_COLUMNS, computeStateMetrics, validateMap } from '@flowmap/shared';
import { readMap, updateNode } from '@flowmap/shared/doc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  pdfPageCount,
  pngSize,
  svgDimensions,
  templateWithFuture,
} from '../export/export.testkit.ts';
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

async function importMap(map: unknown = templateWithFuture()) {
  const res = await h.api('/api/maps/import', { method: 'POST', json: map });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; editToken: string; viewToken: string };
}

const get = (path: string) => h.api(path, { owner: false });
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

// Each test starts its own server, whose first export starts the document worker: seconds on a
// busy shared machine, hence the 30 s budgets rather than the 5 s default.
describe('GET /api/maps/<id>/export.<format>', () => {
  it('serves each format to a view link with its content type and file name', async () => {
    const { id, viewToken } = await importMap();
    const q = `token=${viewToken}`;

    const svg = await get(`/api/maps/${id}/export.svg?${q}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toBe(
      `attachment; filename="Payments-service-Current-state.svg"; filename*=UTF-8''Payments%20service%20-%20Current%20state.svg`,
    );
    expect(svg.headers.get('cache-control')).toBe('no-store');
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
    expect(svg.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svgText = await svg.text();
    expect(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svgText).toContain('data-state-id="current"');

    const png = await get(`/api/maps/${id}/export.png?${q}&state=future`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toContain(
      'filename="Payments-service-Future-state.png"',
    );
    const futureSvg = await (await get(`/api/maps/${id}/export.svg?${q}&state=future`)).text();
    const size = svgDimensions(futureSvg);
    expect(pngSize(await bytes(png))).toEqual({ width: 2 * size.width, height: 2 * size.height });

    const pdf = await get(`/api/maps/${id}/export.pdf?${q}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('filename="Payments-service.pdf"');
    expect(pdfPageCount(await bytes(pdf))).toBe(3);

    const csv = await get(`/api/maps/${id}/export.csv?${q}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(14);
  }, 30_000);

  it('takes the edit token as Bearer and the owner key too', async () => {
    const { id, editToken } = await importMap();
    const bearer = await h.api(`/api/maps/${id}/export.csv`, {
      owner: false,
      headers: { authorization: `Bearer ${editToken}` },
    });
    expect(bearer.status).toBe(200);
    expect((await h.api(`/api/maps/${id}/export.svg`)).status).toBe(200);
  }, 30_000);

  it('refuses missing and wrong tokens, unknown maps and states', async () => {
    const { id, viewToken } = await importMap();
    for (const format of ['svg', 'png', 'pdf', 'csv']) {
      const none = await get(`/api/maps/${id}/export.${format}`);
      expect(none.status).toBe(401);
      const wrong = await get(`/api/maps/${id}/export.${format}?token=not-the-token`);
      expect(wrong.status).toBe(403);
      expect(await wrong.json()).toEqual({ error: 'a valid map token is required' });
      const state = await get(`/api/maps/${id}/export.${format}?token=${viewToken}&state=later`);
      expect(state.status).toBe(404);
      expect(await state.json()).toEqual({
        error:
          'no state “later” in this map; states: current (Current state), future (Future state)',
      });
    }
    expect((await get(`/api/maps/AAAAAAAAAAAAAAAA/export.png?token=${viewToken}`)).status).toBe(
      404,
    );
    expect((await get(`/api/maps/bad$id/export.png?token=${viewToken}`)).status).toBe(400);
    const two = await get(`/api/maps/${id}/export.svg?token=${viewToken}&state=a&state=b`);
    expect(two.status).toBe(400);
    expect((await get(`/api/maps/${id}/export.gif?token=${viewToken}`)).status).toBe(404);
  }, 30_000);

  it('renders the live document, edits included', async () => {
    const { id, editToken, viewToken } = await importMap();
    const client = connectMap(h.url, id, editToken);
    clients.push(client);
    await waitFor(() => client.provider.synced, 'client synced');
    updateNode(client.doc, 'future', 'vcs', { name: 'Trunk-based commits', elapsedMinutes: 30 });
    const csvOf = async () =>
      (await get(`/api/maps/${id}/export.csv?token=${viewToken}&state=future`)).text();
    await waitFor(async () => (await csvOf()).includes('Trunk-based commits'), 'edit exported');
    const row = (await csvOf()).split('\r\n').find((l) => l.includes('Trunk-based commits'));
    const { map } = readMap(client.doc);
    const future = map.states.future;
    if (!future) throw new Error('the template has a future state');
    const lt = computeStateMetrics(future, map.meta).expectedLeadTimeMinutes;
    expect(lt).toBe(8670);
    // LT 30m, PT 20m: waits 10 of the future state's 8,095 minutes of waiting.
    expect(row).toBe(
      `future,Future state,future,vcs,Trunk-based commits,Dev,30,20,95,10,${20 / 30},${10 / 8095},true,,false` +
        // v2 columns: a counted stage with none of the optional v2 fields set.
        ',stage,true,,,,,,,,false,,' +
        // No ranges or measured quantiles: every percentile is the state's expected lead time.
        `,${lt},${lt},${lt}`,
    );
    const svg = await (
      await get(`/api/maps/${id}/export.svg?token=${viewToken}&state=future`)
    ).text();
    expect(svg).toContain('Trunk-based commits');
  }, 30_000);

  it('exports JSON that imports back to the same map and the same exports', async () => {
    const original = templateWithFuture();
    Object.assign(original.states.current?.nodes.vcs ?? {}, { name: '=SUM(A1) “quoted”, 中文' });
    const { id, viewToken } = await importMap(original);
    const exported = await (await get(`/api/maps/${id}/export.json?token=${viewToken}`)).json();
    expect(validateMap(exported).ok).toBe(true);
    const copy = await importMap(exported);
    const again = await (
      await get(`/api/maps/${copy.id}/export.json?token=${copy.viewToken}`)
    ).json();
    expect(again).toEqual(exported);
    for (const format of ['svg', 'csv', 'pdf']) {
      const a = await bytes(await get(`/api/maps/${id}/export.${format}?token=${viewToken}`));
      const b = await bytes(
        await get(`/api/maps/${copy.id}/export.${format}?token=${copy.viewToken}`),
      );
      expect(Buffer.compare(a, b), format).toBe(0);
    }
  }, 30_000);
});
