import { CSV_COLUMNS, renderStateSvg } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pngSize, svgDimensions, templateWithFuture } from './export.testkit.ts';
import { MAX_PNG_PIXELS, MAX_PNG_SIDE, planPng } from './png.ts';
import { renderExport } from './render.ts';

async function ok(promise: ReturnType<typeof renderExport>) {
  const result = await promise;
  if (!result.ok) throw new Error(`export refused: ${result.message}`);
  return result;
}

describe('renderExport', () => {
  it('writes the SVG of the shared renderer, for the first current state by default', async () => {
    const map = templateWithFuture();
    const svg = await ok(renderExport(map, { format: 'svg' }));
    expect(Buffer.from(svg.bytes).toString('utf8')).toBe(renderStateSvg(map, 'current'));
    expect(svg.contentType).toBe('image/svg+xml; charset=utf-8');
    expect(svg.file).toEqual({
      name: 'Payments service - Current state.svg',
      ascii: 'Payments-service-Current-state.svg',
    });
    const future = await ok(renderExport(map, { format: 'svg', stateId: 'future' }));
    expect(Buffer.from(future.bytes).toString('utf8')).toBe(renderStateSvg(map, 'future'));
  });

  it('rasterises the same picture at 2× as a PNG', async () => {
    const map = templateWithFuture();
    const png = await ok(renderExport(map, { format: 'png', stateId: 'future' }));
    const { width, height } = svgDimensions(renderStateSvg(map, 'future'));
    expect(width).toBeGreaterThan(1000);
    expect(pngSize(png.bytes)).toEqual({ width: 2 * width, height: 2 * height });
    expect(png.contentType).toBe('image/png');
    expect(png.note).toBeNull();
    expect(png.file.name).toBe('Payments service - Future state.png');
  });

  it('scales a PNG down past 16k px or 32 M pixels and says so', () => {
    expect(planPng(1600, 1000)).toEqual({ zoom: 2, width: 3200, height: 2000, note: null });
    const wide = planPng(31_704, 2_794);
    expect(wide.width).toBeLessThanOrEqual(MAX_PNG_SIDE);
    expect(wide.width).toBeGreaterThan(MAX_PNG_SIDE - 2);
    expect(wide.zoom).toBeCloseTo(MAX_PNG_SIDE / 31_704, 5);
    expect(wide.note).toMatch(/too large for a 2× PNG \(31704 × 2794 px\); rendered at 0\.517×/);
    const big = planPng(12_000, 9_000);
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_PNG_PIXELS);
    expect(big.width * big.height).toBeGreaterThan(MAX_PNG_PIXELS * 0.99);
  });

  it('makes a PDF of one page per state plus the metrics and comparison page', async () => {
    const map = templateWithFuture();
    const pdf = await ok(renderExport(map, { format: 'pdf' }));
    expect(pdfPageCount(pdf.bytes)).toBe(3);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.file.name).toBe('Payments service.pdf');
    const text = Buffer.from(pdf.bytes).toString('latin1');
    expect(text).toMatch(/\/MediaBox \[0 0 1190\.55 841\.89\]/); // A3 landscape
    expect(text).toContain('(Payments service)'); // the document title
    const one = await ok(renderExport(map, { format: 'pdf', stateId: 'future' }));
    expect(pdfPageCount(one.bytes)).toBe(2);
  });

  it('continues the metrics page onto more pages for a map with many states', async () => {
    const map = templateWithFuture();
    const future = map.states.future;
    if (!future) throw new Error('no future state');
    for (let i = 2; i < 30; i++) {
      map.states[`f${i}`] = {
        ...structuredClone(future),
        id: `f${i}`,
        name: `Idea ${i}`,
        order: i,
      };
    }
    const pdf = await ok(renderExport(map, { format: 'pdf' }));
    // 30 state pages, then 30 state rows, 29 comparisons of 11 rows: several report pages.
    expect(pdfPageCount(pdf.bytes)).toBeGreaterThan(35);
  }, 30_000);

  it('gives the same bytes for the same map every time', async () => {
    for (const format of ['svg', 'png', 'pdf', 'csv'] as const) {
      const a = await ok(renderExport(templateWithFuture(), { format }));
      const b = await ok(renderExport(templateWithFuture(), { format }));
      expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)), format).toBe(0);
    }
  });

  it('writes every stage of every state as CSV', async () => {
    const csv = await ok(renderExport(templateWithFuture(), { format: 'csv' }));
    const lines = Buffer.from(csv.bytes).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 12 + 1); // header, 6 stages × 2 states, the final CRLF
    expect(csv.contentType).toBe('text/csv; charset=utf-8; header=present');
  });

  it('refuses an unknown state with the states there are, and an empty map', async () => {
    const map = templateWithFuture();
    for (const format of ['svg', 'png', 'pdf', 'csv'] as const) {
      expect(await renderExport(map, { format, stateId: 'nope' })).toEqual({
        ok: false,
        status: 404,
        message:
          'no state “nope” in this map; states: current (Current state), future (Future state)',
      });
    }
    expect(await renderExport({ ...map, states: {} }, { format: 'png' })).toMatchObject({
      ok: false,
      status: 404,
      message: 'this map has no states',
    });
  });

  it('refuses to rasterise or lay out a drawing past the size limit', async () => {
    const map = templateWithFuture();
    const limits = { maxDrawingChars: 20_000 }; // one state's SVG is about 27,000
    const png = await renderExport(map, { format: 'png', stateId: 'current' }, limits);
    expect(png).toMatchObject({ ok: false, status: 413 });
    expect(!png.ok && png.message).toMatch(/too large to export as PNG .*Export SVG or CSV/);
    expect(await renderExport(map, { format: 'pdf' }, limits)).toMatchObject({ status: 413 });
    // SVG and CSV cost little more than the map itself and are never refused.
    expect((await renderExport(map, { format: 'svg' }, limits)).ok).toBe(true);
  });
});
