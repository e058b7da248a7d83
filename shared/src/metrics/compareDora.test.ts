import { describe, expect, it } from 'vitest';
import { compareDora } from './compareDora.ts';
import { classifyDora } from './dora.ts';
import { DAY, HOUR, WEEK } from './testing.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };

describe('compareDora', () => {
  it('gives each key metric before → after with its level move and value change', () => {
    const before = classifyDora(
      { deploymentsPerWeek: 0.5, changeFailureRate: 0.15, timeToRestoreMinutes: 12 * HOUR },
      5 * WEEK,
      WT,
    );
    const after = classifyDora(
      { deploymentsPerWeek: 10, changeFailureRate: 0.3, timeToRestoreMinutes: 12 * HOUR },
      3 * DAY,
      WT,
    );
    const changes = compareDora(before, after);
    expect(changes.map((c) => c.key)).toEqual([
      'deploymentFrequency',
      'leadTimeForChanges',
      'changeFailureRate',
      'timeToRestore',
    ]);
    const [deploys, lead, failures, restore] = changes;
    expect(deploys).toMatchObject({
      label: 'Deployment frequency',
      better: 'higher',
      levelSteps: 2, // medium → elite
      relativeChange: 19,
      improved: true,
    });
    expect(deploys?.before.level).toBe('medium');
    expect(deploys?.after.level).toBe('elite');
    expect(lead).toMatchObject({ better: 'lower', levelSteps: 2, improved: true }); // low → high
    expect(lead?.relativeChange).toBeCloseTo(-0.88, 12);
    expect(failures).toMatchObject({ levelSteps: -1, improved: false }); // high → medium
    expect(failures?.relativeChange).toBeCloseTo(1, 12);
    expect(restore).toMatchObject({ levelSteps: 0, relativeChange: 0, improved: false });
  });

  it('leaves the change unknown when a side has no value', () => {
    const before = classifyDora({}, 0, WT);
    const after = classifyDora({ deploymentsPerWeek: 0, changeFailureRate: 0 }, DAY, WT);
    const [deploys, lead, failures] = compareDora(before, after);
    expect(deploys).toMatchObject({ levelSteps: null, relativeChange: null, improved: null });
    expect(lead).toMatchObject({ levelSteps: null, improved: null });
    expect(compareDora(after, after)[0]).toMatchObject({
      levelSteps: 0,
      relativeChange: null, // from zero
      improved: false,
    });
    expect(failures?.after.level).toBe('elite');
  });
});
