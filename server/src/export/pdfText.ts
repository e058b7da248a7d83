// Text on PDF pages in every script. PDFKit draws a string with one font and shows a box for each
// character it lacks, so each string is split into runs by the face that has its characters
// (fontRuns.ts) and drawn run by run. Text the base face draws alone takes exactly the calls it
// took before fallback existed, so an English PDF is byte-for-byte what it was.
import { type FaceKey, fontRuns, type Run } from './fontRuns.ts';
import { exportFont, fallbackFonts } from './fonts.ts';

type Doc = PDFKit.PDFDocument;

export interface Faces {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

export type Style = keyof Faces;

/** The PDFKit name of a shipped fallback face; bold when the style is. */
function fallbackName(key: Exclude<FaceKey, 'base'>, style: Style): string {
  return style === 'bold' || style === 'boldItalic' ? `fm-${key}-bold` : `fm-${key}`;
}

/** The family an SVG text run names to be drawn with a fallback face (see svgFontRuns). */
const SVG_FAMILY_PREFIX = 'flowmap-fallback-';

/**
 * Registers the export font and the shipped fallbacks with the document. PDFKit reads a
 * registered file only when a text first uses it, so an English PDF never opens the CJK fonts.
 */
export function registerFaces(doc: Doc): Faces {
  const font = exportFont();
  doc.registerFont('fm', font.regular);
  doc.registerFont('fm-bold', font.bold);
  doc.registerFont('fm-italic', font.italic);
  doc.registerFont('fm-bold-italic', font.boldItalic);
  for (const f of fallbackFonts()) {
    doc.registerFont(`fm-${f.key}`, f.regular);
    doc.registerFont(`fm-${f.key}-bold`, f.bold);
  }
  return { regular: 'fm', bold: 'fm-bold', italic: 'fm-italic', boldItalic: 'fm-bold-italic' };
}

/** The font svg-to-pdfkit should use for a text element's family and style. */
export function svgFont(faces: Faces, family: string, bold: boolean, italic: boolean): string {
  const style: Style = bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
  if (family.startsWith(SVG_FAMILY_PREFIX)) {
    const key = family.slice(SVG_FAMILY_PREFIX.length) as Exclude<FaceKey, 'base'>;
    if (fallbackFonts().some((f) => f.key === key)) return fallbackName(key, style);
  }
  return faces[style];
}

/**
 * The SVG with every text run the base face cannot draw wrapped in a <tspan> naming its fallback
 * face: for svg-to-pdfkit, which, like PDFKit, draws an element with one font (a `flowmap-fallback-`
 * family, mapped back by svgFont), and for resvg, whose own fallback ignores the weight (the
 * family's real name, so bold Hangul comes out bold). A <tspan> without a position continues where
 * the text before it ends, and anchoring spans the whole line, so the layout is unchanged. The
 * renderer writes text only as the content of <text> and <tspan>, escaped (no "<" inside);
 * entities stay whole because they are ASCII.
 */
export function svgFontRuns(svg: string, target: 'pdf' | 'png' = 'pdf'): string {
  const family = (key: Exclude<FaceKey, 'base'>) =>
    target === 'pdf'
      ? `${SVG_FAMILY_PREFIX}${key}`
      : `'${fallbackFonts().find((f) => f.key === key)?.family ?? key}'`;
  return svg.replace(
    /(<(text|tspan)\b[^>]*>)([^<]+)(<\/\2>)/g,
    (whole, open: string, _name, content: string, close: string) => {
      const runs = fontRuns(content);
      if (runs.every((r) => r.face === 'base')) return whole;
      const inner = runs
        .map((r) =>
          r.face === 'base' ? r.text : `<tspan font-family="${family(r.face)}">${r.text}</tspan>`,
        )
        .join('');
      return `${open}${inner}${close}`;
    },
  );
}

type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Draws and measures strings in a style at the document's current size, falling back per
 * character. One per document; callers set the size with doc.fontSize() as before.
 */
export class Typesetter {
  private style: Style = 'regular';

  constructor(
    readonly doc: Doc,
    readonly faces: Faces,
  ) {}

  /** Chooses the style (and the size, when given) for what follows; returns the document. */
  use(style: Style, size?: number): Doc {
    this.style = style;
    this.doc.font(this.faces[style]);
    if (size !== undefined) this.doc.fontSize(size);
    return this.doc;
  }

  private fontOf(run: Run): string {
    return run.face === 'base' ? this.faces[this.style] : fallbackName(run.face, this.style);
  }

  /** One face for the whole string, when there is one. */
  private single(runs: readonly Run[]): string | null {
    const [first] = runs;
    if (runs.length > 1 || !first) return runs.length === 0 ? this.faces[this.style] : null;
    return this.fontOf(first);
  }

  /**
   * The face a mixed string is measured with: its first fallback face, which has Latin letters
   * too and draws them at least as wide as the base face, so a measure never comes out short.
   */
  private measureFont(runs: readonly Run[]): string {
    const other = runs.find((r) => r.face !== 'base');
    return other ? this.fontOf(other) : this.faces[this.style];
  }

  width(content: string, options?: TextOptions): number {
    const runs = fontRuns(content);
    let total = 0;
    for (const run of runs) {
      this.doc.font(this.fontOf(run));
      total += this.doc.widthOfString(run.text, options);
    }
    this.doc.font(this.faces[this.style]);
    return total;
  }

  height(content: string, options?: TextOptions): number {
    const runs = fontRuns(content);
    this.doc.font(this.single(runs) ?? this.measureFont(runs));
    const height = this.doc.heightOfString(content, options);
    this.doc.font(this.faces[this.style]);
    return height;
  }

  /**
   * PDFKit puts a line's top at y and its baseline one ascender below, and Noto's ascender is
   * taller than Liberation's: runs in another face would sit lower than their neighbours. Every
   * run is put on the base face's baseline instead.
   */
  private baseline(): number {
    this.doc.font(this.faces[this.style]);
    const font = (this.doc as unknown as { _font: { ascender: number } })._font;
    return -((font.ascender / 1000) * this.fontSize());
  }

  private fontSize(): number {
    return (this.doc as unknown as { _fontSize: number })._fontSize;
  }

  text(content: string, x: number, y: number, options: TextOptions = {}): void {
    const runs = fontRuns(content);
    const one = this.single(runs);
    if (one !== null && runs[0]?.face !== 'base') {
      const baseline = this.baseline();
      this.doc.font(one).text(content, x, y, { ...options, baseline });
      this.doc.font(this.faces[this.style]);
      return;
    }
    if (one !== null) {
      this.doc.font(one).text(content, x, y, options);
      return;
    }
    const baseline = this.baseline();
    const total = this.width(content, options);
    const room = options.width;
    if (room === undefined || (total <= room && !content.includes('\n'))) {
      // One line: each run placed after the one before, aligned as a whole.
      const align = options.align ?? 'left';
      let at =
        room === undefined || align === 'left' || align === 'justify'
          ? x
          : align === 'right'
            ? x + room - total
            : x + (room - total) / 2;
      for (const run of runs) {
        this.doc.font(this.fontOf(run));
        const w = this.doc.widthOfString(run.text, options);
        const { width: _w, align: _a, ...rest } = options;
        this.doc.text(run.text, at, y, { ...rest, baseline, lineBreak: false });
        at += w;
      }
    } else {
      // Wrapped: PDFKit continues a paragraph across fonts; left-aligned, as wrapped text reads.
      runs.forEach((run, i) => {
        this.doc.font(this.fontOf(run));
        const more = i < runs.length - 1;
        const opts = { ...options, baseline, align: 'left' as const, continued: more };
        if (i === 0) this.doc.text(run.text, x, y, opts);
        else this.doc.text(run.text, opts);
      });
    }
    this.doc.font(this.faces[this.style]);
  }
}
