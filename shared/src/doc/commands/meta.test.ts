import { describe, expect, it } from 'vitest';
import { DEFAULT_META } from '../../model/types.ts';
import { expectRefused, freshMap, paths, readClean } from '../test-helpers.ts';
import { updateMeta } from './meta.ts';

describe('updateMeta', () => {
  it('changes the given settings and keeps the others', () => {
    const { doc } = freshMap('Before');
    updateMeta(doc, { title: 'After', hoursPerDay: 7.5, bottleneckCount: 5, description: 'Q3' });
    expect(readClean(doc).meta).toEqual({
      ...DEFAULT_META,
      title: 'After',
      description: 'Q3',
      hoursPerDay: 7.5,
      bottleneckCount: 5,
    });
  });

  it.each([
    ['the schema version', { schemaVersion: 2 } as never, 'schemaVersion'],
    ['25 hours a day', { hoursPerDay: 25 }, 'hoursPerDay'],
    ['0 days a week', { daysPerWeek: 0 }, 'daysPerWeek'],
    ['a threshold of 150 %', { lowPctCAThreshold: 150 }, 'lowPctCAThreshold'],
    ['a fractional bottleneck count', { bottleneckCount: 2.5 }, 'bottleneckCount'],
    ['clearing the title', { title: undefined } as never, 'title'],
    ['an unknown setting', { theme: 'dark' } as never, 'theme'],
  ])('refuses %s, writing nothing', (_, patch, field) => {
    const { doc } = freshMap();
    expect(paths(expectRefused(doc, () => updateMeta(doc, patch)))).toEqual([field]);
  });
});
