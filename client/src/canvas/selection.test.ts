import { describe, expect, it } from 'vitest';
import { reworkPath } from './edges/paths.ts';
import { applySelection, pruneSelection } from './selection.ts';

describe('applySelection', () => {
  it('adds and removes ids as React Flow reports them', () => {
    expect(
      applySelection(
        ['a', 'b'],
        [
          { id: 'b', selected: false },
          { id: 'c', selected: true },
        ],
      ),
    ).toEqual(['a', 'c']);
  });

  it('returns the same array when nothing changes, so subscribers stay quiet', () => {
    const current = ['a'];
    expect(applySelection(current, [])).toBe(current);
    expect(applySelection(current, [{ id: 'a', selected: true }])).toBe(current);
    expect(applySelection(current, [{ id: 'z', selected: false }])).toBe(current);
  });
});

describe('pruneSelection', () => {
  it('drops ids that no longer exist', () => {
    const current = ['a', 'b'];
    expect(pruneSelection(current, (id) => id === 'a')).toEqual(['a']);
    expect(pruneSelection(current, () => true)).toBe(current);
  });
});

describe('reworkPath', () => {
  it('arcs below both ends, deeper for longer jumps, label on the curve', () => {
    const [path, lx, ly] = reworkPath(800, 150, 100, 150);
    expect(path).toBe('M 800,150 C 800,290 100,290 100,150');
    expect(lx).toBe(450);
    expect(ly).toBe(150 / 4 + (290 * 3) / 4);
    const [, , shortY] = reworkPath(300, 150, 100, 150);
    expect(shortY).toBeLessThan(ly);
  });
});
