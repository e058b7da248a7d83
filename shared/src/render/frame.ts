// What surrounds the diagram: the header (map title, state name and kind), the legend that makes
// the picture readable without the editor, and the red notice that replaces misleading figures.
import { CAPACITY_THRESHOLD, formatRatio } from '../metrics/index.ts';
import type { Tag } from './shapes.ts';
import { tagPill } from './shapes.ts';
import { el, ellipsize, num, text, textLines, textWidth, wrapText } from './svg.ts';
import { COLORS, HEAT_BOUNDS, HEAT_COLORS } from './theme.ts';
import { words } from './words.ts';

export const HEADER_H = 88;

/** The header across `width`, top-left at (0, 0). */
export function renderHeader(
  title: string,
  stateName: string,
  kind: 'current' | 'future',
  width: number,
): string {
  const pillLabel = words()(`header.${kind}`);
  const pillW = textWidth(pillLabel, 11, true) + 20;
  const name = ellipsize(stateName, width - pillW - 16, 17, true);
  const nameW = textWidth(name, 17, true);
  const pillColor = kind === 'future' ? COLORS.ok : COLORS.accent;
  return el(
    'g',
    { class: 'header' },
    text(0, 26, ellipsize(title, width, 26, true), {
      size: 26,
      weight: 'bold',
      fill: COLORS.text,
    }) +
      text(0, 58, name, { size: 17, weight: 'bold', fill: COLORS.muted }, { class: 'state-name' }) +
      el(
        'g',
        { class: 'state-kind', 'data-kind': kind },
        el('rect', {
          x: nameW + 14,
          y: 43,
          width: pillW,
          height: 20,
          rx: 10,
          fill: pillColor,
        }) +
          text(nameW + 14 + pillW / 2, 57, pillLabel, {
            size: 11,
            weight: 'bold',
            fill: '#ffffff',
            anchor: 'middle',
          }),
      ) +
      el('line', {
        x1: 0,
        y1: 76,
        x2: width,
        y2: 76,
        stroke: COLORS.border,
        'stroke-width': 1,
      }),
  );
}

/** A red box with a title and a message, e.g. for a flow cycle. */
export function renderNotice(
  title: string,
  message: string,
  width: number,
  cls = 'notice error',
): { svg: string; height: number } {
  const lines = wrapText(message, width - 32, 13, 5);
  const height = 20 + 18 + 8 + lines.length * 18 + 10;
  const svg = el(
    'g',
    { class: cls },
    el('rect', {
      x: 0,
      y: 0,
      width,
      height,
      rx: 8,
      fill: COLORS.dangerSoft,
      stroke: COLORS.danger,
      'stroke-width': 2,
    }) +
      text(16, 30, title, { size: 15, weight: 'bold', fill: COLORS.danger }) +
      textLines(16, 54, lines, 18, { size: 13, fill: COLORS.text }),
  );
  return { svg, height };
}

interface LegendItem {
  w: number;
  draw: (x: number, y: number) => string;
}

function label(s: string, size = 12): LegendItem {
  return {
    w: textWidth(s, size),
    draw: (x, y) => text(x, y + 4, s, { size, fill: COLORS.muted }),
  };
}

function swatch(color: string, caption: string): LegendItem {
  return {
    w: 18 + textWidth(caption, 11),
    draw: (x, y) =>
      el('rect', {
        x,
        y: y - 7,
        width: 14,
        height: 14,
        rx: 2,
        fill: color,
        stroke: COLORS.offPath,
        'stroke-width': 1,
      }) + text(x + 18, y + 4, caption, { size: 11, fill: COLORS.muted }),
  };
}

function group(items: LegendItem[], gap = 6): LegendItem {
  const w = items.reduce((sum, item) => sum + item.w, 0) + gap * (items.length - 1);
  return {
    w,
    draw: (x, y) => {
      let cx = x;
      return items
        .map((item) => {
          const s = item.draw(cx, y);
          cx += item.w + gap;
          return s;
        })
        .join('');
    },
  };
}

function tagItem(tag: Tag): LegendItem {
  const w = textWidth(tag.label, 11, true) + 14;
  return { w, draw: (x, y) => tagPill(x, y + 10, tag).svg };
}

/** The marks of model v2 that a drawing may use; the legend explains the ones it does. */
export interface LegendExtras {
  queue: boolean;
  shares: boolean;
  capacity: boolean;
  notCounted: boolean;
  outside: boolean;
}

const NO_EXTRAS: LegendExtras = {
  queue: false,
  shares: false,
  capacity: false,
  notCounted: false,
  outside: false,
};

function extraItems(extras: LegendExtras): LegendItem[] {
  const t = words();
  const items: LegendItem[] = [];
  if (extras.queue) {
    const triangle: LegendItem = {
      w: 26,
      draw: (x, y) =>
        el('polygon', {
          points: `${num(x + 13)},${num(y - 12)} ${num(x + 26)},${num(y + 10)} ${num(x)},${num(y + 10)}`,
          fill: COLORS.queueFill,
          stroke: COLORS.queueStroke,
          'stroke-width': 1.5,
          'stroke-linejoin': 'round',
        }) +
        text(x + 13, y + 8, 'I', {
          size: 12,
          weight: 'bold',
          fill: COLORS.queueStroke,
          anchor: 'middle',
        }),
    };
    items.push(group([triangle, label(t('legend.queue'))]));
  }
  if (extras.shares) {
    // As on the arrows (edges.ts, shareLabel): grey figure in a white pill.
    const w = textWidth('80%', 12, true) + 10;
    const sample: LegendItem = {
      w,
      draw: (x, y) =>
        el('rect', {
          x,
          y: y - 10,
          width: w,
          height: 20,
          rx: 10,
          fill: COLORS.background,
          stroke: COLORS.muted,
          'stroke-width': 1,
        }) +
        text(x + w / 2, y + 4, '80%', {
          size: 12,
          weight: 'bold',
          fill: COLORS.muted,
          anchor: 'middle',
        }),
    };
    items.push(group([sample, label(t('legend.shares'))]));
  }
  if (extras.capacity) {
    const tag = tagItem({
      label: t('tag.busyShare', { share: formatRatio(0.92) }),
      color: COLORS.capacity,
      cls: 'legend-capacity',
    });
    items.push(
      group([tag, label(t('legend.capacity', { share: formatRatio(CAPACITY_THRESHOLD) }))]),
    );
  }
  if (extras.outside) {
    const roof: LegendItem = {
      w: 24,
      draw: (x, y) =>
        el('polygon', {
          points: [
            [x, y + 9],
            [x, y - 9],
            [x + 8, y - 3],
            [x + 8, y - 9],
            [x + 16, y - 3],
            [x + 16, y - 9],
            [x + 24, y - 3],
            [x + 24, y + 9],
          ]
            .map(([px = 0, py = 0]) => `${num(px)},${num(py)}`)
            .join(' '),
          fill: COLORS.background,
          stroke: COLORS.text,
          'stroke-width': 1.25,
          'stroke-linejoin': 'round',
        }),
    };
    items.push(group([roof, label(t('legend.outside'))]));
  }
  if (extras.notCounted) {
    items.push(
      group([
        tagItem({
          label: t('tag.notCounted'),
          color: COLORS.notCounted,
          cls: 'legend-not-counted',
        }),
        label(t('legend.notCounted')),
      ]),
    );
  }
  return items;
}

/** The legend as rows of items across `width`, wrapping when they do not fit. */
export function renderLegend(
  lowPctCAThreshold: number,
  workingTime: string,
  width: number,
  extras: LegendExtras = NO_EXTRAS,
): { svg: string; height: number } {
  const t = words();
  const heat = group([
    label(t('legend.shareOfWaiting')),
    swatch(HEAT_COLORS[0], t('legend.none')),
    swatch(HEAT_COLORS[1], `<${formatRatio(HEAT_BOUNDS[0])}`),
    swatch(HEAT_COLORS[2], `<${formatRatio(HEAT_BOUNDS[1])}`),
    swatch(HEAT_COLORS[3], `<${formatRatio(HEAT_BOUNDS[2])}`),
    swatch(HEAT_COLORS[4], `≥${formatRatio(HEAT_BOUNDS[2])}`),
  ]);
  const rank: LegendItem = {
    w: 24,
    draw: (x, y) =>
      el('rect', { x, y: y - 10, width: 20, height: 20, rx: 10, fill: COLORS.badge }) +
      text(x + 10, y + 4, '#1', { size: 11, weight: 'bold', fill: '#ffffff', anchor: 'middle' }),
  };
  const lowCA = t('tag.lowCA');
  const tagW = textWidth(lowCA, 11, true) + 14;
  const quality: LegendItem = {
    w: tagW,
    draw: (x, y) =>
      el('rect', { x, y: y - 10, width: tagW, height: 20, rx: 10, fill: COLORS.quality }) +
      text(x + tagW / 2, y + 4, lowCA, {
        size: 11,
        weight: 'bold',
        fill: '#ffffff',
        anchor: 'middle',
      }),
  };
  const stroke = (color: string, w: number, dash?: string): LegendItem => ({
    w: 28,
    draw: (x, y) =>
      el('line', {
        x1: x,
        y1: y,
        x2: x + 28,
        y2: y,
        stroke: color,
        'stroke-width': w,
        'stroke-dasharray': dash,
      }),
  });
  const items: LegendItem[] = [
    heat,
    group([rank, label(t('legend.rank'))]),
    group([
      quality,
      label(t('legend.lowCA', { threshold: Math.round(lowPctCAThreshold * 100) / 100 })),
    ]),
    group([stroke(COLORS.critical, 3), label(t('legend.criticalPath'))]),
    group([stroke(COLORS.offPath, 1.75), label(t('legend.flow'))]),
    group([stroke(COLORS.rework, 2, '7 5'), label(t('legend.rework'))]),
    ...extraItems(extras),
    label(t('legend.abbreviations')),
    label(t('legend.workingTime', { text: workingTime })),
  ];
  const rowH = 26;
  const gap = 28;
  const parts: string[] = [];
  let x = 0;
  let y = 10;
  for (const item of items) {
    if (x > 0 && x + item.w > width) {
      x = 0;
      y += rowH;
    }
    parts.push(item.draw(x, y));
    x += item.w + gap;
  }
  return { svg: el('g', { class: 'legend' }, parts.join('')), height: y + 12 };
}

export function translate(x: number, y: number): string {
  return `translate(${num(x)},${num(y)})`;
}
