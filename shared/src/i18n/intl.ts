// Intl formatters in the display locale, built once per locale and options: constructing an
// Intl.NumberFormat costs far more than using one, and formatters run for every figure on the map.
import { displayLocale, INTL_TAG, type Locale } from './locale.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** An Intl.NumberFormat for `locale` (default: the display locale) with these options. */
export function numberFormat(
  options: Intl.NumberFormatOptions,
  locale: Locale = displayLocale(),
): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_TAG[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An Intl.DateTimeFormat for the display locale. `tags` overrides the Intl tag per locale where a
 * locale's reading differs from its INTL_TAG (the library writes English dates day-first, en-GB).
 */
export function dateFormat(
  options: Intl.DateTimeFormatOptions,
  tags: Partial<Record<Locale, string>> = {},
): Intl.DateTimeFormat {
  const locale = displayLocale();
  const tag = tags[locale] ?? INTL_TAG[locale];
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, options);
    dateFormats.set(key, format);
  }
  return format;
}

/** An Intl.RelativeTimeFormat ("5 minutes ago", "5분 전") for the display locale. */
export function relativeTimeFormat(
  options: Intl.RelativeTimeFormatOptions = {},
): Intl.RelativeTimeFormat {
  const tag = INTL_TAG[displayLocale()];
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = relativeFormats.get(key);
  if (!format) {
    format = new Intl.RelativeTimeFormat(tag, options);
    relativeFormats.set(key, format);
  }
  return format;
}

/**
 * A plain number as the display locale writes it, without thousands grouping unless asked: the
 * figures Flowmap writes are read back by its own parsers ("1234" min), which a "1,234" would trip.
 */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat({ useGrouping: false, maximumFractionDigits: 20, ...options }).format(value);
}
