// Typed access to the workshop's Y.Maps for its commands: find-or-create the nested maps, fetch a
// round or vote, and refuse with a ValidationError (the editor shows its message) when something
// the command needs is missing. Nothing here opens a transaction.
import * as Y from 'yjs';
import { ValidationError } from '../../model/schema.ts';
import type { Problem } from '../../model/types.ts';
import { type WORKSHOP_CHILDREN, WORKSHOP_ROOT } from './keys.ts';

export type YMap = Y.Map<unknown>;

export function workshopRoot(doc: Y.Doc): YMap {
  return doc.getMap(WORKSHOP_ROOT);
}

export function refuse(path: string, message: string): never {
  throw new ValidationError([{ path, message }] satisfies Problem[]);
}

export function asMap(v: unknown): YMap | undefined {
  return v instanceof Y.Map ? (v as YMap) : undefined;
}

/** A Y.Map not yet in any document (integrated when the caller sets it into the workshop). */
export function newYMap(): YMap {
  return new Y.Map<unknown>();
}

/** The nested map `key` of `parent`, created (inside the caller's transaction) when missing. */
export function child(parent: YMap, key: string): YMap {
  const existing = asMap(parent.get(key));
  if (existing) return existing;
  const created = new Y.Map<unknown>();
  parent.set(key, created);
  return created;
}

export function entity(
  doc: Y.Doc,
  collection: (typeof WORKSHOP_CHILDREN)[keyof typeof WORKSHOP_CHILDREN],
  id: string,
  what: string,
): YMap {
  const found = asMap(asMap(workshopRoot(doc).get(collection))?.get(id));
  if (!found) refuse(`${collection}.${String(id)}`, `there is no ${what} “${String(id)}”`);
  return found;
}

/** Checks `value` against a zod-like schema, refusing with the schema's first message. */
export function check(
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
  },
  value: unknown,
  path: string,
): void {
  const result = schema.safeParse(value);
  if (!result.success) refuse(path, result.error?.issues[0]?.message ?? 'is invalid');
}
