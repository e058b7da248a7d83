// The languages Flowmap speaks, and the one formatters use right now.
//
// Why an ambient locale rather than a `locale` argument on every formatter: durations, percentages
// and dates are formatted in ~150 places (canvas, panels, SVG/PDF renderers, CSV notes), and every
// one must read the same in one language. The client sets it once when the user switches language;
// the server wraps each export's synchronous render in `inLocale(map.locale, …)`. Rendering never
// awaits inside `inLocale`, so two exports of different languages cannot interleave.
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Each language's name in its own script: the language picker shows these untranslated, so a
 * Korean reader finds "한국어" in an English UI and the other way round.
 */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** Intl tags for each locale: what `Intl.NumberFormat` / `DateTimeFormat` receive. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

let current: Locale = DEFAULT_LOCALE;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks a supported locale from a BCP 47 tag ("ko-KR" → "ko"), or the default. */
export function pickLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : DEFAULT_LOCALE;
}

export function displayLocale(): Locale {
  return current;
}

/** Sets the locale formatters use from now on (the client, on a language switch). */
export function setDisplayLocale(locale: Locale): void {
  current = locale;
}

/** Runs a synchronous render in a locale and restores the previous one (exports on the server). */
export function inLocale<T>(locale: Locale, render: () => T): T {
  const previous = current;
  current = locale;
  try {
    return render();
  } finally {
    current = previous;
  }
}
