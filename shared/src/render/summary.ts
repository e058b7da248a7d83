// The metrics summary under the ladder: headline figures (the worst case and, where routes and
// rework make it differ, the expected figure beside it), the ranked, quality and capacity
// bottlenecks with their reasons, and the DORA four key metrics when the state has inputs for them.
import type { DoraLevel } from '../metrics/index.ts';
import type { Tag } from './shapes.ts';
import { rankBadge, tagPill } from './shapes.ts';
import { el, ellipsize, text, textLines, textWidth, wrapText } from './svg.ts';
import { COLORS, DORA_LEVEL_COLORS } from './theme.ts';
import { words } from './words.ts';

export interface SummaryRow {
  label: string;
  value: string;
  /** Class of the value's <text>, for tests and scripts that read the export. */
  cls: string;
  /**
   * A second figure beside the first, each with a word saying which it is: "4w 2d worst case ·
   * 3w 1d expected". On two lines when the panel is too narrow for one.
   */
  pair?: { note: string; value: string; valueNote: string; cls: string };
}

export interface SummaryNote {
  text: string;
  color: string;
}

export interface DoraRow {
  label: string;
  display: string;
  level: DoraLevel | null;
}

export interface SummaryData {
  rows: SummaryRow[];
  notes: SummaryNote[];
  bottlenecks: { rank: number; name: string; reason: string }[];
  quality: { name: string; reason: string }[];
  /** Quality bottlenecks left out of the list to keep it short. */
  qualityMore: number;
  /** Capacity bottlenecks: "92%" busy, and why that matters. */
  capacity: { name: string; busy: string; reason: string }[];
  /** What the bottleneck panel says when it lists nothing. */
  noBottlenecks: string;
  dora: DoraRow[] | null;
  doraSource: string;
}

interface Panel {
  title: string;
  cls: string;
  body: (x: number, w: number) => { svg: string; height: number };
}

const GAP = 20;
const PAD = 16;
const BODY_TOP = 48;

/** The summary panels side by side across `width`, top-left at (0, 0). */
export function renderSummary(data: SummaryData, width: number): { svg: string; height: number } {
  const t = words();
  const panels: Panel[] = [
    {
      title: t('summary.metrics'),
      cls: 'summary-metrics',
      body: (x, w) => metricsBody(data, x, w),
    },
    {
      title: t('summary.bottlenecks'),
      cls: 'summary-bottlenecks',
      body: (x, w) => bottlenecksBody(data, x, w),
    },
  ];
  const dora = data.dora;
  if (dora !== null) {
    panels.push({
      title: t('summary.dora'),
      cls: 'summary-dora',
      body: (x, w) => doraBody(dora, data.doraSource, x, w),
    });
  }
  // The bottleneck reasons need the most room, so that panel gets a larger share.
  const weights = panels.map((p) => (p.cls === 'summary-bottlenecks' ? 1.35 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const room = Math.min(width, 1800) - GAP * (panels.length - 1);
  let x = 0;
  const built = panels.map((panel, i) => {
    const w = (room * (weights[i] ?? 1)) / total;
    const body = panel.body(x + PAD, w - 2 * PAD);
    const result = { panel, x, w, body };
    x += w + GAP;
    return result;
  });
  const height = Math.max(...built.map((b) => BODY_TOP + b.body.height + PAD));
  const svg = built
    .map(({ panel, x: px, w, body }) =>
      el(
        'g',
        { class: panel.cls },
        el('rect', {
          x: px,
          y: 0,
          width: w,
          height,
          rx: 8,
          fill: COLORS.background,
          stroke: COLORS.border,
          'stroke-width': 1.25,
        }) +
          text(px + PAD, 26, panel.title, { size: 12, weight: 'bold', fill: COLORS.muted }) +
          body.svg,
      ),
    )
    .join('');
  return { svg: el('g', { class: 'summary' }, svg), height };
}

const VALUE = { size: 15, weight: 'bold', fill: COLORS.text, anchor: 'end' } as const;
const NOTE = { size: 12, fill: COLORS.muted, anchor: 'end' } as const;

/**
 * "4w 2d 2h worst case · 3w 1d expected" ending at `right`, each piece its own <text> (so the
 * values keep their classes), or null when it is wider than `room`.
 */
function pairLine(row: SummaryRow, right: number, y: number, room: number): string | null {
  const pair = row.pair;
  if (!pair) return null;
  const pieces: [string, 'value' | 'note', string | undefined][] = [
    [row.value, 'value', row.cls],
    [pair.note, 'note', undefined],
    ['·', 'note', undefined],
    [pair.value, 'value', pair.cls],
    [pair.valueNote, 'note', undefined],
  ];
  const widthOf = ([s, kind]: (typeof pieces)[number]) =>
    kind === 'value' ? textWidth(s, 15, true) : textWidth(s, 12);
  const total = pieces.reduce((sum, p) => sum + widthOf(p), 0) + 6 * (pieces.length - 1);
  if (total > room) return null;
  let end = right;
  const out: string[] = [];
  for (const piece of [...pieces].reverse()) {
    const [s, kind, cls] = piece;
    out.push(text(end, y, s, kind === 'value' ? VALUE : NOTE, { class: cls }));
    end -= widthOf(piece) + 6;
  }
  return out.reverse().join('');
}

function metricsBody(data: SummaryData, x: number, w: number) {
  const parts: string[] = [];
  let y = BODY_TOP + 8;
  for (const row of data.rows) {
    const labelW = textWidth(row.label, 13);
    parts.push(text(x, y, row.label, { size: 13, fill: COLORS.muted }));
    const room = w - labelW - 12;
    const oneLine = pairLine(row, x + w, y, room);
    if (oneLine !== null) {
      parts.push(oneLine);
    } else if (row.pair) {
      // Too narrow for one line: the worst case, and the expected figure under it.
      const { pair } = row;
      const lines = [
        [row.value, pair.note, row.cls],
        [pair.value, pair.valueNote, pair.cls],
      ] as const;
      lines.forEach(([value, note, cls], i) => {
        const noteW = textWidth(note, 12);
        const ly = y + i * 20;
        parts.push(
          text(x + w, ly, note, NOTE),
          text(x + w - noteW - 6, ly, ellipsize(value, room - noteW - 6, 15, true), VALUE, {
            class: cls,
          }),
        );
      });
      y += 20;
    } else {
      parts.push(text(x + w, y, ellipsize(row.value, room, 15, true), VALUE, { class: row.cls }));
    }
    y += 26;
  }
  y += 2;
  for (const note of data.notes) {
    const lines = wrapText(note.text, w, 12, 4);
    parts.push(
      textLines(x, y, lines, 16, { size: 12, fill: note.color }, { class: 'summary-note' }),
    );
    y += lines.length * 16 + 4;
  }
  return { svg: parts.join(''), height: y - BODY_TOP - 8 };
}

function bottlenecksBody(data: SummaryData, x: number, w: number) {
  const parts: string[] = [];
  let y = BODY_TOP + 8;
  const indent = 42;
  for (const b of data.bottlenecks) {
    const reason = wrapText(b.reason, w - indent, 12, 2);
    parts.push(
      el(
        'g',
        { class: 'summary-bottleneck', 'data-rank': b.rank },
        rankBadge(x + 15, y - 5, b.rank) +
          text(x + indent, y, ellipsize(b.name, w - indent, 14, true), {
            size: 14,
            weight: 'bold',
            fill: COLORS.text,
          }) +
          textLines(x + indent, y + 18, reason, 16, { size: 12, fill: COLORS.muted }),
      ),
    );
    y += 18 + reason.length * 16 + 12;
  }
  // A tagged entry: the pill (its text on the name's baseline), the name, the reason under it.
  const tagged = (cls: string, tag: Tag, name: string, why: string) => {
    const pill = tagPill(x, y + 6, tag);
    const reason = wrapText(why, w - indent, 12, 2);
    parts.push(
      el(
        'g',
        { class: cls },
        pill.svg +
          text(x + pill.w + 8, y, ellipsize(name, w - pill.w - 8, 14, true), {
            size: 14,
            weight: 'bold',
            fill: COLORS.text,
          }) +
          textLines(x + indent, y + 18, reason, 16, { size: 12, fill: COLORS.muted }),
      ),
    );
    y += 18 + reason.length * 16 + 12;
  };
  const t = words();
  const lowCA: Tag = { label: t('tag.lowCA'), color: COLORS.quality, cls: 'quality-tag' };
  for (const q of data.quality) tagged('summary-quality', lowCA, q.name, q.reason);
  if (data.qualityMore > 0) {
    parts.push(
      text(x, y, t('summary.qualityMore', { count: data.qualityMore }), {
        size: 12,
        fill: COLORS.muted,
      }),
    );
    y += 20;
  }
  for (const c of data.capacity) {
    const busy: Tag = {
      label: t('tag.busyShare', { share: c.busy }),
      color: COLORS.capacity,
      cls: 'capacity-tag',
    };
    tagged('summary-capacity', busy, c.name, c.reason);
  }
  if (data.bottlenecks.length === 0 && data.quality.length === 0 && data.capacity.length === 0) {
    parts.push(
      text(x, y, ellipsize(data.noBottlenecks, w, 13), {
        size: 13,
        italic: true,
        fill: COLORS.muted,
      }),
    );
    y += 20;
  }
  return { svg: parts.join(''), height: y - BODY_TOP - 8 };
}

function doraBody(rows: readonly DoraRow[], source: string, x: number, w: number) {
  const parts: string[] = [];
  let y = BODY_TOP + 8;
  const pillW = 64;
  for (const row of rows) {
    const labelW = Math.min(textWidth(row.label, 13) + 12, w * 0.55);
    const cells = [
      text(x, y, ellipsize(row.label, labelW - 12, 13), { size: 13, fill: COLORS.muted }),
      text(x + w - pillW - 10, y, ellipsize(row.display, w - labelW - pillW - 10, 13, true), {
        size: 13,
        weight: 'bold',
        fill: COLORS.text,
        anchor: 'end',
      }),
    ];
    if (row.level !== null) {
      cells.push(
        el('rect', {
          x: x + w - pillW,
          y: y - 14,
          width: pillW,
          height: 20,
          rx: 10,
          fill: DORA_LEVEL_COLORS[row.level],
        }),
        text(x + w - pillW / 2, y, words()(`level.${row.level}`), {
          size: 11,
          weight: 'bold',
          fill: '#ffffff',
          anchor: 'middle',
        }),
      );
    } else {
      cells.push(
        text(x + w - pillW / 2, y, '—', { size: 13, fill: COLORS.muted, anchor: 'middle' }),
      );
    }
    parts.push(
      el('g', { class: 'summary-dora-row', 'data-level': row.level ?? undefined }, cells.join('')),
    );
    y += 28;
  }
  const lines = wrapText(source, w, 11, 2);
  parts.push(textLines(x, y + 2, lines, 14, { size: 11, fill: COLORS.muted }));
  y += lines.length * 14;
  return { svg: parts.join(''), height: y - BODY_TOP - 8 };
}
