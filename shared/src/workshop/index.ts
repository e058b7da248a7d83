// `@flowmap/shared/workshop`: the facilitated workshop's pure domain (no Yjs): agenda, timer
// arithmetic, estimation statistics, dot-vote ranking and the action plan rows.
export * from './agenda.ts';
export * from './estimation.ts';
export * from './fields.ts';
export * from './plan.ts';
export * from './summary.ts';
export * from './timer.ts';
export * from './types.ts';
export * from './voting.ts';
