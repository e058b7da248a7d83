// The map's `locale` decides the language of its picture: labels, ladder, legend and summary, and
// the figures formatted by shared's formatters. English stays exactly what it was.
import { describe, expect, it } from 'vitest';
import { templateWithFuture } from '../export/testing.ts';
import { displayLocale } from '../i18n/locale.ts';
import { renderStateSvg } from './index.ts';
import { byClass, expectCleanDocument, oneByClass, texts } from './testing.ts';

function korean() {
  const map = templateWithFuture();
  map.meta.locale = 'ko';
  return map;
}

describe('the language of an exported picture', () => {
  it("writes a 'ko' map's labels in Korean", () => {
    const root = expectCleanDocument(renderStateSvg(korean(), 'current'));
    const all = texts(root).join('\n');
    expect(texts(oneByClass(root, 'state-kind'))).toEqual(['현재 상태']);
    expect(texts(oneByClass(root, 'ladder'))).toContain('타임라인 · 임계 경로');
    expect(texts(oneByClass(root, 'ladder-totals'))).toContain('총 리드 타임');
    expect(texts(oneByClass(root, 'summary'))).toEqual(
      expect.arrayContaining(['지표', '병목', 'DORA 4대 핵심 지표', '누적 %C/A']),
    );
    expect(texts(oneByClass(root, 'legend'))).toEqual(
      expect.arrayContaining(['대기 비중', '병목 순위', '임계 경로', '재작업']),
    );
    expect(texts(byClass(root, 'kaizen')[0] ?? root)).toContain('카이젠');
    for (const english of ['TIMELINE', 'BOTTLENECKS', 'Share of waiting', 'CURRENT STATE']) {
      expect(all).not.toContain(english);
    }
  });

  it('leaves the display locale as it was after the render', () => {
    renderStateSvg(korean(), 'current');
    expect(displayLocale()).toBe('en');
  });

  it("draws a map without a locale and an 'en' map the same, in English", () => {
    const plain = templateWithFuture();
    const english = templateWithFuture();
    english.meta.locale = 'en';
    const svg = renderStateSvg(plain, 'current');
    expect(renderStateSvg(english, 'current')).toBe(svg);
    expect(svg).toContain('TIMELINE · CRITICAL PATH');
    expect(svg).not.toBe(renderStateSvg(korean(), 'current'));
  });
});
