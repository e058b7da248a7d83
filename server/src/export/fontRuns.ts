// Per-character font fallback for exports. resvg falls back by itself among the fonts it is given;
// PDFKit does not: every string it draws is split here into runs, each drawn with the first face
// (the base face, then each shipped fallback in order) that has a glyph for its characters.
//
// Coverage is read with fontkit (PDFKit's own font reader) once per font file, when a text first
// holds a character outside plain ASCII, and kept as a sorted list of code points (~90 KB for Noto
// Sans KR) rather than the parsed font (its 6 MB file stays on disk until a document embeds it).
// The reference brings fontkit's types to every program that compiles this file (e2e too).
/// <reference path="./fontkit.d.ts" />
import { createRequire } from 'node:module';
import { exportFont, type FallbackFont, fallbackFonts } from './fonts.ts';

/**
 * fontkit as PDFKit loads it (its CommonJS build), so the process holds one copy of it, and only
 * once a text first needs a font's coverage: an English export never loads it here.
 */
let fontkit: typeof import('fontkit') | undefined;
const loadFontkit = () => {
  fontkit ??= createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
  return fontkit;
};

const coverage = new Map<string, Uint32Array>();

function codePointsOf(path: string): Uint32Array {
  let points = coverage.get(path);
  if (!points) {
    points = Uint32Array.from(new Set(loadFontkit().openSync(path).characterSet)).sort();
    coverage.set(path, points);
  }
  return points;
}

function has(points: Uint32Array, cp: number): boolean {
  let lo = 0;
  let hi = points.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = points[mid] as number;
    if (at === cp) return true;
    if (at < cp) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Which face draws a character: the base face, or a shipped fallback by its key. */
export type FaceKey = 'base' | FallbackFont['key'];

export interface Run {
  face: FaceKey;
  text: string;
}

/**
 * Characters that belong to the one before them and must stay in its run: variation selectors
 * (the emoji presentation selector U+FE0F), joiners (family emoji are joined with U+200D),
 * combining marks and skin-tone modifiers.
 */
function clings(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0x200d ||
    cp === 0x200c ||
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f)
  );
}

const faces = new Map<number, FaceKey>();

function faceFor(cp: number): FaceKey {
  // Plain ASCII and whitespace: every base face has them; no font needs to be read.
  if (cp < 0x80) return 'base';
  let face = faces.get(cp);
  if (face === undefined) {
    face = lookUp(cp);
    faces.set(cp, face);
  }
  return face;
}

function lookUp(cp: number): FaceKey {
  if (has(codePointsOf(exportFont().regular), cp)) return 'base';
  for (const font of fallbackFonts()) {
    if (has(codePointsOf(font.regular), cp)) return font.key;
  }
  // Nobody has it: the base face draws its "missing" glyph, as before.
  return 'base';
}

/** The text in runs of one face each; one base run for text the base face draws alone. */
export function fontRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Marks continue the run they are in, and so do spaces ("배포 검토" is one run, not three)
    // except after emoji: the emoji font has no space.
    const continues: boolean =
      current !== null && (clings(cp) || (cp === 0x20 && current.face !== 'emoji'));
    const face: FaceKey = current && continues ? current.face : faceFor(cp);
    if (current && current.face === face) {
      current.text += ch;
    } else {
      current = { face, text: ch };
      runs.push(current);
    }
  }
  return runs;
}

/** Whether the base face draws all of the text (the fast path: no fallback face is touched). */
export function baseOnly(text: string): boolean {
  for (const ch of text) {
    if (faceFor(ch.codePointAt(0) ?? 0) !== 'base') return false;
  }
  return true;
}

/** The shipped fonts some character of `text` needs, in fallback order. */
export function fallbacksNeeded(text: string): FallbackFont[] {
  const keys = new Set<FaceKey>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x80) keys.add(faceFor(cp));
  }
  return fallbackFonts().filter((f) => keys.has(f.key));
}
