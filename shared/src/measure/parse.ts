// A log file's text → validated rows. CSV goes through Papa Parse (quotes, embedded commas and
// newlines, CRLF, a byte-order mark: a maintained parser, not a split on commas); a text starting
// with `[` is a JSON array of objects with the same columns as keys. Reads in chunks so a caller
// (the browser's worker) can show progress on a large file.
import Papa from 'papaparse';
import { deploymentSpec, eventSpec } from './columns.ts';
import { TableReader, type TableSpec } from './table.ts';
import type { DeploymentRow, EventRow, ReadResult } from './types.ts';

export interface ParseOptions {
  /** Called with the share of the text read so far, 0–1. */
  onProgress?: (done: number) => void;
}

/** Characters per CSV chunk between two progress reports. */
const CHUNK = 1 << 20;

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

export function parseTable<T>(
  input: string,
  spec: TableSpec<T>,
  options: ParseOptions = {},
): ReadResult<T> {
  const reader = new TableReader(spec);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    readJson(text, reader);
    options.onProgress?.(1);
    return reader.finish();
  }
  // Each record's number is its position in the file (the header is row 1), as a spreadsheet
  // numbers the rows; blank lines keep their number and are skipped.
  let row = 0;
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    chunkSize: CHUNK,
    chunk(results: Papa.ParseResult<string[]>) {
      const base = row;
      for (const cells of results.data) {
        row++;
        if (isBlank(cells)) continue;
        if (!reader.hasHeader) reader.header(cells, row);
        else reader.csvRecord(cells, row);
      }
      // Papa Parse's own errors (an unclosed quote): quoted with the row it was found on.
      for (const error of results.errors) {
        if (error.code === 'UndetectableDelimiter') continue;
        reader.fail({ row: base + (error.row ?? 0) + 1, message: error.message });
      }
      options.onProgress?.(text.length === 0 ? 1 : results.meta.cursor / text.length);
    },
    // Parsing a string is synchronous: every chunk has been read when Papa.parse returns.
    complete() {},
  });
  return reader.finish();
}

function readJson<T>(text: string, reader: TableReader<T>): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    reader.fail({
      row: 0,
      message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    });
    return;
  }
  if (!Array.isArray(value)) {
    reader.fail({ row: 0, message: 'a JSON log must be an array of rows' });
    return;
  }
  for (let i = 0; i < value.length; i++) reader.jsonRecord(value[i], i + 1);
}

export function parseEventLog(text: string, options?: ParseOptions): ReadResult<EventRow> {
  return parseTable(text, eventSpec, options);
}

export function parseDeploymentLog(
  text: string,
  options?: ParseOptions,
): ReadResult<DeploymentRow> {
  return parseTable(text, deploymentSpec, options);
}
