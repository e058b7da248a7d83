// Copy/paste payload: the selected nodes and the edges between them, as JSON text with a type
// marker, so a copy can travel through the system clipboard to another tab or map. Text read
// back from the clipboard is untrusted (anything may be there): it is checked shape by shape and
// node by node with the schema's validators; pasteNodes validates again before writing.
import {
  EDGE_KINDS,
  type MapEdge,
  type MapNode,
  type MapState,
  validateNodePatch,
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

const NODE_KEYS = [
  'id',
  'type',
  'x',
  'y',
  'name',
  'team',
  'elapsedMinutes',
  'valueAddMinutes',
  'pctCA',
  'notes',
] as const;

function parseNode(raw: unknown): MapNode | null {
  if (!isRecord(raw) || typeof raw.id !== 'string') return null;
  const node: Record<string, unknown> = {};
  for (const key of NODE_KEYS) if (raw[key] !== undefined) node[key] = raw[key];
  node.name ??= '';
  const problems = validateNodePatch({ type: undefined, x: undefined, y: undefined, ...node });
  return problems.length === 0 ? (node as unknown as MapNode) : null;
}

function parseEdge(raw: unknown): MapEdge | null {
  if (!isRecord(raw)) return null;
  const { id, source, target, kind } = raw;
  if (typeof id !== 'string' || typeof source !== 'string' || typeof target !== 'string') {
    return null;
  }
  if (!(EDGE_KINDS as readonly unknown[]).includes(kind)) return null;
  return { id, source, target, kind: kind as MapEdge['kind'] };
}

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
  const nodes: MapNode[] = [];
  const ids = new Set<string>();
  for (const item of raw.nodes) {
    const node = parseNode(item);
    if (!node || ids.has(node.id)) return null;
    ids.add(node.id);
    nodes.push(node);
  }
  const edges: MapEdge[] = [];
  for (const item of raw.edges) {
    const edge = parseEdge(item);
    if (!edge) return null;
    // Edges to nodes that were not copied would be dropped by pasteNodes anyway.
    if (ids.has(edge.source) && ids.has(edge.target)) edges.push(edge);
  }
  return { type: CLIPBOARD_TYPE, version: CLIPBOARD_VERSION, nodes, edges };
}
