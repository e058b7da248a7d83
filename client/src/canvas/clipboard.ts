// Copy/paste payload: the selected nodes and the edges between them, as JSON text with a type
// marker, so a copy can travel through the system clipboard to another tab or map. Text read
// back from the clipboard is untrusted (anything may be there): it is checked shape by shape and
// node by node with the schema's validators; pasteNodes validates again before writing.
import {
  type MapEdge,
  type MapNode,
  type MapState,
  SCHEMA_VERSION,
  validateMap,
} from '@flowmap/shared';

export const CLIPBOARD_TYPE = 'flowmap/nodes';
export const CLIPBOARD_VERSION = 1;
/** Where a paste lands relative to what was copied, per paste. */
export const PASTE_OFFSET = 40;
const MAX_ITEMS = 2_000;

export interface ClipboardPayload {
  type: typeof CLIPBOARD_TYPE;
  version: typeof CLIPBOARD_VERSION;
  nodes: MapNode[];
  edges: MapEdge[];
}

/** The payload for `nodeIds` of `state`: those nodes and every edge with both ends among them. */
export function makePayload(state: MapState, nodeIds: readonly string[]): ClipboardPayload | null {
  const ids = new Set(nodeIds.filter((id) => Object.hasOwn(state.nodes, id)));
  if (ids.size === 0) return null;
  const nodes = [...ids].map((id) => ({ ...(state.nodes[id] as MapNode) }));
  const edges = Object.values(state.edges)
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ ...e }));
  return { type: CLIPBOARD_TYPE, version: CLIPBOARD_VERSION, nodes, edges };
}

export function serialisePayload(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const byId = (items: unknown[]): Record<string, unknown> | null => {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    if (!isRecord(item) || typeof item.id !== 'string' || Object.hasOwn(out, item.id)) return null;
    // As a key it would replace the prototype rather than add an entry.
    if (item.id === '__proto__') return null;
    out[item.id] = item;
  }
  return out;
};

/**
 * Reads clipboard text back into a payload, or null when it is not one of ours or anything in it
 * is malformed: a paste is all or nothing.
 */
export function parsePayload(text: string): ClipboardPayload | null {
  if (typeof text !== 'string' || !text.includes(CLIPBOARD_TYPE)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(raw) || raw.type !== CLIPBOARD_TYPE || raw.version !== CLIPBOARD_VERSION) {
    return null;
  }
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) return null;
  if (raw.nodes.length === 0 || raw.nodes.length > MAX_ITEMS || raw.edges.length > MAX_ITEMS) {
    return null;
  }
  // The copied nodes and edges are checked as a state of a map: the very rules an
  // import or a document must satisfy, with no second set of field checks to keep in step.
  const nodes = byId(raw.nodes);
  if (!nodes) return null;
  // Edges to nodes that were not copied would be dropped by pasteNodes anyway; anything
  // malformed stays in, for the validator to refuse.
  const dangling = (e: unknown) =>
    isRecord(e) &&
    typeof e.source === 'string' &&
    typeof e.target === 'string' &&
    (!Object.hasOwn(nodes, e.source) || !Object.hasOwn(nodes, e.target));
  const edgeList = raw.edges.filter((e) => !dangling(e));
  const edges = byId(edgeList);
  if (!edges) return null;
  const state = { id: 'clipboard', name: 'clipboard', kind: 'current', order: 0, nodes, edges };
  const result = validateMap({
    meta: { schemaVersion: SCHEMA_VERSION, title: '' },
    states: { clipboard: state },
  });
  const valid = result.ok ? result.map.states.clipboard : undefined;
  if (!valid) return null;
  return {
    type: CLIPBOARD_TYPE,
    version: CLIPBOARD_VERSION,
    nodes: Object.values(valid.nodes),
    edges: Object.values(valid.edges),
  };
}
