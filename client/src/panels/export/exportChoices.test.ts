import { describe, expect, it } from 'vitest';
import { exportGroups, exportUrl, failureMessage } from './exportChoices.ts';

describe('export choices', () => {
  it('offers the active state as PNG, SVG and PDF, then the whole map as PDF, CSV and JSON', () => {
    const groups = exportGroups({ id: 'future', name: 'Future state' });
    expect(groups.map((g) => g.title)).toEqual(['Future state', 'Whole map']);
    expect(groups.flatMap((g) => g.choices.map((c) => `${c.format}:${c.stateId}`))).toEqual([
      'png:future',
      'svg:future',
      'pdf:future',
      'pdf:null',
      'csv:null',
      'json:null',
    ]);
    expect(exportGroups(null).map((g) => g.title)).toEqual(['Whole map']);
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
    expect(failureMessage(0, null)).toMatch(/cannot be reached/);
    expect(failureMessage(403, 'a valid map token is required')).toMatch(/no longer valid/);
    expect(failureMessage(413, 'This map is too large to export as PNG')).toBe(
      'Export failed: This map is too large to export as PNG',
    );
    expect(failureMessage(503, 'busy')).toMatch(/busy/);
  });
});
