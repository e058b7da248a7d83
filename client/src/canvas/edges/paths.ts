// Edge geometry. A rework edge leaves the bottom of a later step and arcs below the row back into
// the bottom of an earlier one, like the loop-back arrows of a hand-drawn value stream map.

/** Cubic bézier under both ends, deeper for longer jumps; with the point to put its label. */
export function reworkPath(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
): [path: string, labelX: number, labelY: number] {
  const depth = 56 + Math.min(140, Math.abs(tx - sx) * 0.12);
  const low = Math.max(sy, ty) + depth;
  const path = `M ${sx},${sy} C ${sx},${low} ${tx},${low} ${tx},${ty}`;
  // The curve's midpoint (t = ½): x halfway, y = (sy + 3·low + 3·low + ty) / 8.
  return [path, (sx + tx) / 2, (sy + ty) / 8 + (low * 3) / 4];
}
