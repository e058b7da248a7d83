// fontkit 2.0.4 (PDFKit's own font reader) ships no types: the part of its API the exports use.
declare module 'fontkit' {
  interface Font {
    familyName: string;
    /** Every code point the font maps to a glyph. */
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
