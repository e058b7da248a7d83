import { describe, expect, it } from 'vitest';
import { computeStateMetrics } from '../metrics/index.ts';
import {
  chain,
  DAY,
  flowEdge,
  HOUR,
  linearPipeline,
  makeNode,
  makeStage,
  makeState,
  reworkEdge,
} from '../metrics/testing.ts';
import { formatDuration } from '../model/durations.ts';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import { DEFAULT_META } from '../model/types.ts';
import { renderStateSvg } from './index.ts';
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
  stageGroup,
  stageGroups,
  textContent,
  texts,
} from './testing.ts';

describe('renderStateSvg with hostile or unusual input', () => {
  it('escapes every piece of text', () => {
    const evil = `<script>&"'`;
    const state = makeState(
      [
        makeStage('x<&"\'>', 60, 30, 90, { name: evil, team: evil }),
        makeNode('k', 'kaizen', { name: evil }),
      ],
      [],
    );
    state.name = evil;
    const map = mapOf(state, evil);
    const svg = renderStateSvg(map, 's1');
    expectCleanDocument(svg);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;&amp;&quot;&apos;');
    const root = parseXml(svg);
    const stage = stageGroups(root)[0] as XmlElement;
    expect(stage.attrs['data-node-id']).toBe('x<&"\'>');
    expect(texts(stage)).toContain(evil);
    expect(texts(oneByClass(root, 'header'))[0]).toBe(evil);
    expect(texts(oneByClass(root, 'kaizen'))).toContain(evil);
  });

  it('drops characters XML cannot hold instead of producing a broken file', () => {
    const name = 'bad\u0000\u0007\uD800 name\uFFFF \u{1F680}';
    const state = makeState([makeStage('s', 60, 30, 90, { name })]);
    const svg = renderStateSvg(mapOf(state, `title\u0001`), 's1');
    const root = expectCleanDocument(svg);
    expect(texts(stageGroups(root)[0] as XmlElement)).toContain('bad name \u{1F680}');
  });

  it('writes a flow cycle as a red notice instead of totals', () => {
    const state = makeState(
      [
        makeNode('start', 'start', { x: 0 }),
        makeStage('a', 4 * HOUR, HOUR, 90, { x: 250, name: 'Build' }),
        makeStage('b', 2 * DAY, HOUR, 90, { x: 500, name: 'Test' }),
        makeNode('end', 'end', { x: 750 }),
      ],
      [...chain('start', 'a', 'b', 'end'), flowEdge('b', 'a')],
    );
    const metrics = computeStateMetrics(state, DEFAULT_META);
    expect(metrics.errors).toHaveLength(1);
    const svg = renderStateSvg(mapOf(state), 's1');
    const root = expectCleanDocument(svg);
    const notice = oneByClass(root, 'notice');
    expect(hasClass(notice, 'error')).toBe(true);
    expect(findAll(notice, (e) => e.name === 'rect')[0]?.attrs.stroke).toBe('#c62828');
    const message = texts(notice).join(' ');
    expect(message).toContain('Flow cycle');
    expect(message).toContain('Build');
    expect(message).toContain('Test');
    // No ladder and no totals that would mislead.
    expect(byClass(root, 'ladder')).toHaveLength(0);
    const summary = oneByClass(root, 'summary');
    expect(textContent(oneByClass(summary, 'total-lead-time'))).toBe('—');
    expect(textContent(oneByClass(summary, 'flow-efficiency'))).toBe('—');
    // The edge closing the cycle is red and loops back instead of running over the forward one.
    const back = byClass(root, 'cycle');
    expect(back.map((e) => e.attrs['data-edge-id'])).toEqual(['a->b', 'b->a']);
    expect(back.map((e) => e.attrs.stroke)).toEqual(['#c62828', '#c62828']);
    expect(back[1]?.attrs.d).toMatch(/ C/);
    expect(texts(oneByClass(root, 'summary-bottlenecks'))).toContain(
      'Bottlenecks are ranked once the flow cycle is broken.',
    );
    for (const id of ['a', 'b']) {
      const rect = findAll(stageGroup(root, id), (e) => e.attrs['stroke-dasharray'] !== undefined);
      expect(rect[0]?.attrs.stroke).toBe('#c62828');
    }
  });

  it('renders an empty state without NaN, Infinity or undefined', () => {
    const svg = renderStateSvg(mapOf(makeState([])), 's1');
    const root = expectCleanDocument(svg);
    expect(texts(root)).toContain('This state has no steps yet.');
    const ladder = oneByClass(root, 'ladder');
    expect(byClass(ladder, 'ladder-step')).toHaveLength(0);
    expect(textContent(oneByClass(ladder, 'total-lead-time'))).toBe('0m');
    expect(textContent(oneByClass(ladder, 'flow-efficiency'))).toBe('—');
    expect(textContent(oneByClass(root, 'stage-count'))).toBe('0');
  });

  it('survives garbage values, unknown nodes, dangling edges and a missing state', () => {
    const state = makeState([
      makeStage('nan', Number.NaN, Number.POSITIVE_INFINITY, -5, { x: Number.NaN, y: 1e308 }),
      makeNode('weird', 'robot' as never, { x: 10 }),
      makeStage('obj', 60, 90, 101, { name: { evil: true } as never, team: 42 as never }),
    ]);
    (state.edges as Record<string, unknown>).e1 = {
      id: 'e1',
      source: 'nan',
      target: 'ghost',
      kind: 'flow',
    };
    (state.edges as Record<string, unknown>).e2 = 'not an edge';
    (state.edges as Record<string, unknown>).e3 = {
      source: 'obj',
      target: 'nan',
      kind: 'teleport',
    };
    const map = mapOf(state);
    (map.meta as unknown as Record<string, unknown>).hoursPerDay = Number.NaN;
    (map.meta as unknown as Record<string, unknown>).title = { not: 'a string' };
    const svg = renderStateSvg(map, 's1', { width: Number.NaN, fontFamily: 42 as never });
    const root = expectCleanDocument(svg);
    expect(stageGroups(root).map((g) => g.attrs['data-node-id'])).toEqual(['nan', 'obj']);
    expect(dataBox(stageGroup(root, 'nan'))).toEqual({ lt: '—', pt: '—', pctca: '—', eff: '—' });
    // PT 90m > LT 60m counts (and shows) as 60m, like every figure.
    expect(dataBox(stageGroup(root, 'obj'))).toEqual({
      lt: '1h',
      pt: '1h',
      pctca: '—',
      eff: '100%',
    });
    expect(texts(stageGroup(root, 'obj'))).toContain('obj');
    expect(texts(oneByClass(root, 'header'))[0]).toBe('Untitled map');
    expect(byClass(root, 'edge')).toHaveLength(0);
    expect(texts(oneByClass(root, 'summary-metrics')).join(' ')).toContain('invalid values were');

    for (const weird of [null, undefined, 42, 'map', [], { meta: null, states: null }] as never[]) {
      expectCleanDocument(renderStateSvg(weird, 's1'));
    }
    const missing = parseXml(renderStateSvg(softwareDeliveryTemplate(), 'toString'));
    expect(texts(oneByClass(missing, 'notice')).join(' ')).toContain(
      'no state with the id “toString”',
    );
  });

  it('keeps hostile megabyte-long text cheap and short', () => {
    const long = 'x'.repeat(1_000_000);
    const words = 'word '.repeat(200_000);
    const state = makeState([
      makeStage('a', 60, 30, 90, { name: long, team: words }),
      makeNode('n', 'note', { name: words, notes: long }),
    ]);
    const started = Date.now();
    const svg = renderStateSvg(mapOf(state, long), 's1');
    expect(Date.now() - started).toBeLessThan(1000);
    expectCleanDocument(svg);
    expect(svg.length).toBeLessThan(50_000);
    expect(texts(stageGroup(parseXml(svg), 'a'))[0]).toMatch(/^x+ x+…$/);
  });

  it('renders a future state with its kind', () => {
    const state = { ...linearPipeline(3), name: 'Q3 target', kind: 'future' as const };
    const root = parseXml(renderStateSvg(mapOf(state, 'Payments'), 's1'));
    expect(root.attrs['data-state-kind']).toBe('future');
    expect(texts(oneByClass(root, 'header'))).toEqual(['Payments', 'Q3 target', 'FUTURE STATE']);
    const title = root.children.find((c) => isElement(c) && c.name === 'title');
    expect(textContent(title as XmlElement)).toBe('Payments — Q3 target (future state)');
  });

  it('draws notes as stickies and parallel branches off the critical path', () => {
    const state = makeState(
      [
        makeNode('start', 'start', { x: 0, y: 100 }),
        makeStage('a', 2 * HOUR, 30, 90, { x: 250, y: 0 }),
        makeStage('b', 3 * DAY, 30, 60, { x: 250, y: 260 }),
        makeStage('c', 1 * DAY, HOUR, 95, { x: 520, y: 100 }),
        makeNode('end', 'end', { x: 780, y: 100 }),
        makeNode('n', 'note', {
          x: 520,
          y: 330,
          name: 'Ask Ops',
          notes: 'Why is the window weekly?',
        }),
      ],
      [
        ...chain('start', 'a', 'c', 'end'),
        flowEdge('start', 'b'),
        flowEdge('b', 'c'),
        reworkEdge('c', 'a'),
      ],
    );
    const root = expectCleanDocument(renderStateSvg(mapOf(state), 's1'));
    expect(texts(oneByClass(root, 'note'))).toEqual(['Ask Ops', 'Why is the window weekly?']);
    expect(stageGroup(root, 'b').attrs['data-critical']).toBe('true');
    expect(stageGroup(root, 'a').attrs['data-critical']).toBeUndefined();
    const critical = byClass(root, 'critical').map((e) => e.attrs['data-edge-id']);
    expect(critical).toEqual(['b->c', 'c->end', 'start->b']);
    expect(byClass(root, 'flow')).toHaveLength(5);
  });

  it('renders a 300-stage state at a bounded size', () => {
    const state = linearPipeline(300);
    state.nodes = Object.fromEntries(
      Object.values(state.nodes).map((n, i) => [n.id, { ...n, x: i * 260, y: 0 }]),
    );
    const started = Date.now();
    const svg = renderStateSvg(mapOf(state), 's1');
    const elapsed = Date.now() - started;
    const root = expectCleanDocument(svg);
    expect(stageGroups(root)).toHaveLength(300);
    expect(byClass(oneByClass(root, 'ladder'), 'ladder-step')).toHaveLength(300);
    // LT = 1 + … + 300 hours = 45,150 h = 5,643 d 6 h of 8 h days.
    expect(textContent(oneByClass(oneByClass(root, 'ladder'), 'total-lead-time'))).toBe(
      formatDuration(45150 * HOUR, { hoursPerDay: 8, daysPerWeek: 5 }),
    );
    expect(svg.length).toBeLessThan(1_500_000);
    expect(Number(root.attrs.width)).toBeLessThan(100_000);
    expect(elapsed).toBeLessThan(2000);
  });
});
