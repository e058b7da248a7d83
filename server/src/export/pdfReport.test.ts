// The PDF's metrics page lays out what shared's buildReport says; these tests read back the text
// it draws (every string passes through PDFKit's doc.text) for a map that uses model v2.
import { buildReport, EXPECTED_NOTE, type FlowMap, type MapNode } from '@flowmap/shared';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { templateWithFuture } from './export.testkit.ts';
import { PAGE, PageWriter, registerFaces } from './pdfLayout.ts';
import { drawReport } from './pdfReport.ts';

/** Every string the report draws, in order. */
function drawnText(map: FlowMap): string[] {
  const doc = new PDFDocument({ size: PAGE.size, layout: 'landscape', margin: 0 });
  const faces = registerFaces(doc);
  const drawn: string[] = [];
  const text = doc.text.bind(doc);
  vi.spyOn(doc, 'text').mockImplementation(((content: unknown, ...rest: unknown[]) => {
    drawn.push(String(content));
    return (text as (...args: unknown[]) => PDFKit.PDFDocument)(content, ...rest);
  }) as typeof doc.text);
  drawReport(new PageWriter(doc, faces, () => doc.addPage()), buildReport(map));
  doc.end();
  return drawn;
}

/** The template with a queue's worth of v2: demand, a rework rate, capacity, a stray step, a kaizen effect. */
function v2Map(): FlowMap {
  const map = templateWithFuture();
  Object.assign(map.meta, { demandPerDay: 5, unitOfWork: 'change' });
  const current = map.states.current;
  if (!current) throw new Error('no current state');
  Object.assign(current.edges['manual-tests--vcs--rework'] ?? {}, { rate: 0.2 });
  Object.assign(current.nodes['manual-tests'] ?? {}, { people: 1 });
  Object.assign(current.nodes['kaizen-automate-regression'] ?? {}, {
    status: 'planned',
    effectElapsedMinutes: 480,
  });
  const stray: MapNode = { id: 'stray', type: 'stage', x: 900, y: 400, name: 'Old sign-off' };
  current.nodes.stray = stray;
  return map;
}

describe('drawReport', () => {
  it('prints the expected figures, takt, capacity, the kaizens and what is not counted', () => {
    const drawn = drawnText(v2Map());
    const all = drawn.join('\n');
    expect(drawn.filter((t) => t.endsWith(' expected'))).toHaveLength(3);
    expect(drawn).toContain(EXPECTED_NOTE);
    expect(drawn).toContain('•  Takt time 1h 36m (5 changes a day)');
    expect(all).toMatch(/• {2}Capacity bottleneck: Manual tests — busy \d+% of the working day/);
    expect(all).toMatch(/• {2}With the kaizens not yet done: lead time .* rolled %C\/A /);
    expect(drawn).toContain(
      '•  1 step is on no start→end path and counts for nothing: “Old sign-off”.',
    );
    expect(drawn).toContain('•  1 stage is missing LT, PT or %C/A.');
    expect(drawn).toContain('Rework rates and route shares changed:');
    expect(drawn).toContain('•  Rework Manual tests → Version control: 20% → —');
  });

  it('adds nothing for a map without v2 figures', () => {
    const drawn = drawnText(templateWithFuture());
    const all = drawn.join('\n');
    expect(drawn.filter((t) => t.endsWith(' expected'))).toHaveLength(0);
    expect(all).not.toMatch(/Takt|Capacity|kaizens not yet done|start→end|Rework rates/);
    expect(drawn).toContain('•  Manual tests: LT 1w → 1d, PT 1d → 2h, %C/A 70% → 90%');
  });
});
