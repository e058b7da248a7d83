// The shares of an either/or split (a node whose outgoing flow arrows each carry the share of the
// items taking them), kept adding up to 100 % while people edit them. Pure arithmetic on
// basis points (0.01 %), so the stored fractions are the round numbers people typed ("0.8", not
// "0.7999999999999999") and a split of three reads 34 % / 33 % / 33 %, never 33.333… three times.

/** One arrow of a split: its id and its share (0–1), absent while the split is parallel work. */
export interface ShareEntry {
  id: string;
  share?: number | undefined;
}

/** Basis points in a whole: shares are stored to the 0.01 %. */
const WHOLE = 10_000;

const toPoints = (fraction: number) => Math.round(fraction * WHOLE);
const toFraction = (points: number) => points / WHOLE;

/**
 * Splits `total` points over `weights` in proportion, each a whole number of points and the sum
 * exactly `total` (largest remainder: the points rounding leaves over go to the largest
 * fractional parts, ties to the earlier arrow). All-zero weights split equally.
 */
function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const points = exact.map((x) => Math.floor(x + 1e-9));
  let left = total - points.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    points[i] = (points[i] as number) + 1;
    left--;
  }
  return points;
}

/**
 * Equal shares for an either/or split of `ids`, in whole percents where they divide (3 arrows:
 * 34 %, 33 %, 33 %; the first arrows take what is left over), adding up to exactly 1.
 */
export function equalShares(ids: readonly string[]): Map<string, number> {
  const percents = apportion(
    100,
    ids.map(() => 1),
  );
  return new Map(ids.map((id, i) => [id, (percents[i] as number) / 100]));
}

function validShare(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * The shares of a split after one arrow's share is set to `value` (0–1): the others share what is
 * left in proportion to what they had (equally when they had nothing, or had no share at all), so
 * the total stays 100 %. A single arrow carries everything. Returns every arrow's new share.
 * Throws RangeError for an unknown arrow or a value outside 0–1 (callers validate first).
 */
export function rebalanceShares(
  entries: readonly ShareEntry[],
  changedId: string,
  value: number,
): Map<string, number> {
  if (!entries.some((e) => e.id === changedId)) {
    throw new RangeError(`no arrow “${changedId}” in this split`);
  }
  if (!validShare(value)) throw new RangeError('a share must be 0–1');
  if (entries.length === 1) return new Map([[changedId, 1]]);
  const others = entries.filter((e) => e.id !== changedId);
  const set = toPoints(value);
  const weights = others.map((e) => (validShare(e.share) ? e.share : 0));
  const points = apportion(WHOLE - set, weights);
  const result = new Map<string, number>();
  for (const entry of entries) {
    if (entry.id === changedId) result.set(entry.id, toFraction(set));
    else result.set(entry.id, toFraction(points[others.indexOf(entry)] as number));
  }
  return result;
}

/** Whether a node's outgoing arrows make an either/or split: any of them carries a share. */
export function isEitherOr(entries: readonly ShareEntry[]): boolean {
  return entries.some((e) => e.share !== undefined);
}

/** The shares' total (0–1 each; missing or invalid ones count 0), rounded to basis points. */
export function shareTotal(entries: readonly ShareEntry[]): number {
  const points = entries.reduce((s, e) => s + (validShare(e.share) ? toPoints(e.share) : 0), 0);
  return toFraction(points);
}
