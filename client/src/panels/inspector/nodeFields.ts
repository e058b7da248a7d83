// The inspector's node fields: what each one reads and how it is checked, against the node as it
// is now, with the same validator the command uses, so a message appears next to the field and
// nothing is written when the value is invalid.
import { type MapNode, type Problem, validateNodePatch, type WorkingTime } from '@flowmap/shared';
import type { NodePatch } from '@flowmap/shared/doc';
import {
  type Read,
  readDuration,
  readNumber,
  readText,
  showDuration,
  showNumber,
} from './fieldInput.ts';

export type NodeField = 'name' | 'team' | 'elapsedMinutes' | 'valueAddMinutes' | 'pctCA' | 'notes';

export type PatchResult = { ok: true; patch: NodePatch } | { ok: false; error: string };

function read(field: NodeField, text: string, wt: WorkingTime): Read<unknown> {
  switch (field) {
    case 'name':
      // The name is required but may be empty (an unnamed box); it is never cleared.
      return { ok: true, value: text.trim() };
    case 'team':
    case 'notes':
      return field === 'notes'
        ? { ok: true, value: text.trim() === '' ? undefined : text.replace(/\s+$/, '') }
        : readText(text);
    case 'elapsedMinutes':
    case 'valueAddMinutes':
      return readDuration(text, wt);
    case 'pctCA':
      return readNumber(text, 'a number from 0 to 100');
  }
}

/** The message for a field from a validator's problems: the field's own first, else the first. */
export function messageFor(problems: readonly Problem[], field: string): string | null {
  const own = problems.find((p) => p.path === field);
  const first = own ?? problems[0];
  return first ? first.message : null;
}

/**
 * What typing `text` into `field` would write, or why it cannot be written. A value equal to the
 * stored one still yields a patch; the command writes only what differs.
 */
export function nodeFieldPatch(
  field: NodeField,
  text: string,
  node: Readonly<Partial<MapNode>>,
  wt: WorkingTime,
): PatchResult {
  const value = read(field, text, wt);
  if (!value.ok) return { ok: false, error: value.error };
  const patch = { [field]: value.value } as NodePatch;
  const error = messageFor(validateNodePatch(patch, node), field);
  return error === null ? { ok: true, patch } : { ok: false, error };
}

/** A node's field as its input shows it. */
export function showNodeField(
  field: NodeField,
  node: Readonly<Partial<MapNode>>,
  wt: WorkingTime,
): string {
  switch (field) {
    case 'elapsedMinutes':
    case 'valueAddMinutes':
      return showDuration(node[field], wt);
    case 'pctCA':
      return showNumber(node.pctCA);
    default:
      return typeof node[field] === 'string' ? (node[field] as string) : '';
  }
}
