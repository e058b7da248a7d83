import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalShares, isEitherOr, rebalanceShares, shareTotal } from './shares.ts';

const asObject = (m: Map<string, number>) => Object.fromEntries(m);

describe('equalShares', () => {
  it('splits into whole percents that add up to exactly 1, the first arrows taking the rest', () => {
    expect(asObject(equalShares(['a', 'b']))).toEqual({ a: 0.5, b: 0.5 });
    expect(asObject(equalShares(['a', 'b', 'c']))).toEqual({ a: 0.34, b: 0.33, c: 0.33 });
    expect(asObject(equalShares(['a', 'b', 'c', 'd', 'e', 'f']))).toEqual({
      a: 0.17,
      b: 0.17,
      c: 0.17,
      d: 0.17,
      e: 0.16,
      f: 0.16,
    });
    expect(asObject(equalShares([]))).toEqual({});
  });
});

describe('rebalanceShares', () => {
  it('gives the other arrow of two what is left', () => {
    const next = rebalanceShares(
      [
        { id: 'std', share: 0.5 },
        { id: 'emergency', share: 0.5 },
      ],
      'std',
      0.8,
    );
    expect(asObject(next)).toEqual({ std: 0.8, emergency: 0.2 });
  });

  it('shares the rest among several others in proportion to what they had', () => {
    const next = rebalanceShares(
      [
        { id: 'a', share: 0.5 },
        { id: 'b', share: 0.3 },
        { id: 'c', share: 0.2 },
      ],
      'a',
      0.0,
    );
    expect(asObject(next)).toEqual({ a: 0, b: 0.6, c: 0.4 });
  });

  it('splits the rest equally when the others had no share (a parallel split made either/or)', () => {
    const next = rebalanceShares([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 'b', 0.4);
    expect(asObject(next)).toEqual({ a: 0.3, b: 0.4, c: 0.3 });
  });

  it('keeps basis points: 1/3 of the rest is rounded, the total stays exactly 1', () => {
    const next = rebalanceShares(
      [
        { id: 'a', share: 0.25 },
        { id: 'b', share: 0.25 },
        { id: 'c', share: 0.25 },
        { id: 'd', share: 0.25 },
      ],
      'a',
      0.08,
    );
    expect(asObject(next)).toEqual({ a: 0.08, b: 0.3067, c: 0.3067, d: 0.3066 });
    expect(shareTotal([...next].map(([id, share]) => ({ id, share })))).toBe(1);
  });

  it('gives a single arrow everything', () => {
    expect(asObject(rebalanceShares([{ id: 'only', share: 0.3 }], 'only', 0.3))).toEqual({
      only: 1,
    });
  });

  it('refuses an unknown arrow and a share outside 0–1', () => {
    expect(() => rebalanceShares([{ id: 'a' }, { id: 'b' }], 'zz', 0.5)).toThrow(RangeError);
    expect(() => rebalanceShares([{ id: 'a' }, { id: 'b' }], 'a', 1.2)).toThrow(RangeError);
    expect(() => rebalanceShares([{ id: 'a' }, { id: 'b' }], 'a', Number.NaN)).toThrow(RangeError);
  });

  it('always adds up to 100 % and sets the edited share to the basis point (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
          minLength: 2,
          maxLength: 12,
        }),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (shares, pick, value) => {
          const entries = shares.map((share, i) => ({ id: `e${i}`, share }));
          const changed = `e${pick % entries.length}`;
          const next = rebalanceShares(entries, changed, value);
          const points = [...next.values()].map((s) => Math.round(s * 10_000));
          expect(points.reduce((a, b) => a + b, 0)).toBe(10_000);
          expect(next.get(changed)).toBe(Math.round(value * 10_000) / 10_000);
          for (const s of next.values()) expect(s).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('isEitherOr and shareTotal', () => {
  it('calls a split either/or once any arrow has a share, and totals the valid shares', () => {
    expect(isEitherOr([{ id: 'a' }, { id: 'b' }])).toBe(false);
    expect(isEitherOr([{ id: 'a', share: 0.4 }, { id: 'b' }])).toBe(true);
    expect(shareTotal([{ id: 'a', share: 0.4 }, { id: 'b', share: 0.35 }, { id: 'c' }])).toBe(0.75);
  });
});
