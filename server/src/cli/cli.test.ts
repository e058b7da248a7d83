import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { softwareDeliveryTemplate } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { captureIO } from './io.testkit.ts';
import { runCli } from './main.ts';

function cyclicMap() {
  const map = softwareDeliveryTemplate();
  const state = map.states.current;
  if (!state) throw new Error('template has no current state');
  state.edges.back = { id: 'back', source: 'release', target: 'auto-tests', kind: 'flow' };
  return map;
}

describe('flowmap metrics', () => {
  it('prints the metrics of every state as JSON with fractions', async () => {
    const c = captureIO({ 'map.json': JSON.stringify(softwareDeliveryTemplate()) });
    expect(await runCli(['metrics', 'map.json', '--json'], c.io)).toBe(0);
    const { states } = JSON.parse(c.stdout());
    expect(states).toHaveLength(1);
    const [s] = states;
    expect(s).toMatchObject({ id: 'current', name: 'Current state', kind: 'current', errors: [] });
    // Hand-computed from the template: LT 2h+1d+5d+10d+5d+1d, PT 20m+45m+1d+4h+30m+2h.
    expect(s.totalLeadTimeMinutes).toBe(120 + 480 + 2400 + 4800 + 2400 + 480);
    expect(s.totalValueAddMinutes).toBe(20 + 45 + 480 + 240 + 30 + 120);
    expect(s.flowEfficiency).toBeCloseTo(935 / 10680, 10);
    expect(s.rolledPctCA).toBeCloseTo(0.95 * 0.9 * 0.7 * 0.8 * 0.95 * 0.85, 10);
    expect(s.criticalPath).toEqual([
      'start',
      'vcs',
      'auto-tests',
      'manual-tests',
      'security-review',
      'change-management',
      'release',
      'end',
    ]);
    expect(s.bottlenecks.map((b: { nodeId: string }) => b.nodeId)).toEqual([
      'security-review',
      'change-management',
      'manual-tests',
    ]);
    expect(s.bottlenecks[0]).toEqual({
      nodeId: 'security-review',
      name: 'Security review',
      kind: 'stage',
      waitingMinutes: 4560,
      // of the 10,680 − 935 = 9,745 minutes of waiting on the critical path
      waitingShare: Number((4560 / 9745).toPrecision(12)),
      reason: 'waits 1w 4d 4h of 2w (47% of all waiting)',
    });
    // Without rates or either/or routes the expected figures are the worst case.
    expect(s.expectedLeadTimeMinutes).toBe(s.totalLeadTimeMinutes);
    expect(s.expectedFlowEfficiency).toBe(s.flowEfficiency);
    expect(s).toMatchObject({
      disconnected: [],
      incomplete: [],
      problems: [],
      routeCount: 1,
      taktMinutes: null,
      utilisation: {},
      capacityBottlenecks: [],
    });
    // The template's kaizen (automate the regression suite) has no effect entered yet.
    expect(s.projected.totalLeadTimeMinutes).toBe(s.totalLeadTimeMinutes);
    // No binary float noise: 0.386631, not 0.3866309999999999.
    expect(c.stdout()).toContain('"rolledPctCA": 0.386631,');
    expect(c.stderr()).toBe('');
  });

  it('never leaves out what it did not count; --strict turns that into exit 1', async () => {
    const map = softwareDeliveryTemplate();
    const state = map.states.current as (typeof map.states)[string];
    state.nodes.stray = {
      id: 'stray',
      type: 'stage',
      x: 0,
      y: 900,
      name: 'Stray box',
      elapsedMinutes: 5000,
    };
    map.meta.demandPerDay = 2;
    const c = captureIO({ 'map.json': JSON.stringify(map) });
    expect(await runCli(['metrics', 'map.json', '--json'], c.io)).toBe(0);
    const [s] = JSON.parse(c.stdout()).states;
    expect(s.totalLeadTimeMinutes).toBe(10680);
    expect(s.disconnected).toEqual(['stray']);
    expect(s.incomplete).toEqual(['stray']);
    expect(s.taktMinutes).toBe(240);

    const table = captureIO({ 'map.json': JSON.stringify(map) });
    expect(await runCli(['metrics', 'map.json'], table.io)).toBe(0);
    expect(table.stdout()).toContain('Not connected (not counted): Stray box');
    expect(table.stdout()).toContain('Incomplete (missing values count as 0): Stray box');
    expect(table.stdout()).toContain('Takt             4h');

    const strict = captureIO({ 'map.json': JSON.stringify(map) });
    expect(await runCli(['metrics', 'map.json', '--strict'], strict.io)).toBe(1);
    const clean = captureIO({ 'map.json': JSON.stringify(softwareDeliveryTemplate()) });
    expect(await runCli(['metrics', 'map.json', '--json', '--strict'], clean.io)).toBe(0);
  });

  it('prints a readable table by default', async () => {
    const c = captureIO({ 'map.json': JSON.stringify(softwareDeliveryTemplate()) });
    expect(await runCli(['metrics', 'map.json'], c.io)).toBe(0);
    const table = c.stdout();
    expect(table).toContain('Current state (current)');
    expect(table).toMatch(/Total lead time\s+4w 2d 2h/);
    expect(table).toMatch(/Flow efficiency\s+8\.8%/);
    expect(table).toMatch(/1\. Security review\s+waits 1w 4d 4h of 2w/);
    expect(table).toContain('Manual tests  only 70% complete and accurate');
  });

  it('exits 1 and reports the cycle when a state has one', async () => {
    const c = captureIO({ 'map.json': JSON.stringify(cyclicMap()) });
    expect(await runCli(['metrics', 'map.json', '--json'], c.io)).toBe(1);
    const [s] = JSON.parse(c.stdout()).states;
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatch(/cycle: .*Automated tests.*Release to production/);
    expect(s.criticalPath).toEqual([]);
  });

  it('exits 2 with the validator messages on stderr and nothing on stdout for an invalid file', async () => {
    const map = softwareDeliveryTemplate() as unknown as { states: Record<string, any> };
    map.states.current.nodes.vcs.pctCA = 150;
    const c = captureIO({ 'bad.json': JSON.stringify(map), 'garbage.json': '{"meta": [' });
    expect(await runCli(['metrics', 'bad.json', '--json'], c.io)).toBe(2);
    expect(c.stdout()).toBe('');
    expect(c.stderr()).toContain('states.current.nodes.vcs.pctCA: must be 0–100');

    const g = captureIO({ 'garbage.json': '{"meta": [' });
    expect(await runCli(['metrics', 'garbage.json'], g.io)).toBe(2);
    expect(g.stdout()).toBe('');
    expect(g.stderr()).toMatch(/cannot read garbage.json: invalid JSON/);

    const missing = captureIO();
    expect(await runCli(['metrics', 'nope.json'], missing.io)).toBe(2);
    expect(missing.stderr()).toContain('cannot read nope.json: no such file');
  });

  it('refuses unknown commands and options with usage', async () => {
    const c = captureIO();
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
    expect(c.stderr()).toContain('unknown command “frobnicate”');
    const d = captureIO();
    expect(await runCli(['metrics', 'a.json', '--jsn'], d.io)).toBe(2);
    expect(d.stderr()).toContain('Usage: flowmap');
  });
});

describe('flowmap as a process', () => {
  const run = promisify(execFile);
  const bin = join(import.meta.dirname, '../../bin/flowmap.mjs');

  it('writes the template as valid JSON to stdout and reads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowmap-cli-'));
    const template = await run(process.execPath, [bin, 'template', '--title', 'Payments']);
    const parsed = JSON.parse(template.stdout);
    expect(parsed.meta.title).toBe('Payments');
    await writeFile(join(dir, 'map.json'), template.stdout);
    const metrics = await run(process.execPath, [bin, 'metrics', join(dir, 'map.json'), '--json']);
    expect(JSON.parse(metrics.stdout).states[0].totalLeadTimeMinutes).toBe(10680);

    await writeFile(join(dir, 'cyclic.json'), JSON.stringify(cyclicMap()));
    const failed = await run(process.execPath, [bin, 'metrics', join(dir, 'cyclic.json')]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(1);
  }, 30_000);
});
