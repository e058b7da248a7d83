import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { computeStateMetrics } from '../../metrics/stateMetrics.ts';
import { ORIGINS } from '../origins.ts';
import {
  expectRefused,
  freshMap,
  makeStage,
  paths,
  readClean,
  recordTransactions,
  sync,
} from '../test-helpers.ts';
import { createUndoManager } from '../undo.ts';
import { connect } from './edges.ts';
import { addKaizen, linkKaizen } from './kaizen.ts';
import { addNode, updateNode } from './nodes.ts';

/** start → build (2d, PT 2h, 80 %) → test (1d, PT 1h, 90 %) → end, 8 h days. */
function pipeline() {
  const { doc, stateId } = freshMap();
  addNode(doc, stateId, { id: 'start', type: 'start', x: 0, y: 0 });
  addNode(
    doc,
    stateId,
    makeStage({ id: 'build', elapsedMinutes: 960, valueAddMinutes: 120, pctCA: 80 }),
  );
  addNode(
    doc,
    stateId,
    makeStage({ id: 'test', elapsedMinutes: 480, valueAddMinutes: 60, pctCA: 90 }),
  );
  addNode(doc, stateId, { id: 'end', type: 'end', x: 0, y: 0 });
  connect(doc, stateId, { source: 'start', target: 'build' });
  connect(doc, stateId, { source: 'build', target: 'test' });
  connect(doc, stateId, { source: 'test', target: 'end' });
  return { doc, stateId };
}

const edgesOf = (doc: Y.Doc, stateId: string) =>
  Object.values(readClean(doc).states[stateId]?.edges ?? {});
const linksFrom = (doc: Y.Doc, stateId: string, kaizenId: string) =>
  edgesOf(doc, stateId)
    .filter((e) => e.source === kaizenId)
    .map((e) => ({ target: e.target, kind: e.kind }));

describe('addKaizen', () => {
  it('adds the burst and its link to the stage in one local transaction', () => {
    const { doc, stateId } = pipeline();
    const seen = recordTransactions(doc);
    const { kaizenId, linkId } = addKaizen(doc, stateId, {
      x: 40,
      y: -150,
      name: 'Automate the build',
      stageId: 'build',
    });
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    const state = readClean(doc).states[stateId];
    expect(state?.nodes[kaizenId]).toEqual({
      id: kaizenId,
      type: 'kaizen',
      x: 40,
      y: -150,
      name: 'Automate the build',
    });
    expect(linkId).not.toBeNull();
    expect(state?.edges[linkId as string]).toEqual({
      id: linkId,
      source: kaizenId,
      target: 'build',
      kind: 'flow',
    });
  });

  it('is one undo step: undo removes the burst and its link together, redo brings both', () => {
    const { doc, stateId } = pipeline();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const { kaizenId } = addKaizen(doc, stateId, { x: 0, y: 0, stageId: 'test' });
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(readClean(doc).states[stateId]?.nodes[kaizenId]).toBeUndefined();
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([]);
    expect(edgesOf(doc, stateId)).toHaveLength(3);
    undo.redo();
    expect(readClean(doc).states[stateId]?.nodes[kaizenId]?.type).toBe('kaizen');
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([{ target: 'test', kind: 'flow' }]);
  });

  it('without a stage adds an unlinked burst, as before', () => {
    const { doc, stateId } = pipeline();
    const { kaizenId, linkId } = addKaizen(doc, stateId, { x: 5, y: 6, stageId: null });
    expect(linkId).toBeNull();
    expect(readClean(doc).states[stateId]?.nodes[kaizenId]).toEqual({
      id: kaizenId,
      type: 'kaizen',
      x: 5,
      y: 6,
      name: '',
    });
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([]);
  });

  it.each([
    ['an unknown stage', 'nope', 'there is no node “nope” in this state'],
    ['a start node', 'start', 'a kaizen burst can only improve a process stage'],
  ])('refuses %s and writes nothing', (_label, stageId, message) => {
    const { doc, stateId } = pipeline();
    const problems = expectRefused(doc, () => addKaizen(doc, stateId, { x: 0, y: 0, stageId }));
    expect(problems).toEqual([{ path: 'stageId', message }]);
  });

  it('refuses bad burst fields before linking anything', () => {
    const { doc, stateId } = pipeline();
    const problems = expectRefused(doc, () =>
      addKaizen(doc, stateId, { x: Number.NaN, y: 0, stageId: 'build', status: 'soon' as never }),
    );
    expect(paths(problems).sort()).toEqual(['status', 'x']);
  });

  it('reaches a collaborator whole, and its effect shows in their projected state', () => {
    const { doc, stateId } = pipeline();
    const other = new Y.Doc();
    sync(doc, other);
    const { kaizenId } = addKaizen(doc, stateId, { x: 0, y: 0, stageId: 'build' });
    updateNode(doc, stateId, kaizenId, {
      status: 'planned',
      effectElapsedMinutes: 240,
      effectValueAddMinutes: 60,
      effectPctCA: 95,
    });
    sync(doc, other);
    const map = readClean(other);
    const state = map.states[stateId];
    if (!state) throw new Error('state missing');
    const metrics = computeStateMetrics(state, map.meta);
    // Drawn: 960 + 480 = 1440; build would take 240: 240 + 480 = 720, PT 60 + 60.
    expect(metrics.totalLeadTimeMinutes).toBe(1440);
    expect(metrics.projected.totalLeadTimeMinutes).toBe(720);
    expect(metrics.projected.totalValueAddMinutes).toBe(120);
    expect(metrics.projected.rolledPctCA).toBeCloseTo(0.95 * 0.9, 12);
    expect(metrics.rolledPctCA).toBeCloseTo(0.8 * 0.9, 12);
  });
});

describe('linkKaizen', () => {
  it('moves the link to another stage in one transaction, leaving one link', () => {
    const { doc, stateId } = pipeline();
    const { kaizenId, linkId } = addKaizen(doc, stateId, { x: 0, y: 0, stageId: 'build' });
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    const seen = recordTransactions(doc);
    const moved = linkKaizen(doc, stateId, kaizenId, 'test');
    expect(seen).toEqual([{ origin: ORIGINS.local, changed: true }]);
    expect(moved).not.toBe(linkId);
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([{ target: 'test', kind: 'flow' }]);
    undo.undo();
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([{ target: 'build', kind: 'flow' }]);
  });

  it('keeps a link that is already there and writes nothing', () => {
    const { doc, stateId } = pipeline();
    const { kaizenId, linkId } = addKaizen(doc, stateId, { x: 0, y: 0, stageId: 'build' });
    const seen = recordTransactions(doc);
    expect(linkKaizen(doc, stateId, kaizenId, 'build')).toBe(linkId);
    expect(seen).toEqual([]);
  });

  it('links an unlinked burst, and drops every link (a burst dragged to two stages) on null', () => {
    const { doc, stateId } = pipeline();
    const { kaizenId } = addKaizen(doc, stateId, { x: 0, y: 0 });
    expect(linkKaizen(doc, stateId, kaizenId, 'test')).not.toBeNull();
    connect(doc, stateId, { source: kaizenId, target: 'build' });
    expect(linksFrom(doc, stateId, kaizenId)).toHaveLength(2);
    expect(linkKaizen(doc, stateId, kaizenId, null)).toBeNull();
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([]);
    expect(edgesOf(doc, stateId)).toHaveLength(3);
  });

  it('refuses a node that is not a burst, and a target that is not a stage', () => {
    const { doc, stateId } = pipeline();
    const { kaizenId } = addKaizen(doc, stateId, { x: 0, y: 0, stageId: 'build' });
    expect(expectRefused(doc, () => linkKaizen(doc, stateId, 'build', 'test'))).toEqual([
      { path: 'kaizenId', message: 'only a kaizen burst is linked to a stage' },
    ]);
    expect(expectRefused(doc, () => linkKaizen(doc, stateId, kaizenId, 'end'))).toEqual([
      { path: 'stageId', message: 'a kaizen burst can only improve a process stage' },
    ]);
    expect(linksFrom(doc, stateId, kaizenId)).toEqual([{ target: 'build', kind: 'flow' }]);
  });
});
