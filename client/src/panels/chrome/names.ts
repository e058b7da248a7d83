// Display names as participants type them: validated once at the prompt, shown as initials in the
// presence bar. Pure, so the rules are tested without a browser.

export const NAME_MAX_LENGTH = 60;

export type NameCheck = { ok: true; name: string } | { ok: false; error: string };

/** Trims, collapses inner whitespace and checks the 1–60 character rule. */
export function validateDisplayName(raw: string): NameCheck {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, error: 'Please enter your name.' };
  // Count characters as people see them, so an emoji or an accented letter counts once.
  const length = Array.from(name).length;
  if (length > NAME_MAX_LENGTH) {
    return {
      ok: false,
      error: `Use at most ${NAME_MAX_LENGTH} characters (this one has ${length}).`,
    };
  }
  return { ok: true, name };
}

/** "Ada Lovelace" → "AL", "grace" → "G", "Jean-Luc Picard" → "JP"; "?" when there is nothing to show. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.]+/)
    .filter((w) => w !== '');
  const first = words[0];
  if (!first) return '?';
  const letter = (word: string) => (Array.from(word)[0] ?? '').toLocaleUpperCase();
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return last ? letter(first) + letter(last) : letter(first);
}

/** Black or white, whichever reads better on a presence colour ("#rrggbb"). */
export function readableTextColour(background: string): '#ffffff' | '#1d2330' {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return '#ffffff';
  const [r, g, b] = match.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white vs against the dark text colour (luminance ≈ 0.016).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 ? '#ffffff' : '#1d2330';
}
