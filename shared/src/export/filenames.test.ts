import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName, fileNameFromDisposition } from './filenames.ts';

describe('export file names', () => {
  it('reads like the map and state, with an ASCII fallback', () => {
    expect(exportFileName(['Payments service', 'Future state'], 'png')).toEqual({
      name: 'Payments service - Future state.png',
      ascii: 'Payments-service-Future-state.png',
    });
    expect(exportFileName(['Überweisung: Zahlungsverkehr / EU'], 'pdf')).toEqual({
      name: 'Überweisung Zahlungsverkehr EU.pdf',
      ascii: 'Uberweisung-Zahlungsverkehr-EU.pdf',
    });
    expect(exportFileName(['中文', ''], 'csv')).toEqual({ name: '中文.csv', ascii: 'flowmap.csv' });
    expect(exportFileName(['..', '\u0000'], 'svg')).toEqual({
      name: 'flowmap.svg',
      ascii: 'flowmap.svg',
    });
    expect(Array.from(exportFileName(['x'.repeat(500)], 'svg').name)).toHaveLength(124);
  });

  it('offers both names in Content-Disposition and reads them back', () => {
    const file = exportFileName(["Team's map (v2)", 'Future state'], 'svg');
    const header = contentDisposition(file);
    expect(header).toBe(
      `attachment; filename="Team-s-map-v2-Future-state.svg"; filename*=UTF-8''Team%27s%20map%20%28v2%29%20-%20Future%20state.svg`,
    );
    expect(fileNameFromDisposition(header)).toBe("Team's map (v2) - Future state.svg");
    expect(fileNameFromDisposition('attachment; filename="a.json"')).toBe('a.json');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
