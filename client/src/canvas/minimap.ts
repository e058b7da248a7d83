// MiniMap colours: the overview shows the same heat as the canvas, so the hot spots of a long
// value stream can be found from the corner. Module-level functions keep the MiniMap's props
// stable between renders.
import type { VsmNode } from './types.ts';

// React Flow sets these as inline styles, so the design tokens apply.
const HEAT = [
  'var(--heat-0)',
  'var(--heat-1)',
  'var(--heat-2)',
  'var(--heat-3)',
  'var(--heat-4)',
] as const;

export function minimapNodeColour(node: VsmNode): string {
  switch (node.type) {
    case 'stage':
      return HEAT[node.data.heat] ?? HEAT[0];
    case 'kaizen':
      return '#ffd54f';
    case 'note':
      return '#fff59d';
    default:
      return '#e6edfd';
  }
}

export function minimapStrokeColour(node: VsmNode): string {
  if (node.type === 'stage' && node.data.quality) return 'var(--quality)';
  if (node.type === 'stage' && node.data.critical) return 'var(--text)';
  return '#98a2b3';
}
