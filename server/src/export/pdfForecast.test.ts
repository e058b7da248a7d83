// The forecast on the PDF's metrics page: the sentences and kaizen effects are shared's figures for
// the same map, seed and trials, and the distribution is drawn as vector paths, not an image.
import {
  buildReport,
  DEFAULT_SEED,
  DEFAULT_TRIALS,
  type FlowMap,
  forecastMap,
  formatKaizenEffect,
  formatWithin,
} from '@flowmap/shared';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { templateWithFuture } from './export.testkit.ts';
import { PAGE, PageWriter, registerFaces } from './pdfLayout.ts';
import { drawReport } from './pdfReport.ts';

function uncertainMap(): FlowMap {
  const map = templateWithFuture();
  for (const state of Object.values(map.states)) {
    Object.assign(state.nodes['security-review'] ?? {}, {
      elapsedLowMinutes: 2400,
      elapsedHighMinutes: 14_400,
    });
  }
  Object.assign(map.states.current?.nodes['kaizen-automate-regression'] ?? {}, {
    status: 'planned',
    effectElapsedMinutes: 480,
  });
  return map;
}

/** Every string drawn and how many straight path segments, with or without the forecast. */
function draw(map: FlowMap, withForecast: boolean) {
  const doc = new PDFDocument({ size: PAGE.size, layout: 'landscape', margin: 0 });
  const faces = registerFaces(doc);
  const drawn: string[] = [];
  const text = doc.text.bind(doc);
  vi.spyOn(doc, 'text').mockImplementation(((content: unknown, ...rest: unknown[]) => {
    drawn.push(String(content));
    return (text as (...args: unknown[]) => PDFKit.PDFDocument)(content, ...rest);
  }) as typeof doc.text);
  const lineTo = vi.spyOn(doc, 'lineTo');
  const ids = ['current', 'future'];
  drawReport(
    new PageWriter(doc, faces, () => doc.addPage()),
    buildReport(map, ids),
    withForecast ? { map, stateIds: ids } : undefined,
  );
  doc.end();
  return { drawn, segments: lineTo.mock.calls.length };
}

describe('the forecast on the PDF metrics page', () => {
  const map = uncertainMap();
  const [current, future] = forecastMap(map, { trials: DEFAULT_TRIALS, seed: DEFAULT_SEED });

  it('says what 85% of the items take per state, with the kaizens, and each kaizen alone', () => {
    const { drawn } = draw(map, true);
    if (!current?.distribution || !future?.distribution || !current.projected?.distribution) {
      throw new Error('the fixture should forecast both states and the projection');
    }
    expect(drawn).toContain('LEAD-TIME FORECAST BY STATE');
    expect(drawn).toContain(formatWithin(current.distribution, map.meta));
    expect(drawn).toContain(formatWithin(future.distribution, map.meta));
    const projected = `With the kaizens not yet done: ${formatWithin(current.projected.distribution, map.meta)} (mean `;
    expect(drawn.some((t) => t.startsWith(projected))).toBe(true);
    const effect = current.kaizenEffects[0];
    if (!effect) throw new Error('the kaizen should have an effect');
    expect(drawn).toContain(`1. ${formatKaizenEffect(effect, map.meta)}`);
    expect(drawn.some((t) => /^p50 .* · p85 .* · p95 .* · mean /.test(t))).toBe(true);
  });

  it('draws the distributions as vector outlines: two bins’ edges per bin and state', () => {
    const without = draw(map, false);
    const withForecast = draw(map, true);
    // current: state + projected, future: state, 24 bins each (2 points per bin).
    expect(withForecast.segments - without.segments).toBeGreaterThanOrEqual(3 * 24 * 2);
    expect(without.drawn).not.toContain('LEAD-TIME FORECAST BY STATE');
  });

  it('says in one line that nothing varies when no state has a range, rate, route or kaizen effect', () => {
    const { drawn } = draw(templateWithFuture(), true);
    expect(drawn).not.toContain('LEAD-TIME FORECAST BY STATE');
    expect(drawn.some((t) => /^Lead-time forecast: no stage has a range/.test(t))).toBe(true);
  });
});
