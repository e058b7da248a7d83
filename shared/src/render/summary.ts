// The metrics summary under the ladder: headline figures, the ranked and quality bottlenecks with
// their reasons, and the DORA four key metrics when the state has inputs for them.
import type { DoraLevel } from '../metrics/index.ts';
import { rankBadge } from './shapes.ts';
import { el, ellipsize, text, textLines, textWidth, wrapText } from './svg.ts';
import { COLORS, DORA_LEVEL_COLORS } from './theme.ts';

export interface SummaryRow {
  label: string;
  value: string;
  /** Class of the value's <text>, for tests and scripts that read the export. */
  cls: string;
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
  const panels: Panel[] = [
    { title: 'METRICS', cls: 'summary-metrics', body: (x, w) => metricsBody(data, x, w) },
    {
      title: 'BOTTLENECKS',
      cls: 'summary-bottlenecks',
      body: (x, w) => bottlenecksBody(data, x, w),
    },
  ];
  const dora = data.dora;
  if (dora !== null) {
    panels.push({
      title: 'DORA FOUR KEY METRICS',
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

function metricsBody(data: SummaryData, x: number, w: number) {
  const parts: string[] = [];
  let y = BODY_TOP + 8;
  for (const row of data.rows) {
    const labelW = textWidth(row.label, 13);
    parts.push(
      text(x, y, row.label, { size: 13, fill: COLORS.muted }),
      text(
        x + w,
        y,
        ellipsize(row.value, w - labelW - 12, 15, true),
        { size: 15, weight: 'bold', fill: COLORS.text, anchor: 'end' },
        { class: row.cls },
      ),
    );
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

function qualityTag(x: number, y: number): { svg: string; w: number } {
  const label = 'Low C/A';
  const w = textWidth(label, 11, true) + 14;
  return {
    w,
    svg:
      el('rect', { x, y: y - 14, width: w, height: 20, rx: 10, fill: COLORS.quality }) +
      text(x + w / 2, y, label, { size: 11, weight: 'bold', fill: '#ffffff', anchor: 'middle' }),
  };
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
  for (const q of data.quality) {
    const tag = qualityTag(x, y);
    const reason = wrapText(q.reason, w - indent, 12, 2);
    parts.push(
      el(
        'g',
        { class: 'summary-quality' },
        tag.svg +
          text(x + tag.w + 8, y, ellipsize(q.name, w - tag.w - 8, 14, true), {
            size: 14,
            weight: 'bold',
            fill: COLORS.text,
          }) +
          textLines(x + indent, y + 18, reason, 16, { size: 12, fill: COLORS.muted }),
      ),
    );
    y += 18 + reason.length * 16 + 12;
  }
  if (data.qualityMore > 0) {
    parts.push(
      text(x, y, `and ${data.qualityMore} more with low %C/A`, { size: 12, fill: COLORS.muted }),
    );
    y += 20;
  }
  if (data.bottlenecks.length === 0 && data.quality.length === 0) {
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

const LEVEL_NAMES: Record<DoraLevel, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

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
        text(x + w - pillW / 2, y, LEVEL_NAMES[row.level], {
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
