import { describe, expect, it } from 'vitest';
import { computeStateMetrics } from '../metrics/index.ts';
import { chain, DAY, flowEdge, HOUR, makeNode, makeStage, makeState } from '../metrics/testing.ts';
import { formatDuration } from '../model/durations.ts';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import type { MapState } from '../model/types.ts';
import { HEAT_COLORS, heatLevel, renderStateSvg } from './index.ts';
import type { XmlElement } from './testing.ts';
import {
  byClass,
  dataBox,
  expectCleanDocument,
  findAll,
  hasClass,
  isElement,
  mapOf,
  oneByClass,
  parseXml,
  shuffled,
  stageGroup,
  stageGroups,
  textContent,
  texts,
} from './testing.ts';

function template() {
  const map = softwareDeliveryTemplate();
  const state = map.states.current as MapState;
  const metrics = computeStateMetrics(state, map.meta);
  const svg = renderStateSvg(map, 'current');
  return { map, state, metrics, svg, root: parseXml(svg) };
}

describe('renderStateSvg on the software delivery template', () => {
  it('is a well-formed standalone SVG document with a title', () => {
    const { svg, root } = template();
    expectCleanDocument(svg);
    expect(Number(root.attrs.width)).toBe(1600);
    const title = root.children.find((c) => isElement(c) && c.name === 'title');
    expect(textContent(title as XmlElement)).toBe('Software delivery value stream — Current state');
    const header = oneByClass(root, 'header');
    expect(texts(header)).toEqual([
      'Software delivery value stream',
      'Current state',
      'CURRENT STATE',
    ]);
  });

  it('draws exactly one process box per stage with its data box values', () => {
    const { state, root } = template();
    const stageIds = Object.values(state.nodes)
      .filter((n) => n.type === 'stage')
      .map((n) => n.id)
      .sort();
    expect(stageGroups(root).map((g) => g.attrs['data-node-id'])).toEqual(stageIds);

    expect(dataBox(stageGroup(root, 'vcs'))).toEqual({
      lt: '2h',
      pt: '20m',
      pctca: '95%',
      eff: '17%',
    });
    expect(dataBox(stageGroup(root, 'auto-tests'))).toEqual({
      lt: '1d',
      pt: '45m',
      pctca: '90%',
      eff: '9.4%',
    });
    expect(dataBox(stageGroup(root, 'security-review'))).toEqual({
      lt: '2w',
      pt: '4h',
      pctca: '80%',
      eff: '5%',
    });
    const manual = stageGroup(root, 'manual-tests');
    expect(dataBox(manual)).toEqual({ lt: '1w', pt: '1d', pctca: '70%', eff: '20%' });
    expect(texts(manual)).toContain('Manual tests');
    expect(texts(manual)).toContain('QA');
  });

  it('draws start and end nodes, the kaizen burst and the flow and rework arrows', () => {
    const { state, metrics, root } = template();
    expect(byClass(root, 'start').map((g) => g.attrs['data-node-id'])).toEqual(['start']);
    expect(byClass(root, 'end').map((g) => g.attrs['data-node-id'])).toEqual(['end']);
    const kaizen = oneByClass(root, 'kaizen');
    expect(kaizen.attrs['data-node-id']).toBe('kaizen-automate-regression');
    expect(findAll(kaizen, (e) => e.name === 'polygon')).toHaveLength(1);
    expect(texts(kaizen).join(' ')).toBe('KAIZEN Automate the regression suite');

    const flows = byClass(root, 'flow');
    const flowIds = Object.values(state.edges)
      .filter((e) => e.kind === 'flow' && e.source !== 'kaizen-automate-regression')
      .map((e) => e.id)
      .sort();
    // The burst's edge to the stage it improves is a dotted link, not a flow arrow.
    const link = oneByClass(root, 'link');
    expect(link.attrs['data-edge-id']).toBe('kaizen-automate-regression--manual-tests');
    expect(link.attrs['stroke-dasharray']).toBe('2 5');
    expect(link.attrs['marker-end']).toBeUndefined();
    expect(flows.map((f) => f.attrs['data-edge-id'])).toEqual(flowIds);
    // Every flow edge of the template lies on the critical path.
    expect(metrics.criticalPath).toHaveLength(8);
    for (const f of flows) {
      expect(hasClass(f, 'critical')).toBe(true);
      expect(f.attrs['marker-end']).toBe('url(#fm-arrow-critical)');
    }
    const rework = oneByClass(root, 'rework');
    expect(rework.attrs['data-edge-id']).toBe('manual-tests--vcs--rework');
    const path = findAll(rework, (e) => e.name === 'path')[0] as XmlElement;
    expect(path.attrs['stroke-dasharray']).toBeDefined();
    expect(path.attrs.d).toMatch(/ C/);
    expect(texts(rework)).toEqual(['rework']);
    // Each marker referenced is defined.
    const markerIds = findAll(root, (e) => e.name === 'marker').map((m) => m.attrs.id);
    for (const e of findAll(root, (x) => x.attrs['marker-end'] !== undefined)) {
      expect(markerIds).toContain(e.attrs['marker-end']?.slice(5, -1));
    }
  });

  it('marks bottlenecks as the metrics rank them, with heat fills and a quality mark', () => {
    const { metrics, root } = template();
    expect(metrics.bottlenecks.map((b) => [b.nodeId, b.rank])).toEqual([
      ['security-review', 1],
      ['change-management', 2],
      ['manual-tests', 3],
    ]);
    const diagram = oneByClass(root, 'diagram');
    const badges = byClass(diagram, 'badge');
    expect(badges).toHaveLength(metrics.bottlenecks.length);
    for (const b of metrics.bottlenecks) {
      const g = stageGroup(root, b.nodeId);
      expect(g.attrs['data-rank']).toBe(String(b.rank));
      expect(texts(oneByClass(g, 'badge'))).toEqual([`#${b.rank}`]);
    }
    for (const g of stageGroups(root)) {
      const id = g.attrs['data-node-id'] as string;
      const share = metrics.stages[id]?.waitingShare ?? 0;
      const fill = (g.children[0] as XmlElement).attrs.fill;
      expect(fill, id).toBe(HEAT_COLORS[heatLevel(share)]);
    }
    expect((stageGroup(root, 'security-review').children[0] as XmlElement).attrs.fill).toBe(
      '#f47c48',
    );

    expect(metrics.qualityBottlenecks.map((q) => q.nodeId)).toEqual(['manual-tests']);
    const manual = stageGroup(root, 'manual-tests');
    expect(manual.attrs['data-quality']).toBe('true');
    expect(texts(oneByClass(manual, 'quality-tag'))).toEqual(['Low C/A']);
    expect(findAll(manual, (e) => e.attrs.stroke === '#8e24aa').length).toBeGreaterThan(0);
    expect(byClass(diagram, 'quality-tag')).toHaveLength(1);
  });

  it('draws the ladder along the critical path with totals equal to the metrics', () => {
    const { map, metrics, root } = template();
    const ladder = oneByClass(root, 'ladder');
    const steps = byClass(ladder, 'ladder-step');
    expect(steps.map((s) => s.attrs['data-node-id'])).toEqual(
      metrics.criticalPath.filter((id) => id !== 'start' && id !== 'end'),
    );
    expect(steps.map((s) => textContent(oneByClass(s, 'lt')))).toEqual([
      '2h',
      '1d',
      '1w',
      '2w',
      '1w',
      '1d',
    ]);
    expect(steps.map((s) => textContent(oneByClass(s, 'pt')))).toEqual([
      '20m',
      '45m',
      '1d',
      '4h',
      '30m',
      '2h',
    ]);
    const totals = oneByClass(ladder, 'ladder-totals');
    const wt = { hoursPerDay: map.meta.hoursPerDay, daysPerWeek: map.meta.daysPerWeek };
    expect(textContent(oneByClass(totals, 'total-lead-time'))).toBe('4w 2d 2h');
    expect(formatDuration(metrics.totalLeadTimeMinutes, wt)).toBe('4w 2d 2h');
    expect(textContent(oneByClass(totals, 'total-value-add'))).toBe(
      formatDuration(metrics.totalValueAddMinutes, wt),
    );
    expect(textContent(oneByClass(totals, 'total-value-add'))).toBe('1d 7h 35m');
    expect(metrics.flowEfficiency).toBeCloseTo(935 / 10680, 10);
    expect(textContent(oneByClass(totals, 'flow-efficiency'))).toBe('8.8%');
  });

  it('summarises the metrics, the bottleneck reasons and the DORA levels', () => {
    const { metrics, root } = template();
    const summary = oneByClass(root, 'summary');
    const value = (cls: string) => textContent(oneByClass(summary, cls));
    expect(value('total-lead-time')).toBe('4w 2d 2h');
    expect(value('total-value-add')).toBe('1d 7h 35m');
    expect(value('flow-efficiency')).toBe('8.8%');
    // 0.95 × 0.9 × 0.7 × 0.8 × 0.95 × 0.85
    expect(value('rolled-pct-ca')).toBe('39%');
    expect(value('stage-count')).toBe('6');

    const listed = byClass(summary, 'summary-bottleneck');
    expect(listed.map((g) => g.attrs['data-rank'])).toEqual(['1', '2', '3']);
    const all = texts(summary);
    for (const b of metrics.bottlenecks) {
      expect(all).toContain(b.name);
      expect(all).toContain(b.reason);
    }
    expect(all).toContain('waits 1w 4d 4h of 2w (47% of all waiting)');
    expect(texts(oneByClass(summary, 'summary-quality'))).toEqual([
      'Low C/A',
      'Manual tests',
      'only 70% complete and accurate',
    ]);

    const dora = byClass(summary, 'summary-dora-row');
    expect(dora.map((r) => [texts(r)[0], r.attrs['data-level']])).toEqual([
      ['Deployment frequency', 'medium'],
      ['Lead time for changes', 'low'],
      ['Change failure rate', 'high'],
      ['Time to restore service', 'medium'],
    ]);
    expect(texts(dora[1] as XmlElement)).toEqual([
      'Lead time for changes',
      '4w 2d 2h (map)',
      'Low',
    ]);
  });

  it('leaves out the DORA panel, the ladder or the summary when asked or when there is nothing', () => {
    const { map } = template();
    const state = map.states.current as MapState;
    delete state.dora;
    const root = parseXml(renderStateSvg(map, 'current'));
    expect(byClass(root, 'summary-dora')).toHaveLength(0);
    expect(byClass(root, 'summary-metrics')).toHaveLength(1);

    const bare = parseXml(
      renderStateSvg(map, 'current', { showLadder: false, showSummary: false }),
    );
    expect(byClass(bare, 'ladder')).toHaveLength(0);
    expect(byClass(bare, 'summary')).toHaveLength(0);
    expect(stageGroups(bare)).toHaveLength(6);
    expect(Number(bare.attrs.height)).toBeLessThan(Number(root.attrs.height));
  });
});

describe('renderStateSvg determinism', () => {
  it('renders the same input to identical bytes', () => {
    expect(renderStateSvg(softwareDeliveryTemplate(), 'current')).toBe(
      renderStateSvg(softwareDeliveryTemplate(), 'current'),
    );
  });

  it('does not depend on the key order of the document', () => {
    const map = softwareDeliveryTemplate();
    const reordered = shuffled(map);
    expect(Object.keys(reordered.states.current?.nodes ?? {})[0]).toBe(
      'kaizen-automate-regression',
    );
    expect(renderStateSvg(reordered, 'current')).toBe(renderStateSvg(map, 'current'));

    const branchy = makeState(
      [
        makeNode('start', 'start', { x: 0, y: 100 }),
        makeStage('a', 2 * HOUR, 30, 90, { x: 250, y: 0 }),
        makeStage('b', 3 * HOUR, 30, 60, { x: 250, y: 260 }),
        makeStage('c', 1 * DAY, HOUR, 95, { x: 520, y: 100 }),
        makeNode('end', 'end', { x: 780, y: 100 }),
      ],
      [...chain('start', 'a', 'c', 'end'), flowEdge('start', 'b'), flowEdge('b', 'c')],
    );
    expect(renderStateSvg(shuffled(mapOf(branchy)), 's1')).toBe(
      renderStateSvg(mapOf(branchy), 's1'),
    );
  });

  it('honours the width and font options', () => {
    const svg = renderStateSvg(softwareDeliveryTemplate(), 'current', {
      width: 2400,
      fontFamily: 'Inter, "Noto Sans", sans-serif',
    });
    const root = expectCleanDocument(svg);
    expect(root.attrs.width).toBe('2400');
    expect(root.attrs['font-family']).toBe('Inter, "Noto Sans", sans-serif');
    expect(svg).toContain('font-family="Inter, &quot;Noto Sans&quot;, sans-serif"');
  });
});
