import { type FlowMap, softwareDeliveryTemplate } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { captureIO } from './io.testkit.ts';
import { runCli } from './main.ts';

/** The template with the kaizen's effect entered: manual tests from 5d to 1d. */
function plannedMap(): FlowMap {
  const map = softwareDeliveryTemplate();
  const state = map.states.current as FlowMap['states'][string];
  const kaizen = state.nodes['kaizen-automate-regression'];
  if (!kaizen) throw new Error('the template has no kaizen');
  kaizen.effectElapsedMinutes = 480;
  return map;
}

/** … and a three-point range on security review (likely 10d, 5d to 30d). */
function uncertainMap(): FlowMap {
  const map = plannedMap();
  const review = map.states.current?.nodes['security-review'];
  if (!review) throw new Error('the template has no security review');
  review.elapsedLowMinutes = 2400;
  review.elapsedHighMinutes = 14_400;
  return map;
}

async function simulate(map: FlowMap, ...args: string[]) {
  const c = captureIO({ 'map.json': JSON.stringify(map) });
  const code = await runCli(['simulate', 'map.json', ...args], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('flowmap simulate', () => {
  it('prints per state the lead-time percentiles, the projection and each kaizen alone', async () => {
    const { code, stdout, stderr } = await simulate(plannedMap(), '--json', '--trials', '500');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ trials: 500, seed: 1 });
    const [s] = result.states;
    // No ranges, rates or shares: every trial takes the template's 10,680 minutes.
    expect(s).toMatchObject({
      id: 'current',
      kind: 'current',
      leadTimeMinutes: { mean: 10680, p50: 10680, p85: 10680, p95: 10680 },
      histogram: { fromMinutes: 10680, toMinutes: 10680, counts: [500] },
      expectedLeadTimeMinutes: 10680,
      errors: [],
    });
    expect(s.projected).toMatchObject({
      leadTimeMinutes: { p85: 10680 - 1920 },
      expectedLeadTimeMinutes: 10680 - 1920,
      stageIds: ['manual-tests'],
    });
    expect(s.kaizenEffects).toEqual([
      {
        kaizenId: 'kaizen-automate-regression',
        name: 'Automate the regression suite',
        stageIds: ['manual-tests'],
        expectedChangeMinutes: -1920,
        p85ChangeMinutes: -1920,
        text: 'Automate the regression suite: \u22124d expected, \u22124d at p85',
      },
    ]);
  });

  it('gives the same numbers for the same seed, other numbers for another', async () => {
    const first = await simulate(uncertainMap(), '--json', '--trials', '2000', '--seed', '7');
    const again = await simulate(uncertainMap(), '--json', '--trials', '2000', '--seed', '7');
    const other = await simulate(uncertainMap(), '--json', '--trials', '2000', '--seed', '8');
    expect(again.stdout).toBe(first.stdout);
    const [a] = JSON.parse(first.stdout).states;
    const [b] = JSON.parse(other.stdout).states;
    expect(a.leadTimeMinutes.mean).not.toBe(b.leadTimeMinutes.mean);
    // Security review ~ triangular(5d, 10d, 30d): mean 15d, 5d above its likely value.
    expect(Math.abs(a.leadTimeMinutes.mean - (10680 + 2400)) / 2400).toBeLessThan(0.1);
    expect(a.leadTimeMinutes.p50).toBeLessThan(a.leadTimeMinutes.p85);
    expect(a.leadTimeMinutes.p85).toBeLessThan(a.leadTimeMinutes.p95);
    expect(a.histogram.counts.reduce((x: number, y: number) => x + y, 0)).toBe(2000);
  });

  it('prints a readable table with the sentence, the distribution and the kaizens', async () => {
    const { code, stdout } = await simulate(uncertainMap(), '--trials', '1000', '--seed', '3');
    expect(code).toBe(0);
    expect(stdout).toContain('1,000 trials, seed 3');
    expect(stdout).toContain('Current state (current)');
    expect(stdout).toMatch(/Lead time\s+85% of items within \d+w( \d+d)?/);
    expect(stdout).toMatch(/p50 \/ p85 \/ p95\s+\S+/);
    expect(stdout).toMatch(/Distribution\s+\d+w( \d+d)? [ ▁▂▃▄▅▆▇█]{24} \d+w/);
    expect(stdout).toContain('1. Automate the regression suite: \u22124d expected');
  });

  it('forecasts only the state named by --state (id or name), and refuses an unknown one', async () => {
    const map = plannedMap();
    const current = map.states.current as FlowMap['states'][string];
    map.states.future = { ...current, id: 'future', name: 'Future state', kind: 'future' };
    const both = JSON.parse((await simulate(map, '--json', '--trials', '10')).stdout);
    expect(both.states.map((s: { id: string }) => s.id)).toEqual(['current', 'future']);
    const one = await simulate(map, '--json', '--trials', '10', '--state', 'Future state');
    expect(JSON.parse(one.stdout).states.map((s: { id: string }) => s.id)).toEqual(['future']);
    const none = await simulate(map, '--state', 'nope');
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no state “nope” in this map');
  });

  it('exits 2 with a clear message for bad trials or seeds, before reading the file', async () => {
    for (const [args, message] of [
      [['--trials', '0'], '--trials must be a whole number from 1 to 1,000,000, got “0”'],
      [['--trials', '2.5'], '--trials must be a whole number'],
      [['--trials', '10000000'], '--trials must be a whole number'],
      [['--seed=-1'], '--seed must be a whole number from 0 to 4294967295, got “-1”'],
      [['--seed', 'abc'], '--seed must be a whole number'],
    ] as const) {
      const c = captureIO();
      expect(await runCli(['simulate', 'missing.json', ...args], c.io)).toBe(2);
      expect(c.stdout()).toBe('');
      expect(c.stderr()).toContain(message);
    }
    const stray = captureIO();
    expect(await runCli(['simulate', 'map.json', '--strict'], stray.io)).toBe(2);
    expect(stray.stderr()).toContain('simulate does not take --strict');
  });

  it('exits 1 and says why a state with a flow cycle has no forecast', async () => {
    const map = plannedMap();
    const state = map.states.current as FlowMap['states'][string];
    state.edges.back = { id: 'back', source: 'release', target: 'auto-tests', kind: 'flow' };
    const { code, stdout } = await simulate(map, '--json', '--trials', '10');
    expect(code).toBe(1);
    const [s] = JSON.parse(stdout).states;
    expect(s.leadTimeMinutes).toBeNull();
    expect(s.kaizenEffects).toEqual([]);
    expect(s.errors[0]).toMatch(/cycle/);
  });
});
