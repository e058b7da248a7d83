// What a screen reader announces for a node on the canvas.
import type { NodeType } from '@flowmap/shared';
import type { VsmNodeData } from './types.ts';

const KIND_WORDS: Record<NodeType, string> = {
  stage: 'Stage',
  start: 'Start',
  end: 'End',
  kaizen: 'Kaizen burst',
  note: 'Note',
  queue: 'Queue',
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
    if (data.range) parts.push(`lead time range ${data.range}`);
    if (data.measured) parts.push('times measured');
    if (data.outside) parts.push('done by another organisation');
    if (!data.counted) parts.push('not connected, not counted');
  }
  if (type === 'kaizen') {
    if (data.owner) parts.push(`owner ${data.owner}`);
    if (data.status) parts.push(`status ${data.status}`);
  }
  return parts.join(', ');
}
