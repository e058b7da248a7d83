// A translated sentence with a marker where a list of React elements goes (clickable stage names
// in the middle of "Figures are incomplete: … (A, B)."): the sentence stays whole in the catalog,
// in each language's word order, and the caller puts its elements where the marker is.

/** The marker to pass as the interpolated value that the caller will replace. */
export const SLOT = '\u0000';

/** "before\0after" → ["before", "after"]; a text without the marker is all before. */
export function splitAround(text: string): [before: string, after: string] {
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}
