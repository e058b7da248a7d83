// The words of an exported picture, in the display locale: renderStateSvg sets it to the map's
// `locale` for the length of the render (inLocale), so labels and the shared formatters (durations,
// percentages) speak the same language. English is the default and what a map without `locale` gets.
import { isLocale, type Locale } from '../i18n/locale.ts';
import { displayT } from '../i18n/translator.ts';

export const words = () => displayT('exports');

/** The language a map's exports are written in. */
export function mapLocale(meta: unknown): Locale {
  const locale =
    typeof meta === 'object' && meta !== null ? (meta as { locale?: unknown }).locale : undefined;
  return isLocale(locale) ? locale : 'en';
}
