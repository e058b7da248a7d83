// What a screen reader announces for a node on the canvas.
import type { NodeType } from '@flowmap/shared';
import type { VsmNodeData } from './elements.ts';

const KIND_WORDS: Record<NodeType, string> = {
  stage: 'Stage',
  start: 'Start',
  end: 'End',
  kaizen: 'Kaizen burst',
  note: 'Note',
};

/** What a screen reader announces for a node: its kind, name and, for stages, the numbers. */
export function describeNode(type: NodeType, data: VsmNodeData): string {
  const parts = [`${KIND_WORDS[type]}: ${data.name || 'unnamed'}`];
  if (data.team) parts.push(`team ${data.team}`);
  if (type === 'stage') {
    parts.push(`lead time ${data.lt ?? 'not entered'}`, `process time ${data.pt ?? 'not entered'}`);
    parts.push(`complete and accurate ${data.ca ?? 'not entered'}`);
    if (data.rank !== null) parts.push(`bottleneck number ${data.rank}: ${data.rankReason ?? ''}`);
    if (data.quality) parts.push(`quality bottleneck: ${data.quality}`);
  }
  return parts.join(', ');
}
