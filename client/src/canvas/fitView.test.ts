import { describe, expect, it } from 'vitest';
import { boundsOf, fitViewport, overlayInsets, READABLE_ZOOM } from './fitView.ts';
import { FAR_BELOW, NAME_PX, zoomLevel } from './zoomLevel.ts';

const canvas = { width: 1000, height: 600 };
const none = { top: 0, right: 0, bottom: 0, left: 0 };

describe('fitViewport', () => {
  it('centres a small map in the free area, never above the maximum zoom', () => {
    const v = fitViewport({ x: 0, y: 0, width: 200, height: 100 }, canvas, none);
    expect(v.zoom).toBe(1.1);
    expect(v.x).toBeCloseTo((1000 - 220) / 2);
    expect(v.y).toBeCloseTo((600 - 110) / 2);
  });

  it('keeps the map out from under the overlays', () => {
    const insets = { top: 100, right: 0, bottom: 150, left: 0 };
    const v = fitViewport({ x: 0, y: 0, width: 900, height: 300 }, canvas, insets);
    // 600 − 250 of overlays − 2×24 margin = 302 px for 300 units of height.
    expect(v.zoom).toBeCloseTo(Math.min(952 / 900, 302 / 300));
    const top = v.y;
    const bottom = v.y + 300 * v.zoom;
    expect(top).toBeGreaterThanOrEqual(100);
    expect(bottom).toBeLessThanOrEqual(600 - 150);
  });

  it('never goes below a readable zoom: a long pipeline starts at the left, the rest is a pan away', () => {
    const v = fitViewport({ x: 500, y: 40, width: 6000, height: 150 }, canvas, none);
    expect(v.zoom).toBe(READABLE_ZOOM);
    // The map's left edge sits at the free area's left edge (+ margin).
    expect(v.x + 500 * v.zoom).toBeCloseTo(24);
  });
});

describe('overlayInsets', () => {
  const box = { x: 0, y: 0, width: 1000, height: 600 };
  it('counts a bar along the top from the top and corner boxes from the bottom', () => {
    const insets = overlayInsets(box, [
      { x: 10, y: 10, width: 980, height: 50 }, // toolbar
      { x: 790, y: 440, width: 200, height: 150 }, // minimap
      { x: 10, y: 550, width: 90, height: 40 }, // folded legend
      { x: 0, y: 0, width: 0, height: 0 }, // hidden
    ]);
    expect(insets).toEqual({ top: 60, right: 0, bottom: 160, left: 0 });
  });

  it('counts a tall side bar from its side', () => {
    expect(overlayInsets(box, [{ x: 900, y: 0, width: 100, height: 600 }])).toEqual({
      top: 0,
      right: 100,
      bottom: 0,
      left: 0,
    });
  });
});

describe('boundsOf', () => {
  it('spans every box, and is null for none', () => {
    expect(
      boundsOf([
        { x: 0, y: 10, width: 100, height: 50 },
        { x: 300, y: -20, width: 210, height: 150 },
      ]),
    ).toEqual({ x: 0, y: -20, width: 510, height: 150 });
    expect(boundsOf([])).toBeNull();
  });
});

describe('semantic zoom', () => {
  it('draws simplified boxes below the threshold, with names readable at fit’s lowest zoom', () => {
    expect(zoomLevel(1)).toBe('near');
    expect(zoomLevel(FAR_BELOW)).toBe('near');
    expect(zoomLevel(FAR_BELOW - 0.01)).toBe('far');
    expect(NAME_PX.far * READABLE_ZOOM).toBeGreaterThanOrEqual(14);
  });
});
