// Node geometry shared by the node components, their CSS and the layout. Every pipeline node puts
// its flow handles HANDLE_Y below its top, so boxes of different heights placed on one row (same
// y) get level arrows between them.
import type { NodeType } from '@flowmap/shared';
import type { NodeHandle, Position } from '@xyflow/react';
import { HANDLES, type Size } from '../types.ts';

export const HANDLE_Y = 36;

const DEFAULT_SIZES: Record<NodeType, Size> = {
  stage: { width: 210, height: 150 },
  start: { width: 180, height: 72 },
  end: { width: 180, height: 72 },
  kaizen: { width: 200, height: 130 },
  note: { width: 180, height: 90 },
  queue: { width: 120, height: 110 },
};

/** The size a node has before React Flow measured it (close to its usual rendered size). */
export function defaultSize(type: NodeType): Size {
  return DEFAULT_SIZES[type];
}

/** The offset from the point where a node should appear to its top-left corner. */
export function anchorOffset(type: NodeType): { x: number; y: number } {
  const size = defaultSize(type);
  return {
    x: size.width / 2,
    y: type === 'kaizen' || type === 'note' ? size.height / 2 : HANDLE_Y,
  };
}

/** A handle's box relative to its node's top-left corner, as React Flow measures it. */
export type HandleBox = NodeHandle & { id: string; width: number; height: number };

// .vsm-handle is 14px square, centred on its edge of the padding box (React Flow's translate
// −50%). Stages, start and end have a 2px border; the queue's triangle and the kaizen burst's
// handle sit on a box without one. The flow handles are placed HANDLE_Y − 2 below the padding
// box's top, rework handles at 38 % and 62 % of its width (PipelineHandles).
const HANDLE = 14;
// React Flow's Position values, without importing React Flow at run time (the e2e test that
// checks these boxes against the browser's imports this module in Node).
const LEFT = 'left' as Position;
const RIGHT = 'right' as Position;
const TOP = 'top' as Position;
const BOTTOM = 'bottom' as Position;
const HALF = HANDLE / 2;
const BORDER = 2;
const FLOW_TOP = HANDLE_Y - BORDER;

/**
 * Where a node's handles are, from its type and size alone: what React Flow would measure once
 * the node is in the DOM (checked against the measured boxes in e2e handles.spec.ts). React Flow
 * mounts every node it has no handle boxes for, to measure them, however far off-screen it is: on
 * a 300-stage map that was 302 full nodes created, laid out and removed again on the first load.
 * Given these, it mounts only what is in view.
 */
export function handleBoxes(type: NodeType, size: Size): HandleBox[] {
  const { width, height } = size;
  const box = (
    id: string,
    kind: HandleBox['type'],
    position: Position,
    x: number,
    y: number,
  ): HandleBox => ({ id, type: kind, position, x, y, width: HANDLE, height: HANDLE });
  if (type === 'note') return [];
  if (type === 'kaizen') {
    return [box(HANDLES.linkOut, 'source', BOTTOM, width / 2 - HALF, height - HALF)];
  }
  const border = type === 'queue' ? 0 : BORDER;
  const inner = width - 2 * border;
  const flowY = border + FLOW_TOP - HALF;
  const bottom = height - border - HALF;
  return [
    box(HANDLES.in, 'target', LEFT, border - HALF, flowY),
    box(HANDLES.out, 'source', RIGHT, width - border - HALF, flowY),
    box(HANDLES.linkIn, 'target', TOP, width / 2 - HALF, border - HALF),
    box(HANDLES.reworkOut, 'source', BOTTOM, border + 0.62 * inner - HALF, bottom),
    box(HANDLES.reworkIn, 'target', BOTTOM, border + 0.38 * inner - HALF, bottom),
  ];
}
