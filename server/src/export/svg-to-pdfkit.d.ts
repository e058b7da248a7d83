// svg-to-pdfkit 0.1.8 ships no types: the part of its API the PDF export uses.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** Viewport in PDF points (the SVG is fitted into it by its viewBox). */
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    precision?: number;
    /** Which registered PDFKit font draws a font-family; set the faux flags to fake a style. */
    fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      options: { fauxBold: boolean; fauxItalic: boolean },
    ) => string;
    warningCallback?: (message: string) => void;
  }
  function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: SvgToPdfOptions,
  ): void;
  export default SVGtoPDF;
}
