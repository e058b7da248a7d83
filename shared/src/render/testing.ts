// Test helpers for the renderer: a strict little XML parser (enough for what the renderer emits,
// and strict about what it must never emit), queries over the tree it builds, and checks shared
// by the render tests. Tests only: not exported from index.ts.
import { expect } from 'vitest';
import type { FlowMap, MapState } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charAt(i);
    if (ch === '<') throw new Error(`raw "<" in ${where}`);
    if (ch !== '&') {
      out += ch;
      continue;
    }
    const m = ENTITY.exec(raw.slice(i));
    if (!m) throw new Error(`raw "&" in ${where}: ${JSON.stringify(raw.slice(i, i + 20))}`);
    const entity = m[0];
    const named: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&apos;': "'",
    };
    out +=
      named[entity] ??
      String.fromCodePoint(
        entity.startsWith('&#x')
          ? Number.parseInt(entity.slice(3, -1), 16)
          : Number.parseInt(entity.slice(2, -1), 10),
      );
    i += entity.length - 1;
  }
  return out;
}

/**
 * Parses a document into its root element, throwing on anything malformed: unclosed or
 * mismatched tags, unquoted or duplicate attributes, raw "<" or "&" in text or attributes, text
 * outside the root, and characters XML 1.0 does not allow.
 */
export function parseXml(doc: string): XmlElement {
  for (const ch of doc) {
    const cp = ch.codePointAt(0) ?? 0;
    const ok =
      cp === 0x9 ||
      cp === 0xa ||
      cp === 0xd ||
      (cp >= 0x20 && cp <= 0xd7ff) ||
      (cp >= 0xe000 && cp <= 0xfffd) ||
      cp >= 0x10000;
    if (!ok) throw new Error(`character U+${cp.toString(16)} is not allowed in XML`);
  }
  let pos = 0;
  const decl = /^<\?xml [^?]*\?>/.exec(doc);
  if (decl) pos = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  // Sticky regexes match at `pos` without copying the rest of the document each time.
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(doc);
    if (m) pos += m[0].length;
    return m;
  };
  const nameRe = /[A-Za-z_][\w:.-]*/y;
  const closeRe = /\s*>/y;
  const attrRe = /\s+([A-Za-z_][\w:.-]*)="([^"]*)"/y;
  const endRe = /\s*(\/?)>/y;

  while (pos < doc.length) {
    const lt = doc.indexOf('<', pos);
    const raw = doc.slice(pos, lt === -1 ? doc.length : lt);
    if (raw !== '') {
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (raw.trim() !== '') throw new Error(`text outside the root: ${JSON.stringify(raw)}`);
      } else {
        if (raw.includes('>')) throw new Error(`raw ">" in text ${JSON.stringify(raw)}`);
        parent.children.push(decode(raw, 'text'));
      }
    }
    if (lt === -1) break;
    pos = lt + 1;
    if (doc.startsWith('!', pos) || doc.startsWith('?', pos)) {
      throw new Error('comments, CDATA, doctypes and processing instructions are not expected');
    }
    const closing = doc.startsWith('/', pos);
    if (closing) pos++;
    const nameMatch = at(nameRe);
    if (!nameMatch) throw new Error(`bad tag name at ${pos}`);
    const name = nameMatch[0];
    if (closing) {
      if (!at(closeRe)) throw new Error(`bad closing tag </${name}`);
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      }
      continue;
    }
    const element: XmlElement = { name, attrs: {}, children: [] };
    for (let attr = at(attrRe); attr; attr = at(attrRe)) {
      const [, key = '', value = ''] = attr;
      if (Object.hasOwn(element.attrs, key))
        throw new Error(`duplicate attribute ${key} on <${name}>`);
      if (value.includes('>')) throw new Error(`raw ">" in attribute ${key}`);
      element.attrs[key] = decode(value, `attribute ${key} of <${name}>`);
    }
    const end = at(endRe);
    if (!end)
      throw new Error(`malformed tag <${name}: ${JSON.stringify(doc.slice(pos, pos + 30))}`);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root === null) root = element;
    else throw new Error('more than one root element');
    if (end[1] !== '/') stack.push(element);
  }
  const open = stack[stack.length - 1];
  if (open) throw new Error(`<${open.name}> is never closed`);
  if (root === null) throw new Error('no root element');
  return root;
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string';
}

/** Every element under `root` (root included), in document order, that matches. */
export function findAll(root: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (match(e)) found.push(e);
    for (const child of e.children) if (isElement(child)) walk(child);
  };
  walk(root);
  return found;
}

export function hasClass(e: XmlElement, cls: string): boolean {
  return (e.attrs.class ?? '').split(/\s+/).includes(cls);
}

export function byClass(root: XmlElement, cls: string): XmlElement[] {
  return findAll(root, (e) => hasClass(e, cls));
}

export function oneByClass(root: XmlElement, cls: string): XmlElement {
  const found = byClass(root, cls);
  if (found.length !== 1) throw new Error(`expected one .${cls}, found ${found.length}`);
  return found[0] as XmlElement;
}

export function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}

/** The text of each <text> element under `root`, in order; wrapped lines (tspans) joined by a space. */
export function texts(root: XmlElement): string[] {
  return findAll(root, (e) => e.name === 'text').map((t) =>
    t.children.every(isElement) && t.children.length > 0
      ? t.children.map(textContent).join(' ')
      : textContent(t),
  );
}

// Render test helpers

export function mapOf(state: MapState, title = 'Test map'): FlowMap {
  return { meta: { ...DEFAULT_META, title }, states: { [state.id]: state } };
}

export function stageGroups(root: XmlElement): XmlElement[] {
  return findAll(root, (e) => e.name === 'g' && hasClass(e, 'stage'));
}

export function stageGroup(root: XmlElement, id: string): XmlElement {
  const found = stageGroups(root).filter((g) => g.attrs['data-node-id'] === id);
  expect(found).toHaveLength(1);
  return found[0] as XmlElement;
}

/** The value texts of a stage's data box, by measure. */
export function dataBox(g: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of findAll(g, (e) => e.name === 'text' && hasClass(e, 'value'))) {
    const key = (t.attrs.class ?? '').split(' ')[1] ?? '';
    out[key] = textContent(t);
  }
  return out;
}

/** Reverses the key order of every plain object, recursively. */
export function shuffled<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shuffled) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v)])) as T;
}

const ALLOWED_ELEMENTS = new Set([
  'svg',
  'title',
  'desc',
  'defs',
  'marker',
  'g',
  'rect',
  'path',
  'polygon',
  'line',
  'text',
  'tspan',
]);

export function expectCleanDocument(svg: string): XmlElement {
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  const width = Number(root.attrs.width);
  const height = Number(root.attrs.height);
  expect(width).toBeGreaterThan(0);
  expect(height).toBeGreaterThan(0);
  expect(root.attrs.viewBox).toBe(`0 0 ${width} ${height}`);
  expect(root.children.find((c) => isElement(c) && c.name === 'title')).toBeDefined();
  for (const bad of ['NaN', 'Infinity', 'undefined', '[object Object]']) {
    expect(svg).not.toContain(bad);
  }
  // Violations are collected and compared once: one expect per attribute is slow on 300 stages.
  const violations: string[] = [];
  for (const e of findAll(root, () => true)) {
    if (!ALLOWED_ELEMENTS.has(e.name)) violations.push(`<${e.name}>`);
    for (const [key, value] of Object.entries(e.attrs)) {
      if (/href|^on|^style$/i.test(key)) violations.push(`attribute ${key}`);
      // Every number in an attribute has at most two decimals.
      if (/\d\.\d{3,}/.test(value)) violations.push(`${key}="${value}"`);
      if (/^url\(/.test(value) && !/^url\(#[\w-]+\)$/.test(value)) violations.push(value);
    }
    const size = e.attrs['font-size'];
    if (size !== undefined && !(Number(size) >= 11)) violations.push(`font-size ${size}`);
  }
  expect(violations).toEqual([]);
  expect(svg).not.toMatch(/@import|foreignObject|<style|<image|<script/i);
  return root;
}
