// Node geometry shared by the node components, their CSS and the layout. Every pipeline node puts
// its flow handles HANDLE_Y below its top, so boxes of different heights placed on one row (same
// y) get level arrows between them.
import type { NodeType } from '@flowmap/shared';
import type { Size } from '../types.ts';

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
