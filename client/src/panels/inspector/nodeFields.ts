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

/** Fields typed as a duration ("2d 4h"). */
const DURATION_FIELDS = [
  'elapsedMinutes',
  'valueAddMinutes',
  'elapsedLowMinutes',
  'elapsedHighMinutes',
  'waitMinutes',
  'effectElapsedMinutes',
  'effectValueAddMinutes',
] as const;
/** Fields typed as a plain number. */
const NUMBER_FIELDS = ['pctCA', 'effectPctCA', 'people', 'batchSize', 'wipItems', 'items'] as const;
/** Fields typed as one line of text (cleared when empty). */
const TEXT_FIELDS = ['team', 'ratedBy', 'owner', 'dueDate'] as const;

type DurationField = (typeof DURATION_FIELDS)[number];
type NumberField = (typeof NUMBER_FIELDS)[number];
type TextField = (typeof TEXT_FIELDS)[number];
export type NodeField = 'name' | 'notes' | DurationField | NumberField | TextField;

const isIn = <T extends string>(list: readonly T[], field: string): field is T =>
  (list as readonly string[]).includes(field);

const NUMBER_WORDS: Record<NumberField, string> = {
  pctCA: 'a number from 0 to 100',
  effectPctCA: 'a number from 0 to 100',
  people: 'a number of people',
  batchSize: 'a number of items',
  wipItems: 'a number of items',
  items: 'a number of items',
};

export type PatchResult = { ok: true; patch: NodePatch } | { ok: false; error: string };

function read(field: NodeField, text: string, wt: WorkingTime): Read<unknown> {
  // The name is required but may be empty (an unnamed box); it is never cleared.
  if (field === 'name') return { ok: true, value: text.trim() };
  if (field === 'notes') {
    return { ok: true, value: text.trim() === '' ? undefined : text.replace(/\s+$/, '') };
  }
  if (isIn(DURATION_FIELDS, field)) return readDuration(text, wt);
  if (isIn(NUMBER_FIELDS, field)) return readNumber(text, NUMBER_WORDS[field]);
  return readText(text);
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
  if (isIn(DURATION_FIELDS, field)) return showDuration(node[field], wt);
  if (isIn(NUMBER_FIELDS, field)) return showNumber(node[field]);
  const value = node[field];
  return typeof value === 'string' ? value : '';
}
