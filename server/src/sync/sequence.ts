// Which storage sequence numbers a room's live document holds. A single instance gets every
// number from its own appends, in order. With several instances writing one document, numbers
// also arrive from the others (through the fan-out), out of order or not at all; a hole below
// the highest number known to exist is a gap the room must fill from storage. Only `upTo`, below
// which nothing is missing, is safe to compact to: compacting to a higher number this room has
// merely seen would delete log entries its snapshot lacks.
export class AppliedSequence {
  private contiguous: number;
  /** Applied numbers above `contiguous` (never contains contiguous + 1). */
  private readonly above = new Set<number>();
  private known: number;

  constructor(start: number) {
    this.contiguous = start;
    this.known = start;
  }

  /** Every sequence number up to this one is applied. */
  get upTo(): number {
    return this.contiguous;
  }

  /** The highest sequence number known to exist in storage. */
  get highest(): number {
    return this.known;
  }

  /** True when some number up to `highest` has not been applied. */
  get missing(): boolean {
    return this.contiguous < this.known;
  }

  has(seq: number): boolean {
    return seq <= this.contiguous || this.above.has(seq);
  }

  /** Numbers `first`…`last` are applied. */
  add(first: number, last: number = first): void {
    for (let seq = Math.max(first, this.contiguous + 1); seq <= last; seq++) this.above.add(seq);
    this.known = Math.max(this.known, last);
    while (this.above.delete(this.contiguous + 1)) this.contiguous++;
  }

  /** Storage holds `seq` (and so everything below it). */
  saw(seq: number): void {
    this.known = Math.max(this.known, seq);
  }

  /** Everything up to `seq` is applied (a catch-up from storage read up to there). */
  advanceTo(seq: number): void {
    if (seq <= this.contiguous) return;
    this.contiguous = seq;
    this.known = Math.max(this.known, seq);
    for (const n of this.above) if (n <= seq) this.above.delete(n);
    while (this.above.delete(this.contiguous + 1)) this.contiguous++;
  }
}
