// Messages compiled once, in front of i18next. i18next resolves a key, its fallbacks and its
// interpolation anew on every call (~30–100 µs in Chromium); a map's first render words every
// node's announcement, every reason and every ladder step — thousands of calls on a 300-stage map,
// a tenth of its cold load. Most messages are a plain string with `{{name}}` placeholders: those
// are split once per language and key and filled in by concatenation. Everything else goes to
// i18next as before: plurals and context (a `count` or `context` option), any other i18next
// option, a message missing in the language (i18next's fallback), nested `$t(…)`, formatted or
// dotted placeholders. compiled.test.ts checks every message of both catalogs against i18next.
import type { Locale } from './locale.ts';
import type { Namespace } from './resources.ts';
import { resources } from './resources.ts';

type Values = Record<string, unknown>;
/** A compiled message, or null when only i18next can word it. */
type Compiled = ((values: Values | undefined) => string) | null;

// Options i18next interprets rather than interpolates: their presence means "ask i18next".
const I18NEXT_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'fallbackLng',
  'keyPrefix',
  'replace',
  'interpolation',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'skipInterpolation',
]);

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const SIMPLE_NAME = /^\s*([A-Za-z_$][\w$]*)\s*$/;

function lookup(locale: Locale, ns: Namespace, key: string): unknown {
  let node: unknown = resources[locale][ns];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** i18next's reading of one value (escapeValue is off in both instances): null → '', else String. */
function written(value: unknown): string {
  return value === null ? '' : String(value);
}

function compile(raw: string): Compiled {
  if (raw.includes('$t(')) return null;
  const literals: string[] = [];
  const names: string[] = [];
  const placeholders: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(PLACEHOLDER)) {
    const name = SIMPLE_NAME.exec(match[1] ?? '')?.[1];
    if (name === undefined) return null; // `{{- x}}`, `{{x, number}}`, `{{a.b}}`: i18next's
    literals.push(raw.slice(last, match.index));
    names.push(name);
    placeholders.push(match[0]);
    last = (match.index ?? 0) + match[0].length;
  }
  literals.push(raw.slice(last));
  if (names.length === 0) return () => raw;
  return (values) => {
    let out = literals[0] as string;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      // Like i18next: a value that is present is written (undefined as ''); a variable the call
      // did not pass stays as its placeholder.
      if (values !== undefined && Object.hasOwn(values, name)) {
        const value = values[name];
        out += value === undefined ? '' : written(value);
      } else out += placeholders[i] as string;
      out += literals[i + 1] as string;
    }
    return out;
  };
}

const cache = new Map<string, Compiled>();

/**
 * The message `key` of `ns` in `locale` filled in with `options`, or undefined when only i18next
 * can word this call (the caller then asks i18next).
 */
export function compiledMessage(
  locale: Locale,
  ns: Namespace,
  key: unknown,
  options?: unknown,
): string | undefined {
  if (typeof key !== 'string' || key.includes(':')) return undefined;
  let values: Values | undefined;
  if (options !== undefined) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) return undefined;
    values = options as Values;
    for (const name in values) if (I18NEXT_OPTIONS.has(name)) return undefined;
  }
  const id = `${locale}\u0000${ns}\u0000${key}`;
  let message = cache.get(id);
  if (message === undefined) {
    const raw = lookup(locale, ns, key);
    message = typeof raw === 'string' && raw !== '' ? compile(raw) : null;
    cache.set(id, message);
  }
  return message === null ? undefined : message(values);
}
