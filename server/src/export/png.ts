// SVG → PNG with resvg (a maintained Rust rasteriser; prebuilt binary). Crisp at 2× for slides
// and wikis; a map too large for that is scaled down to stay within a bounded image, and says so.
// resvg renders on libuv's thread pool (renderAsync), never on the event loop.
import { type RenderedImage, renderAsync } from '@resvg/resvg-js';
import { fallbacksNeeded } from './fontRuns.ts';
import { exportFont } from './fonts.ts';
import { svgFontRuns } from './pdfText.ts';

export const PNG_SCALE = 2;
/** Longest side of an exported PNG: what image viewers and slide tools still open. */
export const MAX_PNG_SIDE = 16_384;
/** At most ~128 MB of RGBA pixels in memory while encoding. */
export const MAX_PNG_PIXELS = 32_000_000;

export interface PngPlan {
  zoom: number;
  width: number;
  height: number;
  /** Why the picture is smaller than 2×, for the person who asked; null when it is not. */
  note: string | null;
}

/** The zoom, output size and note for an SVG of `width` × `height` px. */
export function planPng(width: number, height: number): PngPlan {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const fits = Math.min(MAX_PNG_SIDE / w, MAX_PNG_SIDE / h, Math.sqrt(MAX_PNG_PIXELS / (w * h)));
  let zoom = fits >= PNG_SCALE ? PNG_SCALE : Math.floor(fits * 1e6) / 1e6;
  // resvg rounds the output size up: shave the zoom until the rounded size is within limits.
  const size = (z: number) => ({ zoom: z, width: Math.ceil(w * z), height: Math.ceil(h * z) });
  while (zoom < PNG_SCALE) {
    const s = size(zoom);
    if (
      s.width <= MAX_PNG_SIDE &&
      s.height <= MAX_PNG_SIDE &&
      s.width * s.height <= MAX_PNG_PIXELS
    ) {
      break;
    }
    zoom = Math.floor(zoom * 0.999 * 1e6) / 1e6;
  }
  const out = size(zoom);
  const note =
    zoom < PNG_SCALE
      ? `The map is too large for a ${PNG_SCALE}× PNG (${Math.round(w)} × ${Math.round(h)} px); ` +
        `rendered at ${Math.round(zoom * 1000) / 1000}× (${out.width} × ${out.height} px). ` +
        'Export SVG or PDF for full detail.'
      : null;
  return { ...out, note };
}

/** The root element's width and height, as renderStateSvg writes them. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const read = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1]);
  const width = read('width');
  const height = read('height');
  if (!(width > 0) || !(height > 0)) throw new Error('the SVG has no width and height');
  return { width, height };
}

export interface PngFontOptions {
  /**
   * Give resvg the shipped fonts the text needs (default). Off only in tests, to show what a host
   * without them used to get.
   */
  fallbacks?: boolean;
}

/** The SVG as resvg draws it for a PNG: its pixels (RGBA) and the plan it was drawn to. */
export async function rasterise(
  svg: string,
  options: PngFontOptions = {},
): Promise<{ image: RenderedImage; plan: PngPlan }> {
  const { width, height } = svgSize(svg);
  const plan = planPng(width, height);
  const font = exportFont();
  // Only the shipped fonts some character needs are read (resvg loads every file it is given,
  // for every render): an English map never touches the 6–11 MB CJK files.
  const extra = options.fallbacks === false ? [] : fallbacksNeeded(svg);
  const drawn = extra.length > 0 ? svgFontRuns(svg, 'png') : svg;
  const image = await renderAsync(drawn, {
    fitTo: { mode: 'zoom', value: plan.zoom },
    background: '#ffffff',
    font: {
      // The host's other fonts are never consulted: the picture is the same on every server.
      loadSystemFonts: false,
      fontFiles: [
        font.regular,
        font.bold,
        font.italic,
        font.boldItalic,
        ...extra.flatMap((f) => [f.regular, f.bold]),
      ],
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
    logLevel: 'off',
  });
  return { image, plan };
}

export async function svgToPng(
  svg: string,
  options: PngFontOptions = {},
): Promise<{ png: Buffer } & PngPlan> {
  const { image, plan } = await rasterise(svg, options);
  return { ...plan, png: image.asPng(), width: image.width, height: image.height };
}
