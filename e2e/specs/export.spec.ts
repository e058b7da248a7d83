// Exports from the editor: every format downloads a valid, non-empty file through the server,
// from an edit link and from a view-only link, with the mouse and with the keyboard.
import { validateMap } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from '../fixtures/browser.ts';
import { useE2E } from '../fixtures/harness.ts';
import { mapWithFutureState } from '../fixtures/maps.ts';
import { editUrl, viewUrl } from '../fixtures/server.ts';
import { ExportMenu } from '../pages/exportMenu.ts';

const e2e = useE2E();

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function pdfPages(bytes: Buffer): number {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  return text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return {
    width: Number(/\swidth="(\d+)"/.exec(root)?.[1]),
    height: Number(/\sheight="(\d+)"/.exec(root)?.[1]),
  };
}

describe('export menu', () => {
  it('downloads the active state as SVG, PNG and PDF, and the map as PDF, CSV and JSON', async () => {
    const map = await e2e.server.importMap(mapWithFutureState());
    const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
    const { page } = editor;
    await page.getByRole('tab', { name: /Future state/ }).click();
    const menu = new ExportMenu(page);

    await menu.open();
    await page.screenshot({ path: `${ARTIFACTS}/export-menu.png` });
    await page.keyboard.press('Escape');

    const svg = await menu.download(/^SVG image of Future state/);
    expect(svg.name).toBe('Payments service - Future state.svg');
    expect(svg.text().startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg.text()).toContain('data-state-id="future"');
    expect(svg.text()).toContain('Manual tests');

    const png = await menu.download(/^PNG image of Future state/);
    expect(png.name).toBe('Payments service - Future state.png');
    const size = svgSize(svg.text());
    expect(size.width).toBeGreaterThan(1000);
    expect(pngSize(png.bytes)).toEqual({ width: 2 * size.width, height: 2 * size.height });

    const onePdf = await menu.download(/^PDF of Future state/);
    expect(onePdf.name).toBe('Payments service - Future state.pdf');
    expect(pdfPages(onePdf.bytes)).toBe(2);

    const pdf = await menu.download(/^PDF of the whole map/);
    expect(pdf.name).toBe('Payments service.pdf');
    expect(pdfPages(pdf.bytes)).toBe(3);

    const csv = await menu.download(/^CSV of the whole map/);
    expect(csv.name).toBe('Payments service.csv');
    const lines = csv.text().split('\r\n');
    expect(lines[0]).toBe(
      'state_id,state_name,state_kind,stage_id,stage_name,team,lead_time_minutes,' +
        'process_time_minutes,pct_ca,waiting_minutes,efficiency,waiting_share,' +
        'on_critical_path,bottleneck_rank,low_pct_ca,node_type,counted,people,batch_size,' +
        'wip_items,lead_time_low_minutes,lead_time_high_minutes,time_source,rated_by,outside,' +
        'utilisation,queue_items,state_lt_p50_minutes,state_lt_p85_minutes,state_lt_p95_minutes',
    );
    expect(lines).toHaveLength(1 + 12 + 1);
    expect(lines.find((l) => l.startsWith('future,Future state,future,manual-tests,'))).toMatch(
      /,QA,480,120,90,360,0\.25,/,
    );

    const json = await menu.download(/^JSON of the whole map/);
    expect(json.name).toBe('Payments-service.json');
    const parsed = JSON.parse(json.text());
    expect(validateMap(parsed).ok).toBe(true);
    expect(parsed).toEqual(await e2e.server.api(`/api/maps/${map.id}/export.json`));

    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Downloaded' }).count())
      .toBe(1);
  });

  it('works from the keyboard and from a view-only link', async () => {
    const map = await e2e.server.importMap(mapWithFutureState());
    const viewer = await e2e.openAs('Leadership', viewUrl(e2e.server, map));
    await viewer.page.getByText('View only').first().waitFor();
    const menu = new ExportMenu(viewer.page);
    // The first item is the active (current) state's PNG.
    const png = await menu.downloadWithKeyboard(0);
    expect(png.name).toBe('Payments service - Current state.png');
    expect(pngSize(png.bytes).width).toBeGreaterThan(2000);
    // Focus went back to the button; ArrowDown twice more reaches the state's PDF.
    const pdf = await menu.downloadWithKeyboard(2);
    expect(pdf.name).toBe('Payments service - Current state.pdf');
    expect(pdfPages(pdf.bytes)).toBe(2);
  });

  it('says why an export failed instead of downloading an error page', async () => {
    const map = await e2e.server.importMap(mapWithFutureState());
    const editor = await e2e.openAs('Facilitator', editUrl(e2e.server, map));
    const { page } = editor;
    // Someone rotates the links while the editor is open: exports with the old token are refused.
    await e2e.server.api(`/api/maps/${map.id}/tokens`, { json: { which: 'both' } });
    await new ExportMenu(page).open();
    await page.getByRole('menuitem', { name: /^CSV of the whole map/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'no longer valid' });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'This link is no longer valid for the map. Ask the facilitator for the current one.',
    );
  });
});
