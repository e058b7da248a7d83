// How a state's v2 figures read in an export: the expected figures beside the worst case, what the
// kaizens not yet done would make of them, and which steps count for nothing or lack numbers. The
// diagram's summary and the PDF report both word them here, so the picture and the report page
// never say it two ways.
import type { HeadlineFigures, StateMetrics } from '../metrics/index.ts';
import { formatDuration } from '../model/durations.ts';
import type { WorkingTime } from '../model/types.ts';
import { formatPercent } from './svg.ts';
import { words } from './words.ts';

export interface FigureTexts {
  leadTime: string;
  valueAdd: string;
  flowEfficiency: string;
}

/** The worst-case figures (the critical path) as text. */
export function worstCaseTexts(h: HeadlineFigures, wt: WorkingTime): FigureTexts {
  return {
    leadTime: formatDuration(h.totalLeadTimeMinutes, wt),
    valueAdd: formatDuration(h.totalValueAddMinutes, wt),
    flowEfficiency: formatPercent(h.flowEfficiency),
  };
}

/** The expected figures (routes by share, rework by rate) as text. */
export function expectedTexts(h: HeadlineFigures, wt: WorkingTime): FigureTexts {
  return {
    leadTime: formatDuration(h.expectedLeadTimeMinutes, wt),
    valueAdd: formatDuration(h.expectedValueAddMinutes, wt),
    flowEfficiency: formatPercent(h.expectedFlowEfficiency),
  };
}

/**
 * The expected figures when any of them reads differently from the worst case, else null: without
 * either/or shares and rework rates they are the same numbers, and saying them twice is noise.
 */
export function expectedIfDifferent(h: HeadlineFigures, wt: WorkingTime): FigureTexts | null {
  const worst = worstCaseTexts(h, wt);
  const expected = expectedTexts(h, wt);
  const same =
    worst.leadTime === expected.leadTime &&
    worst.valueAdd === expected.valueAdd &&
    worst.flowEfficiency === expected.flowEfficiency;
  return same ? null : expected;
}

function headlineSentence(h: HeadlineFigures, wt: WorkingTime): string {
  const t = words();
  const worst = worstCaseTexts(h, wt);
  const expected = expectedIfDifferent(h, wt);
  const lead = expected
    ? t('sentence.leadTimePair', { worst: worst.leadTime, expected: expected.leadTime })
    : t('sentence.leadTime', { value: worst.leadTime });
  const efficiency = expected
    ? t('sentence.flowEfficiencyPair', {
        worst: worst.flowEfficiency,
        expected: expected.flowEfficiency,
      })
    : t('sentence.flowEfficiency', { value: worst.flowEfficiency });
  return t('sentence.headline', {
    leadTime: lead,
    flowEfficiency: efficiency,
    rolledPctCA: formatPercent(h.rolledPctCA),
  });
}

/**
 * "With the kaizens not yet done: lead time 3w 1d, flow efficiency 12.5%, rolled %C/A 45.2%." when
 * the kaizens' effects change what the headline says, else null (also with a flow cycle, where
 * no figure means anything).
 */
export function projectedText(metrics: StateMetrics, wt: WorkingTime): string | null {
  if (metrics.errors.length > 0) return null;
  const now = headlineSentence(metrics, wt);
  const then = headlineSentence(metrics.projected, wt);
  return now === then ? null : words()('sentence.projected', { figures: then });
}

function nameOf(metrics: StateMetrics, id: string): string {
  const figures = Object.hasOwn(metrics.stages, id)
    ? metrics.stages[id]
    : Object.hasOwn(metrics.queues, id)
      ? metrics.queues[id]
      : undefined;
  return figures?.name ?? id;
}

/** Names for a sentence: the first `max`, then how many more. */
function nameList(names: readonly string[], max = 3): string {
  const t = words();
  const shown = names.slice(0, max).map((n) => t('sentence.quoted', { name: n }));
  const more = names.length - shown.length;
  return more > 0
    ? t('sentence.listMore', { names: shown.join(', '), count: more })
    : shown.join(', ');
}

/** "2 steps are on no start→end path and count for nothing: “Stray”, “Old QA”." or null. */
export function disconnectedText(metrics: StateMetrics): string | null {
  const n = metrics.disconnected.length;
  if (n === 0) return null;
  const names = nameList(metrics.disconnected.map((id) => nameOf(metrics, id)));
  return words()('sentence.disconnected', { count: n, names });
}

/** What is missing, stages and queues apart: each says what to enter. */
export function incompleteTexts(metrics: StateMetrics): string[] {
  const queues = metrics.incomplete.filter((id) => Object.hasOwn(metrics.queues, id)).length;
  const stages = metrics.incomplete.length - queues;
  const t = words();
  const out: string[] = [];
  if (stages > 0) out.push(t('sentence.incompleteStages', { count: stages }));
  if (queues > 0) out.push(t('sentence.incompleteQueues', { count: queues }));
  return out;
}
