// The diagram of a model-v2 state (PRODUCT.md, "Model v2"): queues as inventory triangles with
// their wait, queues on the timeline ladder, rework rates and route shares on their arrows, steps
// that count for nothing faded, capacity bottlenecks and outside steps marked, and the summary's
// expected, takt and projected figures.
import { describe, expect, it } from 'vitest';
import { computeStateMetrics } from '../metrics/index.ts';
import {
  DAY,
  flowEdge,
  HOUR,
  makeNode,
  makeStage,
  makeState,
  reworkEdge,
} from '../metrics/testing.ts';
import { formatDuration } from '../model/durations.ts';
import { softwareDeliveryTemplate } from '../model/templates.ts';
import type { FlowMap, MapEdge, MapState } from '../model/types.ts';
import { DEFAULT_META } from '../model/types.ts';
import { renderStateSvg } from './index.ts';
import type { XmlElement } from './testing.ts';
import {
  byClass,
  expectCleanDocument,
  findAll,
  hasClass,
  oneByClass,
  parseXml,
  shuffled,
  stageGroup,
  textContent,
  texts,
} from './testing.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };

function share(edge: MapEdge, value: number): MapEdge {
  return { ...edge, share: value };
}

/**
 * start → build → queue (12 changes) → review ─80%→ deploy ─→ release → end
 *                                            └20%→ audit (outside) ┘
 * with rework review → build at 20 %, a stray stage on no path, and a kaizen on review.
 */
function v2State(): MapState {
  return makeState(
    [
      makeNode('start', 'start', { x: 0, y: 0 }),
      makeStage('build', 2 * HOUR, 30, 95, { x: 240, y: 0, name: 'Build', people: 4 }),
      makeNode('queue', 'queue', { x: 480, y: 0, name: 'Waiting for review', items: 12 }),
      makeStage('review', 2 * DAY, 90, 70, { x: 700, y: 0, name: 'Code review', people: 1 }),
      makeStage('deploy', HOUR, 20, 98, { x: 960, y: -160, name: 'Automated deploy' }),
      makeStage('audit', 10 * DAY, 4 * HOUR, 85, {
        x: 960,
        y: 180,
        name: 'Vendor audit',
        outside: true,
      }),
      makeStage('release', DAY, HOUR, 90, { x: 1220, y: 0, name: 'Release' }),
      makeNode('end', 'end', { x: 1480, y: 0 }),
      makeStage('stray', 5 * DAY, 4 * HOUR, 60, { x: 1220, y: 340, name: 'Old manual QA' }),
      makeNode('kaizen', 'kaizen', {
        x: 620,
        y: 300,
        name: 'Pair on reviews',
        status: 'planned',
        effectElapsedMinutes: 4 * HOUR,
        effectValueAddMinutes: HOUR,
      }),
    ],
    [
      flowEdge('start', 'build'),
      flowEdge('build', 'queue'),
      flowEdge('queue', 'review'),
      share(flowEdge('review', 'deploy'), 0.8),
      share(flowEdge('review', 'audit'), 0.2),
      flowEdge('deploy', 'release'),
      flowEdge('audit', 'release'),
      flowEdge('release', 'end'),
      { ...reworkEdge('review', 'build'), rate: 0.2 },
      flowEdge('kaizen', 'review'),
    ],
  );
}

function v2Map(state: MapState = v2State()): FlowMap {
  return {
    meta: { ...DEFAULT_META, title: 'Payments', demandPerDay: 5, unitOfWork: 'change' },
    states: { [state.id]: state },
  };
}

function render(map: FlowMap = v2Map()) {
  const svg = renderStateSvg(map, 's1');
  const state = map.states.s1 as MapState;
  return { svg, root: expectCleanDocument(svg), metrics: computeStateMetrics(state, map.meta) };
}

function nodeGroup(root: XmlElement, cls: string, id: string): XmlElement {
  const found = byClass(root, cls).filter((g) => g.attrs['data-node-id'] === id);
  expect(found).toHaveLength(1);
  return found[0] as XmlElement;
}

describe('queues', () => {
  it('draws the inventory triangle with its I, its name, its wait and its items', () => {
    const { root, metrics } = render();
    const queue = nodeGroup(oneByClass(root, 'diagram'), 'queue', 'queue');
    const triangle = findAll(queue, (e) => e.name === 'polygon');
    expect(triangle).toHaveLength(1);
    expect((triangle[0]?.attrs.points ?? '').split(' ')).toHaveLength(3);
    // 12 changes at 5 a day: 2.4 working days, as the metrics count it.
    const wait = metrics.queues.queue?.elapsedMinutes ?? 0;
    expect(wait).toBeCloseTo(2.4 * DAY, 9);
    const shown = formatDuration(wait, WT, { maxParts: 3, largestUnit: 'd' });
    expect(shown).toBe('2d 3h 12m');
    expect(texts(queue).slice(0, 4)).toEqual(['I', 'Waiting for review', shown, '12 changes']);
    expect(textContent(oneByClass(queue, 'wait'))).toBe(shown);
    // On the critical path and ranked like a stage.
    expect(queue.attrs['data-critical']).toBe('true');
    const rank = metrics.bottlenecks.find((b) => b.nodeId === 'queue')?.rank;
    expect(queue.attrs['data-rank']).toBe(String(rank));
    expect(texts(oneByClass(queue, 'badge'))).toEqual([`#${rank}`]);
    // The flow arrows into and out of it are drawn, on the critical path.
    const flows = byClass(root, 'flow').filter((f) => /queue/.test(f.attrs['data-edge-id'] ?? ''));
    expect(flows.map((f) => hasClass(f, 'critical'))).toEqual([true, true]);
  });

  it('says "wait?" for a queue whose wait cannot be known', () => {
    const state = v2State();
    const map = v2Map(state);
    delete map.meta.demandPerDay; // 12 items without a demand are no wait
    const { root, metrics } = render(map);
    expect(metrics.incomplete).toContain('queue');
    const queue = nodeGroup(root, 'queue', 'queue');
    expect(textContent(oneByClass(queue, 'wait'))).toBe('wait?');
    const summary = texts(oneByClass(root, 'summary-metrics')).join(' ');
    expect(summary).toContain('1 queue has no wait');
    // A queue with a wait entered shows it, whatever its items say.
    (state.nodes.queue as { waitMinutes?: number }).waitMinutes = 3 * DAY;
    const entered = nodeGroup(render(map).root, 'queue', 'queue');
    expect(textContent(oneByClass(entered, 'wait'))).toBe('3d');
  });

  it('puts a critical-path queue on the ladder as waiting only', () => {
    const { root, metrics } = render();
    const ladder = oneByClass(root, 'ladder');
    const steps = byClass(ladder, 'ladder-step');
    expect(steps.map((s) => s.attrs['data-node-id'])).toEqual(
      metrics.criticalPath.filter((id) => id !== 'start' && id !== 'end'),
    );
    const queue = steps.find((s) => s.attrs['data-node-id'] === 'queue') as XmlElement;
    expect(queue.attrs['data-kind']).toBe('queue');
    expect(textContent(oneByClass(queue, 'lt'))).toBe('2d 3h 12m');
    expect(byClass(queue, 'pt')).toHaveLength(0);
    expect(byClass(ladder, 'pt')).toHaveLength(steps.length - 1);
    // The rung stays up through the queue's step: one drop per stage, none for the queue.
    const rungs = oneByClass(ladder, 'rungs').attrs.d ?? '';
    expect(rungs.match(/V78/g)).toHaveLength(steps.length - 2);
    expect(rungs.match(/V116/g)).toHaveLength(steps.length - 1);
  });
});

describe('arrows', () => {
  it('labels a rework arrow with its rate and either/or routes with their shares', () => {
    const { root } = render();
    expect(texts(oneByClass(root, 'rework'))).toEqual(['rework 20%']);
    const labels = byClass(root, 'share-label');
    expect(labels.map((l) => [l.attrs['data-edge-id'], texts(l)])).toEqual([
      ['review->audit', ['20%']],
      ['review->deploy', ['80%']],
    ]);
    // Without a rate, the label is the v1 one; without shares there are no labels.
    const state = v2State();
    for (const edge of Object.values(state.edges)) {
      delete edge.rate;
      delete edge.share;
    }
    const plain = render(v2Map(state)).root;
    expect(texts(oneByClass(plain, 'rework'))).toEqual(['rework']);
    expect(byClass(plain, 'share-label')).toHaveLength(0);
  });
});

describe('marks', () => {
  it('fades a step on no counted path and tags it "Not counted"', () => {
    const { root, metrics } = render();
    expect(metrics.disconnected).toEqual(['stray']);
    const stray = stageGroup(root, 'stray');
    expect(stray.attrs['data-counted']).toBe('false');
    const faded = oneByClass(stray, 'faded');
    expect(Number(faded.attrs.opacity)).toBeLessThan(1);
    expect(texts(oneByClass(stray, 'not-counted-tag'))).toEqual(['Not counted']);
    // Counted steps carry neither.
    const build = stageGroup(root, 'build');
    expect(build.attrs['data-counted']).toBeUndefined();
    expect(byClass(build, 'faded')).toHaveLength(0);
    expect(byClass(oneByClass(root, 'diagram'), 'not-counted-tag')).toHaveLength(1);
  });

  it('fades a stray queue too', () => {
    const state = v2State();
    state.nodes.lost = makeNode('lost', 'queue', { x: 480, y: 360, name: 'Lost', waitMinutes: 60 });
    const { root } = render(v2Map(state));
    const lost = nodeGroup(root, 'queue', 'lost');
    expect(lost.attrs['data-counted']).toBe('false');
    expect(texts(oneByClass(lost, 'not-counted-tag'))).toEqual(['Not counted']);
    expect(
      byClass(oneByClass(root, 'ladder'), 'ladder-step').map((s) => s.attrs['data-node-id']),
    ).not.toContain('lost');
  });

  it('marks a capacity bottleneck with its utilisation', () => {
    const { root, metrics } = render();
    // 5 a day × 90 min of PT for one person of 480 min: 94 % busy.
    expect(metrics.capacityBottlenecks.map((c) => c.nodeId)).toEqual(['review']);
    const review = stageGroup(root, 'review');
    expect(review.attrs['data-capacity']).toBe('true');
    // Review also has a low %C/A and a rank: the tag keeps to its word, the summary has the figure.
    expect(texts(oneByClass(review, 'capacity-tag'))).toEqual(['Busy']);
    expect(texts(oneByClass(oneByClass(root, 'summary'), 'summary-capacity'))).toEqual([
      'Busy 94%',
      'Code review',
      metrics.capacityBottlenecks[0]?.reason,
    ]);
    // Without the quality mark there is room for the figure on the tag.
    const state = v2State();
    (state.nodes.review as { pctCA?: number }).pctCA = 95;
    const alone = stageGroup(render(v2Map(state)).root, 'review');
    expect(texts(oneByClass(alone, 'capacity-tag'))).toEqual(['Busy 94%']);
    expect(stageGroup(root, 'build').attrs['data-capacity']).toBeUndefined();
  });

  it('draws an outside step under the factory roof, its marks above the roof', () => {
    const { root } = render();
    const audit = stageGroup(root, 'audit');
    expect(audit.attrs['data-outside']).toBe('true');
    const roof = oneByClass(audit, 'outside-roof');
    const box = findAll(audit, (e) => e.name === 'rect')[0] as XmlElement;
    const roofYs = (roof.attrs.points ?? '').split(' ').map((pt) => Number(pt.split(',')[1]));
    expect(Math.min(...roofYs)).toBeLessThan(Number(box.attrs.y));
    const badge = findAll(oneByClass(audit, 'badge'), (e) => e.name === 'rect')[0] as XmlElement;
    expect(Number(badge.attrs.y) + Number(badge.attrs.height)).toBeLessThanOrEqual(
      Math.min(...roofYs) + 8,
    );
    expect(stageGroup(root, 'build').attrs['data-outside']).toBeUndefined();
    expect(byClass(root, 'outside-roof')).toHaveLength(1);
  });
});

describe('summary and legend', () => {
  it('shows the worst case and the expected figures side by side, takt and the projection', () => {
    const { root, metrics } = render();
    const summary = oneByClass(root, 'summary-metrics');
    const value = (cls: string) => textContent(oneByClass(summary, cls));
    expect(metrics.expectedLeadTimeMinutes).toBeLessThan(metrics.totalLeadTimeMinutes);
    expect(value('total-lead-time')).toBe(formatDuration(metrics.totalLeadTimeMinutes, WT));
    expect(value('expected-lead-time')).toBe(formatDuration(metrics.expectedLeadTimeMinutes, WT));
    expect(value('expected-value-add')).toBe(formatDuration(metrics.expectedValueAddMinutes, WT));
    expect(byClass(summary, 'expected-flow-efficiency')).toHaveLength(1);
    const all = texts(summary);
    expect(all).toContain('Lead time');
    expect(all.filter((t) => t === 'worst case')).toHaveLength(3);
    expect(all.filter((t) => t === 'expected')).toHaveLength(3);
    expect(value('takt')).toBe('1h 36m'); // 8 h / 5 a day
    expect(value('rolled-pct-ca')).toBe('57%');
    expect(all.join(' ')).toContain(
      '1 step is on no start→end path and counts for nothing: “Old manual QA”.',
    );
    const projected = all.find((t) => t.startsWith('With the kaizens not yet done: lead time '));
    expect(projected).toContain(formatDuration(metrics.projected.totalLeadTimeMinutes, WT));
  });

  it('keeps the v1 summary when nothing differs, and no takt without demand', () => {
    const state = v2State();
    for (const edge of Object.values(state.edges)) {
      delete edge.rate;
      delete edge.share;
    }
    delete state.nodes.kaizen;
    const map = v2Map(state);
    delete map.meta.demandPerDay;
    const summary = oneByClass(render(map).root, 'summary-metrics');
    expect(byClass(summary, 'expected-lead-time')).toHaveLength(0);
    expect(byClass(summary, 'takt')).toHaveLength(0);
    expect(texts(summary)).toContain('Total lead time');
    expect(texts(summary).join(' ')).not.toContain('kaizens');
  });

  it('fits the side-by-side figures on two lines in a narrow drawing', () => {
    const narrow = expectCleanDocument(renderStateSvg(v2Map(), 's1', { width: 640 }));
    const summary = oneByClass(narrow, 'summary-metrics');
    const worst = oneByClass(summary, 'total-lead-time');
    const expected = oneByClass(summary, 'expected-lead-time');
    expect(Number(expected.attrs.y)).toBeGreaterThan(Number(worst.attrs.y));
  });

  it('explains the v2 marks in the legend only when the drawing uses them', () => {
    const legend = texts(oneByClass(render().root, 'legend')).join(' | ');
    for (const entry of [
      'Queue: items waiting, and for how long',
      'Share of items taking one of either/or routes',
      "Busy above 85% of the day at the map's demand",
      'Step done by another organisation',
      'On no start→end path: counts for nothing',
    ]) {
      expect(legend).toContain(entry);
    }
    const v1 = texts(
      oneByClass(parseXml(renderStateSvg(softwareDeliveryTemplate(), 'current')), 'legend'),
    );
    expect(v1.join(' | ')).not.toMatch(/Queue|either\/or|Busy|organisation|Not counted/);
  });

  it('renders the same bytes whatever the key order', () => {
    const map = v2Map();
    expect(renderStateSvg(shuffled(map), 's1')).toBe(renderStateSvg(map, 's1'));
  });
});
