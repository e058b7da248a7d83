// The map's `locale` decides the language of its PDF: the diagram pages, the report's headings,
// columns and notes, the footers and the document's language tag. English stays as it was.
import { describe, expect, it } from 'vitest';
import { pdfText, templateWithFuture } from './export.testkit.ts';
import { renderExport } from './render.ts';

async function pdfOf(locale: 'en' | 'ko' | undefined) {
  const map = templateWithFuture();
  if (locale) map.meta.locale = locale;
  const result = await renderExport(map, { format: 'pdf' });
  if (!result.ok) throw new Error(result.message);
  return { pages: await pdfText(result.bytes), raw: Buffer.from(result.bytes).toString('latin1') };
}

describe('the language of a PDF export', () => {
  it("writes a 'ko' map's report in Korean", async () => {
    const { pages, raw } = await pdfOf('ko');
    const [diagram, , report] = pages;
    expect(diagram).toContain('타임라인 · 임계 경로');
    // Korean text is wider: the report may run onto one more page than the English one.
    expect(diagram).toMatch(/1 \/ [34]쪽/);
    expect(report).toContain('지표와 비교');
    expect(report).toContain('상태별 지표');
    expect(report).toContain('상태별 DORA 4대 핵심 지표');
    // Reasons and DORA words in Korean too, not the engine's English.
    expect(report).toContain('전체 대기의 47%');
    expect(report).toContain('배포 빈도');
    // The template's state names are the map's own text: only the words around them change.
    expect(report).toContain('Current state 대비 Future state');
    expect(report).toContain('누적 %C/A');
    // Durations follow the map's language through shared's formatters.
    expect(report).toMatch(/\d+주 \d+일 \d+시간/);
    for (const english of [
      'Metrics by state',
      'METRICS BY STATE',
      'Page 1 of',
      'Total lead time',
      'of all waiting',
      'Deployment frequency',
      'per month',
    ]) {
      expect(pages.join('\n')).not.toContain(english);
    }
    expect(raw).toContain('/Lang (ko)');
  }, 30_000);

  it('keeps an English map, with or without a locale, in English', async () => {
    const plain = await pdfOf(undefined);
    const english = await pdfOf('en');
    expect(english.pages).toEqual(plain.pages);
    expect(plain.pages[2]).toContain('METRICS BY STATE');
    expect(plain.pages[2]).toContain('Future state compared with Current state');
    expect(plain.pages[0]).toContain('Page 1 of 3');
    expect(plain.raw).toContain('/Lang (en)');
  }, 30_000);
});
