// What an avatar shows: a participant's initials, in black or white, whichever reads better on
// their presence colour. Pure, so the rules are tested without a browser.

// A word's initial is its first letter, digit or emoji: "(facilitator)" gives "f", never "(".
const INITIAL = /[\p{L}\p{N}]|\p{Extended_Pictographic}/u;

/**
 * "Ada Lovelace" → "AL", "grace" → "G", "Jean-Luc Picard" → "JP", "Fay (facilitator)" → "F" (a
 * bracketed role is not part of the name); "?" when there is nothing to show.
 */
export function initials(name: string): string {
  const withoutRole = name.replace(/[([{][^)\]}]*[)\]}]/g, ' ');
  const source = withoutRole.trim() === '' ? name : withoutRole;
  const letters = source
    .trim()
    .split(/[\s\-_.]+/)
    .map((word) => INITIAL.exec(word)?.[0] ?? '')
    .filter((letter) => letter !== '');
  const first = letters[0];
  if (!first) return '?';
  const last = letters.length > 1 ? letters[letters.length - 1] : undefined;
  return (first + (last ?? '')).toLocaleUpperCase();
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
