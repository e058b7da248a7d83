// React Flow reports selection as changes ("n3 selected", "e2 unselected"); the store keeps the
// selected ids. Pure, and returns the same array when nothing changed so subscribers stay quiet.

export interface SelectChange {
  id: string;
  selected: boolean;
}

export function applySelection(
  current: readonly string[],
  changes: readonly SelectChange[],
): string[] {
  if (changes.length === 0) return current as string[];
  const next = new Set(current);
  for (const change of changes) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  if (next.size === current.length && current.every((id) => next.has(id))) {
    return current as string[];
  }
  return [...next];
}

/** The ids of `selected` that still exist; the same array when all do. */
export function pruneSelection(
  selected: readonly string[],
  exists: (id: string) => boolean,
): string[] {
  return selected.every(exists) ? (selected as string[]) : selected.filter(exists);
}
