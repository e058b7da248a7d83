import { describe, expect, it } from 'vitest';
import { formatRatio } from '../metrics/compareFormat.ts';
import { fitNodes, ladderGeometry } from './layout.ts';
import {
  attrs,
  el,
  ellipsize,
  escapeXml,
  formatPercent,
  num,
  text,
  textWidth,
  wrapText,
} from './svg.ts';
import { parseXml, textContent, texts } from './testing.ts';
import { heatLevel } from './theme.ts';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<script>&"'`)).toBe('&lt;script&gt;&amp;&quot;&apos;');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops characters that XML 1.0 cannot hold, keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\tx\ny\uFFFE\uFFFFz')).toBe('abcd\tx\nyz');
    expect(escapeXml('lone \uD800 high, lone \uDC00 low')).toBe('lone  high, lone  low');
    expect(escapeXml('rocket \u{1F680} é 中')).toBe('rocket \u{1F680} é 中');
  });
});

describe('num and attrs', () => {
  it('rounds to two decimals and never writes NaN, Infinity or -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(2.006)).toBe('2.01');
    expect(num(-0)).toBe('0');
    expect(num(-0.001)).toBe('0');
    expect(num(Number.NaN)).toBe('0');
    expect(num(Number.POSITIVE_INFINITY)).toBe('0');
    expect(num(1600)).toBe('1600');
  });

  it('writes attributes in order, leaving out empty ones', () => {
    expect(
      attrs({ x: 1.006, fill: '#fff', title: 'a"b', skip: undefined, off: false, on: true }),
    ).toBe(' x="1.01" fill="#fff" title="a&quot;b" on="true"');
    expect(el('rect', { width: 2 })).toBe('<rect width="2"/>');
    expect(el('g', {}, '')).toBe('<g></g>');
  });

  it('builds text that parses back to the original string', () => {
    const t = text(0, 10, `a < b & c > "d"`, { size: 12, anchor: 'middle' });
    expect(textContent(parseXml(t))).toBe(`a < b & c > "d"`);
  });
});

describe('text fitting', () => {
  it('estimates wider text for longer and bolder strings', () => {
    expect(textWidth('', 14)).toBe(0);
    expect(textWidth('mmmm', 14)).toBeGreaterThan(textWidth('iiii', 14));
    expect(textWidth('Build', 14, true)).toBeGreaterThan(textWidth('Build', 14));
  });

  it('wraps on spaces and ends cut text with an ellipsis', () => {
    expect(wrapText('Release to production', 150, 15, 2, true)).toEqual([
      'Release to',
      'production',
    ]);
    expect(wrapText('  one\n two  ', 500, 12, 3)).toEqual(['one two']);
    const cut = wrapText('a b c d e f g h i j k l m n o p q r s t u v w x y z', 40, 12, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    expect(wrapText('', 100, 12, 2)).toEqual([]);
  });

  it('breaks a word longer than the line', () => {
    const lines = wrapText('Supercalifragilisticexpialidocious', 60, 12, 5);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(60);
  });

  it('ellipsises to fit', () => {
    expect(ellipsize('short', 200, 12)).toBe('short');
    const cut = ellipsize('Change Advisory Board of the whole company', 100, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(100);
  });
});

describe('formatPercent', () => {
  it('writes what the editor writes: shared formatRatio, one decimal below 10 %', () => {
    expect(formatPercent(935 / 10665)).toBe('8.8%');
    expect(formatPercent(0.3868)).toBe('39%');
    expect(formatPercent(0.1667, true)).toBe('17%');
    expect(formatPercent(0.09375, true)).toBe('9.4%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    for (const f of [0.0008, 0.0876, 0.437, 0.9999]) expect(formatPercent(f)).toBe(formatRatio(f));
  });

  it('never rounds a partial share to 0 % or 100 %, and shows a dash for nothing', () => {
    expect(formatPercent(0.0001)).toBe('0.01%');
    expect(formatPercent(0.0008)).toBe('0.08%');
    expect(formatPercent(0.9999)).toBe('>99%');
    expect(formatPercent(0.998, true)).toBe('>99%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('heatLevel', () => {
  it('maps the share of waiting to five levels', () => {
    expect([0, 0.01, 0.1, 0.197, 0.2, 0.243, 0.35, 0.468, 1].map(heatLevel)).toEqual([
      0, 1, 2, 2, 3, 3, 4, 4, 4,
    ]);
    expect(heatLevel(Number.NaN)).toBe(0);
    expect(heatLevel(-1)).toBe(0);
  });
});

describe('layout', () => {
  const item = (id: string, x: unknown, y: unknown) => ({
    id,
    x,
    y,
    w: 160,
    h: 150,
    above: 18,
    below: 0,
  });

  it('scales canvas positions to the available width and starts at the origin', () => {
    const layout = fitNodes([item('a', 100, 50), item('b', 1100, 50), item('c', 600, 250)], 1000);
    expect(layout.scale).toBeCloseTo(0.84, 10);
    expect(layout.rects.get('a')).toEqual({ x: 0, y: 18, w: 160, h: 150 });
    expect(layout.rects.get('b')?.x).toBeCloseTo(840, 10);
    expect(layout.width).toBeCloseTo(1000, 10);
    expect(layout.height).toBeCloseTo(18 + 200 * 0.84 + 150, 10);
  });

  it('keeps boxes legible (scale ≥ 0.7) by growing wider, and never scales up', () => {
    expect(fitNodes([item('a', 0, 0), item('b', 10_000, 0)], 1000).scale).toBe(0.7);
    expect(fitNodes([item('a', 0, 0), item('b', 200, 0)], 1000).scale).toBe(1);
  });

  it('treats junk coordinates as 0 and bounds absurd spans', () => {
    const layout = fitNodes([item('a', Number.NaN, 'x'), item('b', 1e300, -1e300)], 1000);
    for (const r of layout.rects.values()) {
      expect(Number.isFinite(r.x) && Number.isFinite(r.y)).toBe(true);
    }
    expect(layout.width).toBeLessThanOrEqual(200_000 + 160);
  });

  it('gives the ladder equal steps within bounds', () => {
    const g = ladderGeometry(6, 1536);
    expect(g.stepW).toBeCloseTo((1536 - 112 - 28 - 300) / 6, 10);
    expect(g.width).toBe(1536);
    expect(ladderGeometry(300, 1536).stepW).toBe(104);
    expect(ladderGeometry(1, 1536).stepW).toBe(220);
    expect(Number.isFinite(ladderGeometry(0, 1536).width)).toBe(true);
  });
});

describe('parseXml (the test helper)', () => {
  it('reads well-formed markup', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<svg a="1"><g><text>x &amp; y</text></g><rect/></svg>\n',
    );
    expect(root.name).toBe('svg');
    expect(root.attrs).toEqual({ a: '1' });
    expect(texts(root)).toEqual(['x & y']);
  });

  it.each([
    ['<svg><g></svg>', 'closes'],
    ['<svg><g>', 'never closed'],
    ['<svg a=1/>', 'malformed'],
    ['<svg a="1" a="2"/>', 'duplicate'],
    ['<svg><text>a & b</text></svg>', 'raw "&"'],
    ['<svg><text>a > b</text></svg>', 'raw ">"'],
    ['<svg t="a<b"/>', 'raw "<"'],
    ['<svg/><svg/>', 'more than one root'],
    ['<svg>\u0001</svg>', 'not allowed'],
    ['<svg><!-- c --></svg>', 'comments'],
  ])('rejects %s', (doc, message) => {
    expect(() => parseXml(doc)).toThrow(message);
  });
});
