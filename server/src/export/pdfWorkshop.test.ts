// The PDF's workshop pages lay out what shared's workshopSummary says; these tests read back the
// text they draw (every string passes through PDFKit's doc.text).
import type { FlowMap } from '@flowmap/shared';
import { EMPTY_WORKSHOP, type Workshop } from '@flowmap/shared/workshop';
import PDFDocument from 'pdfkit';
import { describe, expect, it, vi } from 'vitest';
import { templateWithFuture } from './export.testkit.ts';
import { PAGE, PageWriter, registerFaces } from './pdfLayout.ts';
import { drawWorkshop, wantsWorkshopPages } from './pdfWorkshop.ts';

function drawnText(map: FlowMap, workshop: Workshop): string[] {
  const doc = new PDFDocument({ size: PAGE.size, layout: 'landscape', margin: 0 });
  const faces = registerFaces(doc);
  const drawn: string[] = [];
  const text = doc.text.bind(doc);
  vi.spyOn(doc, 'text').mockImplementation(((content: unknown, ...rest: unknown[]) => {
    drawn.push(String(content));
    return (text as (...args: unknown[]) => PDFKit.PDFDocument)(content, ...rest);
  }) as typeof doc.text);
  drawWorkshop(new PageWriter(doc, faces, () => doc.addPage()), map, workshop);
  doc.end();
  return drawn;
}

const workshop: Workshop = {
  ...EMPTY_WORKSHOP,
  active: true,
  stateId: 'current',
  startedAt: 1_800_000_000_000,
  participants: { a: { id: 'a', name: 'Ana', team: 'QA' }, b: { id: 'b', name: 'Bo' } },
  rounds: [
    {
      id: 'r',
      stateId: 'current',
      field: 'elapsedMinutes',
      stageIds: ['manual-tests'],
      named: true,
      revealed: true,
      closed: true,
      openedAt: 1,
      answers: { a: { 'manual-tests': 240 }, b: { 'manual-tests': 960 } },
      accepted: { 'manual-tests': 480 },
    },
  ],
  votes: [
    {
      id: 'v',
      stateId: 'current',
      subject: 'stages',
      dots: 3,
      stackLimit: 2,
      closed: true,
      openedAt: 2,
      itemIds: ['manual-tests', 'security-review'],
      ballots: { a: { 'security-review': 2 }, b: { 'manual-tests': 1 } },
      candidates: { 'manual-tests': 'kaizen-automate-regression' },
    },
  ],
};

describe('the workshop pages', () => {
  it('print participants, agreed figures with their range, the vote ranking and the plan', () => {
    const text = drawnText(templateWithFuture(), workshop);
    expect(text).toContain('Workshop summary — Current state');
    expect(text).toContain('Participants: Ana (QA), Bo');
    expect(text).toContain('AGREED CURRENT-STATE FIGURES');
    const agreed = text.indexOf('Manual tests');
    expect(text.slice(agreed, agreed + 5)).toEqual([
      'Manual tests',
      'Lead time',
      '1d',
      '4h – 2d',
      '2',
    ]);
    expect(text).toContain('DOT VOTE: BOTTLENECKS');
    const ranked = text.indexOf('Security review');
    expect(text.slice(ranked - 1, ranked + 2)).toEqual(['1.', 'Security review', '2']);
    expect(text).toContain('ACTION PLAN');
    const plan = text.indexOf('Automate the regression suite');
    // The kaizen made from Manual tests carries Manual tests' dot.
    expect(text.slice(plan, plan + 6)).toEqual([
      'Automate the regression suite',
      'Manual tests',
      '',
      '',
      '',
      '1',
    ]);
  });

  it('are printed only once a workshop has been started', () => {
    expect(wantsWorkshopPages(undefined)).toBe(false);
    expect(wantsWorkshopPages(EMPTY_WORKSHOP)).toBe(false);
    expect(wantsWorkshopPages(workshop)).toBe(true);
  });
});
