// Sticky notes in the export sit where the editor shows them relative to the flow: a note clear of
// a stage in the editor stays clear of it in the picture, however much positions are scaled to fit
// the page, and its text is wrapped at the editor's width, never cut.
import { describe, expect, it } from 'vitest';
import { makeNode, makeStage, makeState } from '../metrics/testing.ts';
import type { MapNode } from '../model/types.ts';
import { EDITOR_SIZES, NOTE_BOX, noteText } from './editorGeometry.ts';
import { renderStateSvg } from './index.ts';
import { STAGE_H, STAGE_W } from './layout.ts';
import type { XmlElement } from './testing.ts';
import {
  byClass,
  expectCleanDocument,
  findAll,
  mapOf,
  stageGroup,
  textContent,
} from './testing.ts';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function stageBox(root: XmlElement, id: string): Box {
  const rect = findAll(stageGroup(root, id), (e) => e.name === 'rect')[0];
  if (!rect) throw new Error(`stage ${id} has no box`);
  return { x: Number(rect.attrs.x), y: Number(rect.attrs.y), w: STAGE_W, h: STAGE_H };
}

function noteGroup(root: XmlElement, id: string): XmlElement {
  const g = byClass(root, 'note').find((e) => e.attrs['data-node-id'] === id);
  if (!g) throw new Error(`no note ${id}`);
  return g;
}

/** The note's outline: "M{x},{y} H{x+w} V… L… H{x} Z". */
function noteBox(root: XmlElement, id: string): Box {
  const d = findAll(noteGroup(root, id), (e) => e.name === 'path')[0]?.attrs.d ?? '';
  const m = /^M([\d.-]+),([\d.-]+) H([\d.-]+) V([\d.-]+) L[\d.-]+,([\d.-]+)/.exec(d);
  if (!m) throw new Error(`unexpected note outline ${d}`);
  const [x, y, right, , bottom] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { x, y, w: right - x, h: bottom - y };
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const note = (id: string, x: number, y: number, name: string, team?: string): MapNode =>
  makeNode(id, 'note', { x, y, name, ...(team ? { team } : {}) });

/**
 * Two stages far apart (so the map is scaled down to fit 1,600 px) and notes placed just clear of
 * the first one in the editor: right of it, under it, and left of it.
 */
function crowdedState() {
  const stage = EDITOR_SIZES.stage;
  return makeState([
    makeStage('review', 60, 30, 90, { x: 0, y: 0, name: 'Review' }),
    makeStage('deploy', 60, 30, 90, { x: 2600, y: 0, name: 'Deploy' }),
    note('n-right', stage.w + 10, 0, 'Ask the security team before Friday'),
    note('n-below', 0, stage.h + 10, 'Reviews wait for the one senior on the team', 'Dev'),
    note('n-left', -(NOTE_BOX.width + 10), 20, 'Trigger'),
  ]);
}

describe('sticky notes in exports', () => {
  it('keeps a note clear of the stage it is clear of in the editor', () => {
    const root = expectCleanDocument(renderStateSvg(mapOf(crowdedState()), 's1'));
    const stage = stageBox(root, 'review');
    for (const id of ['n-right', 'n-below', 'n-left']) {
      const box = noteBox(root, id);
      expect(overlap(box, stage), id).toBe(false);
    }
    // Each stays on its side of the stage.
    expect(noteBox(root, 'n-right').x).toBeGreaterThanOrEqual(stage.x + stage.w);
    expect(noteBox(root, 'n-below').y).toBeGreaterThanOrEqual(stage.y + stage.h);
    const left = noteBox(root, 'n-left');
    expect(left.x + left.w).toBeLessThanOrEqual(stage.x);
  });

  it('leaves a note on a stage where the editor has it', () => {
    const state = makeState([
      makeStage('review', 60, 30, 90, { x: 0, y: 0, name: 'Review' }),
      makeStage('deploy', 60, 30, 90, { x: 2600, y: 0, name: 'Deploy' }),
      note('n-on', 40, 30, 'On top'),
    ]);
    const root = expectCleanDocument(renderStateSvg(mapOf(state), 's1'));
    expect(overlap(noteBox(root, 'n-on'), stageBox(root, 'review'))).toBe(true);
  });

  it('wraps a long note at the editor width and shows all of it, with its team', () => {
    const long =
      'Reviews wait for the one senior engineer who knows the payments code; ask for a second reviewer before the quarter ends';
    const state = makeState([
      makeStage('review', 60, 30, 90, { x: 0, y: 0, name: 'Review' }),
      note('n', 0, 400, long, 'Payments team'),
    ]);
    const root = expectCleanDocument(renderStateSvg(mapOf(state), 's1'));
    const g = noteGroup(root, 'n');
    const text = byClass(g, 'note-text')[0];
    if (!text) throw new Error('no note text');
    const lines = findAll(text, (e) => e.name === 'tspan').map(textContent);
    expect(lines.length).toBeGreaterThan(4);
    // Every word is there, in order, nothing ellipsised.
    expect(lines.join(' ')).toBe(long);
    expect(lines.join('')).not.toContain('…');
    expect(textContent(byClass(g, 'note-team')[0] ?? g)).toBe('Payments team');
    // The note grows with its text, as in the editor.
    const box = noteBox(root, 'n');
    expect(box.w).toBe(NOTE_BOX.width);
    expect(box.h).toBe(noteText(long, 'Payments team').height);
    expect(box.h).toBeGreaterThan(lines.length * NOTE_BOX.lineHeight);
  });

  it('keeps the line breaks typed into a note', () => {
    expect(noteText('Ask QA\nthen ship', '').lines).toEqual(['Ask QA', 'then ship']);
    expect(noteText('', '').height).toBe(NOTE_BOX.minHeight);
  });
});
