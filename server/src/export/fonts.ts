// The fonts PNG and PDF exports draw text with. The SVG asks for Arial (or its metric twin
// Liberation Sans) first, so the PDF embeds the same face resvg and browsers pick on this
// machine; DejaVu Sans is the wide fallback the renderer's text measurements are calibrated for.
// Files are looked up once; nothing is downloaded. Without any of them the PDF falls back to
// PDFKit's built-in Helvetica (Latin-1 only) and resvg to whatever the system offers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

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

let found: FontFamily | null | undefined;

/** The first installed family of Arial, Liberation Sans, DejaVu Sans; null when none is. */
export function exportFont(): FontFamily | null {
  if (found === undefined) {
    found = null;
    for (const candidate of CANDIDATES) {
      found = locate(candidate);
      if (found) break;
    }
  }
  return found;
}
