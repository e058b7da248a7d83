// File names for downloads: "Payments service - Future state.png" for people, and an ASCII
// fallback ("Payments-service-Future-state.png") for clients that cannot read RFC 6266's
// filename*. Both are safe as a single path segment on every desktop OS.

const MAX_STEM = 120;

const FORBIDDEN = new Set('<>:"/\\|?*');

/** Control characters, path separators and the characters Windows forbids become spaces. */
function unforbidden(part: string): string {
  return Array.from(part, (ch) =>
    (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' || FORBIDDEN.has(ch) ? ' ' : ch,
  ).join('');
}

/** Readable, keeps any letters, drops what file systems or headers refuse. */
function readable(part: string): string {
  return (
    unforbidden(part)
      .replace(/\s+/g, ' ')
      .trim()
      // A leading dot hides the file on Unix; trailing dots vanish on Windows.
      .replace(/^\.+|\.+$/g, '')
  );
}

function ascii(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Überweisung" → "Uberweisung"
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('').trim() : s;
}

export interface ExportFileName {
  /** UTF-8 name for `filename*` and for browsers. */
  name: string;
  /** ASCII-only fallback for `filename`. */
  ascii: string;
}

/** The file name of an export: the map title, then e.g. the state name, then the extension. */
export function exportFileName(parts: readonly string[], extension: string): ExportFileName {
  const kept = parts.map(readable).filter((p) => p !== '');
  const stem = clip(kept.join(' - '), MAX_STEM) || 'flowmap';
  const asciiStem = clip(
    ascii(
      kept
        .map(ascii)
        .filter((p) => p !== '')
        .join('-'),
    ),
    MAX_STEM,
  );
  return { name: `${stem}.${extension}`, ascii: `${asciiStem || 'flowmap'}.${extension}` };
}

/** A `Content-Disposition: attachment` value carrying both names (RFC 6266, RFC 5987). */
export function contentDisposition(file: ExportFileName): string {
  const encoded = encodeURIComponent(file.name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${file.ascii}"; filename*=UTF-8''${encoded}`;
}

/** The file name a `Content-Disposition` header offers (filename* first), or null. */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) ?? /filename\s*=\s*([^;]+)/i.exec(header);
  return plain?.[1]?.trim() || null;
}
