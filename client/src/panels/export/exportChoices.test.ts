import { describe, expect, it } from 'vitest';
import { translator } from '../testing/translators.ts';
import { exportGroups, exportUrl, failureMessage } from './exportChoices.ts';

const en = translator('en', 'exportDialog');
const ko = translator('ko', 'exportDialog');

describe('export choices', () => {
  it('offers the active state as PNG, SVG and PDF, then the whole map as PDF, CSV and JSON', () => {
    const groups = exportGroups(en, { id: 'future', name: 'Future state' });
    expect(groups.map((g) => g.title)).toEqual(['Future state', 'Whole map']);
    expect(groups.flatMap((g) => g.choices.map((c) => `${c.format}:${c.stateId}`))).toEqual([
      'png:future',
      'svg:future',
      'pdf:future',
      'pdf:null',
      'csv:null',
      'json:null',
    ]);
    expect(exportGroups(en, null).map((g) => g.title)).toEqual(['Whole map']);
  });

  it('downloads from the server endpoint with the link token', () => {
    expect(exportUrl('abc_DEF-123', 'to/k+en=', 'png', 'future')).toBe(
      '/api/maps/abc_DEF-123/export.png?token=to%2Fk%2Ben%3D&state=future',
    );
    expect(exportUrl('m1', 't', 'csv', null)).toBe('/api/maps/m1/export.csv?token=t');
    // JSON is always the whole map.
    expect(exportUrl('m1', 't', 'json', 'future')).toBe('/api/maps/m1/export.json?token=t');
  });

  it('explains failures in words', () => {
    expect(failureMessage(en, 0, null)).toMatch(/cannot be reached/);
    expect(failureMessage(en, 403, 'a valid map token is required')).toMatch(/no longer valid/);
    expect(failureMessage(en, 413, 'This map is too large to export as PNG')).toBe(
      'Export failed: This map is too large to export as PNG',
    );
    expect(failureMessage(en, 503, 'busy')).toMatch(/busy/);
  });

  it('reads in Korean', () => {
    const groups = exportGroups(ko, { id: 'future', name: '미래 상태' });
    expect(groups.map((g) => g.title)).toEqual(['미래 상태', '맵 전체']);
    expect(groups[0]?.choices[0]).toMatchObject({
      label: 'PNG 이미지',
      detail: '2배 해상도, 발표 자료용',
    });
    expect(failureMessage(ko, 503, 'busy')).toBe(
      '서버가 다른 내보내기를 처리하고 있습니다. 몇 초 후 다시 시도하세요.',
    );
    expect(failureMessage(ko, 500, null)).toBe('내보내기에 실패했습니다 (HTTP 500).');
  });
});
