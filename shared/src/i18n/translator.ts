// A translator fixed to one language and namespace, for code that renders outside React: the
// server's PDF/PNG/SVG exports (in the map's `locale`) and shared renderers. The client uses
// react-i18next over the same resources.
import { createInstance, type TFunction } from 'i18next';
import { DEFAULT_LOCALE, displayLocale, LOCALES, type Locale } from './locale.ts';
import { NAMESPACES, type Namespace, resources } from './resources.ts';

const instance = createInstance();
void instance.init({
  resources,
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: NAMESPACES,
  defaultNS: 'common',
  // Values are inserted into SVG/PDF by renderers that escape for their own format.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function translatorFor<N extends Namespace>(locale: Locale, ns: N): TFunction<N> {
  return instance.getFixedT(locale, ns);
}

/** A translator in the display locale right now: what shared formatters word their text with. */
export function displayT<N extends Namespace>(ns: N): TFunction<N> {
  return instance.getFixedT(displayLocale(), ns);
}
