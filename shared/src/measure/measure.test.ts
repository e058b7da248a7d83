import { describe, expect, it } from 'vitest';
import { aggregateEvents } from './aggregate.ts';
import { aggregateDeployments } from './deployments.ts';
import { matchStages, stagesOf, unmatchedNames } from './matching.ts';
import { parseDeploymentLog, parseEventLog } from './parse.ts';
import {
  eventsCsv,
  iso,
  pipelineState,
  plateauPasses,
  reworkPasses,
  routePasses,
} from './testing.ts';
import type { EventRow } from './types.ts';

const ALWAYS = { hoursPerDay: 24, daysPerWeek: 7 }; // working share 1: calendar = working
const OFFICE = { hoursPerDay: 8, daysPerWeek: 5 }; // working share 40/168

function rows(text: string): EventRow[] {
  const read = parseEventLog(text);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.rows;
}

function measure(text: string, wt = ALWAYS) {
  const events = rows(text);
  const state = pipelineState();
  const mapping = matchStages([...new Set(events.map((e) => e.stage))], stagesOf(state));
  return aggregateEvents(events, state, wt, mapping);
}

describe('event log aggregation', () => {
  it('gives nearest-rank p50/p85 and the mean on plateaus, in working time', () => {
    const always = measure(eventsCsv(plateauPasses()));
    expect(always.stages.build?.leadTimeMinutes).toEqual({ p50: 60, p85: 120, mean: 135 });
    expect(always.stages.build).toMatchObject({ passes: 20, items: 20, pctCA: 100, rework: [] });
    const office = measure(eventsCsv(plateauPasses()), OFFICE);
    const share = 40 / 168;
    expect(office.conversion).toEqual({ hoursPerDay: 8, daysPerWeek: 5, share });
    expect(office.stages.build?.leadTimeMinutes.p50).toBeCloseTo(60 * share, 9);
    expect(office.stages.build?.leadTimeMinutes.p85).toBeCloseTo(120 * share, 9);
    expect(office.stages.build?.leadTimeMinutes.mean).toBeCloseTo(135 * share, 9);
  });

  it('measures %C/A and rework rates from back-moves, a later stage sending back two stages', () => {
    const m = measure(eventsCsv(reworkPasses()));
    expect(m.items).toBe(10);
    expect(m.stages.build).toMatchObject({ passes: 14, items: 10, rework: [] });
    expect(m.stages.review).toMatchObject({
      passes: 14,
      items: 10,
      rework: [{ from: 'review', to: 'build', rate: 2 / 14 }],
    });
    expect(m.stages.deploy).toMatchObject({
      passes: 12,
      rework: [{ from: 'deploy', to: 'build', rate: 2 / 12 }],
    });
    // Review → Build counts against Build only; Deploy → Build against Build and Review.
    expect(m.stages.build?.pctCA).toBeCloseTo((100 * 10) / 14, 9);
    expect(m.stages.review?.pctCA).toBeCloseTo((100 * 12) / 14, 9);
    expect(m.stages.deploy?.pctCA).toBe(100);
  });

  it('does not count a move between parallel branches as rework', () => {
    const state = pipelineState();
    // build → review and build → deploy side by side: review and deploy share a depth.
    state.edges = {
      a: { id: 'a', source: 'start', target: 'build', kind: 'flow' },
      b: { id: 'b', source: 'build', target: 'review', kind: 'flow' },
      c: { id: 'c', source: 'build', target: 'deploy', kind: 'flow' },
    };
    const events = rows(eventsCsv(routePasses('x', 3, ['Build', 'Deploy', 'Code review'], 30)));
    const m = aggregateEvents(
      events,
      state,
      ALWAYS,
      matchStages(['Build', 'Deploy', 'Code review'], stagesOf(state)),
    );
    expect(m.stages.deploy).toMatchObject({ pctCA: 100, rework: [] });
    expect(m.stages.build?.pctCA).toBe(100);
  });

  it('matches stage names ignoring case and spaces, lists the unmatched and counts them for nothing', () => {
    const passes = [
      ...routePasses('a', 2, ['  build', 'CODE   Review', 'Triage'], 60),
      ...routePasses('b', 1, ['codereview'], 60, 60, 500),
    ];
    const m = measure(eventsCsv(passes));
    expect(m.unmatchedStages).toEqual(['Triage']);
    expect(m.stages.review).toMatchObject({ passes: 3, items: 3 });
    expect(m.stages.build).toMatchObject({ passes: 2, items: 2 });
    expect(Object.keys(m.stages).sort()).toEqual(['build', 'review']);
    expect(m.items).toBe(3);
  });

  it('keeps a remembered mapping and lets a person unmap or remap a name', () => {
    const stages = stagesOf(pipelineState());
    const mapping = matchStages(['Build', 'QA', 'Ship'], stages, {
      QA: 'review',
      Build: null,
      Ship: 'gone',
    });
    expect(mapping).toEqual({ Build: null, QA: 'review', Ship: null });
    expect(unmatchedNames(mapping)).toEqual(['Build', 'Ship']);
  });

  it('gives PT from active minutes, throughput per week and Little’s-law WIP over the period', () => {
    // Four passes of one day in a period of exactly 14 days (the last pass ends on day 14).
    const day = 24 * 60;
    const text = [
      'item,stage,entered,exited,active_minutes',
      `A,Build,${iso(0)},${iso(day)},100`,
      `B,Build,${iso(3 * day)},${iso(4 * day)},200`,
      `C,Build,${iso(7 * day)},${iso(8 * day)},`,
      `D,Build,${iso(13 * day)},${iso(14 * day)},300`,
    ].join('\n');
    const m = measure(text);
    expect(m.period).toEqual({ from: iso(0), to: iso(14 * day) });
    expect(m.stages.build?.processTimeMinutes).toBe(200);
    expect(m.stages.build?.throughputPerWeek).toBeCloseTo(2, 9);
    expect(m.stages.build?.wip).toBeCloseTo(4 / 14, 9);
    expect(measure(eventsCsv(plateauPasses())).stages.build?.processTimeMinutes).toBeNull();
  });
});

describe('reading logs', () => {
  it('reads CSV with a BOM, CRLF, quoted cells, column names in any case, and a JSON array', () => {
    const csv = `\ufeffItem, Stage ,ENTERED,exited\r\n"PAY-1, part 2",Build,2026-03-02T09:00:00Z,2026-03-02T10:30:00+00:00\r\n\r\nPAY-2,"Code review",2026-03-02T09:00,2026-03-02 12:00:00.5Z\r\n`;
    const read = parseEventLog(csv);
    expect(read).toEqual({
      ok: true,
      rows: [
        {
          item: 'PAY-1, part 2',
          stage: 'Build',
          entered: Date.UTC(2026, 2, 2, 9),
          exited: Date.UTC(2026, 2, 2, 10, 30),
          row: 2,
        },
        {
          item: 'PAY-2',
          stage: 'Code review',
          entered: Date.UTC(2026, 2, 2, 9),
          exited: Date.UTC(2026, 2, 2, 12, 0, 0, 500),
          row: 4,
        },
      ],
    });
    const json = JSON.stringify([
      {
        item: 7,
        stage: 'Build',
        entered: '2026-03-02T09:00:00+01:00',
        exited: '2026-03-02T09:00:00Z',
        active_minutes: 30,
      },
    ]);
    expect(parseEventLog(json)).toEqual({
      ok: true,
      rows: [
        {
          item: '7',
          stage: 'Build',
          entered: Date.UTC(2026, 2, 2, 8),
          exited: Date.UTC(2026, 2, 2, 9),
          activeMinutes: 30,
          row: 1,
        },
      ],
    });
  });

  const header = 'item,stage,entered,exited';
  it.each([
    ['an empty file', '', [{ row: 0, message: 'the event log holds no rows' }]],
    [
      'a header without rows',
      `${header}\n\n`,
      [{ row: 0, message: 'the event log holds no rows' }],
    ],
    [
      'an unparseable date',
      `${header}\nA,Build,2026-03-02T09:00Z,2026-03-02T10:00Z\nB,Build,03/02/2026,2026-02-30T10:00Z`,
      [
        {
          row: 3,
          message: 'entered “03/02/2026” is not an ISO 8601 date-time (e.g. 2026-03-02T09:30:00Z)',
        },
        {
          row: 3,
          message:
            'exited “2026-02-30T10:00Z” is not an ISO 8601 date-time (e.g. 2026-03-02T09:30:00Z)',
        },
      ],
    ],
    [
      'exited before entered',
      `${header}\nA,Build,2026-03-02T09:00Z,2026-03-02T08:59Z`,
      [{ row: 2, message: 'exited “2026-03-02T08:59Z” is before entered “2026-03-02T09:00Z”' }],
    ],
    [
      'an unknown column',
      `${header},assignee\nA,Build,2026-03-02T09:00Z,2026-03-02T10:00Z,kim`,
      [
        {
          row: 1,
          message:
            'unknown column “assignee” (expected item, stage, entered, exited, active_minutes)',
        },
      ],
    ],
    [
      'a missing column',
      'item,stage,entered\nA,Build,2026-03-02T09:00Z',
      [{ row: 1, message: 'missing column “exited”' }],
    ],
    [
      'a row of the wrong width and an empty item',
      `${header}\nA,Build,2026-03-02T09:00Z\n,Build,2026-03-02T09:00Z,2026-03-02T10:00Z`,
      [
        { row: 2, message: 'has 3 cells, the header has 4 columns' },
        { row: 3, message: 'item is empty' },
      ],
    ],
    [
      'active minutes that are not minutes or more than the pass took',
      `${header},active_minutes\nA,Build,2026-03-02T09:00Z,2026-03-02T10:00Z,-5\nB,Build,2026-03-02T09:00Z,2026-03-02T10:00Z,61`,
      [
        { row: 2, message: 'active_minutes “-5” must be a number of minutes, 0 or more' },
        {
          row: 3,
          message: 'active_minutes “61” is more than the 60 minutes between entered and exited',
        },
      ],
    ],
    [
      'JSON that is not an array',
      '{"item":"A"}',
      [{ row: 0, message: 'a JSON log must be an array of rows' }],
    ],
    [
      'a JSON row with an unknown key',
      '[{"item":"A","stage":"B","entered":"2026-03-02","exited":"2026-03-03","who":"x"}]',
      [
        {
          row: 1,
          message: 'unknown column “who” (expected item, stage, entered, exited, active_minutes)',
        },
      ],
    ],
  ])('refuses %s whole, with the row number', (_what, text, problems) => {
    expect(parseEventLog(text)).toEqual({ ok: false, problems });
  });

  it('imports nothing from a file with one bad row among many good ones', () => {
    const good = eventsCsv(plateauPasses()).trimEnd();
    const read = parseEventLog(`${good}\nX,Build,2026-03-02T09:00Z,yesterday\n`);
    expect(read.ok).toBe(false);
    expect('rows' in read).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.row)).toEqual([22]);
  });

  it('lists at most 50 problems and says how many more there are', () => {
    const bad = Array.from({ length: 60 }, (_, i) => `I${i},Build,nope,2026-03-02T10:00Z`);
    const read = parseEventLog([header, ...bad].join('\n'));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems).toHaveLength(51);
      expect(read.problems[50]).toEqual({ row: 0, message: '… and 10 more problems' });
    }
  });
});

describe('deployment log', () => {
  const header = 'deployed_at,failed,restored_at,committed_at';
  // 14 daily deployments at 10:00 for two weeks; 3 failed: restored after 60 and 180 minutes,
  // one never restored; 3 with a commit time 30, 90 and 600 minutes before.
  const lines = Array.from({ length: 14 }, (_, d) => {
    const at = d * 24 * 60 + 60;
    const failed = d === 2 || d === 5 || d === 9;
    const restored = d === 2 ? iso(at + 60) : d === 5 ? iso(at + 180) : '';
    const committed =
      d === 0 ? iso(at - 30) : d === 1 ? iso(at - 90) : d === 3 ? iso(at - 600) : '';
    return `${iso(at)},${failed ? 'TRUE' : 'false'},${restored},${committed}`;
  });

  it('gives the four key metrics measured, durations in working time', () => {
    const read = parseDeploymentLog([header, ...lines].join('\n'));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const always = aggregateDeployments(read.rows, ALWAYS);
    expect(always).toEqual({
      deployments: 14,
      period: { from: iso(60), to: iso(13 * 24 * 60 + 60) },
      deploymentsPerWeek: 7,
      changeFailureRate: 3 / 14,
      timeToRestoreMinutes: 120,
      leadTimeForChangesMinutes: 90,
    });
    const office = aggregateDeployments(read.rows, OFFICE);
    expect(office.timeToRestoreMinutes).toBeCloseTo((120 * 40) / 168, 9);
    expect(office.leadTimeForChangesMinutes).toBeCloseTo((90 * 40) / 168, 9);
    expect(office.deploymentsPerWeek).toBe(7);
  });

  it('refuses bad deployment rows with their row number', () => {
    const text = [
      header,
      `${iso(0)},maybe,,`,
      `${iso(0)},true,${iso(-5)},`,
      `${iso(0)},false,,${iso(5)}`,
      `,false,,`,
    ].join('\n');
    expect(parseDeploymentLog(text)).toEqual({
      ok: false,
      problems: [
        { row: 2, message: 'failed “maybe” must be true or false' },
        { row: 3, message: 'restored_at is before deployed_at' },
        { row: 4, message: 'committed_at is after deployed_at' },
        { row: 5, message: 'deployed_at is empty' },
      ],
    });
  });
});
