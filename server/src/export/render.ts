// Every file export of a map but JSON, in one function the server (through its worker) and the
// CLI both call, so the same map gives the same bytes wherever it is exported. The pictures all
// come from shared's renderStateSvg; PNG and PDF only translate it.
import {
  defaultState,
  describeStates,
  type ExportFileName,
  exportFileName,
  type FlowMap,
  type MapState,
  mapToCsv,
  renderStateSvg,
  sortedStates,
  stateById,
} from '@flowmap/shared';
import type { Workshop } from '@flowmap/shared/workshop';
import { renderPdf, statePages } from './pdf.ts';
import { svgToPng } from './png.ts';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8; header=present',
};

/**
 * Most SVG a PNG or PDF export draws (all states together for a PDF): about 2,500 stages. Past
 * it rasterising or laying out vectors takes many seconds and hundreds of MB; SVG and CSV, which
 * cost little more than the map itself, have no such limit.
 */
export const MAX_DRAWING_CHARS = 6_000_000;

export interface ExportLimits {
  maxDrawingChars: number;
}

export interface ExportRequest {
  format: ExportFormat;
  /** One state; absent: the first current state for SVG and PNG, every state for PDF and CSV. */
  stateId?: string | undefined;
}

export type ExportResult =
  | {
      ok: true;
      bytes: Uint8Array;
      contentType: string;
      file: ExportFileName;
      /** Something the person should know about the file (a downscaled PNG), or null. */
      note: string | null;
    }
  | { ok: false; status: 404 | 413; message: string };

function title(map: FlowMap): string {
  return typeof map.meta.title === 'string' ? map.meta.title : '';
}

function tooLarge(format: ExportFormat, chars: number, limit: number): ExportResult {
  const mb = (n: number) => `${Math.round(n / 100_000) / 10} MB`;
  return {
    ok: false,
    status: 413,
    message:
      `This map is too large to export as ${format.toUpperCase()} (${mb(chars)} of drawing; ` +
      `the limit is ${mb(limit)}). Export SVG or CSV instead, or one state at a time.`,
  };
}

/** The states an export covers, or why there are none. */
function pick(
  map: FlowMap,
  request: ExportRequest,
): { ok: true; states: MapState[]; one: MapState | null } | { ok: false; message: string } {
  if (request.stateId !== undefined) {
    const state = stateById(map, request.stateId);
    if (!state) {
      return {
        ok: false,
        message: `no state “${request.stateId}” in this map; states: ${describeStates(sortedStates(map))}`,
      };
    }
    return { ok: true, states: [state], one: state };
  }
  if (request.format === 'pdf' || request.format === 'csv') {
    const states = sortedStates(map);
    return states.length > 0
      ? { ok: true, states, one: null }
      : { ok: false, message: 'this map has no states' };
  }
  const state = defaultState(map);
  return state
    ? { ok: true, states: [state], one: state }
    : { ok: false, message: 'this map has no states' };
}

export async function renderExport(
  map: FlowMap,
  request: ExportRequest,
  limits: ExportLimits = { maxDrawingChars: MAX_DRAWING_CHARS },
  /** What the document holds beside the map: the workshop, for the PDF's workshop pages. */
  extras: { workshop?: Workshop } = {},
): Promise<ExportResult> {
  const picked = pick(map, request);
  if (!picked.ok) return { ok: false, status: 404, message: picked.message };
  const { format } = request;
  const file = exportFileName(picked.one ? [title(map), picked.one.name] : [title(map)], format);
  const done = (bytes: Uint8Array, note: string | null = null): ExportResult => ({
    ok: true,
    bytes,
    contentType: CONTENT_TYPES[format],
    file,
    note,
  });

  switch (format) {
    case 'csv':
      return done(
        Buffer.from(
          mapToCsv(
            map,
            picked.states.map((s) => s.id),
          ),
          'utf8',
        ),
      );
    case 'svg':
      return done(Buffer.from(renderStateSvg(map, (picked.one as MapState).id), 'utf8'));
    case 'png': {
      const svg = renderStateSvg(map, (picked.one as MapState).id);
      if (svg.length > limits.maxDrawingChars) {
        return tooLarge(format, svg.length, limits.maxDrawingChars);
      }
      const png = await svgToPng(svg);
      return done(png.png, png.note);
    }
    case 'pdf': {
      const pages = statePages(map, picked.states);
      const chars = pages.reduce((sum, p) => sum + p.svg.length, 0);
      if (chars > limits.maxDrawingChars) return tooLarge(format, chars, limits.maxDrawingChars);
      return done(await renderPdf({ map, pages, workshop: extras.workshop }));
    }
  }
}
