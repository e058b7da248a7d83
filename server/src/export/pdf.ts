// PDF export: one A3 landscape page per state, the state's SVG from the shared renderer drawn as
// vectors (svg-to-pdfkit), then the metrics and comparison page. The bytes depend on the map
// alone, so the server and the CLI write the same file for the same map.
// The reference brings svg-to-pdfkit's types to every program that compiles this file (e2e too).
/// <reference path="./svg-to-pdfkit.d.ts" />
import { buildReport, COLORS, type FlowMap, type MapState, renderStateSvg } from '@flowmap/shared';
import { displayT, inLocale, isLocale, type Locale } from '@flowmap/shared/i18n';
import type { Workshop } from '@flowmap/shared/workshop';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FOOTER, MARGIN, PAGE, PageWriter } from './pdfLayout.ts';
import { drawReport } from './pdfReport.ts';
import { type Faces, registerFaces, svgFont, svgFontRuns, Typesetter } from './pdfText.ts';
import { drawWorkshop, wantsWorkshopPages } from './pdfWorkshop.ts';

/**
 * PDFKit always writes a creation date (info dictionary and XMP) and derives the file id from
 * it. The schema has no date to take, and the wall clock would make every export of an unchanged
 * map a different file, so the date is fixed, as reproducible builds do (SOURCE_DATE_EPOCH).
 */
export const PDF_DATE = new Date(Date.UTC(2000, 0, 1));

export interface PdfInput {
  map: FlowMap;
  /** The states to draw, in order, with their SVGs (rendered once by the caller). */
  pages: { state: MapState; svg: string }[];
  /** The workshop run on the map, if any: its summary and action plan pages follow the report. */
  workshop?: Workshop | undefined;
}

function title(map: FlowMap): string {
  return typeof map.meta.title === 'string' && map.meta.title.trim() !== ''
    ? map.meta.title
    : displayT('exports')('untitledMap');
}

/** The language the map's exports are written in (schema: meta.locale, English by default). */
export function exportLocale(map: FlowMap): Locale {
  return isLocale(map.meta.locale) ? map.meta.locale : 'en';
}

/**
 * The diagram brings its own white margin (32 px, about 23 pt at A3 width), so it is placed in a
 * narrower page margin: its content then lines up with the footer and the metrics page.
 */
const SVG_INSET = 16;

function drawState(doc: PDFKit.PDFDocument, faces: Faces, svg: string, warnings: string[]): void {
  SVGtoPDF(doc, svgFontRuns(svg), SVG_INSET, SVG_INSET, {
    width: PAGE.width - 2 * SVG_INSET,
    height: PAGE.height - SVG_INSET - FOOTER - 20,
    // Top-aligned: the diagram's title sits where a reader looks first.
    preserveAspectRatio: 'xMidYMin meet',
    // The renderer writes one font-family stack, drawn with the export font; svgFontRuns names a
    // shipped fallback face for the runs that font cannot draw.
    fontCallback: (family, bold, italic) => svgFont(faces, family, bold, italic),
    warningCallback: (message) => warnings.push(message),
  });
}

function footer(type: Typesetter, left: string, pageText: string) {
  const y = PAGE.height - MARGIN / 2 - FOOTER / 2;
  const width = PAGE.width - 2 * MARGIN;
  type.use('regular', 8).fillColor(COLORS.muted);
  type.text(left, MARGIN, y, { width: width * 0.8, lineBreak: false });
  type.text(pageText, MARGIN, y, { width, align: 'right', lineBreak: false });
}

export async function renderPdf(input: PdfInput): Promise<Buffer> {
  const locale = exportLocale(input.map);
  // Every word and figure in the map's language. Drawing is synchronous between the awaits, and
  // inLocale only spans synchronous parts: two exports in different languages cannot mix.
  const here = <T>(fn: () => T): T => inLocale(locale, fn);
  return writePdf(input, locale, here);
}

async function writePdf(
  { map, pages, workshop }: PdfInput,
  locale: Locale,
  here: <T>(fn: () => T) => T,
): Promise<Buffer> {
  const t = (key: string, options: Record<string, unknown> = {}): string =>
    here(() => displayT('exports')(key, options));
  const name = here(() => title(map));
  const doc = new PDFDocument({
    size: PAGE.size,
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    lang: locale,
    info: {
      Title: name,
      Subject: t('pdf.subject'),
      Creator: 'Flowmap',
      Producer: 'Flowmap (PDFKit)',
      CreationDate: PDF_DATE,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const faces = registerFaces(doc);
  const type = new Typesetter(doc, faces);
  const footers: string[] = [];
  const warnings: string[] = [];
  for (const { state, svg } of pages) {
    doc.addPage();
    const kind = t(state.kind === 'future' ? 'kind.future' : 'kind.current');
    footers.push(t('pdf.stateFooter', { title: name, state: state.name, kind }));
    doc.outline.addItem(state.name);
    drawState(doc, faces, svg, warnings);
    // Let the event loop breathe between pages of a large map.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const reportTitle = t('pdf.reportTitle');
  const newReportPage = () => {
    doc.addPage();
    footers.push(t('pdf.footer', { title: name, section: reportTitle }));
  };
  newReportPage();
  doc.outline.addItem(reportTitle);
  const writer = new PageWriter(doc, faces, newReportPage);
  const stateIds = pages.map((p) => p.state.id);
  here(() => drawReport(writer, buildReport(map, stateIds), { map, stateIds }));

  if (wantsWorkshopPages(workshop)) {
    const workshopTitle = t('pdf.workshopTitle');
    const newWorkshopPage = () => {
      doc.addPage();
      footers.push(t('pdf.footer', { title: name, section: workshopTitle }));
    };
    newWorkshopPage();
    doc.outline.addItem(workshopTitle);
    here(() => drawWorkshop(new PageWriter(doc, faces, newWorkshopPage), map, workshop));
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    footer(type, footers[i] ?? name, t('pdf.page', { page: i + 1, count: range.count }));
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The states' pictures, in order, as the PDF draws them. */
export function statePages(map: FlowMap, states: readonly MapState[]): PdfInput['pages'] {
  // renderStateSvg writes each picture in the map's locale itself.
  return states.map((state) => ({ state, svg: renderStateSvg(map, state.id) }));
}
