import { describe, expect, it } from 'vitest';
import { compareDora } from './compareDora.ts';
import { doraRow } from './compareDoraFormat.ts';
import { classifyDora } from './dora.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };

describe('doraRow', () => {
  it('reads each key metric before → after with its level move', () => {
    const before = classifyDora(
      { deploymentsPerWeek: 0.5, changeFailureRate: 0.15, timeToRestoreMinutes: 720 },
      10_680,
      WT,
    );
    const after = classifyDora(
      { deploymentsPerWeek: 1, changeFailureRate: 0.25, timeToRestoreMinutes: 720 },
      6_360,
      WT,
    );
    const rows = compareDora(before, after).map(doraRow);
    expect(rows).toEqual([
      {
        key: 'deploymentFrequency',
        label: 'Deployment frequency',
        before: '2.2 per month',
        after: '1 per week',
        beforeLevel: 'medium',
        afterLevel: 'high',
        levelMove: '+1 level',
        relative: '+100%',
        tone: 'better',
        arrow: '↑',
      },
      {
        key: 'leadTimeForChanges',
        label: 'Lead time for changes',
        before: '4w 2d 2h',
        after: '2w 3d 2h',
        beforeLevel: 'low',
        afterLevel: 'medium',
        levelMove: '+1 level',
        relative: '−40%',
        tone: 'better',
        arrow: '↓',
      },
      {
        key: 'changeFailureRate',
        label: 'Change failure rate',
        before: '15%',
        after: '25%',
        beforeLevel: 'high',
        afterLevel: 'medium',
        levelMove: '−1 level',
        relative: '+67%',
        tone: 'worse',
        arrow: '↑',
      },
      {
        key: 'timeToRestore',
        label: 'Time to restore service',
        before: '1d 4h',
        after: '1d 4h',
        beforeLevel: 'medium',
        afterLevel: 'medium',
        levelMove: 'same level',
        relative: '',
        tone: 'same',
        arrow: '',
      },
    ]);
  });

  it('colours a change within a level by the value, and an unknown side neutral', () => {
    const before = classifyDora({ deploymentsPerWeek: 2, changeFailureRate: 0.1 }, 0, WT);
    const after = classifyDora({ deploymentsPerWeek: 3 }, 0, WT);
    const [deploys, lead, failures] = compareDora(before, after).map(doraRow);
    expect(deploys).toMatchObject({ levelMove: 'same level', relative: '+50%', tone: 'better' });
    expect(lead).toMatchObject({ before: '—', after: '—', levelMove: '', tone: 'neutral' });
    expect(failures).toMatchObject({ before: '10%', after: '—', tone: 'neutral', arrow: '' });
  });
});
