// Fixtures for the doc tests. Not exported from the package entry.
import { expect } from 'vitest';
import * as Y from 'yjs';
import { ValidationError } from '../model/schema.ts';
import type { Problem } from '../model/types.ts';
import type { NodeInput } from './commands/nodes.ts';
import { createMapDoc, INITIAL_STATE_ID } from './create.ts';
import { ORIGINS } from './origins.ts';
import { readMap } from './read.ts';

/** A blank map: meta and one empty current state. */
export function freshMap(title = 'Test map'): { doc: Y.Doc; stateId: string } {
  return { doc: createMapDoc({ title }), stateId: INITIAL_STATE_ID };
}

export function makeStage(overrides: Partial<NodeInput> = {}): NodeInput {
  return {
    type: 'stage',
    x: 0,
    y: 0,
    name: 'Stage',
    elapsedMinutes: 120,
    valueAddMinutes: 30,
    pctCA: 90,
    ...overrides,
  };
}

export interface RecordedTransaction {
  origin: unknown;
  changed: boolean;
}

/** Every transaction on `doc` from now on, with its origin and whether it changed anything. */
export function recordTransactions(doc: Y.Doc): RecordedTransaction[] {
  const seen: RecordedTransaction[] = [];
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    seen.push({ origin: tr.origin, changed: tr.changed.size > 0 || tr.deleteSet.clients.size > 0 });
  });
  return seen;
}

/** Exchanges everything each doc has that the other lacks, tagged as remote. */
export function sync(...docs: Y.Doc[]): void {
  const updates = docs.map((d) => Y.encodeStateAsUpdate(d));
  for (const target of docs) {
    for (const update of updates) Y.applyUpdate(target, update, ORIGINS.remote);
  }
}

/** The problems of the ValidationError `fn` throws; fails the test if it throws nothing else. */
export function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems;
  }
  expect.fail('expected a ValidationError');
}

/** Runs `fn`, expects a ValidationError, and checks the document did not change at all. */
export function expectRefused(doc: Y.Doc, fn: () => unknown): Problem[] {
  const before = Y.encodeStateAsUpdate(doc);
  const transactions = recordTransactions(doc);
  const problems = problemsOf(fn);
  expect(transactions).toEqual([]);
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  expect(problems.length).toBeGreaterThan(0);
  return problems;
}

export function paths(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.path);
}

/** The map read back, failing the test if the read found any problem. */
export function readClean(doc: Y.Doc) {
  const { map, problems } = readMap(doc);
  expect(problems).toEqual([]);
  return map;
}
