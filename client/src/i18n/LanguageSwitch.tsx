// The language picker in the library header and the editor's top bar. Each language is named in
// its own script ("English", "한국어") so that someone who cannot read the current UI can still
// find theirs. The choice goes through i18next, whose detector remembers it in localStorage.
import { LOCALE_NAMES, LOCALES, pickLocale } from '@flowmap/shared/i18n';
import { useTranslation } from 'react-i18next';
import { switchLanguage } from './index.ts';
import './languageSwitch.css';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const current = pickLocale(i18n.resolvedLanguage);
  return (
    <select
      className="language-switch"
      aria-label={t('language.label')}
      title={t('language.label')}
      value={current}
      onChange={(event) => void switchLanguage(pickLocale(event.target.value))}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </select>
  );
}
