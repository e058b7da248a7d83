import type { FlowMap } from '@flowmap/shared';
import { measureLogs } from '@flowmap/shared/testing';
import { describe, expect, it } from 'vitest';
import { captureIO } from './io.testkit.ts';
import { runCli } from './main.ts';

const { eventsCsv, iso, pipelineState, reworkPasses, routePasses } = measureLogs;

function mapFile(hoursPerDay = 24, daysPerWeek = 7): string {
  const map: FlowMap = {
    meta: {
      schemaVersion: 2,
      title: 'Payments',
      description: '',
      hoursPerDay,
      daysPerWeek,
      lowPctCAThreshold: 80,
      bottleneckCount: 3,
    },
    states: { current: pipelineState() },
  };
  return JSON.stringify(map);
}

const events = eventsCsv([...reworkPasses(), ...routePasses('t', 1, ['Triage'], 30, 60, 3000)]);
const deploys = [
  'deployed_at,failed,restored_at,committed_at',
  `${iso(0)},false,,${iso(-60)}`,
  `${iso(1440)},true,${iso(1440 + 240)},${iso(1440 - 120)}`,
  `${iso(2880)},false,,${iso(2880 - 30)}`,
  `${iso(4320)},false,,`,
].join('\n');

describe('flowmap measure', () => {
  it('prints the measured stages, the unmatched names and the four key metrics as JSON', async () => {
    const c = captureIO({ 'map.json': mapFile(), 'events.csv': events, 'deploys.csv': deploys });
    const code = await runCli(
      ['measure', 'events.csv', '--map', 'map.json', '--deployments', 'deploys.csv', '--json'],
      c.io,
    );
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(c.stdout());
    expect(Object.keys(out.stages).sort()).toEqual(['build', 'deploy', 'review']);
    expect(out.stages.build).toMatchObject({
      name: 'Build',
      passes: 14,
      items: 10,
      leadTimeMinutes: { p50: 60, p85: 60, mean: 60 },
      pctCA: Number(((100 * 10) / 14).toPrecision(12)),
      rework: [],
    });
    expect(out.stages.review.rework).toEqual([
      { from: 'review', to: 'build', rate: Number((2 / 14).toPrecision(12)) },
    ]);
    expect(out.stages.deploy.rework).toEqual([
      { from: 'deploy', to: 'build', rate: Number((2 / 12).toPrecision(12)) },
    ]);
    expect(out.stages.deploy.pctCA).toBe(100);
    expect(out.unmatchedStages).toEqual(['Triage']);
    expect(out.state).toBe('current');
    // 4 deployments over 3 days + 1 = 4 days; one failed, restored after 4 h; lead times 60,
    // 120 and 30 minutes: median 60.
    expect(out.dora).toMatchObject({
      deploymentsPerWeek: 7,
      changeFailureRate: 0.25,
      timeToRestoreMinutes: 240,
      leadTimeForChangesMinutes: 60,
    });
  });

  it('scales lead times to the map’s working time and says so in the table', async () => {
    const c = captureIO({ 'map.json': mapFile(8, 5), 'events.csv': events });
    expect(await runCli(['measure', 'events.csv', '--map', 'map.json', '--json'], c.io)).toBe(0);
    const out = JSON.parse(c.stdout());
    expect(out.stages.build.leadTimeMinutes.p50).toBeCloseTo((60 * 40) / 168, 9);
    expect(out.conversion).toEqual({
      hoursPerDay: 8,
      daysPerWeek: 5,
      share: Number((40 / 168).toPrecision(12)),
    });
    expect(out.dora).toBeNull();

    const table = captureIO({ 'map.json': mapFile(8, 5), 'events.csv': events, 'd.csv': deploys });
    expect(
      await runCli(
        ['measure', 'events.csv', '--map', 'map.json', '--deployments', 'd.csv'],
        table.io,
      ),
    ).toBe(0);
    const text = table.stdout();
    expect(text).toContain('calendar time × 8 h × 5 d / 168 h = × 0.238');
    expect(text).toMatch(
      /Build\s+14\s+10\s+14m\s+14m\s+14m\s+—\s+71.43%\s+—\n\s+Code review\s+14\s+10\s+.*85.71%\s+14% to Build\n\s+Deploy .*100%\s+17% to Build/,
    );
    expect(text).toContain('Not on the map (not counted): Triage');
    expect(text).toContain('Change failure rate     25%');
  });

  it('refuses a bad log with every problem and its row number, printing nothing', async () => {
    const bad =
      'item,stage,entered,exited\nA,Build,2026-03-02T10:00Z,2026-03-02T09:00Z\nB,Build,soon,2026-03-02T09:00Z\n';
    const c = captureIO({ 'map.json': mapFile(), 'events.csv': bad });
    expect(await runCli(['measure', 'events.csv', '--map', 'map.json', '--json'], c.io)).toBe(2);
    expect(c.stdout()).toBe('');
    expect(c.stderr()).toBe(
      'flowmap: events.csv is not a usable event log; nothing was measured:\n' +
        '  row 2: exited “2026-03-02T09:00Z” is before entered “2026-03-02T10:00Z”\n' +
        '  row 3: entered “soon” is not an ISO 8601 date-time (e.g. 2026-03-02T09:30:00Z)\n',
    );
  });

  it('needs --map, a known state and files that exist', async () => {
    const noMap = captureIO({ 'events.csv': events });
    expect(await runCli(['measure', 'events.csv'], noMap.io)).toBe(2);
    expect(noMap.stderr()).toContain('measure needs --map <map.json>');
    const state = captureIO({ 'map.json': mapFile(), 'events.csv': events });
    expect(
      await runCli(['measure', 'events.csv', '--map', 'map.json', '--state', 'later'], state.io),
    ).toBe(2);
    expect(state.stderr()).toContain('later');
    const missing = captureIO({ 'map.json': mapFile() });
    expect(await runCli(['measure', 'nope.csv', '--map', 'map.json'], missing.io)).toBe(2);
    expect(missing.stderr()).toBe('flowmap: cannot read nope.csv: no such file\n');
    const empty = captureIO({ 'map.json': mapFile(), 'e.csv': '' });
    expect(await runCli(['measure', 'e.csv', '--map', 'map.json'], empty.io)).toBe(2);
    expect(empty.stderr()).toContain('the event log holds no rows');
  });
});
