import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { compiledMessage } from './compiled.ts';
import { LOCALES, type Locale } from './locale.ts';
import { NAMESPACES, type Namespace, resources } from './resources.ts';
import { translatorFor } from './translator.ts';

// A plain i18next instance configured like both of Flowmap's: the reference every compiled
// message must agree with.
const reference = createInstance();
void reference.init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholderNames = (message: string) =>
  [...message.matchAll(/\{\{\s*([\w$]+)\s*\}\}/g)].map((m) => m[1] as string);

describe('compiled messages', () => {
  const cases = LOCALES.flatMap((locale) =>
    NAMESPACES.flatMap((ns) =>
      leaves(resources[locale][ns]).map(([key, message]) => ({ locale, ns, key, message })),
    ),
  );

  it('covers the catalogs (most messages take the fast path)', () => {
    const fast = cases.filter((c) => compiledMessage(c.locale, c.ns, c.key, {}) !== undefined);
    expect(cases.length).toBeGreaterThan(1000);
    expect(fast.length / cases.length).toBeGreaterThan(0.95);
  });

  it('words every message of both languages exactly as i18next does', () => {
    let compared = 0;
    for (const { locale, ns, key, message } of cases) {
      const t = translatorFor(locale as Locale, ns as Namespace) as unknown as (
        k: string,
        o?: object,
      ) => string;
      const ref = reference.getFixedT(locale, ns);
      const names = placeholderNames(message);
      const all = Object.fromEntries(names.map((n, i) => [n, i % 2 ? i * 1.5 : `<${n}>`]));
      // Every value given; none given; the first one missing; present but undefined; null.
      const variants: (object | undefined)[] = [all, undefined, {}];
      if (names.length > 0) {
        const [first, ...rest] = names;
        variants.push(Object.fromEntries(rest.map((n) => [n, 'x'])));
        variants.push({ ...all, [first as string]: undefined });
        variants.push({ ...all, [first as string]: null });
      }
      for (const options of variants) {
        expect(t(key, options), `${locale} ${ns}:${key} ${JSON.stringify(options)}`).toBe(
          ref(key, options as never),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });

  it('leaves plurals, context, defaults and missing keys to i18next', () => {
    expect(compiledMessage('en', 'common', 'dora.frequency', { count: 3 })).toBeUndefined();
    expect(compiledMessage('en', 'canvas', 'describe.unnamed', { context: 'x' })).toBeUndefined();
    expect(compiledMessage('en', 'canvas', 'no.such.key', {})).toBeUndefined();
    expect(compiledMessage('en', 'canvas', 'common:x', {})).toBeUndefined();
    expect(compiledMessage('en', 'canvas', 'describe.unnamed', 'default')).toBeUndefined();
    // …and the translator still answers them through i18next.
    const t = translatorFor('en', 'canvas') as unknown as (k: string, o?: object) => string;
    expect(t('no.such.key')).toBe('no.such.key');
  });
});
