// A translator fixed to one language and namespace, for code that renders outside React: the
// server's PDF/PNG/SVG exports (in the map's `locale`) and shared renderers. The client uses
// react-i18next over the same resources.
import { createInstance, type TFunction } from 'i18next';
import { compiledMessage } from './compiled.ts';
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

const translators = new Map<string, TFunction<Namespace>>();

/**
 * i18next's fixed translator for one language and namespace, with compiled messages in front
 * (compiled.ts): the same words, without i18next's per-call work on the common plain messages.
 */
export function translatorFor<N extends Namespace>(locale: Locale, ns: N): TFunction<N> {
  const id = `${locale}\u0000${ns}`;
  let t = translators.get(id);
  if (!t) {
    const fixed = instance.getFixedT(locale, ns) as unknown as (...args: unknown[]) => string;
    const fast = (key: unknown, options?: unknown, ...rest: unknown[]) =>
      (rest.length === 0 ? compiledMessage(locale, ns, key, options) : undefined) ??
      fixed(key, options, ...rest);
    t = fast as unknown as TFunction<Namespace>;
    translators.set(id, t);
  }
  return t as unknown as TFunction<N>;
}

/** A translator in the display locale right now: what shared formatters word their text with. */
export function displayT<N extends Namespace>(ns: N): TFunction<N> {
  return translatorFor(displayLocale(), ns);
}
