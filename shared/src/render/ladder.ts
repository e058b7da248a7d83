// The timeline ladder under the pipeline, in classic VSM style: one step per critical-path stage,
// its lead time on the upper rung and its process time on the lower one, a queue's wait on the
// upper rung alone (nothing is worked on while it waits), and a totals box at the end that states
// the figures the whole map is about.
import type { LadderGeometry } from './layout.ts';
import { LADDER } from './layout.ts';
import { rankBadge } from './shapes.ts';
import { el, ellipsize, num, text, textWidth } from './svg.ts';
import type { HeatLevel } from './theme.ts';
import { COLORS, HEAT_COLORS } from './theme.ts';
import { words } from './words.ts';

export interface LadderStep {
  id: string;
  /** A queue's step is all waiting: it stays on the upper rung and has no process time. */
  kind: 'stage' | 'queue';
  name: string;
  lt: string;
  pt: string;
  heat: HeatLevel;
  rank: number | null;
}

export interface LadderTotals {
  leadTime: string;
  valueAdd: string;
  flowEfficiency: string;
}

/** The ladder with its top-left corner at (0, 0). */
export function renderLadder(
  steps: readonly LadderStep[],
  totals: LadderTotals,
  g: LadderGeometry,
): string {
  const t = words();
  const parts: string[] = [
    text(0, LADDER.titleY, t('ladder.title'), {
      size: 12,
      weight: 'bold',
      fill: COLORS.muted,
    }),
    text(0, LADDER.upperY + 4, t('ladder.leadTime'), {
      size: 12,
      weight: 'bold',
      fill: COLORS.text,
    }),
    text(0, LADDER.lowerY + 4, t('ladder.processTime'), {
      size: 12,
      weight: 'bold',
      fill: COLORS.ok,
    }),
  ];

  if (steps.length === 0) {
    parts.push(
      text(g.stepsX, (LADDER.upperY + LADDER.lowerY) / 2 + 4, t('ladder.empty'), {
        size: 13,
        italic: true,
        fill: COLORS.muted,
      }),
    );
  }

  const { stepW } = g;
  let rungs = `M${num(g.stepsX)},${num(LADDER.upperY)}`;
  let low = false;
  steps.forEach((step, i) => {
    const x0 = g.stepsX + i * stepW;
    const queue = step.kind === 'queue';
    const xs = queue ? x0 + stepW : x0 + stepW * LADDER.upperShare;
    const x1 = x0 + stepW;
    if (low) rungs += ` V${num(LADDER.upperY)}`;
    rungs += queue ? ` H${num(x1)}` : ` H${num(xs)} V${num(LADDER.lowerY)} H${num(x1)}`;
    low = !queue;
    const cells: string[] = [];
    if (i > 0 && step.heat === 0 && steps[i - 1]?.heat === 0) {
      cells.push(
        el('line', {
          x1: x0,
          y1: LADDER.nameY - 14,
          x2: x0,
          y2: LADDER.ptY + 6,
          stroke: '#e3e6eb',
          'stroke-width': 1,
          'stroke-dasharray': '2 3',
        }),
      );
    }
    // The step's cell in the heat colour of its stage, as on the canvas.
    if (step.heat > 0) {
      cells.push(
        el('rect', {
          x: x0 + 1,
          y: LADDER.nameY - 18,
          width: stepW - 2,
          height: LADDER.ptY + 10 - (LADDER.nameY - 18),
          rx: 4,
          fill: HEAT_COLORS[step.heat],
        }),
      );
    }
    // A ranked bottleneck's badge sits in the empty corner under its lead time.
    if (step.rank !== null) {
      cells.push(rankBadge((x0 + xs) / 2, (LADDER.upperY + LADDER.lowerY) / 2, step.rank));
    }
    const pt = queue
      ? ''
      : text(
          (xs + x1) / 2,
          LADDER.ptY,
          ellipsize(step.pt, stepW - 8, 13, true),
          {
            size: 13,
            weight: 'bold',
            fill: step.heat >= 3 ? '#0d4a22' : COLORS.ok,
            anchor: 'middle',
          },
          { class: 'pt' },
        );
    const nameW = stepW - 10;
    cells.push(
      text(x0 + stepW / 2, LADDER.nameY, ellipsize(step.name, nameW, 12, queue), {
        size: 12,
        // Grey and green text fade on the two hottest cells; darker shades keep them readable.
        fill: step.heat >= 3 ? COLORS.text : COLORS.muted,
        anchor: 'middle',
        italic: queue,
      }),
      text(
        (x0 + xs) / 2,
        LADDER.ltY,
        ellipsize(step.lt, stepW - 8, 14, true),
        { size: 14, weight: 'bold', fill: COLORS.text, anchor: 'middle' },
        { class: 'lt' },
      ),
      pt,
    );
    parts.push(
      el(
        'g',
        {
          class: queue ? 'ladder-step queue-step' : 'ladder-step',
          'data-node-id': step.id,
          'data-kind': queue ? 'queue' : undefined,
        },
        cells.join(''),
      ),
    );
  });
  if (steps.length > 0) {
    parts.push(
      el('path', {
        class: 'rungs',
        d: rungs,
        fill: 'none',
        stroke: COLORS.text,
        'stroke-width': 2,
        'stroke-linejoin': 'miter',
      }),
    );
  }

  parts.push(totalsBox(g.totalsX, totals));
  return el('g', { class: 'ladder' }, parts.join(''));
}

function totalsBox(x: number, totals: LadderTotals): string {
  const w = LADDER.totalsW;
  const top = LADDER.totalsTop;
  const t = words();
  const rows: [string, string, string][] = [
    [t('figure.totalLeadTime'), totals.leadTime, 'total-lead-time'],
    [t('figure.valueAdd'), totals.valueAdd, 'total-value-add'],
    [t('figure.flowEfficiency'), totals.flowEfficiency, 'flow-efficiency'],
  ];
  const cells = rows.map(([label, value, cls], i) => {
    const y = top + 34 + i * 36;
    const room = w - 28 - textWidth(label, 12) - 12;
    return (
      text(x + 14, y, label, { size: 12, fill: COLORS.muted }) +
      text(
        x + w - 14,
        y,
        ellipsize(value, room, 17, true),
        { size: 17, weight: 'bold', fill: i === 1 ? COLORS.ok : COLORS.text, anchor: 'end' },
        { class: cls },
      )
    );
  });
  return el(
    'g',
    { class: 'ladder-totals' },
    el('rect', {
      x,
      y: top,
      width: w,
      height: LADDER.totalsH,
      rx: 6,
      fill: COLORS.surface2,
      stroke: COLORS.border,
      'stroke-width': 1,
    }) + cells.join(''),
  );
}
