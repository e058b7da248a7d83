// The timeline ladder's steps and geometry, from the metrics of a state. Classic VSM ladders give
// every step the same width whatever its duration (the numbers carry the durations), so the
// geometry depends only on the number of steps.
import { heatLevel, type StateMetrics } from '@flowmap/shared';

export type Heat = 0 | 1 | 2 | 3 | 4;

export interface LadderStep {
  nodeId: string;
  /** A queue (the VSM inventory triangle) waits on the upper rung and adds no value. */
  kind: 'stage' | 'queue';
  name: string;
  elapsedMinutes: number;
  valueAddMinutes: number;
  waitingShare: number;
  /** 1-based rank among the bottlenecks, or null. */
  bottleneckRank: number | null;
  /** Tint of a bottleneck step by its share of all waiting; 0 for other steps. */
  heat: Heat;
}

/** The heat of a share of all waiting, on the same five-step scale as the canvas tokens. */
export function heatOf(share: number): Heat {
  return heatLevel(share);
}

/**
 * One step per stage and queue of the critical path, in path order; start and end nodes pass work
 * through in no time and are not steps. A flow cycle has no critical path, hence no steps.
 */
export function ladderSteps(metrics: StateMetrics): LadderStep[] {
  const ranks = new Map(metrics.bottlenecks.map((b) => [b.nodeId, b.rank]));
  const steps: LadderStep[] = [];
  for (const id of metrics.criticalPath) {
    const kind = Object.hasOwn(metrics.stages, id)
      ? 'stage'
      : Object.hasOwn(metrics.queues, id)
        ? 'queue'
        : null;
    const stage =
      kind === 'stage' ? metrics.stages[id] : kind === 'queue' ? metrics.queues[id] : null;
    if (!kind || !stage) continue;
    const rank = ranks.get(id) ?? null;
    steps.push({
      nodeId: id,
      kind,
      name: stage.name,
      elapsedMinutes: stage.elapsedMinutes,
      valueAddMinutes: stage.valueAddMinutes,
      waitingShare: stage.waitingShare,
      bottleneckRank: rank,
      heat: rank === null ? 0 : (Math.max(1, heatOf(stage.waitingShare)) as Heat),
    });
  }
  return steps;
}

export const LADDER = {
  height: 124,
  gutter: 36,
  stepWidth: 132,
  /** Share of a step's width on the upper (LT) rung; the rest is the lower (PT) rung. */
  upperShare: 0.56,
  upperY: 34,
  lowerY: 70,
  padding: 12,
} as const;

export interface StepGeometry {
  x: number;
  /** Where the rung drops from LT to PT. */
  dropX: number;
  endX: number;
}

export function stepGeometry(index: number): StepGeometry {
  const x = LADDER.gutter + index * LADDER.stepWidth;
  return {
    x,
    dropX: x + Math.round(LADDER.stepWidth * LADDER.upperShare),
    endX: x + LADDER.stepWidth,
  };
}

/**
 * The ladder's path: up on each step's LT rung, down to its PT rung, back up at the next step. A
 * queue adds no value, so its step stays on the upper rung all the way (as in the exports).
 */
export function ladderPath(steps: readonly Pick<LadderStep, 'kind'>[]): string {
  if (steps.length === 0) return '';
  const { upperY, lowerY } = LADDER;
  const parts: string[] = [];
  steps.forEach((step, i) => {
    const { x, dropX, endX } = stepGeometry(i);
    parts.push(i === 0 ? `M${x} ${upperY}` : `L${x} ${upperY}`);
    if (step.kind === 'queue') parts.push(`L${endX} ${upperY}`);
    else parts.push(`L${dropX} ${upperY}`, `L${dropX} ${lowerY}`, `L${endX} ${lowerY}`);
  });
  return parts.join(' ');
}

/** Width of the steps' drawing; the totals box sits beside it, outside the scrolled area. */
export function ladderWidth(count: number): number {
  return LADDER.gutter + count * LADDER.stepWidth + LADDER.padding;
}

/** A label cut to fit a width of `max` characters, with an ellipsis when cut. */
export function fitLabel(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * The steps to draw for a ladder scrolled to `left` with `width` pixels in view: those in view and
 * a view's width either side, as [first, end) indices of `count` steps.
 */
export function stepsInView(
  left: number,
  width: number,
  count: number,
): { first: number; end: number } {
  const from = left - width - LADDER.gutter;
  const to = left + 2 * width;
  const first = Math.max(0, Math.floor(from / LADDER.stepWidth));
  const end = Math.min(count, Math.max(first, Math.ceil(to / LADDER.stepWidth)));
  return { first, end };
}
