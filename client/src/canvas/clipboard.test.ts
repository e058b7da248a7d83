import { describe, expect, it } from 'vitest';
import { CLIPBOARD_TYPE, makePayload, parsePayload, serialisePayload } from './clipboard.ts';
import { templateState } from './test-helpers.ts';

const state = templateState();

describe('makePayload', () => {
  it('takes the selected nodes and only the edges between them', () => {
    const payload = makePayload(state, ['vcs', 'auto-tests', 'manual-tests', 'missing']);
    expect(payload?.type).toBe(CLIPBOARD_TYPE);
    expect(payload?.nodes.map((n) => n.id)).toEqual(['vcs', 'auto-tests', 'manual-tests']);
    expect(payload?.edges.map((e) => e.id).sort()).toEqual([
      'auto-tests--manual-tests',
      'manual-tests--vcs--rework',
      'vcs--auto-tests',
    ]);
  });

  it('gives nothing for an empty selection', () => {
    expect(makePayload(state, [])).toBeNull();
    expect(makePayload(state, ['gone'])).toBeNull();
  });
});

describe('parsePayload', () => {
  const payload = makePayload(state, ['vcs', 'auto-tests']);
  if (!payload) throw new Error('no payload');
  const text = serialisePayload(payload);

  it('reads back what was copied', () => {
    const parsed = parsePayload(text);
    expect(parsed).toEqual(payload);
    expect(parsed?.nodes[0]).toMatchObject({ id: 'vcs', name: 'Version control', pctCA: 95 });
  });

  const variant = (change: (raw: Record<string, any>) => void) => {
    const raw = JSON.parse(text);
    change(raw);
    return JSON.stringify(raw);
  };

  it('rejects text that is not a Flowmap payload', () => {
    expect(parsePayload('')).toBeNull();
    expect(parsePayload('hello')).toBeNull();
    expect(parsePayload('{"type":"flowmap/nodes"')).toBeNull();
    expect(parsePayload('["flowmap/nodes"]')).toBeNull();
    expect(parsePayload(variant((r) => (r.type = 'other/nodes')))).toBeNull();
    expect(parsePayload(variant((r) => (r.version = 2)))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes = {})))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes = [])))).toBeNull();
    expect(parsePayload(variant((r) => delete r.edges))).toBeNull();
  });

  it('rejects a payload with any invalid node or edge', () => {
    expect(parsePayload(variant((r) => (r.nodes[0].pctCA = 150)))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes[0].elapsedMinutes = -1)))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes[0].type = 'robot')))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes[0].x = 'left')))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes[0].id = '__proto__')))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes[1].id = r.nodes[0].id)))).toBeNull();
    expect(parsePayload(variant((r) => (r.nodes[0] = null)))).toBeNull();
    expect(parsePayload(variant((r) => (r.edges[0].kind = 'teleport')))).toBeNull();
    expect(parsePayload(variant((r) => (r.edges[0].source = 7)))).toBeNull();
  });

  it('keeps only known fields and drops edges to nodes that were not copied', () => {
    const parsed = parsePayload(
      variant((r) => {
        r.nodes[0].secret = 'x';
        r.edges.push({ id: 'e9', source: 'vcs', target: 'elsewhere', kind: 'flow' });
      }),
    );
    expect(parsed?.nodes[0]).not.toHaveProperty('secret');
    expect(parsed?.edges.map((e) => e.id)).toEqual(['vcs--auto-tests']);
  });
});
