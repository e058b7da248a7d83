// The fonts PNG and PDF exports draw text with.
//
// The base face is the one the SVG asks for first: Arial (or its metric twin Liberation Sans), so
// the PDF embeds the face resvg and browsers pick on this machine, then DejaVu Sans, the wide
// fallback the renderer's text measurements are calibrated for. Files are looked up once.
//
// Everything the base face cannot draw (Hangul, Chinese and Japanese characters, emoji) is drawn
// with fonts shipped with the server from npm (OFL): Noto Sans KR (Hangul, kana, the common Han
// characters, Latin), Noto Sans SC (the rest of the Han characters) and Noto Emoji (monochrome
// outlines that both resvg and PDFKit can draw). Nothing depends on the host's fonts for those
// scripts, and a host with none of the Latin families gets Noto Sans KR as the base face too.
// The shipped files are large (6–11 MB each), so none is read until a text needs it.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFamily {
  family: string;
  regular: string;
  bold: string;
  /** Falls back to the upright face when the family has no italic file here. */
  italic: string;
  boldItalic: string;
}

interface Candidate {
  family: string;
  dirs: readonly string[];
  files: readonly [regular: string, bold: string, italic: string, boldItalic: string];
}

const CANDIDATES: readonly Candidate[] = [
  {
    family: 'Arial',
    dirs: ['/System/Library/Fonts/Supplemental', '/Library/Fonts'],
    files: ['Arial.ttf', 'Arial Bold.ttf', 'Arial Italic.ttf', 'Arial Bold Italic.ttf'],
  },
  {
    family: 'Arial',
    dirs: ['C:\\Windows\\Fonts'],
    files: ['arial.ttf', 'arialbd.ttf', 'ariali.ttf', 'arialbi.ttf'],
  },
  {
    family: 'Liberation Sans',
    dirs: [
      '/usr/share/fonts/truetype/liberation',
      '/usr/share/fonts/truetype/liberation2',
      '/usr/share/fonts/liberation-sans',
      '/usr/share/fonts/liberation',
      '/usr/local/share/fonts',
    ],
    files: [
      'LiberationSans-Regular.ttf',
      'LiberationSans-Bold.ttf',
      'LiberationSans-Italic.ttf',
      'LiberationSans-BoldItalic.ttf',
    ],
  },
  {
    family: 'DejaVu Sans',
    dirs: ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts'],
    files: [
      'DejaVuSans.ttf',
      'DejaVuSans-Bold.ttf',
      'DejaVuSans-Oblique.ttf',
      'DejaVuSans-BoldOblique.ttf',
    ],
  },
];

function locate(candidate: Candidate): FontFamily | null {
  for (const dir of candidate.dirs) {
    const [regular, bold, italic, boldItalic] = candidate.files.map((f) => join(dir, f));
    if (!regular || !bold || !existsSync(regular) || !existsSync(bold)) continue;
    const has = (path: string | undefined): path is string => !!path && existsSync(path);
    return {
      family: candidate.family,
      regular,
      bold,
      italic: has(italic) ? italic : regular,
      boldItalic: has(boldItalic) ? boldItalic : bold,
    };
  }
  return null;
}

/** A font shipped with the server for the scripts the base face lacks. */
export interface FallbackFont {
  /** Short name, also the PDFKit font name prefix. */
  key: 'kr' | 'sc' | 'emoji';
  family: string;
  regular: string;
  bold: string;
}

const require = createRequire(import.meta.url);

function shipped(
  key: FallbackFont['key'],
  pkg: string,
  family: string,
  regular: string,
  bold: string,
): FallbackFont {
  const dir = dirname(require.resolve(`${pkg}/package.json`));
  return { key, family, regular: join(dir, regular), bold: join(dir, bold) };
}

let fallbackList: readonly FallbackFont[] | undefined;

/** The shipped fonts in the order a character not in the base face tries them. */
export function fallbackFonts(): readonly FallbackFont[] {
  fallbackList ??= [
    shipped(
      'kr',
      '@expo-google-fonts/noto-sans-kr',
      'Noto Sans KR',
      '400Regular/NotoSansKR_400Regular.ttf',
      '700Bold/NotoSansKR_700Bold.ttf',
    ),
    shipped(
      'sc',
      '@expo-google-fonts/noto-sans-sc',
      'Noto Sans SC',
      '400Regular/NotoSansSC_400Regular.ttf',
      '700Bold/NotoSansSC_700Bold.ttf',
    ),
    shipped(
      'emoji',
      '@expo-google-fonts/noto-emoji',
      'Noto Emoji',
      '400Regular/NotoEmoji_400Regular.ttf',
      '700Bold/NotoEmoji_700Bold.ttf',
    ),
  ];
  return fallbackList;
}

let found: FontFamily | null | undefined;

/**
 * The first installed family of Arial, Liberation Sans, DejaVu Sans; on a host with none of them,
 * the shipped Noto Sans KR (it has Latin too), so an export never depends on the host's fonts.
 */
export function exportFont(): FontFamily {
  if (found === undefined) {
    found = null;
    for (const candidate of CANDIDATES) {
      found = locate(candidate);
      if (found) break;
    }
  }
  if (found) return found;
  const kr = fallbackFonts()[0] as FallbackFont;
  return {
    family: kr.family,
    regular: kr.regular,
    bold: kr.bold,
    italic: kr.regular,
    boldItalic: kr.bold,
  };
}
