// Page object for how the canvas looks on screen: on-screen sizes of stage names, the overlays,
// presentation mode and the top bar. Measures what a person in the room sees (pixels on screen),
// not what the CSS says.
import type { Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class CanvasView {
  constructor(readonly page: Page) {}

  /** The canvas zoom, from React Flow's viewport transform. */
  zoom(): Promise<number> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector('.react-flow__viewport');
      if (!viewport) return 0;
      return new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    });
  }

  /**
   * The zoom once it has stopped moving (zoom buttons and keys animate for 150 ms): the same
   * viewport transform for 10 animation frames in a row.
   */
  settledZoom(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = '';
          let same = 0;
          const tick = () => {
            const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
            const transform = viewport ? getComputedStyle(viewport).transform : '';
            same = transform === last ? same + 1 : 0;
            last = transform;
            if (same >= 10 && viewport) resolve(new DOMMatrixReadOnly(transform).a);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
  }

  /** Each stage name on screen: its text, font size × zoom, and its box. */
  stageNames(): Promise<{ name: string; screenPx: number; box: Box }[]> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector('.react-flow__viewport');
      const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : 0;
      return Array.from(
        document.querySelectorAll<HTMLElement>('.react-flow__node-stage .vsm-stage-name'),
      )
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            name: el.innerText,
            screenPx: Number.parseFloat(getComputedStyle(el).fontSize) * zoom,
            box: { x: r.left, y: r.top, width: r.width, height: r.height },
          };
        });
    });
  }

  /** Boxes of the pipeline's nodes (stages, start, end, queues) on screen. */
  pipelineBoxes(): Promise<Box[]> {
    return this.boxes(
      '.react-flow__node-stage, .react-flow__node-start, .react-flow__node-end, .react-flow__node-queue',
    );
  }

  /** Boxes of what floats over the canvas: toolbar, key figures, legend, minimap. */
  overlayBoxes(): Promise<Box[]> {
    return this.boxes(
      '.fm-toolbar, .fm-key-figures, .fm-legend-panel, .react-flow__minimap, .react-flow__panel.react-flow__controls',
    );
  }

  private boxes(selector: string): Promise<Box[]> {
    return this.page.evaluate(
      (sel) =>
        Array.from(document.querySelectorAll<HTMLElement>(sel))
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { x: r.left, y: r.top, width: r.width, height: r.height };
          }),
      selector,
    );
  }

  isVisible(selector: string): Promise<boolean> {
    return this.page.evaluate(
      (sel) =>
        Array.from(document.querySelectorAll<HTMLElement>(sel)).some(
          (el) => el.getClientRects().length > 0,
        ),
      selector,
    );
  }

  /** Whether an element's text is cut (ellipsis or scrolled), by its scroll width. */
  isClipped(selector: string): Promise<boolean> {
    return this.page.evaluate((sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      return el ? el.scrollWidth > el.clientWidth + 1 : true;
    }, selector);
  }

  box(selector: string): Promise<Box | null> {
    return this.page.evaluate((sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el || el.getClientRects().length === 0) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }, selector);
  }
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
