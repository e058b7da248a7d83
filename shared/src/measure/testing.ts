// Generated logs whose answers are known, for the tests, the CLI tests, the e2e import and the
// benchmark. Not exported from index.ts.

import { chain, makeNode, makeStage, makeState } from '../metrics/testing.ts';
import type { MapState } from '../model/types.ts';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0); // Monday 2026-03-02 09:00 UTC
export const MIN = 60_000;
export const DAY_MS = 24 * 60 * MIN;

export interface GeneratedPass {
  item: string;
  stage: string;
  /** Minutes after T0. */
  at: number;
  /** Calendar minutes in the stage. */
  minutes: number;
  active?: number;
}

/** start → build → review → deploy → end, named "Build", "Code review", "Deploy". */
export function pipelineState(): MapState {
  return makeState(
    [
      makeNode('start', 'start', { name: 'Start', x: 0 }),
      makeStage('build', 480, 120, 90, { name: 'Build', x: 200 }),
      makeStage('review', 960, 60, 80, { name: 'Code review', x: 450 }),
      makeStage('deploy', 240, 30, 95, { name: 'Deploy', x: 700 }),
      makeNode('end', 'end', { name: 'End', x: 950 }),
    ],
    // Ids a document accepts (the metrics fixtures' "a->b" ids are for pure functions only).
    chain('start', 'build', 'review', 'deploy', 'end').map((e) => ({
      ...e,
      id: `${e.source}--${e.target}`,
    })),
    'current',
  );
}

/**
 * Items through a route of log stage names, each pass `minutes` long, the next pass starting
 * where the previous one ended; item i starts i × `spacing` minutes after T0.
 */
export function routePasses(
  prefix: string,
  count: number,
  route: readonly string[],
  minutes: number,
  spacing = 60,
  offset = 0,
): GeneratedPass[] {
  const passes: GeneratedPass[] = [];
  for (let i = 0; i < count; i++) {
    let at = offset + i * spacing;
    for (const stage of route) {
      passes.push({ item: `${prefix}-${i}`, stage, at, minutes });
      at += minutes;
    }
  }
  return passes;
}

export function iso(minutesAfterT0: number): string {
  return new Date(T0 + minutesAfterT0 * MIN).toISOString();
}

export function eventsCsv(passes: readonly GeneratedPass[], withActive = false): string {
  const header = withActive
    ? 'item,stage,entered,exited,active_minutes'
    : 'item,stage,entered,exited';
  const lines = passes.map((p) => {
    const base = `${p.item},${p.stage},${iso(p.at)},${iso(p.at + p.minutes)}`;
    return withActive ? `${base},${p.active ?? ''}` : base;
  });
  return `${[header, ...lines].join('\n')}\n`;
}

/** Plateaus: 11 passes of 60 min, 7 of 120, 2 of 600 (p50 = 60, p85 = 120, mean = 135). */
export function plateauPasses(stage = 'Build'): GeneratedPass[] {
  const lengths = [...Array(11).fill(60), ...Array(7).fill(120), ...Array(2).fill(600)];
  return lengths.map((minutes, i) => ({ item: `P-${i}`, stage, at: i * 30, minutes }));
}

/**
 * 6 items Build → Review → Deploy, 2 sent back by Review once, 2 sent back by Deploy to Build.
 * Known answers: passes Build 14, Review 14, Deploy 12; rework Review→Build 2/14, Deploy→Build
 * 2/12; %C/A Build 10/14, Review 12/14, Deploy 100.
 */
export function reworkPasses(): GeneratedPass[] {
  return [
    ...routePasses('clean', 6, ['Build', 'Code review', 'Deploy'], 60),
    ...routePasses(
      'review-back',
      2,
      ['Build', 'Code review', 'Build', 'Code review', 'Deploy'],
      60,
      60,
      1000,
    ),
    ...routePasses(
      'deploy-back',
      2,
      ['Build', 'Code review', 'Deploy', 'Build', 'Code review', 'Deploy'],
      60,
      60,
      2000,
    ),
  ];
}

/** A large log for the benchmark: `events` rows over five stages with some rework. */
export function largeEventsCsv(events: number): string {
  const lines = ['item,stage,entered,exited,active_minutes'];
  const stages = ['Build', 'Code review', 'Deploy'];
  let item = 0;
  let n = 0;
  while (n < events) {
    const route = item % 7 === 0 ? [...stages, 'Build', 'Code review', 'Deploy'] : stages;
    let at = item * 17;
    for (const stage of route) {
      if (n >= events) break;
      const minutes = 30 + ((item * 31 + n * 7) % 600);
      lines.push(`ITEM-${item},${stage},${iso(at)},${iso(at + minutes)},${minutes >> 2}`);
      at += minutes + 5;
      n++;
    }
    item++;
  }
  return `${lines.join('\n')}\n`;
}
