import { describe, expect, it } from 'vitest';
import { computeStateMetrics } from '../metrics/index.ts';
import { makeStage } from '../metrics/testing.ts';
import type { FlowMap } from '../model/types.ts';
import { CSV_COLUMNS, mapToCsv } from './csv.ts';
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
