// Page geometry, type and the small drawing kit the PDF pages share: a cursor that moves down a
// page and starts a new one when the next block would not fit, headings, wrapped paragraphs and
// tables whose rows grow with their text and repeat the header row on a new page.
import { COLORS, DORA_LEVEL_COLORS, type DoraLevel } from '@flowmap/shared';
import { displayT } from '@flowmap/shared/i18n';
import { type Faces, Typesetter } from './pdfText.ts';

type Doc = PDFKit.PDFDocument;

/** A3 landscape in PDF points: big enough for a pipeline of a dozen stages at reading size. */
export const PAGE = { size: 'A3', width: 1190.55, height: 841.89 } as const;
export const MARGIN = 40;
/** Room at the bottom for the footer line. */
export const FOOTER = 30;

export { type Faces, registerFaces } from './pdfText.ts';

export interface Cell {
  text: string;
  color?: string;
  bold?: boolean;
  /** A DORA level drawn as a coloured pill after the text. */
  level?: DoraLevel | null;
  /** A smaller grey line under the text: "1w 3d expected" under a worst-case lead time. */
  sub?: string;
}

export interface Column {
  title: string;
  /** Share of the table width. */
  width: number;
  align?: 'left' | 'right';
}

const PAD_X = 6;
const PAD_Y = 5;
const PILL_W = 46;
const PILL_H = 13;
const BODY_SIZE = 10;
const SUB_SIZE = 8.5;

export class PageWriter {
  y = MARGIN;
  readonly left = MARGIN;
  readonly width = PAGE.width - 2 * MARGIN;
  private readonly bottom = PAGE.height - MARGIN - FOOTER;
  /** Draws and measures text with per-character font fallback. */
  readonly type: Typesetter;

  constructor(
    readonly doc: Doc,
    readonly faces: Faces,
    private readonly onNewPage: () => void,
  ) {
    this.type = new Typesetter(doc, faces);
  }

  /** Starts a new page when `height` more points would not fit on this one. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.onNewPage();
    this.y = MARGIN;
    return true;
  }

  gap(points: number): void {
    this.y += points;
  }

  text(
    content: string,
    options: { size?: number; face?: keyof Faces; color?: string; gapAfter?: number } = {},
  ): void {
    const size = options.size ?? BODY_SIZE;
    this.type.use(options.face ?? 'regular', size);
    const height = this.type.height(content, { width: this.width, lineGap: 2 });
    this.ensure(height);
    this.doc.fillColor(options.color ?? COLORS.text);
    this.type.text(content, this.left, this.y, { width: this.width, lineGap: 2 });
    this.y += height + (options.gapAfter ?? 4);
  }

  /**
   * A section title, kept on one page with at least `keepWith` points of what follows. Fixed
   * titles are set in capitals like the diagram's panel titles; titles naming states are not.
   */
  heading(content: string, options: { keepWith?: number; capitals?: boolean } = {}): void {
    const capitals = options.capitals ?? true;
    const shown = capitals ? content.toUpperCase() : content;
    const size = capitals ? 11 : 13;
    this.type.use('bold', size);
    const height = this.type.height(shown, { width: this.width });
    this.ensure(height + 8 + (options.keepWith ?? 60));
    this.doc.fillColor(capitals ? COLORS.muted : COLORS.text);
    this.type.text(shown, this.left, this.y, {
      width: this.width,
      characterSpacing: capitals ? 0.4 : 0,
    });
    this.y += height + 8;
  }

  table(columns: readonly Column[], rows: readonly Cell[][]): void {
    const widths = columns.map((c) => c.width * this.width);
    const header = () => {
      this.type.use('bold', 9);
      const height =
        Math.max(
          ...columns.map((c, i) =>
            this.type.height(c.title, { width: (widths[i] ?? 0) - 2 * PAD_X }),
          ),
        ) +
        2 * PAD_Y;
      this.ensure(height + 24);
      let x = this.left;
      columns.forEach((c, i) => {
        const w = widths[i] ?? 0;
        this.doc.fillColor(COLORS.muted);
        this.type.text(c.title, x + PAD_X, this.y + PAD_Y, {
          width: w - 2 * PAD_X,
          align: c.align ?? 'left',
        });
        x += w;
      });
      this.y += height;
      this.rule(COLORS.text, 0.8);
    };
    header();
    for (const row of rows) {
      const height = this.rowHeight(row, widths);
      if (this.ensure(height)) header();
      let x = this.left;
      row.forEach((cell, i) => {
        this.cell(cell, x, widths[i] ?? 0, columns[i]?.align ?? 'left');
        x += widths[i] ?? 0;
      });
      this.y += height;
      this.rule(COLORS.border, 0.5);
    }
  }

  private textWidth(cell: Cell, width: number): number {
    return width - 2 * PAD_X - (cell.level !== undefined ? PILL_W + 6 : 0);
  }

  private rowHeight(row: readonly Cell[], widths: readonly number[]): number {
    const heights = row.map((cell, i) => {
      const width = this.textWidth(cell, widths[i] ?? 0);
      this.type.use(cell.bold ? 'bold' : 'regular', BODY_SIZE);
      const main = this.type.height(cell.text || ' ', { width });
      return main + this.subHeight(cell, width);
    });
    return Math.max(PILL_H, ...heights) + 2 * PAD_Y;
  }

  private subHeight(cell: Cell, width: number): number {
    if (!cell.sub) return 0;
    this.type.use('regular', SUB_SIZE);
    return 1 + this.type.height(cell.sub, { width });
  }

  private cell(cell: Cell, x: number, width: number, align: 'left' | 'right'): void {
    const textWidth = this.textWidth(cell, width);
    const style = cell.bold ? 'bold' : 'regular';
    this.type.use(style, BODY_SIZE).fillColor(cell.color ?? COLORS.text);
    this.type.text(cell.text, x + PAD_X, this.y + PAD_Y, { width: textWidth, align });
    if (cell.sub) {
      const below = this.type.height(cell.text || ' ', { width: textWidth }) + 1;
      this.type.use('regular', SUB_SIZE).fillColor(COLORS.muted);
      this.type.text(cell.sub, x + PAD_X, this.y + PAD_Y + below, { width: textWidth, align });
      // The pill below is placed after the main text, measured in its own style.
      this.type.use(style, BODY_SIZE);
    }
    if (cell.level === undefined) return;
    // Right-aligned figures keep their pill at the column's edge; text reads on into its pill.
    const px =
      align === 'right'
        ? x + width - PAD_X - PILL_W
        : x + PAD_X + Math.min(this.type.width(cell.text), textWidth) + 8;
    const py = this.y + PAD_Y - 1;
    if (cell.level === null) {
      this.type.use('regular').fillColor(COLORS.muted);
      this.type.text('—', px, this.y + PAD_Y, { width: PILL_W, align: 'center' });
      return;
    }
    this.doc.roundedRect(px, py, PILL_W, PILL_H, PILL_H / 2).fill(DORA_LEVEL_COLORS[cell.level]);
    this.type.use('bold', 8).fillColor('#ffffff');
    this.type.text(displayT('exports')(`level.${cell.level}`), px, py + 3, {
      width: PILL_W,
      align: 'center',
      lineBreak: false,
    });
  }

  rule(color: string, width: number): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.left + this.width, this.y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }
}
