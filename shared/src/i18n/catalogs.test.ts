// Every language has exactly the English keys, with the same placeholders: a missing Korean
// message fails here (and, for typed catalogs, at compile time).
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locale.ts';
import { NAMESPACES, resources } from './resources.ts';
import { translatorFor } from './translator.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (message: string) =>
  [...message.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  for (const ns of NAMESPACES) {
    const english = leaves(resources.en[ns] as Tree);
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      it(`${locale} has every '${ns}' key of English, no more, with the same placeholders`, () => {
        const other = leaves(resources[locale][ns] as Tree);
        // i18next plural forms differ by language (Korean has only _other): compare base keys.
        const base = (keys: Iterable<string>) =>
          [
            ...new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ''))),
          ].sort();
        expect(base(other.keys())).toEqual(base(english.keys()));
        for (const [key, message] of other) {
          const source = english.get(key);
          if (source !== undefined) {
            expect(placeholders(message), `${ns}:${key}`).toEqual(placeholders(source));
          }
          expect(message.trim(), `${ns}:${key} is empty`).not.toBe('');
        }
      });
    }
  }

  it('translates through the shared instance, per language', () => {
    expect(translatorFor('en', 'common')('missing.key.example')).toBe('missing.key.example');
  });
});
