import { describe, expect, it } from 'vitest';
import { forecastState } from '../forecast/forecast.ts';
import { computeStateMetrics } from '../metrics/index.ts';
import { DAY, flowEdge, HOUR, makeNode, makeStage, makeState } from '../metrics/testing.ts';
import type { FlowMap } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import { CSV_COLUMNS, mapToCsv, neutraliseFormula } from './csv.ts';
import { parseCsv, templateWithFuture } from './testing.ts';

function records(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  expect(header).toEqual([...CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
  return rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i] ?? ''])));
}

const numberOrNull = (cell: string | undefined) =>
  cell === '' || cell === undefined ? null : Number(cell);

describe('mapToCsv', () => {
  it('writes one row per stage per state, in tab order and left to right', () => {
    const rows = records(mapToCsv(templateWithFuture()));
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => `${r.state_id}/${r.stage_id}`)).toEqual(
      ['current', 'future'].flatMap((s) =>
        [
          'vcs',
          'auto-tests',
          'manual-tests',
          'security-review',
          'change-management',
          'release',
        ].map((id) => `${s}/${id}`),
      ),
    );
    expect(rows[3]).toEqual({
      state_id: 'current',
      state_name: 'Current state',
      state_kind: 'current',
      stage_id: 'security-review',
      stage_name: 'Security review',
      team: 'Security',
      lead_time_minutes: '4800',
      process_time_minutes: '240',
      pct_ca: '80',
      waiting_minutes: '4560',
      efficiency: '0.05',
      waiting_share: String(4560 / 9745),
      on_critical_path: 'true',
      bottleneck_rank: '1',
      low_pct_ca: 'false',
      // The v2 columns, empty where the template says nothing.
      node_type: 'stage',
      counted: 'true',
      people: '',
      batch_size: '',
      wip_items: '',
      lead_time_low_minutes: '',
      lead_time_high_minutes: '',
      time_source: '',
      rated_by: '',
      outside: 'false',
      utilisation: '',
      queue_items: '',
      // No stage has a range: every trial takes the same path, so the percentiles are the LT.
      state_lt_p50_minutes: '10680',
      state_lt_p85_minutes: '10680',
      state_lt_p95_minutes: '10680',
    });
    expect(rows[2]).toMatchObject({
      stage_name: 'Manual tests',
      bottleneck_rank: '3',
      low_pct_ca: 'true',
    });
    // The future state's manual tests were automated: 1d of LT, no longer a quality bottleneck.
    expect(rows[8]).toMatchObject({
      state_id: 'future',
      stage_id: 'manual-tests',
      lead_time_minutes: '480',
      process_time_minutes: '120',
      pct_ca: '90',
      low_pct_ca: 'false',
    });
  });

  it('parses back to exactly the numbers of the metrics engine', () => {
    const map = templateWithFuture();
    const rows = records(mapToCsv(map));
    for (const state of Object.values(map.states)) {
      const metrics = computeStateMetrics(state, map.meta);
      const mine = rows.filter((r) => r.state_id === state.id);
      expect(mine).toHaveLength(metrics.stageCount);
      let share = 0;
      for (const row of mine) {
        const stage = metrics.stages[row.stage_id ?? ''];
        if (!stage) throw new Error(`no metrics for ${row.stage_id}`);
        expect(Number(row.lead_time_minutes)).toBe(stage.elapsedMinutes);
        expect(Number(row.process_time_minutes)).toBe(stage.valueAddMinutes);
        expect(Number(row.waiting_minutes)).toBe(stage.waitingMinutes);
        expect(numberOrNull(row.efficiency)).toBe(stage.efficiency);
        expect(Number(row.waiting_share)).toBe(stage.waitingShare);
        expect(numberOrNull(row.pct_ca)).toBe(stage.pctCA);
        expect(row.on_critical_path).toBe(String(stage.onCriticalPath));
        const rank = metrics.bottlenecks.find((b) => b.nodeId === row.stage_id)?.rank ?? null;
        expect(numberOrNull(row.bottleneck_rank)).toBe(rank);
        share += Number(row.waiting_share);
      }
      expect(share).toBeCloseTo(1, 12);
      const lead = mine
        .filter((r) => r.on_critical_path === 'true')
        .reduce((sum, r) => sum + Number(r.lead_time_minutes), 0);
      expect(lead).toBe(metrics.totalLeadTimeMinutes);
    }
  });

  it('quotes by RFC 4180 and keeps formulas from running in a spreadsheet', () => {
    const map = templateWithFuture();
    const nodes = map.states.current?.nodes ?? {};
    Object.assign(nodes.vcs ?? {}, { name: '=HYPERLINK("http://evil.example","fix")' });
    Object.assign(nodes['auto-tests'] ?? {}, { name: '+1 tests', team: '@ops' });
    Object.assign(nodes['manual-tests'] ?? {}, { name: '-2 waits', team: 'QA, "night"\r\nshift' });
    Object.assign(nodes.release ?? {}, { name: '\tTabbed', team: 'Ops – 中文 😀' });
    const csv = mapToCsv(map, ['current']);
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""fix"")"');
    const rows = records(csv);
    expect(rows.map((r) => [r.stage_name, r.team])).toEqual([
      ['\'=HYPERLINK("http://evil.example","fix")', 'Dev'],
      ["'+1 tests", "'@ops"],
      ["'-2 waits", 'QA, "night"\r\nshift'],
      ['Security review', 'Security'],
      ['Change management', 'Change Advisory Board'],
      ["'\tTabbed", 'Ops – 中文 😀'],
    ]);
    // Every record ends with CRLF, including the last.
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });

  it('leaves missing measures empty and counts PT above LT as the metrics do', () => {
    const map: FlowMap = templateWithFuture();
    const current = map.states.current;
    if (!current) throw new Error('no current state');
    current.nodes.blank = makeStage('blank', undefined, undefined, undefined, {
      x: 5000,
      name: 'Blank',
    });
    // A hostile client wrote PT above LT: counted as LT, as everywhere else.
    Object.assign(current.nodes.release ?? {}, { valueAddMinutes: 900 });
    const rows = records(mapToCsv(map, ['current']));
    const blank = rows.find((r) => r.stage_id === 'blank');
    expect(blank).toMatchObject({
      lead_time_minutes: '',
      process_time_minutes: '',
      pct_ca: '',
      waiting_minutes: '',
      efficiency: '',
      waiting_share: '0',
      on_critical_path: 'false',
      bottleneck_rank: '',
      low_pct_ca: 'false',
    });
    expect(rows.find((r) => r.stage_id === 'release')).toMatchObject({
      lead_time_minutes: '480',
      process_time_minutes: '480',
      waiting_minutes: '0',
      efficiency: '1',
    });
  });

  it('marks nothing on the critical path of a state with a flow cycle', () => {
    const map = templateWithFuture();
    const current = map.states.current;
    if (!current) throw new Error('no current state');
    current.edges.back = { id: 'back', source: 'release', target: 'vcs', kind: 'flow' };
    const rows = records(mapToCsv(map, ['current']));
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.on_critical_path === 'false' && r.bottleneck_rank === '')).toBe(
      true,
    );
    expect(rows.every((r) => r.waiting_share === '0')).toBe(true);
  });

  it('is the same text whatever order the document lists its entries in', () => {
    const map = templateWithFuture();
    const reversed: FlowMap = {
      meta: map.meta,
      states: Object.fromEntries(
        Object.entries(map.states)
          .reverse()
          .map(([id, s]) => [
            id,
            { ...s, nodes: Object.fromEntries(Object.entries(s.nodes).reverse()) },
          ]),
      ),
    };
    expect(mapToCsv(reversed)).toBe(mapToCsv(map));
  });
});

describe('mapToCsv with model v2', () => {
  function v2Map(): FlowMap {
    const state = makeState(
      [
        makeNode('start', 'start', { x: 0 }),
        makeStage('build', 2 * HOUR, 30, 95, {
          x: 200,
          name: 'Build',
          people: 4,
          batchSize: 1,
          wipItems: 3,
          elapsedLowMinutes: HOUR,
          elapsedHighMinutes: 4 * HOUR,
          timeSource: 'measured',
          ratedBy: '=QA()',
          outside: true,
        }),
        makeNode('queue', 'queue', { x: 400, name: 'Waiting for review', items: 12 }),
        makeStage('review', 2 * DAY, 90, 70, { x: 600, name: 'Review', people: 1 }),
        makeNode('end', 'end', { x: 800 }),
        makeStage('stray', DAY, HOUR, 60, { x: 600, y: 400, name: 'Stray' }),
        makeNode('lost', 'queue', { x: 700, y: 400, name: 'Lost' }),
      ],
      [
        flowEdge('start', 'build'),
        flowEdge('build', 'queue'),
        flowEdge('queue', 'review'),
        flowEdge('review', 'end'),
      ],
    );
    return {
      meta: { ...DEFAULT_META, title: 'v2', demandPerDay: 5, unitOfWork: 'change' },
      states: { s1: state },
    };
  }

  it('writes a row per queue among the stages, with its wait as the metrics count it', () => {
    const map = v2Map();
    const metrics = computeStateMetrics(map.states.s1 as never, map.meta);
    const rows = records(mapToCsv(map));
    expect(rows.map((r) => [r.stage_id, r.node_type])).toEqual([
      ['build', 'stage'],
      ['queue', 'queue'],
      ['review', 'stage'],
      ['stray', 'stage'],
      ['lost', 'queue'],
    ]);
    const wait = metrics.queues.queue?.elapsedMinutes;
    expect(wait).toBeCloseTo(2.4 * DAY, 9); // 12 changes at 5 a day
    expect(rows[1]).toMatchObject({
      stage_name: 'Waiting for review',
      lead_time_minutes: String(wait),
      process_time_minutes: '0',
      pct_ca: '',
      waiting_minutes: String(wait),
      efficiency: '0',
      waiting_share: String(metrics.queues.queue?.waitingShare),
      on_critical_path: 'true',
      bottleneck_rank: String(metrics.bottlenecks.find((b) => b.nodeId === 'queue')?.rank),
      low_pct_ca: 'false',
      counted: 'true',
      people: '',
      outside: '',
      utilisation: '',
      queue_items: '12',
    });
    // A queue on no path and without a wait: not counted, its figures empty rather than zero.
    expect(rows[4]).toMatchObject({
      lead_time_minutes: '',
      process_time_minutes: '',
      waiting_minutes: '',
      efficiency: '',
      counted: 'false',
      queue_items: '',
    });
  });

  it('writes the v2 stage fields, counted and utilisation, and guards them from formulas', () => {
    const map = v2Map();
    const metrics = computeStateMetrics(map.states.s1 as never, map.meta);
    const rows = records(mapToCsv(map));
    expect(rows[0]).toMatchObject({
      people: '4',
      batch_size: '1',
      wip_items: '3',
      lead_time_low_minutes: '60',
      lead_time_high_minutes: '240',
      time_source: 'measured',
      rated_by: "'=QA()",
      outside: 'true',
      counted: 'true',
      utilisation: String(metrics.utilisation.build),
    });
    // 5 a day × 90 min for one person of 480 min.
    expect(Number(rows[2]?.utilisation)).toBeCloseTo(0.9375, 12);
    expect(rows[3]).toMatchObject({ stage_id: 'stray', counted: 'false', utilisation: '' });
    // Junk in the v2 fields is an empty cell, never NaN or a wrong kind of value.
    const build = map.states.s1?.nodes.build as unknown as Record<string, unknown>;
    Object.assign(build, { people: -1, batchSize: 0, timeSource: 'guess', outside: 'yes' });
    expect(records(mapToCsv(map))[0]).toMatchObject({
      people: '',
      batch_size: '',
      time_source: '',
      outside: 'false',
    });
  });
});

describe('neutraliseFormula', () => {
  // What spreadsheets skip before deciding a cell is a formula: spaces of every kind, NUL and other
  // control characters, a byte-order mark, zero-width characters; and the full-width and small
  // forms of the trigger characters, which some of them fold to ASCII.
  it.each([
    ['=1+1'],
    ['+1'],
    ['-1'],
    ['@SUM(A1)'],
    ['\tTabbed'],
    ['\rReturn'],
    [' =HYPERLINK("http://evil.example")'],
    ['   +1'],
    ['\u00a0=1'],
    ['\u2003\u3000=1'],
    ['\u0000=1'],
    ['\u001f-1'],
    ['\ufeff=1'],
    ['\u200b@x'],
    ['\ufeff \u00a0\u0000=1'],
    ['\uff1d1+1'],
    ['\uff0b1'],
    ['\uff0d1'],
    ['\uff20x'],
    ['\ufe661'],
    [' \uff1d1'],
  ])('marks %j as text', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each([
    ['Deploy'],
    ['a=b'],
    ['1-2'],
    ['QA @ night'],
    [''],
    ['   '],
    ['\u00a0Spaced'],
    ['中文 😀'],
  ])('leaves %j as it is', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('guards the cells mapToCsv writes', () => {
    const map = templateWithFuture();
    const nodes = map.states.current?.nodes ?? {};
    Object.assign(nodes.vcs ?? {}, { name: '\u00a0=HYPERLINK("http://evil.example")' });
    Object.assign(nodes['auto-tests'] ?? {}, { name: '\uff1d1+1', team: '\ufeff@ops' });
    const rows = records(mapToCsv(map, ['current']));
    expect(rows.slice(0, 2).map((r) => [r.stage_name, r.team])).toEqual([
      ['\'\u00a0=HYPERLINK("http://evil.example")', 'Dev'],
      ["'\uff1d1+1", "'\ufeff@ops"],
    ]);
  });

  it("repeats the state's forecast percentiles on each of its rows, as the simulation gives them", () => {
    const map = templateWithFuture();
    const state = map.states.current;
    if (!state) throw new Error('no current state');
    const security = state.nodes['security-review'];
    if (!security) throw new Error('no security review');
    // A three-point estimate makes the lead time a distribution: 5d likely, 2d to 4w.
    Object.assign(security, { elapsedLowMinutes: 960, elapsedHighMinutes: 9600 });
    const lt = forecastState(state, map.meta, { skipKaizens: true }).distribution?.leadTimeMinutes;
    if (!lt) throw new Error('no distribution');
    expect(lt.p50).toBeLessThan(lt.p85);
    expect(lt.p85).toBeLessThan(lt.p95);
    const rows = records(mapToCsv(map, ['current']));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect([
        row.state_lt_p50_minutes,
        row.state_lt_p85_minutes,
        row.state_lt_p95_minutes,
      ]).toEqual([String(lt.p50), String(lt.p85), String(lt.p95)]);
    }
  });
});
