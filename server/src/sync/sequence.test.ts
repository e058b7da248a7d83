import { describe, expect, it } from 'vitest';
import { mulberry32 } from './clients.testkit.ts';
import { AppliedSequence } from './sequence.ts';

describe('AppliedSequence', () => {
  it('advances over its own contiguous appends', () => {
    const seqs = new AppliedSequence(4);
    expect([seqs.upTo, seqs.highest, seqs.missing]).toEqual([4, 4, false]);
    seqs.add(5, 7);
    seqs.add(8);
    expect([seqs.upTo, seqs.highest, seqs.missing]).toEqual([8, 8, false]);
    expect(seqs.has(1)).toBe(true);
    expect(seqs.has(9)).toBe(false);
  });

  it('holds upTo below a hole until the hole is filled, whatever the arrival order', () => {
    const seqs = new AppliedSequence(0);
    seqs.add(3);
    seqs.add(5, 6);
    expect([seqs.upTo, seqs.highest, seqs.missing]).toEqual([0, 6, true]);
    expect([1, 2, 3, 4, 5, 6].map((s) => seqs.has(s))).toEqual([
      false,
      false,
      true,
      false,
      true,
      true,
    ]);
    seqs.add(1, 2);
    expect(seqs.upTo).toBe(3);
    seqs.add(4);
    expect([seqs.upTo, seqs.missing]).toEqual([6, false]);
    // Duplicates and old numbers change nothing.
    seqs.add(2);
    seqs.add(6);
    expect([seqs.upTo, seqs.highest]).toEqual([6, 6]);
  });

  it('counts a number storage reported as missing until a catch-up covers it', () => {
    const seqs = new AppliedSequence(10);
    seqs.saw(12);
    expect([seqs.upTo, seqs.highest, seqs.missing]).toEqual([10, 12, true]);
    seqs.add(14);
    seqs.advanceTo(12);
    // 13 is still missing; 14 was applied before the catch-up.
    expect([seqs.upTo, seqs.highest, seqs.missing]).toEqual([12, 14, true]);
    seqs.advanceTo(13);
    expect([seqs.upTo, seqs.missing]).toEqual([14, false]);
    seqs.advanceTo(3);
    expect(seqs.upTo).toBe(14);
  });

  it('agrees with a brute-force set on random arrivals (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = mulberry32(seed);
      const seqs = new AppliedSequence(0);
      const applied = new Set<number>();
      for (let step = 0; step < 200; step++) {
        const first = 1 + Math.floor(rand() * 60);
        const last = first + Math.floor(rand() * 3);
        if (rand() < 0.1) {
          seqs.advanceTo(first);
          for (let s = 1; s <= first; s++) applied.add(s);
        } else {
          seqs.add(first, last);
          for (let s = first; s <= last; s++) applied.add(s);
        }
        let upTo = 0;
        while (applied.has(upTo + 1)) upTo++;
        const highest = Math.max(0, ...applied);
        const wrong = [...Array(65).keys()].filter((s) => seqs.has(s + 1) !== applied.has(s + 1));
        if (seqs.upTo !== upTo || seqs.highest !== highest || wrong.length > 0) {
          expect.fail(`seed ${seed} step ${step}: upTo ${seqs.upTo}/${upTo}, wrong has ${wrong}`);
        }
      }
    }
  });
});
