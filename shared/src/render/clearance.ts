// Sticky notes stay clear of what they are clear of in the editor. Exported shapes keep a legible
// size while canvas positions are scaled down to fit the page (layout.ts), so a note placed just
// beside or under a stage in the editor would land on it. Each such note is moved out along the
// side it is on in the editor (the widest gap between the two footprints there), just far enough.
import type { LayoutItem, Rect } from './layout.ts';

type Side = 'left' | 'right' | 'above' | 'below';

/** Least room left between a moved note and what it was moved off, in px. */
const MIN_GAP = 12;
/** A note pushed off one node may land on another; a few rounds settle any real map. */
const ROUNDS = 4;

/** The side of `b` that `a` is on in the editor and the gap between them, or null if they overlap. */
function sideOf(
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
): { side: Side; gap: number } | null {
  const gaps: [Side, number][] = [
    ['right', a.x - (b.x + b.w)],
    ['left', b.x - (a.x + a.w)],
    ['below', a.y - (b.y + b.h)],
    ['above', b.y - (a.y + a.h)],
  ];
  let best: [Side, number] = gaps[0] as [Side, number];
  for (const g of gaps) if (g[1] > best[1]) best = g;
  return best[1] >= 0 ? { side: best[0], gap: best[1] } : null;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** What an item covers in the export: its body and the marks above and below it. */
function drawnBox(item: LayoutItem, r: Rect): Rect {
  return { x: r.x, y: r.y - item.above, w: r.w, h: r.h + item.above + item.below };
}

/** Moves the keep-clear items' rects (in place) off every node they are clear of in the editor. */
export function keepClear(
  items: readonly LayoutItem[],
  rects: Map<string, Rect>,
  coord: (value: unknown) => number,
): void {
  const movers = items.filter((i) => i.keepClear && i.editor);
  if (movers.length === 0) return;
  const others = items.filter((i) => !i.keepClear && i.editor);
  const footprint = (i: LayoutItem) => ({
    x: coord(i.x),
    y: coord(i.y),
    w: i.editor?.w ?? i.w,
    h: i.editor?.h ?? i.h,
  });
  for (const note of movers) {
    const r = rects.get(note.id);
    if (!r) continue;
    const mine = footprint(note);
    for (let round = 0; round < ROUNDS; round++) {
      let moved = false;
      for (const other of others) {
        const o = rects.get(other.id);
        if (!o) continue;
        const box = drawnBox(other, o);
        if (!overlaps(r, box)) continue;
        const where = sideOf(mine, footprint(other));
        // Placed on the node in the editor too: left where it is.
        if (where === null) continue;
        if (where.side === 'right') r.x = box.x + box.w + MIN_GAP;
        else if (where.side === 'left') r.x = box.x - r.w - MIN_GAP;
        else if (where.side === 'below') r.y = box.y + box.h + MIN_GAP;
        else r.y = box.y - r.h - MIN_GAP;
        moved = true;
      }
      if (!moved) break;
    }
  }
}
