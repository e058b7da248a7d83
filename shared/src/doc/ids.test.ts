import { describe, expect, it } from 'vitest';
import { idSchema } from '../model/schema.ts';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes 14 random letters and digits (83 bits) that pass idSchema', () => {
    const id = newId();
    expect(id).toMatch(/^[A-Za-z0-9]{14}$/);
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  it('prefixes when asked', () => {
    expect(newId('n')).toMatch(/^n_[A-Za-z0-9]{14}$/);
    expect(newId('state-x')).toMatch(/^state-x_[A-Za-z0-9]{14}$/);
  });

  it('never repeats in 20,000 draws and uses the whole alphabet', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    const letters = new Set(ids.join(''));
    expect(letters.size).toBe(62);
  });

  it('spreads letters evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5_000; i++) {
      for (const ch of newId()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    const expected = (5_000 * 14) / 62;
    for (const count of counts.values()) {
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.2);
    }
  });

  it('refuses a prefix that is not id material or too long', () => {
    expect(() => newId('has space')).toThrow(/letters, digits/);
    expect(() => newId('x'.repeat(60))).toThrow(/too long/);
  });
});
