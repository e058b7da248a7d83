// Fixtures for the export tests. Tests only: not exported from index.ts.
import { softwareDeliveryTemplate } from '../model/templates.ts';
import type { FlowMap } from '../model/types.ts';

/** A deep copy of plain JSON data (shared has no DOM or Node types for structuredClone). */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The template plus a future state that automated its manual tests, with DORA inputs on both. */
export function templateWithFuture(): FlowMap {
  const map = softwareDeliveryTemplate({ title: 'Payments service' });
  const current = map.states.current;
  if (!current) throw new Error('template without current state');
  current.dora = { deploymentsPerWeek: 0.5, changeFailureRate: 0.15, timeToRestoreMinutes: 720 };
  const future = clone(current);
  Object.assign(future, { id: 'future', name: 'Future state', kind: 'future', order: 1 });
  future.basedOn = 'current';
  future.dora = { deploymentsPerWeek: 5, changeFailureRate: 0.05, timeToRestoreMinutes: 45 };
  Object.assign(future.nodes['manual-tests'] ?? {}, {
    elapsedMinutes: 480,
    valueAddMinutes: 120,
    pctCA: 90,
  });
  map.states.future = future;
  return map;
}

/**
 * A strict RFC 4180 reader, independent of the writer: quoted fields may hold commas, quotes
 * (doubled) and line breaks; records end with CRLF; anything else malformed throws.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRecord = () => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        const ch = text[i] as string;
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        value += text[i];
        i++;
      }
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      endRecord();
      continue;
    }
    if (i >= text.length) throw new Error('the last record must end with CRLF');
    throw new Error(`bare line break or stray character at ${i}`);
  }
  return rows;
}
