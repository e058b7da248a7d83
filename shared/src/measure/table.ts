// Reads the records of a log file (CSV rows under a header, or JSON objects) into typed rows,
// column by column, gathering every problem with its row number. A file with any problem yields
// no rows at all: a measurement built from half a file would look complete and be wrong.
import type { ReadResult, RowProblem } from './types.ts';

/** How many problems are listed; past it one line says how many more there are. */
export const MAX_LISTED_PROBLEMS = 50;

export interface TableSpec<T> {
  /** What the file is, for messages: "event log". */
  what: string;
  required: readonly string[];
  optional: readonly string[];
  /** Builds one row from its cells (absent or blank optional cells are `undefined`). */
  convert(cell: (column: string) => unknown, row: number, problems: RowProblem[]): T | null;
}

/** A column name as written in a header or a JSON key: case and surrounding spaces do not matter. */
export function normaliseColumn(name: string): string {
  return name.trim().toLowerCase();
}

/** Collects rows one record at a time, so a large file can be read in chunks. */
export class TableReader<T> {
  private readonly problems: RowProblem[] = [];
  private more = 0;
  private readonly rows: T[] = [];
  private readonly known: ReadonlySet<string>;
  private columns: string[] | null = null;
  private index = new Map<string, number>();
  /** A header with a problem: its rows are not read, every one would repeat the same problem. */
  private headerBroken = false;

  constructor(private readonly spec: TableSpec<T>) {
    this.known = new Set([...spec.required, ...spec.optional]);
  }

  private report(problem: RowProblem): void {
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(problem);
    else this.more++;
  }

  private checkColumns(names: readonly string[], row: number): void {
    const expected = [...this.spec.required, ...this.spec.optional].join(', ');
    const seen = new Set<string>();
    for (const name of names) {
      if (!this.known.has(name)) {
        this.report({ row, message: `unknown column “${name}” (expected ${expected})` });
      } else if (seen.has(name)) {
        this.report({ row, message: `column “${name}” appears twice` });
      }
      seen.add(name);
    }
    for (const name of this.spec.required) {
      if (!seen.has(name)) this.report({ row, message: `missing column “${name}”` });
    }
  }

  /** The CSV header row. */
  header(cells: readonly string[], row: number): void {
    this.columns = cells.map(normaliseColumn);
    const before = this.problems.length + this.more;
    this.checkColumns(this.columns, row);
    this.headerBroken = this.problems.length + this.more > before;
    this.columns.forEach((c, i) => {
      if (!this.index.has(c)) this.index.set(c, i);
    });
  }

  get hasHeader(): boolean {
    return this.columns !== null;
  }

  /** One CSV record under the header. */
  csvRecord(cells: readonly string[], row: number): void {
    if (this.headerBroken) return;
    const columns = this.columns ?? [];
    if (cells.length !== columns.length) {
      this.report({
        row,
        message: `has ${cells.length} cells, the header has ${columns.length} columns`,
      });
      return;
    }
    this.convert((column) => {
      const i = this.index.get(column);
      const value = i === undefined ? undefined : cells[i]?.trim();
      return value === '' ? undefined : value;
    }, row);
  }

  /** One element of a JSON array. */
  jsonRecord(value: unknown, row: number): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report({ row, message: 'must be an object with the columns as keys' });
      return;
    }
    const record: Record<string, unknown> = {};
    const names: string[] = [];
    for (const [key, cell] of Object.entries(value)) {
      const name = normaliseColumn(key);
      names.push(name);
      record[name] = cell;
    }
    const before = this.problems.length + this.more;
    this.checkColumns(names, row);
    if (this.problems.length + this.more > before) return;
    this.convert((column) => {
      const cell = Object.hasOwn(record, column) ? record[column] : undefined;
      return cell === null || cell === '' ? undefined : cell;
    }, row);
  }

  private convert(cell: (column: string) => unknown, row: number): void {
    const found: RowProblem[] = [];
    const converted = this.spec.convert(cell, row, found);
    for (const p of found) this.report(p);
    if (converted !== null && found.length === 0) this.rows.push(converted);
  }

  /** Reports a problem of the file itself (not JSON, not an array…). */
  fail(problem: RowProblem): void {
    this.report(problem);
  }

  finish(): ReadResult<T> {
    if (this.problems.length === 0 && this.rows.length === 0) {
      this.report({ row: 0, message: `the ${this.spec.what} holds no rows` });
    }
    if (this.problems.length === 0) return { ok: true, rows: this.rows };
    const problems = [...this.problems];
    if (this.more > 0) problems.push({ row: 0, message: `… and ${this.more} more problems` });
    return { ok: false, problems };
  }
}

/** "row 12: …", or the message alone for a problem of the whole file. */
export function formatRowProblem(p: RowProblem): string {
  return p.row > 0 ? `row ${p.row}: ${p.message}` : p.message;
}
