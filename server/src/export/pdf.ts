// PDF export: one A3 landscape page per state, the state's SVG from the shared renderer drawn as
// vectors (svg-to-pdfkit), then the metrics and comparison page. The bytes depend on the map
// alone, so the server and the CLI write the same file for the same map.
// The reference brings svg-to-pdfkit's types to every program that compiles this file (e2e too).
/// <reference path="./svg-to-pdfkit.d.ts" />
import { buildReport, COLORS, type FlowMap, type MapState, renderStateSvg } from '@flowmap/shared';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { type Faces, FOOTER, MARGIN, PAGE, PageWriter, registerFaces } from './pdfLayout.ts';
import { drawReport } from './pdfReport.ts';

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
}

function title(map: FlowMap): string {
  return typeof map.meta.title === 'string' && map.meta.title.trim() !== ''
    ? map.meta.title
    : 'Untitled map';
}

/**
 * The diagram brings its own white margin (32 px, about 23 pt at A3 width), so it is placed in a
 * narrower page margin: its content then lines up with the footer and the metrics page.
 */
const SVG_INSET = 16;

function drawState(doc: PDFKit.PDFDocument, faces: Faces, svg: string, warnings: string[]): void {
  SVGtoPDF(doc, svg, SVG_INSET, SVG_INSET, {
    width: PAGE.width - 2 * SVG_INSET,
    height: PAGE.height - SVG_INSET - FOOTER - 20,
    // Top-aligned: the diagram's title sits where a reader looks first.
    preserveAspectRatio: 'xMidYMin meet',
    // The renderer writes one font-family stack; every face of it is the export font.
    fontCallback: (_family, bold, italic) =>
      bold ? (italic ? faces.boldItalic : faces.bold) : italic ? faces.italic : faces.regular,
    warningCallback: (message) => warnings.push(message),
  });
}

function footer(doc: PDFKit.PDFDocument, faces: Faces, left: string, page: number, of: number) {
  const y = PAGE.height - MARGIN / 2 - FOOTER / 2;
  const width = PAGE.width - 2 * MARGIN;
  doc.font(faces.regular).fontSize(8).fillColor(COLORS.muted);
  doc.text(left, MARGIN, y, { width: width * 0.8, lineBreak: false });
  doc.text(`Page ${page} of ${of}`, MARGIN, y, { width, align: 'right', lineBreak: false });
}

export async function renderPdf({ map, pages }: PdfInput): Promise<Buffer> {
  const name = title(map);
  const doc = new PDFDocument({
    size: PAGE.size,
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: name,
      Subject: 'Value stream map: every state, its metrics and the comparison of states',
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
  const footers: string[] = [];
  const warnings: string[] = [];
  for (const { state, svg } of pages) {
    doc.addPage();
    footers.push(
      `${name} · ${state.name} (${state.kind === 'future' ? 'future' : 'current'} state)`,
    );
    doc.outline.addItem(state.name);
    drawState(doc, faces, svg, warnings);
    // Let the event loop breathe between pages of a large map.
    await new Promise((resolve) => setImmediate(resolve));
  }

  const newReportPage = () => {
    doc.addPage();
    footers.push(`${name} · Metrics and comparison`);
  };
  newReportPage();
  doc.outline.addItem('Metrics and comparison');
  const writer = new PageWriter(doc, faces, newReportPage);
  drawReport(
    writer,
    buildReport(
      map,
      pages.map((p) => p.state.id),
    ),
  );

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    footer(doc, faces, footers[i] ?? name, i + 1, range.count);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The states' pictures, in order, as the PDF draws them. */
export function statePages(map: FlowMap, states: readonly MapState[]): PdfInput['pages'] {
  return states.map((state) => ({ state, svg: renderStateSvg(map, state.id) }));
}
