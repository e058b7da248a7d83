// String building for the SVG renderer. Everything here is deterministic: numbers are rounded to
// two decimals, text is escaped (and stripped of characters XML cannot hold at all), and text width
// is estimated from a fixed table instead of measured, because there is no DOM on the server.

import { formatRatio } from '../metrics/compareFormat.ts';

/** Characters allowed by XML 1.0; anything else makes the whole document unparsable, even escaped. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Escapes text for element content and attribute values alike; drops non-XML characters. */
export function escapeXml(text: string): string {
  let out = '';
  // for…of walks code points, so a lone surrogate arrives alone and is dropped by isXmlChar.
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(cp)) continue;
    switch (ch) {
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '"':
        out += '&quot;';
        break;
      case "'":
        out += '&apos;';
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/** A document field as display text: hostile non-strings become '' rather than "[object Object]". */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A finite number or null: the renderer treats NaN and ±Infinity as missing. */
export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A number for an attribute: at most two decimals, never "-0", "NaN" or "Infinity". */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '0' : String(r);
}

export type AttrValue = string | number | boolean | undefined | null;
export type Attrs = Record<string, AttrValue>;

/** Attributes in insertion order; undefined, null and false are left out, true is "true". */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(a)) {
    if (value === undefined || value === null || value === false) continue;
    const text = typeof value === 'number' ? num(value) : escapeXml(String(value));
    out += ` ${key}="${text}"`;
  }
  return out;
}

/** An element; `children` is markup that is already safe (built by these helpers). */
export function el(name: string, a: Attrs = {}, children?: string): string {
  return children === undefined
    ? `<${name}${attrs(a)}/>`
    : `<${name}${attrs(a)}>${children}</${name}>`;
}

export interface TextStyle {
  size: number;
  weight?: 'normal' | 'bold' | number;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  italic?: boolean;
}

/** One line of text at a baseline. */
export function text(x: number, y: number, content: string, style: TextStyle, extra: Attrs = {}) {
  return el(
    'text',
    {
      x,
      y,
      'font-size': style.size,
      'font-weight': style.weight === 'normal' ? undefined : style.weight,
      'font-style': style.italic ? 'italic' : undefined,
      fill: style.fill,
      'text-anchor': style.anchor === 'start' ? undefined : style.anchor,
      ...extra,
    },
    escapeXml(content),
  );
}

/** Several lines, one <tspan> each with absolute positions (renderers disagree on dy chains). */
export function textLines(
  x: number,
  y: number,
  lines: readonly string[],
  lineHeight: number,
  style: TextStyle,
  extra: Attrs = {},
): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return text(x, y, lines[0] ?? '', style, extra);
  const spans = lines
    .map((line, i) => el('tspan', { x, y: y + i * lineHeight }, escapeXml(line)))
    .join('');
  return el(
    'text',
    {
      'font-size': style.size,
      'font-weight': style.weight === 'normal' ? undefined : style.weight,
      'font-style': style.italic ? 'italic' : undefined,
      fill: style.fill,
      'text-anchor': style.anchor === 'start' ? undefined : style.anchor,
      ...extra,
    },
    spans,
  );
}

// Advance widths in em, close to DejaVu Sans: the widest of the fonts the stack may resolve to
// (a Debian server without Arial renders with it), so wrapped and ellipsised text fits whichever
// font is used; with Arial or Liberation Sans it merely gets a little more room.
const NARROW = new Set(Array.from("iljI.,:;!|'`"));
const SEMI = new Set(Array.from('frt()[]{}/\\- "'));
const WIDE = new Set(Array.from('mwMW@%'));

function charWidth(ch: string): number {
  if (NARROW.has(ch)) return 0.3;
  if (SEMI.has(ch)) return 0.4;
  if (WIDE.has(ch)) return 0.95;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x30 && cp <= 0x39) return 0.64;
  if (cp >= 0x61 && cp <= 0x7a) return 0.61;
  if (cp >= 0x41 && cp <= 0x5a) return 0.74;
  // CJK, Hangul and emoji are roughly square.
  if (cp >= 0x2e80) return 1;
  return 0.66;
}

/** Estimated width in px of one line of text. */
export function textWidth(content: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of content) em += charWidth(ch);
  return em * size * (bold ? 1.1 : 1);
}

/**
 * No label shows more than this many characters, so a hostile megabyte-long name costs no more
 * than a long one; anything cut here is ellipsised anyway.
 */
const MAX_TEXT = 2000;

function clip(content: string): string {
  return content.length > MAX_TEXT ? `${content.slice(0, MAX_TEXT)}…` : content;
}

/** The text cut to fit `maxWidth` with a trailing ellipsis, or as is when it fits. */
export function ellipsize(raw: string, maxWidth: number, size: number, bold = false): string {
  const content = clip(raw);
  if (textWidth(content, size, bold) <= maxWidth) return content;
  const chars = Array.from(content);
  const budget = maxWidth - textWidth('…', size, bold);
  let width = 0;
  let cut = 0;
  while (cut < chars.length) {
    const w = textWidth(chars[cut] ?? '', size, bold);
    if (width + w > budget) break;
    width += w;
    cut++;
  }
  return `${chars.slice(0, cut).join('').trimEnd()}…`;
}

/**
 * Greedy word wrap into at most `maxLines` lines of `maxWidth`; words longer than a line are
 * broken, and text that does not fit ends in an ellipsis. Whitespace (newlines included) collapses.
 */
export function wrapText(
  content: string,
  maxWidth: number,
  size: number,
  maxLines: number,
  bold = false,
): string[] {
  const words = clip(content)
    .split(/\s+/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s, size, bold) <= maxWidth;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    // A word wider than the line is broken across lines at character boundaries.
    while (!fits(line) && lines.length < maxLines) {
      const chars = Array.from(line);
      let cut = 1;
      while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut++;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
    if (lines.length >= maxLines) {
      const rest = [line, ...words.slice(i + 1)].filter((w) => w !== '').join(' ');
      return finishTruncated(lines, rest, maxWidth, size, maxLines, bold);
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    return finishTruncated(
      lines.slice(0, maxLines),
      lines.slice(maxLines).join(' '),
      maxWidth,
      size,
      maxLines,
      bold,
    );
  }
  return lines;
}

function finishTruncated(
  lines: string[],
  rest: string,
  maxWidth: number,
  size: number,
  maxLines: number,
  bold: boolean,
): string[] {
  const kept = lines.slice(0, maxLines);
  if (rest === '') return kept;
  const last = kept.pop() ?? '';
  kept.push(ellipsize(`${last} ${rest}`, maxWidth, size, bold));
  return kept;
}

/**
 * A fraction as a percent for people, by shared's one rule (formatRatio: "8.8%", "44%", "0.08%"),
 * so the picture says what the editor says. `compact` is kept for callers in tight boxes; the rule
 * is already compact (whole percents from 10 %).
 */
export function formatPercent(fraction: number | null, _compact = false): string {
  return formatRatio(fraction);
}
