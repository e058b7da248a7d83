import { describe, expect, it } from 'vitest';
import { connectTargets } from './connectTargets.ts';
import { flow, makeNode, makeState } from './test-helpers.ts';

const state = makeState(
  [
    makeNode('build', 'stage', { name: 'Build', x: 0 }),
    makeNode('test', 'stage', { name: 'Automated tests', x: 300 }),
    makeNode('rel', 'stage', { name: 'Release to production', x: 600 }),
    makeNode('pre', 'stage', { name: 'Prerelease checks', x: 450 }),
    makeNode('end', 'end', { name: 'Customer', x: 900 }),
    makeNode('note', 'note', { name: 'Release notes', x: 0 }),
    makeNode('kz', 'kaizen', { name: 'Automate the release', x: 0 }),
  ],
  [flow('build', 'test'), { id: 'k', source: 'kz', target: 'rel', kind: 'flow' }],
);
const names = (source: string, query: string) =>
  connectTargets(state, source, query).map((t) => t.name);

describe('connectTargets', () => {
  it('offers every pipeline node but itself and those it already flows to, left to right', () => {
    expect(names('build', '')).toEqual(['Prerelease checks', 'Release to production', 'Customer']);
  });

  it('filters by what was typed, names starting with it first, case-insensitively', () => {
    expect(names('build', 'rel')).toEqual(['Release to production', 'Prerelease checks']);
    expect(names('build', 'TESTS')).toEqual([]);
    expect(names('test', 'tests')).toEqual([]);
    expect(names('rel', 'tests')).toEqual(['Automated tests']);
    expect(names('build', 'zzz')).toEqual([]);
  });

  it('never offers notes or kaizen bursts as targets, and a note has no targets', () => {
    expect(names('build', 'notes')).toEqual([]);
    expect(names('build', 'automate')).toEqual([]);
    expect(names('note', '')).toEqual([]);
  });

  it('lets a kaizen burst link to a step it does not improve yet', () => {
    expect(names('kz', 'rel')).toEqual(['Prerelease checks']);
  });
});
