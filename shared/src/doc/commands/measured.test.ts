import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  aggregateDeployments,
  aggregateEvents,
  logStageNames,
  matchStages,
  parseDeploymentLog,
  parseEventLog,
  stagesOf,
  toDocumentMeasurement,
} from '../../measure/index.ts';
import { eventsCsv, iso, pipelineState, reworkPasses } from '../../measure/testing.ts';
import { computeStateMetrics } from '../../metrics/stateMetrics.ts';
import { ValidationError, validateMap } from '../../model/schema.ts';
import type { FlowMap } from '../../model/types.ts';
import { writeMapToDoc } from '../create.ts';
import { ORIGINS } from '../origins.ts';
import { readMap } from '../read.ts';
import { recordTransactions } from '../test-helpers.ts';
import { checkTransactionWrites, WriteRefusedError } from '../writeGuard.ts';
import { applyMeasurement, switchToEstimate, switchToMeasured } from './measured.ts';

const WT = { hoursPerDay: 24, daysPerWeek: 7 };
const META = { ...WT, lowPctCAThreshold: 80, bottleneckCount: 3 };

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

function mapDoc(): Y.Doc {
  const map: FlowMap = {
    meta: {
      schemaVersion: 2,
      title: 'Payments',
      description: '',
      ...WT,
      lowPctCAThreshold: 80,
      bottleneckCount: 3,
    },
    states: { current: pipelineState() },
  };
  const doc = new Y.Doc();
  writeMapToDoc(doc, map);
  return doc;
}

function measurement() {
  const read = parseEventLog(eventsCsv(reworkPasses(), false));
  if (!read.ok) throw new Error('bad log');
  const state = pipelineState();
  const mapping = matchStages([...logStageNames(read.rows), 'Triage'], stagesOf(state));
  const deploys = parseDeploymentLog(
    `deployed_at,failed,restored_at\n${iso(0)},false,\n${iso(1440)},true,${iso(1500)}\n`,
  );
  if (!deploys.ok) throw new Error('bad deployments');
  return toDocumentMeasurement(
    aggregateEvents(read.rows, state, WT, mapping),
    mapping,
    aggregateDeployments(deploys.rows, WT),
  );
}

describe('applyMeasurement', () => {
  it('stores the aggregates, the mapping and the DORA inputs as measured in one transaction', () => {
    const doc = mapDoc();
    const seen = recordTransactions(doc);
    applyMeasurement(doc, 'current', measurement());
    expect(seen.filter((t) => t.changed)).toEqual([{ origin: ORIGINS.local, changed: true }]);
    const { map, problems } = readMap(doc);
    expect(problems).toEqual([]);
    const build = map.states.current?.nodes.build;
    expect(build?.measured).toEqual({
      from: iso(0),
      to: iso(2000 + 60 + 6 * 60),
      items: 10,
      passes: 14,
      leadTimeMinutes: { p50: 60, p85: 60, mean: 60 },
      pctCA: Number(((100 * 10) / 14).toPrecision(12)),
    });
    // The estimate is untouched until someone chooses to use the measured figures.
    expect(build).toMatchObject({ elapsedMinutes: 480, valueAddMinutes: 120, pctCA: 90 });
    expect(build?.timeSource).toBeUndefined();
    expect(map.meta.stageMapping).toEqual([
      { log: 'Build', stage: 'build' },
      { log: 'Code review', stage: 'review' },
      { log: 'Deploy', stage: 'deploy' },
      { log: 'Triage', stage: null },
    ]);
    expect(map.states.current?.dora).toEqual({
      deploymentsPerWeek: 7, // 2 deployments in 2 days (first to last, plus the last day)
      changeFailureRate: 0.5,
      timeToRestoreMinutes: 60,
      measured: { from: iso(0), to: iso(1440), deployments: 2 },
    });
  });

  it('refuses an invalid measurement whole and writes nothing', () => {
    const doc = mapDoc();
    const before = Y.encodeStateAsUpdate(doc);
    const problemsOf = (input: Parameters<typeof applyMeasurement>[2]) => {
      try {
        applyMeasurement(doc, 'current', input);
      } catch (error) {
        return error instanceof ValidationError ? error.problems : error;
      }
      return 'written';
    };
    const bad = measurement();
    (bad.stages.review as { pctCA: number }).pctCA = 120;
    expect(problemsOf(bad)).toEqual([{ path: 'stages.review.measured', message: 'must be 0–100' }]);
    const good = measurement();
    expect(
      problemsOf({ ...good, stages: { ...good.stages, end: defined(good.stages.build) } }),
    ).toEqual([{ path: 'stages.end', message: 'there is no stage “end” in this state' }]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('use measured / use estimate', () => {
  it('puts the measured mean LT and %C/A in use, keeps the estimate, and changes the headline', () => {
    const doc = mapDoc();
    const before = computeStateMetrics(defined(readMap(doc).map.states.current), META);
    applyMeasurement(doc, 'current', { ...measurement(), use: 'all' });
    const state = defined(readMap(doc).map.states.current);
    expect(state.nodes.build).toMatchObject({
      elapsedMinutes: 60,
      valueAddMinutes: 60, // the estimate's 120 clamped to the measured LT
      timeSource: 'measured',
      estimate: { elapsedMinutes: 480, valueAddMinutes: 120, pctCA: 90 },
    });
    expect(state.nodes.build?.pctCA).toBeCloseTo((100 * 10) / 14, 9);
    expect(state.nodes.deploy).toMatchObject({
      elapsedMinutes: 60,
      valueAddMinutes: 30,
      pctCA: 100,
    });
    const after = computeStateMetrics(state, META);
    expect(before.totalLeadTimeMinutes).toBe(480 + 960 + 240);
    expect(after.totalLeadTimeMinutes).toBe(180);

    // Using it again does not file the measured figures as the estimate.
    switchToMeasured(doc, 'current', ['build']);
    expect(readMap(doc).map.states.current?.nodes.build?.estimate).toEqual({
      elapsedMinutes: 480,
      valueAddMinutes: 120,
      pctCA: 90,
    });
    switchToEstimate(doc, 'current', ['build']);
    const back = readMap(doc).map.states.current?.nodes.build;
    expect(back).toMatchObject({
      elapsedMinutes: 480,
      valueAddMinutes: 120,
      pctCA: 90,
      timeSource: 'estimate',
    });
    expect(back?.estimate).toBeUndefined();
    expect(back?.measured?.passes).toBe(14);
  });

  it('refuses a stage without measured figures, or one that uses no measured figures', () => {
    const doc = mapDoc();
    expect(() => switchToMeasured(doc, 'current', ['build'])).toThrow(
      'stage “build” has no measured figures',
    );
    expect(() => switchToEstimate(doc, 'current', ['build'])).toThrow(
      'does not use measured figures',
    );
  });
});

describe('measured figures in the document', () => {
  it('survive a snapshot (the encoded document) and a JSON export and import', () => {
    const doc = mapDoc();
    applyMeasurement(doc, 'current', { ...measurement(), use: ['review'] });
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(doc));
    const original = readMap(doc).map;
    expect(readMap(snapshot).map).toEqual(original);
    const imported = validateMap(JSON.parse(JSON.stringify(original)));
    expect(imported).toEqual({ ok: true, map: original });
    expect(original.states.current?.nodes.review?.timeSource).toBe('measured');
  });

  /** What the server does with a client's update: apply it to its copy, then check the writes. */
  function serverAccepts(edit: (doc: Y.Doc) => void): Y.Doc {
    const base = mapDoc();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
    const vector = Y.encodeStateVector(client);
    edit(client);
    const transactions: Y.Transaction[] = [];
    server.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, vector));
    for (const tr of transactions) checkTransactionWrites(server, tr);
    return server;
  }
  const node = (doc: Y.Doc, id: string) =>
    (
      (doc.getMap('states').get('current') as Y.Map<unknown>).get('nodes') as Y.Map<Y.Map<unknown>>
    ).get(id) as Y.Map<unknown>;

  it('passes the server’s write guard, which refuses bad measured values', () => {
    const server = serverAccepts((d) =>
      applyMeasurement(d, 'current', { ...measurement(), use: 'all' }),
    );
    expect(readMap(server).map.states.current?.nodes.review?.measured?.passes).toBe(14);
    const good = defined(measurement().stages.build);
    const refused = (value: unknown, key = 'measured') => {
      try {
        serverAccepts((d) => node(d, 'build').set(key, value));
      } catch (error) {
        expect(error).toBeInstanceOf(WriteRefusedError);
        return (error as WriteRefusedError).message;
      }
      return 'accepted';
    };
    expect(refused(good)).toBe('accepted');
    expect(refused({ ...good, pctCA: 101 })).toBe(
      'states.current.nodes.build.measured: must be 0–100',
    );
    expect(refused({ ...good, rows: [['PAY-1']] })).toMatch(
      /^states\.current\.nodes\.build\.measured: /,
    );
    expect(refused({ ...good, from: 'last week' })).toBe(
      'states.current.nodes.build.measured: must be an ISO 8601 date-time',
    );
    expect(refused({ ...good, leadTimeMinutes: { p50: 90, p85: 60, mean: 70 } })).toBe(
      'states.current.nodes.build.measured: p50 must not exceed p85',
    );
    expect(refused({ ...good, from: good.to, to: good.from })).toBe(
      'states.current.nodes.build.measured: must start (from) before it ends (to)',
    );
    expect(refused({ elapsedMinutes: -1 }, 'estimate')).toBe(
      'states.current.nodes.build.estimate: must not be negative',
    );
    let mappingRefusal = '';
    try {
      serverAccepts((d) => d.getMap('meta').set('stageMapping', [{ log: '', stage: 'build' }]));
    } catch (error) {
      mappingRefusal = (error as Error).message;
    }
    expect(mappingRefusal).toBe('meta.stageMapping: must not be empty');
  });
});
