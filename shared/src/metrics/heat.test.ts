import { describe, expect, it } from 'vitest';
import { heatLevel } from './heat.ts';

describe('heatLevel', () => {
  it('maps the share of waiting to five levels', () => {
    expect(heatLevel(0)).toBe(0);
    expect(heatLevel(0.01)).toBe(1);
    expect(heatLevel(0.099)).toBe(1);
    expect(heatLevel(0.1)).toBe(2);
    expect(heatLevel(0.199)).toBe(2);
    expect(heatLevel(0.2)).toBe(3);
    expect(heatLevel(0.349)).toBe(3);
    expect(heatLevel(0.35)).toBe(4);
    expect(heatLevel(1)).toBe(4);
  });

  it('treats invalid shares as no heat', () => {
    expect(heatLevel(-0.5)).toBe(0);
    expect(heatLevel(Number.NaN)).toBe(0);
    expect(heatLevel(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
