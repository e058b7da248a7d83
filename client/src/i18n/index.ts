// The client's i18next instance over shared's catalogs. The language comes from what the user
// chose last (localStorage), else the browser's; switching it re-renders every `useTranslation`
// user and moves shared's formatters (durations, percentages, dates) to the same language.
import {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  NAMESPACES,
  pickLocale,
  resources,
  setDisplayLocale,
} from '@flowmap/shared/i18n';
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

/** Where the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'flowmap.language';

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    ns: NAMESPACES,
    defaultNS: 'common',
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      // Remember only what the user picked (switchLanguage), not what the browser said on the first
      // visit: someone who later changes the browser's language gets the new one.
      caches: [],
    },
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    initAsync: false,
  });

function apply(language: string | undefined): void {
  const locale = pickLocale(language);
  setDisplayLocale(locale);
  document.documentElement.lang = locale;
}
apply(i18next.resolvedLanguage);
i18next.on('languageChanged', apply);

export function currentLocale(): Locale {
  return pickLocale(i18next.resolvedLanguage);
}

/** Switches the UI language; the detector remembers the choice for the next visit. */
export async function switchLanguage(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  i18next.services.languageDetector?.cacheUserLanguage?.(locale, ['localStorage']);
}

export { i18next };
