import type { MapNode } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { readDuration, readNumber, showDuration, showNumber } from './fieldInput.ts';
import { nodeFieldPatch, showNodeField } from './nodeFields.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };

function makeStage(overrides: Partial<MapNode> = {}): MapNode {
  return {
    id: 'n1',
    type: 'stage',
    x: 0,
    y: 0,
    name: 'Manual tests',
    elapsedMinutes: 2 * 480,
    valueAddMinutes: 60,
    pctCA: 70,
    ...overrides,
  };
}

describe('readDuration', () => {
  it('reads working-time units with the map working day', () => {
    expect(readDuration('2d 4h', WT)).toEqual({ ok: true, value: 1200 });
    expect(readDuration('45m', WT)).toEqual({ ok: true, value: 45 });
    expect(readDuration('1.5w', WT)).toEqual({ ok: true, value: 3600 });
    expect(readDuration('90', WT)).toEqual({ ok: true, value: 90 });
    expect(readDuration('1d', { hoursPerDay: 6, daysPerWeek: 4 })).toEqual({
      ok: true,
      value: 360,
    });
  });

  it('clears on empty input and explains bad input', () => {
    expect(readDuration('  ', WT)).toEqual({ ok: true, value: undefined });
    expect(readDuration('-3h', WT)).toEqual({ ok: false, error: 'A duration cannot be negative' });
    expect(readDuration('3 parsecs', WT)).toEqual({
      ok: false,
      error: 'Unknown unit “parsecs”: use m, h, d or w',
    });
  });
});

describe('readNumber', () => {
  it('accepts decimals, a trailing % and a decimal comma', () => {
    expect(readNumber('85')).toEqual({ ok: true, value: 85 });
    expect(readNumber('85 %')).toEqual({ ok: true, value: 85 });
    expect(readNumber('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(readNumber('-4')).toEqual({ ok: true, value: -4 });
  });

  it('refuses what people do not mean as a number', () => {
    expect(readNumber('1e3', 'a number from 0 to 100')).toEqual({
      ok: false,
      error: 'must be a number from 0 to 100',
    });
    expect(readNumber('Infinity').ok).toBe(false);
    expect(readNumber('0x10').ok).toBe(false);
  });
});

describe('nodeFieldPatch', () => {
  it('turns a duration into minutes for the patch', () => {
    expect(nodeFieldPatch('elapsedMinutes', '2d 4h', makeStage(), WT)).toEqual({
      ok: true,
      patch: { elapsedMinutes: 1200 },
    });
  });

  it('refuses value-add time above the elapsed time of the current node', () => {
    expect(nodeFieldPatch('valueAddMinutes', '3d', makeStage(), WT)).toEqual({
      ok: false,
      error: 'value-add time cannot exceed elapsed time',
    });
  });

  it('refuses an elapsed time below the current value-add time', () => {
    expect(nodeFieldPatch('elapsedMinutes', '30m', makeStage({ valueAddMinutes: 60 }), WT)).toEqual(
      { ok: false, error: 'elapsed time cannot be less than value-add time' },
    );
  });

  it('refuses negative durations with the parser message', () => {
    expect(nodeFieldPatch('valueAddMinutes', '-5', makeStage(), WT)).toEqual({
      ok: false,
      error: 'A duration cannot be negative',
    });
  });

  it('refuses %C/A outside 0–100 and non-numbers', () => {
    expect(nodeFieldPatch('pctCA', '120', makeStage(), WT)).toEqual({
      ok: false,
      error: 'must be 0–100',
    });
    expect(nodeFieldPatch('pctCA', '-1', makeStage(), WT)).toEqual({
      ok: false,
      error: 'must be 0–100',
    });
    expect(nodeFieldPatch('pctCA', 'most', makeStage(), WT)).toEqual({
      ok: false,
      error: 'must be a number from 0 to 100',
    });
    expect(nodeFieldPatch('pctCA', '85%', makeStage(), WT)).toEqual({
      ok: true,
      patch: { pctCA: 85 },
    });
  });

  it('clears optional fields on empty input, so PT may be cleared above nothing', () => {
    expect(nodeFieldPatch('team', '', makeStage({ team: 'QA' }), WT)).toEqual({
      ok: true,
      patch: { team: undefined },
    });
    expect(nodeFieldPatch('elapsedMinutes', '', makeStage(), WT)).toEqual({
      ok: true,
      patch: { elapsedMinutes: undefined },
    });
    expect(nodeFieldPatch('pctCA', ' ', makeStage(), WT)).toEqual({
      ok: true,
      patch: { pctCA: undefined },
    });
    expect(nodeFieldPatch('notes', '   ', makeStage({ notes: 'x' }), WT)).toEqual({
      ok: true,
      patch: { notes: undefined },
    });
  });

  it('keeps the required name, trimmed, and never clears it', () => {
    expect(nodeFieldPatch('name', '  Security review ', makeStage(), WT)).toEqual({
      ok: true,
      patch: { name: 'Security review' },
    });
    expect(nodeFieldPatch('name', '', makeStage(), WT)).toEqual({ ok: true, patch: { name: '' } });
    expect(nodeFieldPatch('name', 'x'.repeat(201), makeStage(), WT)).toEqual({
      ok: false,
      error: 'must be at most 200 characters',
    });
  });

  it('allows a value-add time when the elapsed time is missing', () => {
    const node = makeStage();
    delete node.elapsedMinutes;
    expect(nodeFieldPatch('valueAddMinutes', '1w', node, WT)).toEqual({
      ok: true,
      patch: { valueAddMinutes: 2400 },
    });
  });
});

describe('showing stored values', () => {
  it('formats durations with the map working time, and round-trips them', () => {
    const node = makeStage({ elapsedMinutes: 1200, valueAddMinutes: 45 });
    expect(showNodeField('elapsedMinutes', node, WT)).toBe('2d 4h');
    expect(showNodeField('valueAddMinutes', node, WT)).toBe('45m');
    expect(showNodeField('elapsedMinutes', node, { hoursPerDay: 10, daysPerWeek: 5 })).toBe('2d');
    expect(readDuration(showDuration(12345, WT), WT)).toEqual({ ok: true, value: 12345 });
  });

  it('shows missing or invalid values as empty', () => {
    expect(showNodeField('team', makeStage(), WT)).toBe('');
    expect(showDuration(undefined, WT)).toBe('');
    expect(showDuration(-5, WT)).toBe('');
    expect(showNumber(Number.NaN)).toBe('');
    expect(showNumber(0.1 + 0.2)).toBe('0.3');
  });
});

describe('model v2 fields', () => {
  it('reads durations, counts, text and dates with the field rules of an import', () => {
    const node = makeStage({ elapsedMinutes: 480 });
    expect(nodeFieldPatch('elapsedHighMinutes', '2d', node, WT)).toEqual({
      ok: true,
      patch: { elapsedHighMinutes: 960 },
    });
    expect(nodeFieldPatch('waitMinutes', '1w', node, WT)).toEqual({
      ok: true,
      patch: { waitMinutes: 2400 },
    });
    expect(nodeFieldPatch('people', '2', node, WT)).toEqual({ ok: true, patch: { people: 2 } });
    expect(nodeFieldPatch('batchSize', '0', node, WT)).toEqual({
      ok: false,
      error: 'must be at least 1',
    });
    expect(nodeFieldPatch('ratedBy', '  Security  ', node, WT)).toEqual({
      ok: true,
      patch: { ratedBy: 'Security' },
    });
    expect(nodeFieldPatch('dueDate', '2027-02-30', node, WT)).toEqual({
      ok: false,
      error: 'is not a calendar date',
    });
    expect(nodeFieldPatch('effectPctCA', '', node, WT)).toEqual({
      ok: true,
      patch: { effectPctCA: undefined },
    });
  });

  it('shows them as typed', () => {
    const node = makeStage({ elapsedLowMinutes: 60, people: 1.5, owner: 'Ops' });
    expect(showNodeField('elapsedLowMinutes', node, WT)).toBe('1h');
    expect(showNodeField('people', node, WT)).toBe('1.5');
    expect(showNodeField('owner', node, WT)).toBe('Ops');
    expect(showNodeField('items', node, WT)).toBe('');
  });
});
