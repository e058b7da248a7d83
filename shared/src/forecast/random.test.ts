import { describe, expect, it } from 'vitest';
import { extraPasses, logNormalFrom, triangular } from './distributions.ts';
import { Random, seedOf } from './random.ts';

describe('Random (xoshiro128**)', () => {
  it('matches the reference implementation from the state 1, 2, 3, 4', () => {
    const random = Random.fromState(1, 2, 3, 4);
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      11520, 0, 5927040,
    ]);
  });

  it('is uniform enough: ten equal bins of 100,000 draws each hold about a tenth', () => {
    const random = new Random(123);
    const bins = new Array<number>(10).fill(0);
    let min = 1;
    for (let i = 0; i < 100_000; i++) {
      const u = random.next();
      min = Math.min(min, u);
      bins[Math.floor(u * 10)] = (bins[Math.floor(u * 10)] as number) + 1;
    }
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(new Random(1).nextOpen()).toBeGreaterThan(0);
  });

  it('starts neighbouring seeds far apart and folds any number into a seed', () => {
    expect(new Random(1).nextUint32()).not.toBe(new Random(2).nextUint32());
    expect(seedOf(42)).toBe(42);
    expect(seedOf(2 ** 32 + 1)).not.toBe(seedOf(1));
    expect(seedOf(Number.NaN)).toBe(0);
  });
});

describe('distributions', () => {
  it('triangular: the inverse CDF spans low…high with the mode at its split', () => {
    expect(triangular(0, 10, 20, 40, 1 / 3)).toBe(10);
    expect(triangular(1 / 3, 10, 20, 40, 1 / 3)).toBeCloseTo(20, 9);
    expect(triangular(0.999_999_999, 10, 20, 40, 1 / 3)).toBeCloseTo(40, 2);
  });

  it('log-normal through p50 and p85, none when they make no distribution', () => {
    const fit = logNormalFrom(100, 200);
    expect(fit?.mu).toBeCloseTo(Math.log(100), 12);
    expect(Math.exp((fit?.mu ?? 0) + (fit?.sigma ?? 0) * 1.0364333894937898)).toBeCloseTo(200, 9);
    expect(logNormalFrom(0, 10)).toBeNull();
    expect(logNormalFrom(100, 50)).toBeNull();
  });

  it('extra passes are geometric: P(at least k) = rateᵏ', () => {
    const log = Math.log(0.5);
    expect(extraPasses(1, log)).toBe(0);
    expect(extraPasses(0.5, log)).toBe(1);
    expect(extraPasses(0.25, log)).toBe(2);
    expect(extraPasses(0.2499, log)).toBe(2);
  });
});
